// The Markdown draft every reader of a source file (Word, web page, PDF) produces, from the blocks it found in
// reading order: the title line first, then headings, prose paragraphs and tables, each line with the place in
// the source where the user finds it. The draft is what the text parser reads, so it stays plain: a section
// heading (一、…六、) becomes `## …`, every other heading and paragraph a plain line, and every table a pipe table
// with one row per source row and every cell where the source has it (merged cells already expanded by the
// reader: the text in the first row/column of the merge, empty fields in the rows/columns it covers).
//
// API (small on purpose):
//   renderDraft(blocks, options?) → ConvertedReport
//   Block = HeadingBlock | ParagraphBlock | TableBlock (each with its SourcePlace; a table row has its own)
//   joinCellParts(parts) — how the paragraphs/lines of one cell are joined into one field
//   isTitleText(text)    — whether a line reads as a report title (政府信息公开工作年度报告 …)

import { classifyField } from '../core/text';
import type { ConvertedReport, SourcePlace } from './types';

export interface HeadingBlock {
  kind: 'heading';
  /** 0 for a title style (Word "Title"), 1–9 for heading levels (Word Heading 1 / 标题 1, HTML h1…). */
  level: number;
  text: string;
  place: SourcePlace;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** May hold line breaks (Word w:br, HTML <br>): each becomes its own line of the draft, with the same place. */
  text: string;
  place: SourcePlace;
}

export interface TableRowBlock {
  /** One field per grid column, merged cells expanded (text in the first, '' in the covered fields). */
  cells: string[];
  /** A row marked as a header to repeat on every page (Word w:tblHeader, HTML <thead>). */
  header?: boolean;
  place: SourcePlace;
}

export interface TableBlock {
  kind: 'table';
  rows: TableRowBlock[];
  place: SourcePlace;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface DraftOptions {
  /** The title line, when the reader found it apart from the blocks (a web page's <h1> outside the article). */
  title?: { text: string; place: SourcePlace };
  /** The source file's name: the draft then starts with the comment `<!-- 来源：<name> -->`. */
  fileName?: string;
}

/** A line that reads as the report's title. */
const TITLE = /信息公开.{0,12}报告|年度报告|年报/;
/** A section heading of the format: 一、 … 六、 (also 一. 一．). */
const SECTION_HEADING = /^\s*[一二三四五六]\s*[、.．]/;
/** A line of a title that carries only the year and the report's name (the body stands on the line above). */
const TITLE_WITHOUT_BODY = /^\s*[（(]?\s*[0-9０-９]{4}\s*年/;

export function isTitleText(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 80 && TITLE.test(t);
}

const isCjk = (ch: string): boolean => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch);

/**
 * The text of one cell from its parts (paragraphs, lines): joined without a space between two CJK characters
 * (a label wrapped in its cell, 商业 / 企业), with one space otherwise.
 */
export function joinCellParts(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (part === '') continue;
    if (out === '') out = part;
    else out += isCjk(out[out.length - 1]) && isCjk(part[0]) ? part : ` ${part}`;
  }
  return out;
}

/** A cell as a pipe-table field: one line, no bar of its own. */
function field(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '｜');
}

