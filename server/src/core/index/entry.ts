// What the workspace index keeps of one report: who wrote it for which year, and the few figures and passages the
// cross-year rules compare — with their places (line/character ranges), so that a finding in this year's report can
// point into last year's file without reading it again.

import type { Cell, ReportModel, Span } from '../model';
import { TABLES } from '../schema';
import { codePointSpan, positionOf } from '../text';
import { cellCount } from '../values';

export interface LinePosition {
  line: number;
  character: number;
}

export interface LineRange {
  start: LinePosition;
  end: LinePosition;
}

/** One cell as the index keeps it: its count (blank = 0; null when not a usable number), as written, and where. */
export interface IndexedCell {
  value: number | null;
  raw: string;
  span: Span;
  range: LineRange;
}

/** Table 二 rows the in-force rule reads, with the columns it needs. */
export const TABLE2_IN_FORCE_ROWS = ['rules', 'normative'] as const;
export type InForceRow = (typeof TABLE2_IN_FORCE_ROWS)[number];
export const TABLE2_IN_FORCE_COLUMNS = ['issued', 'repealed', 'valid'] as const;
export type InForceColumn = (typeof TABLE2_IN_FORCE_COLUMNS)[number];

/** A sentence of prose (whitespace removed) by hash, with its place: what copied-text compares. */
export interface IndexedSentence {
  /** Characters without whitespace. */
  length: number;
  span: Span;
  range: LineRange;
}

export interface ReportFacts {
  body: string | null;
  /** The body with whitespace and punctuation removed: reports of one body share it. */
  bodyKey: string | null;
  year: number | null;
  titleSpan: Span | null;
  titleRange: LineRange | null;
  /** Table 三 二、上年结转 and 四、结转下年度继续办理 by column id (absent when the table or cell is). */
  carried: Record<string, IndexedCell>;
  forward: Record<string, IndexedCell>;
  /** Table 二 规章 / 行政规范性文件 by column. */
  inForce: Partial<Record<InForceRow, Partial<Record<InForceColumn, IndexedCell>>>>;
  /** Prose sentences by hash of their whitespace-free text (sentences of at least MIN_SENTENCE characters). */
  sentences: Map<number, IndexedSentence>;
  /** For a draft converted by nianbao: the file name of its source (first line `<!-- 来源：name（由 nianbao 转换…`). */
  draftOf: string | null;
  /** The figures the rules read, by place (`carried/natural` …), values only: what figuresConflict compares. */
  figures: FigureMap;
}

/** Figures by place (`carried/natural`, `rules/valid` …): only the cells read as a number. */
export type FigureMap = Record<string, number>;

/** The figures of facts by place (values only, no spans). */
export function figuresOf(facts: Pick<ReportFacts, 'carried' | 'forward' | 'inForce'>): FigureMap {
  const result: FigureMap = {};
  const add = (prefix: string, cells: Record<string, IndexedCell> | undefined) => {
    for (const [column, cell] of Object.entries(cells ?? {})) if (cell.value !== null) result[`${prefix}/${column}`] = cell.value;
  };
  add('carried', facts.carried);
  add('forward', facts.forward);
  for (const row of TABLE2_IN_FORCE_ROWS) add(row, facts.inForce[row]);
  return result;
}

/**
 * Two files of one body and year conflict when a figure both read differs. A figure only one of them read is no
 * conflict: two readings of one report where one could not read a table are the same report.
 */
export function figuresConflict(a: FigureMap, b: FigureMap): boolean {
  return Object.entries(a).some(([place, value]) => place in b && b[place] !== value);
}

/** Sentences shorter than this (headings, labels) are not worth remembering for copied-text. */
export const MIN_SENTENCE = 12;

export function bodyKeyOf(body: string | null | undefined): string | null {
  if (!body) return null;
  const key = body.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
  return key === '' ? null : key;
}

export function rangeOf(model: Pick<ReportModel, 'text' | 'lineStarts'>, span: Span): LineRange {
  const whole = codePointSpan(model.text, span);
  return { start: positionOf(model.lineStarts, whole.start), end: positionOf(model.lineStarts, whole.end) };
}

function indexCell(model: ReportModel, cell: Cell): IndexedCell {
  return { value: cellCount(cell), raw: cell.raw, span: cell.span, range: rangeOf(model, cell.span) };
}

