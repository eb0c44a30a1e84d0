// Markdown pipe tables: reading one line into cells, and writing rows back with the pipes aligned
// (CJK characters count double, as a monospace editor font shows them). The template writes its tables
// with this and the formatter re-aligns drafts with it, so both produce the same layout.

import { displayWidth } from './text';

export type Align = 'none' | 'left' | 'right' | 'center';

export type PipeLine = { kind: 'cells'; cells: string[] } | { kind: 'alignment'; aligns: Align[] };

/** A line is part of a pipe table when it starts with a pipe. */
export function isPipeLine(line: string): boolean {
  return line.trimStart().startsWith('|');
}

const ALIGNMENT_CELL = /^:?-+:?$/;
/** A pipe written as "\|" belongs to the cell. */
const SEPARATOR = /(?<!\\)\|/;

export function parsePipeLine(line: string): PipeLine {
  let content = line.trim().slice(1);
  if (content.endsWith('|') && !content.endsWith('\\|')) content = content.slice(0, -1);
  const cells = content.split(SEPARATOR).map((c) => c.trim());
  if (cells.every((c) => ALIGNMENT_CELL.test(c))) {
    return {
      kind: 'alignment',
      aligns: cells.map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : 'none')),
    };
  }
  return { kind: 'cells', cells };
}

/** The narrowest alignment cell that still shows its colons ("-", ":-", "-:", ":-:" need at least 3). */
const MIN_WIDTH = 3;

function pad(text: string, width: number, align: Align): string {
  const gap = width - displayWidth(text);
  if (align === 'right') return ' '.repeat(gap) + text;
  if (align === 'center') return ' '.repeat(gap >> 1) + text + ' '.repeat(gap - (gap >> 1));
  return text + ' '.repeat(gap);
}

function dashes(width: number, align: Align): string {
  const left = align === 'left' || align === 'center' ? ':' : '';
  const right = align === 'right' || align === 'center' ? ':' : '';
  return left + '-'.repeat(width - left.length - right.length) + right;
}

/** The lines of one table, each cell padded to its column's width; every line gets a leading and a trailing pipe. */
export function renderPipeTable(lines: PipeLine[], indent = ''): string[] {
  const widths: number[] = [];
  for (const line of lines) {
    const cells = line.kind === 'cells' ? line.cells : line.aligns.map(() => '');
    cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? MIN_WIDTH, displayWidth(cell))));
  }
  const aligns = lines.find((l): l is Extract<PipeLine, { kind: 'alignment' }> => l.kind === 'alignment')?.aligns ?? [];
  return lines.map((line) => {
    const parts = line.kind === 'cells' ? line.cells.map((cell, i) => pad(cell, widths[i], aligns[i] ?? 'none')) : line.aligns.map((align, i) => dashes(widths[i], align));
    return `${indent}| ${parts.join(' | ')} |`;
  });
}
