// Layout noise for the property tests of test/unit/layout-properties.test.ts: small edits that a PDF
// extractor, a web page or a clerk introduces into a report's tables without changing a single figure.
// Each mutation is a pure function (text, rng) → text; it parses the text once to find the tables and
// touches only lines inside a table region (from the first to the last line that holds a cell of
// model.tables[id]), except 'blank-lines', which by definition touches every line.
//
// Every mutation also exists as a plan (MUTATION_PLANS): the mutated text together with the lines it
// touched (for failure messages) and, for 'zero-to-blank', the cells whose expected value is now 'blank'.
// A plan is null where the mutation has nothing to act on (no table, no eligible row or line); the plain
// function then returns the text unchanged.

import type { Cell, ReportModel, Row, TableId } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse/index';
import { lineOf } from '../../server/src/core/text';
import { randomInt } from './random';

export type Rng = () => number;

export const MUTATION_NAMES = [
  'page-number',
  'running-header',
  'blank-lines',
  'wrap-label-head-alone',
  'wrap-label-tail-alone',
  'drop-numbering',
  'zero-to-blank',
] as const;

export type MutationName = (typeof MUTATION_NAMES)[number];

/** Mutations that draw nothing from the rng: one variant is all there is. */
export const DETERMINISTIC: ReadonlySet<MutationName> = new Set<MutationName>(['blank-lines']);

export interface CellKey {
  table: TableId;
  rowId: string;
  columnId: string;
}

export interface Plan {
  text: string;
  /** What was done, in words (which table, row, label, split point, inserted line…). */
  note: string;
  /** 0-based lines of the original text that were edited, or after which a line was inserted. */
  lines: number[];
  /** Cells whose value is now expected to be 'blank' (zero-to-blank only). */
  blanked: CellKey[];
}

export type Mutation = (text: string, rng: Rng) => string;
export type PlanFn = (text: string, rng: Rng) => Plan | null;

// ---------------------------------------------------------------------------------------------------
// Shared helpers

let cached: { text: string; model: ReportModel } | null = null;

/** The parser's model of a text (the last one is kept: every variant of a file parses the same original). */
export function modelOf(text: string): ReportModel {
  if (cached?.text !== text) cached = { text, model: parseReport(text) };
  return cached.model;
}

/** [start, end) of line n's content, without its line break. */
function lineBounds(text: string, lineStarts: number[], n: number): { start: number; end: number } {
  const start = lineStarts[n];
  let end = n + 1 < lineStarts.length ? lineStarts[n + 1] : text.length;
  if (end > start && text[end - 1] === '\n') end--;
  if (end > start && text[end - 1] === '\r') end--;
  return { start, end };
}

function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

const allCells = (row: Row): Cell[] => [...row.cells, ...row.extraCells];

export interface Region {
  table: TableId;
  /** 0-based, inclusive. */
  firstLine: number;
  lastLine: number;
}