function rowCells(model: ReportModel, table: 'table2' | 'table3', rowId: string): Record<string, IndexedCell> {
  const row = model.tables[table]?.rows.find((r) => r.rowId === rowId);
  const result: Record<string, IndexedCell> = {};
  for (const cell of row?.cells ?? []) result[cell.columnId] = indexCell(model, cell);
  return result;
}

/** 53-bit string hash (cyrb53): collisions among a workspace's sentences are out of reach. */
export function hashText(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export interface ProseSentence {
  /** Whitespace removed. */
  compact: string;
  span: Span;
  /** Index of the paragraph (run of non-blank lines outside the tables) it is in. */
  paragraph: number;
}

const SENTENCE_END = /[。！？；!?;]/;

/**
 * The prose of a report as sentences: text outside the title and the tables, cut after 。！？； and at blank lines,
 * whitespace removed for comparison (line breaks of a PDF extraction fall anywhere).
 */
export function proseSentences(model: ReportModel): ProseSentence[] {
  const text = model.text;
  const skip: Span[] = Object.values(model.tables).map((t) => t.span);
  if (model.title) skip.push(model.title.span);
  skip.sort((a, b) => a.start - b.start);
  const result: ProseSentence[] = [];
  let paragraph = 0;
  let compact = '';
  let start = -1;
  let end = -1;
  const flush = () => {
    if (compact !== '') result.push({ compact, span: { start, end }, paragraph });
    compact = '';
    start = -1;
  };
  let skipAt = 0;
  let newlines = 0;
  for (let i = 0; i < text.length; i++) {
    while (skipAt < skip.length && skip[skipAt].end <= i) skipAt++;
    if (skipAt < skip.length && skip[skipAt].start <= i) {
      flush();
      paragraph++;
      i = skip[skipAt].end - 1;
      continue;
    }
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      newlines++;
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (ch === '|' || ch === '#') {
      // Markdown furniture is not prose.
      continue;
    }
    if (newlines >= 2) {
      // A blank line ends the paragraph (and any sentence left open in it).
      flush();
      paragraph++;
    }
    newlines = 0;
    if (start < 0) start = i;
    compact += ch;
    end = i + 1;
    if (SENTENCE_END.test(ch)) flush();
  }
  flush();
  return result;
}

/** The figures of a model (figuresOf its facts, without reading its prose). */
export function modelFigures(model: ReportModel): FigureMap {
  const inForce: ReportFacts['inForce'] = {};
  for (const rowId of TABLE2_IN_FORCE_ROWS) inForce[rowId] = rowCells(model, 'table2', rowId);
  return figuresOf({ carried: rowCells(model, 'table3', 'carried'), forward: rowCells(model, 'table3', 'forward'), inForce });
}

export function factsOf(model: ReportModel): ReportFacts {
  const title = model.title;
  const inForce: ReportFacts['inForce'] = {};
  for (const rowId of TABLE2_IN_FORCE_ROWS) {
    const cells = rowCells(model, 'table2', rowId);
    if (Object.keys(cells).length > 0) inForce[rowId] = cells;
  }
  const sentences = new Map<number, IndexedSentence>();
  for (const s of proseSentences(model)) {
    if (s.compact.length < MIN_SENTENCE) continue;
    const hash = hashText(s.compact);
    if (!sentences.has(hash)) sentences.set(hash, { length: s.compact.length, span: s.span, range: rangeOf(model, s.span) });
  }
  const source = /^<!-- 来源：(.+?)（由 nianbao 转换/.exec(model.text.slice(0, 400));
  const carried = rowCells(model, 'table3', 'carried');
  const forward = rowCells(model, 'table3', 'forward');
  return {
    body: title?.body ?? null,
    bodyKey: bodyKeyOf(title?.body),
    year: title?.year ?? null,
    titleSpan: title?.span ?? null,
    titleRange: title ? rangeOf(model, title.span) : null,
    carried,
    forward,
    inForce,
    sentences,
    draftOf: source ? source[1] : null,
    figures: figuresOf({ carried, forward, inForce }),
  };
}

/** Table 三's columns in the format's order (six applicant columns and 总计). */
export const TABLE3_COLUMN_IDS = TABLES.table3.columns.map((c) => c.id);