/** A paragraph line that the Markdown reading would take for something else (a table row, a heading) is kept as text. */
function plainLine(text: string): string {
  const line = text.replace(/[\r\u2028\u2029]/g, '').replace(/\s+$/, '');
  if (/^\s*\|/.test(line)) return line.replace('|', '｜');
  if (/^\s*#/.test(line)) return line.replace('#', '＃');
  return line;
}

const holdsFigure = (row: TableRowBlock): boolean => row.cells.some((c) => classifyField(c).kind === 'number');

interface Out {
  lines: string[];
  places: (SourcePlace | null)[];
}

function push(out: Out, line: string, place: SourcePlace | null): void {
  out.lines.push(line);
  out.places.push(place);
}

function blank(out: Out): void {
  if (out.lines.length > 0 && out.lines[out.lines.length - 1] !== '') push(out, '', null);
}

function renderTable(out: Out, table: TableBlock): void {
  const rows = table.rows.filter((r) => r.cells.length > 0);
  if (rows.length === 0) return;
  const width = Math.max(...rows.map((r) => r.cells.length));
  const line = (cells: string[]) => {
    const padded = [...cells, ...Array<string>(width - cells.length).fill('')];
    return `| ${padded.map(field).join(' | ')} |`;
  };
  blank(out);
  // The first row is the pipe table's header when it holds no figures; otherwise the header is empty.
  const first = rows[0];
  const headerIsRow = !holdsFigure(first);
  push(out, headerIsRow ? line(first.cells) : line([]), headerIsRow ? first.place : null);
  push(out, `|${Array<string>(width).fill(' --- ').join('|')}|`, null);
  for (const row of headerIsRow ? rows.slice(1) : rows) push(out, line(row.cells), row.place);
  push(out, '', null);
}

/** The title: the first heading or paragraph that reads as one (among the first blocks), else the first of them. */
function findTitle(blocks: Block[]): { index: number; text: string; also: number } | null {
  let firstText = -1;
  let seen = 0;
  for (let i = 0; i < blocks.length && seen < 8; i++) {
    const b = blocks[i];
    if (b.kind === 'table') break;
    if (b.text.trim() === '') continue;
    if (firstText < 0) firstText = i;
    seen++;
    if (SECTION_HEADING.test(b.text)) break;
    if (isTitleText(b.text)) {
      // 某某局 / 2023年政府信息公开工作年度报告 on two lines: the body's line goes in front.
      const prev = blocks.slice(0, i).reverse().find((p) => p.kind !== 'table' && p.text.trim() !== '');
      if (TITLE_WITHOUT_BODY.test(b.text) && prev && prev.kind !== 'table' && prev.text.trim().length <= 30 && !/[。，,；;：:]/.test(prev.text)) {
        return { index: i, text: prev.text.trim() + b.text.trim(), also: blocks.indexOf(prev) };
      }
      return { index: i, text: b.text.trim(), also: -1 };
    }
  }
  if (firstText < 0) return null;
  const b = blocks[firstText] as HeadingBlock | ParagraphBlock;
  return { index: firstText, text: b.text.trim(), also: -1 };
}

/**
 * The draft: an optional source comment, the title line (`# …`), then the blocks in order, one blank line between
 * blocks. `places[i]` is where line i came from; null for lines the renderer made (blank lines, |---| rows, the
 * header of a table whose first row holds figures, the source comment).
 */
export function renderDraft(blocks: Block[], options: DraftOptions = {}): ConvertedReport {
  const out: Out = { lines: [], places: [] };
  if (options.fileName !== undefined) {
    push(out, `<!-- 来源：${options.fileName.replace(/--/g, '－－')} -->`, null);
    push(out, '', null);
  }
  let skip = new Set<number>();
  if (options.title) {
    push(out, `# ${options.title.text.replace(/\s+/g, ' ').trim()}`, options.title.place);
  } else {
    const title = findTitle(blocks);
    if (title) {
      const b = blocks[title.index] as HeadingBlock | ParagraphBlock;
      push(out, `# ${title.text.replace(/\s+/g, ' ')}`, title.also >= 0 ? (blocks[title.also] as HeadingBlock | ParagraphBlock).place : b.place);
      skip = new Set([title.index, title.also]);
    }
  }
  for (const [i, block] of blocks.entries()) {
    if (skip.has(i)) continue;
    if (block.kind === 'table') {
      renderTable(out, block);
      continue;
    }
    const lines = block.text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    blank(out);
    if (block.kind === 'heading' && SECTION_HEADING.test(lines[0])) {
      push(out, `## ${lines.map((l) => l.trim()).join('')}`, block.place);
    } else {
      for (const l of lines) push(out, plainLine(l), block.place);
    }
  }
  while (out.lines.length > 0 && out.lines[out.lines.length - 1] === '') {
    out.lines.pop();
    out.places.pop();
  }
  return { text: out.lines.join('\n') + '\n', places: [...out.places, null] };
}