/** Each table's region: from the first to the last line that holds one of its cells. */
export function tableRegions(model: ReportModel): Region[] {
  const regions: Region[] = [];
  for (const table of Object.values(model.tables)) {
    const lines = table.rows.flatMap((r) => allCells(r).map((c) => lineOf(model.lineStarts, c.span.start)));
    if (lines.length === 0) continue;
    regions.push({ table: table.id, firstLine: Math.min(...lines), lastLine: Math.max(...lines) });
  }
  return regions.sort((a, b) => a.firstLine - b.firstLine);
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[randomInt(rng, items.length)];

/** Inserts a whole line after line `after` (0-based) of the text. */
function insertLineAfter(text: string, model: ReportModel, after: number, line: string): string {
  const { end } = lineBounds(text, model.lineStarts, after);
  return text.slice(0, end) + lineBreak(text) + line + text.slice(end);
}

/** A random line break strictly inside a table region: after line k, firstLine ≤ k < lastLine. */
function randomInnerBreak(model: ReportModel, rng: Rng): { table: TableId; after: number } | null {
  const regions = tableRegions(model).filter((r) => r.lastLine > r.firstLine);
  if (regions.length === 0) return null;
  const region = pick(rng, regions);
  return { table: region.table, after: region.firstLine + randomInt(rng, region.lastLine - region.firstLine) };
}

// ---------------------------------------------------------------------------------------------------
// 1. A page number at a page break inside a table.

const PAGE_NUMBER_FORMS: readonly ((n: number, of: number) => string)[] = [
  (n) => `-${n}-`,
  (n) => `- ${n} -`,
  (n) => `— ${n} —`,
  (n) => `第 ${n} 页`,
  (n, of) => `${n}/${of}`,
  (n, of) => `第${n}页 共${of}页`,
];

const pageNumber: PlanFn = (text, rng) => {
  const model = modelOf(text);
  const at = randomInnerBreak(model, rng);
  if (!at) return null;
  const n = 1 + randomInt(rng, 30);
  const of = n + randomInt(rng, 20);
  const line = pick(rng, PAGE_NUMBER_FORMS)(n, of);
  return { text: insertLineAfter(text, model, at.after, line), note: `${at.table}: page number ${JSON.stringify(line)} after line ${at.after + 1}`, lines: [at.after], blanked: [] };
};

// ---------------------------------------------------------------------------------------------------
// 2. The report's title repeated as a running header at a page break inside a table.

/** The first non-empty line, as written. */
export function titleLine(text: string): string | null {
  for (const line of text.split(/\r?\n/)) if (line.trim() !== '') return line;
  return null;
}

const runningHeader: PlanFn = (text, rng) => {
  const model = modelOf(text);
  const header = titleLine(text);
  const at = randomInnerBreak(model, rng);
  if (!at || header === null) return null;
  return { text: insertLineAfter(text, model, at.after, header), note: `${at.table}: running header ${JSON.stringify(header)} after line ${at.after + 1}`, lines: [at.after], blanked: [] };
};

// ---------------------------------------------------------------------------------------------------
// 3. A blank line between all lines of the whole text.

const blankLines: PlanFn = (text) => {
  if (!/\n/.test(text)) return null;
  const lines = text.split('\n').map((_, i) => i);
  return { text: text.replace(/\r?\n/g, (m) => m + m), note: 'blank line after every line', lines, blanked: [] };
};

// ---------------------------------------------------------------------------------------------------
// 4. A row label of table 三 wrapped over two lines, as pdftotext -layout prints a narrow label column.

/** A row label's numbering: 1.…8. (also 1．, 1、), （一）…（七） (either bracket width), 一、…四、; with the spaces after it. */
export const NUMBERING = /^(?:[1-8]\s*[.．、]|[（(]\s*[一二三四五六七]\s*[)）]|[一二三四]\s*、)\s*/u;

const nonSpaceLength = (s: string): number => s.replace(/\s/gu, '').length;

/** Keeps the line's separators (tab, pipe) in a continuation line's indent, other characters become spaces. */
const indentOf = (prefix: string): string => prefix.replace(/[^\t|]/gu, ' ');

interface WrapCandidate {
  row: Row;
  line: number;
  /** The label as written on its line: the label span, extended over any characters left between it and the next separator (the parser's span may stop short of a closing quote or bracket). */
  start: number;
  end: number;
}

function labelEnd(text: string, row: Row): number {
  let end = row.labelSpan.end;
  const firstCell = Math.min(...allCells(row).map((c) => c.span.start));
  while (end < firstCell && !/[\s|]/u.test(text[end])) end++;
  return end;
}

function wrapCandidates(model: ReportModel): WrapCandidate[] {
  const table = model.tables.table3;
  if (!table) return [];
  const candidates: WrapCandidate[] = [];
  for (const row of table.rows) {
    const { start, end } = row.labelSpan;
    if (end <= start) continue;
    const line = lineOf(model.lineStarts, start);
    if (lineOf(model.lineStarts, end - 1) !== line) continue;
    if (nonSpaceLength(model.text.slice(start, end)) < 6) continue;
    const cells = allCells(row);
    if (cells.length === 0) continue;
    if (!cells.every((c) => lineOf(model.lineStarts, c.span.start) === line && c.span.start >= end)) continue;
    candidates.push({ row, line, start, end: labelEnd(model.text, row) });
  }
  return candidates;
}

/**
 * Split points of a label: interior, after at least one character beyond the numbering (a wrapped
 * column is wider than "（一）"), never on a UTF-16 surrogate boundary, with at least two characters on
 * the first line and one on the second once the spaces at the break are dropped.
 */
function splitPoints(label: string): number[] {
  const numbering = NUMBERING.exec(label)?.[0].length ?? 0;
  const seen = new Set<string>();
  const points: number[] = [];
  for (let p = numbering + 1; p < label.length; p++) {
    const code = label.charCodeAt(p);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    const head = label.slice(0, p).trimEnd();
    const tail = label.slice(p).trimStart();
    if (nonSpaceLength(head) < 2 || tail === '') continue;
    // Within a run of spaces every point gives the same two lines: keep one.
    const key = `${head.length}:${tail.length}`;
    if (seen.has(key)) continue;
    seen.add(key);
    points.push(p);
  }
  return points;
}

function wrapLabel(variant: 'head-alone' | 'tail-alone'): PlanFn {
  return (text, rng) => {
    const model = modelOf(text);
    const candidates = wrapCandidates(model).filter((c) => splitPoints(text.slice(c.start, c.end)).length > 0);
    if (candidates.length === 0) return null;
    const { row, line, start, end } = pick(rng, candidates);
    const label = text.slice(start, end);
    const p = pick(rng, splitPoints(label));
    const head = label.slice(0, p).trimEnd();
    const tail = label.slice(p).trimStart();
    const bounds = lineBounds(text, model.lineStarts, line);
    const prefix = text.slice(bounds.start, start);
    const rest = text.slice(end, bounds.end);
    const nl = lineBreak(text);
    const replaced =
      variant === 'head-alone'
        ? prefix + head + nl + indentOf(prefix) + tail + rest
        : prefix + head + rest + nl + indentOf(prefix) + tail;
    return {
      text: text.slice(0, bounds.start) + replaced + text.slice(bounds.end),
      note: `table3 ${row.rowId}: label ${JSON.stringify(label)} wrapped as ${JSON.stringify(head)} / ${JSON.stringify(tail)} (${variant === 'head-alone' ? 'head alone, tail + cells below' : 'head + cells, tail alone below'})`,
      lines: [line],
      blanked: [],
    };
  };
}

// ---------------------------------------------------------------------------------------------------
// 5. A row label without its numbering.

/** A label that starts with a numbering and has words after it. */
function numbered(label: string): boolean {
  const m = NUMBERING.exec(label);
  return m !== null && label.slice(m[0].length).trim() !== '';
}

/** Rows whose label starts with a numbering, on a line inside their table's region. */
function numberedRows(model: ReportModel): Row[] {
  const regions = tableRegions(model);
  return Object.values(model.tables)
    .flatMap((t) => t.rows)
    .filter((row) => {
      const region = regions.find((r) => r.table === row.table);
      const line = lineOf(model.lineStarts, row.labelSpan.start);
      return region !== undefined && line >= region.firstLine && line <= region.lastLine && numbered(model.text.slice(row.labelSpan.start, row.labelSpan.end));
    });
}

const dropNumbering: PlanFn = (text, rng) => {
  const model = modelOf(text);
  const rows = numberedRows(model);
  if (rows.length === 0) return null;
  const row = pick(rng, rows);
  const label = text.slice(row.labelSpan.start, row.labelSpan.end);
  const numbering = NUMBERING.exec(label)![0];
  const start = row.labelSpan.start;
  return {
    text: text.slice(0, start) + text.slice(start + numbering.length),
    note: `${row.table} ${row.rowId}: numbering ${JSON.stringify(numbering)} removed from ${JSON.stringify(label.split(/\r?\n/)[0])}`,
    lines: [lineOf(model.lineStarts, start)],
    blanked: [],
  };
};

// ---------------------------------------------------------------------------------------------------
// 6. Zeros left blank in a tab- or pipe-separated table line (a space-aligned line cannot show a blank).

interface ZeroLine {
  line: number;
  cells: Cell[];
}

function zeroLines(model: ReportModel): ZeroLine[] {
  const byLine = new Map<number, Cell[]>();
  for (const region of tableRegions(model)) {
    const table = model.tables[region.table]!;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.raw !== '0') continue;
        const line = lineOf(model.lineStarts, cell.span.start);
        const { start, end } = lineBounds(model.text, model.lineStarts, line);
        const content = model.text.slice(start, end);
        if (!content.includes('\t') && !content.includes('|')) continue;
        if (ambiguousWhenBlank(model.text, row.cells, cell, start, end)) continue;
        byLine.set(line, [...(byLine.get(line) ?? []), cell]);
      }
    }
  }
  return [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, cells]) => ({ line, cells: cells.sort((a, b) => a.span.start - b.span.start) }));
}

/**
 * The first or last figure of a row whose line has an empty field before its figures or after them (a merged
 * label column, the row's padding): left blank, it could be either column, and the text itself cannot tell
 * which (Word exports pad rows differently from row to row), so such a cell is not blanked.
 */
function ambiguousWhenBlank(text: string, rowCells: Cell[], cell: Cell, lineStart: number, lineEnd: number): boolean {
  const onLine = rowCells.filter((c) => c.span.start >= lineStart && c.span.end <= lineEnd).sort((a, b) => a.span.start - b.span.start);
  if (onLine.length === 0 || (cell !== onLine[0] && cell !== onLine[onLine.length - 1])) return false;
  const separators = /[\t|]/;
  // The field before the first figure and after the last one: '' when empty, null when there is none.
  const fieldBefore = (at: number): string | null => {
    let i = at - 1;
    while (i >= lineStart && text[i] === ' ') i--;
    if (i < lineStart || !separators.test(text[i])) return null;
    let j = i - 1;
    while (j >= lineStart && !separators.test(text[j])) j--;
    return text.slice(j + 1, i).trim();
  };
  const fieldAfter = (at: number): string | null => {
    let i = at;
    while (i < lineEnd && text[i] === ' ') i++;
    if (i >= lineEnd || !separators.test(text[i])) return null;
    let j = i + 1;
    while (j < lineEnd && !separators.test(text[j])) j++;
    // A closing pipe is the row's edge, not a field.
    if (j >= lineEnd && text[i] === '|' && text.slice(i + 1, lineEnd).trim() === '') return null;
    return text.slice(i + 1, j).trim();
  };
  return fieldBefore(onLine[0].span.start) === '' || fieldAfter(onLine[onLine.length - 1].span.end) === '';
}

/** " (first field of its row's figures)" / " (last …)": where a blank is hardest to place. */
function edgeOfLine(model: ReportModel, cell: Cell): string {
  const line = lineOf(model.lineStarts, cell.span.start);
  const onLine = Object.values(model.tables)
    .flatMap((t) => t.rows.flatMap(allCells))
    .filter((c) => lineOf(model.lineStarts, c.span.start) === line)
    .sort((a, b) => a.span.start - b.span.start);
  if (onLine[0] === cell) return ' (first figure of the line)';
  if (onLine[onLine.length - 1] === cell) return ' (last figure of the line)';
  return '';
}

const zeroToBlank: PlanFn = (text, rng) => {
  const model = modelOf(text);
  const lines = zeroLines(model);
  if (lines.length === 0) return null;
  const { line, cells } = pick(rng, lines);
  let chosen = cells.filter(() => rng() < 0.5);
  if (chosen.length === 0) chosen = [pick(rng, cells)];
  let out = text;
  // Last cell first, so that the earlier offsets still hold.
  for (const cell of [...chosen].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, cell.span.start) + out.slice(cell.span.end);
  return {
    text: out,
    note: `${chosen.length} of the line's ${cells.length} zero cells left blank: ${chosen.map((c) => `${c.table}/${c.rowId}/${c.columnId}${edgeOfLine(model, c)}`).join(', ')}`,
    lines: [line],
    blanked: chosen.map((c) => ({ table: c.table, rowId: c.rowId, columnId: c.columnId })),
  };
};

// ---------------------------------------------------------------------------------------------------

export const MUTATION_PLANS: Record<MutationName, PlanFn> = {
  'page-number': pageNumber,
  'running-header': runningHeader,
  'blank-lines': blankLines,
  'wrap-label-head-alone': wrapLabel('head-alone'),
  'wrap-label-tail-alone': wrapLabel('tail-alone'),
  'drop-numbering': dropNumbering,
  'zero-to-blank': zeroToBlank,
};

/** The mutations as pure functions (text, rng) → text; the text comes back unchanged where a mutation has nothing to act on. */
export const MUTATIONS: Record<MutationName, Mutation> = Object.fromEntries(
  MUTATION_NAMES.map((name) => [name, (text: string, rng: Rng) => MUTATION_PLANS[name](text, rng)?.text ?? text]),
) as Record<MutationName, Mutation>;

/** Why a mutation cannot act on a text, or null when it can. */
export function notApplicable(name: MutationName, text: string): string | null {
  const model = modelOf(text);
  switch (name) {
    case 'page-number':
    case 'running-header':
      if (!tableRegions(model).some((r) => r.lastLine > r.firstLine)) return 'no table spans two lines or more';
      if (name === 'running-header' && titleLine(text) === null) return 'no title line';
      return null;
    case 'blank-lines':
      return text.includes('\n') ? null : 'a single line';
    case 'wrap-label-head-alone':
    case 'wrap-label-tail-alone':
      return wrapCandidates(model).some((c) => splitPoints(text.slice(c.start, c.end)).length > 0)
        ? null
        : 'no row of table 三 with a one-line label of ≥ 6 characters followed by its cells on the same line';
    case 'drop-numbering':
      return numberedRows(model).length > 0 ? null : 'no row label inside a table region starts with a numbering';
    case 'zero-to-blank':
      return zeroLines(model).length > 0 ? null : 'no tab- or pipe-separated table line with a 0 cell';
  }
}
