// Tables 二, 三 and 四, read from any layout text extractors and editors produce: Markdown pipe tables,
// tab-separated Word/HTML exports, space-aligned PDF text (labels wrapped above, below or around the figures,
// across page breaks), one cell per line, and column-major runs of figures (figures of several rows after
// their labels, column by column).
//
// The region is cut into fields; page furniture (page numbers, running headers) is dropped. Label text and
// figures alternate in runs. Row labels are found in the label text of every run and matched to the format's
// rows globally (the best monotone assignment, so one mistyped label costs only its own row). Figures are
// then placed only where their row and column are certain; a table whose figures cannot be placed with
// certainty is left out of the model and reported once.

import type { Cell, CellValue, Row, Span, Table, TableId, Unreadable } from '../model';
import { TABLE2_GROUPS, TABLES, type RowSpec } from '../schema';
import { asciiDigits, classifyField, codePointSpan, CompactText, isSpace, lineEndOf, lineOf, similarity, splitsSurrogatePair } from '../text';

interface Field {
  raw: string;
  span: Span;
  kind: 'number' | 'blank' | 'nan' | 'text';
  value: number;
  /** An empty field of a pipe or tab row (a merged cell, or a value left out). */
  empty: boolean;
  /** Cut at a tab or pipe (not at spaces). */
  separated: boolean;
  /** An empty field after label text on its line: a blank cell, not a merged label cell. */
  afterLabel: boolean;
  /** The first field of its line. */
  firstOfLine: boolean;
  /** For a tab or pipe row: which column of its line the field is in (from 0); -1 in space-aligned text. */
  column: number;
}

interface Run {
  label: Field[];
  values: Field[];
}

const ALIGNMENT_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** Prose lines inside a table region are not table text. */
const PROSE_LINE = /[。；]/;

/** Page numbers as PDF extractors leave them: -2-, - 3 -, — 5 —, 第 3 页, 第3页 共12页, 3/12. */
const PAGE_NUMBER = /^(?:[-—–－~〜]+\s*\d{1,4}\s*[-—–－~〜]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页)$/;

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(asciiDigits(line.replace(/\f/g, '').trim()));
}

function splitLine(text: string, start: number, end: number): { from: number; to: number; separated: boolean }[] {
  const line = text.slice(start, end);
  const parts: { from: number; to: number; separated: boolean }[] = [];
  const separator = line.includes('|') ? '|' : line.includes('\t') ? '\t' : null;
  if (separator) {
    let from = 0;
    const trimmed = line.trim();
    const leadingPipe = separator === '|' && trimmed.startsWith('|');
    const trailingPipe = separator === '|' && trimmed.endsWith('|') && trimmed.length > 1;
    for (let i = 0; i <= line.length; i++) {
      if (i === line.length || line[i] === separator) {
        parts.push({ from: start + from, to: start + i, separated: true });
        from = i + 1;
      }
    }
    if (leadingPipe) parts.shift();
    if (trailingPipe) parts.pop();
    return parts;
  }
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (isSpace(line[i]) || line[i] === '\f')) i++;
    const from = i;
    while (i < line.length && !isSpace(line[i]) && line[i] !== '\f') i++;
    if (i > from) parts.push({ from: start + from, to: start + i, separated: false });
  }
  return parts;
}

const compactLine = (s: string): string => s.replace(/[\s\f]+/g, '');

function tokenize(text: string, lineStarts: number[], region: Span, furniture: Set<string>, figuresOnly = false): Field[] {
  const fields: Field[] = [];
  for (let line = lineOf(lineStarts, region.start); line < lineStarts.length; line++) {
    const start = lineStarts[line];
    if (start < region.start) continue;
    if (start >= region.end) break;
    const end = Math.min(lineEndOf(text, lineStarts, line), region.end);
    const content = text.slice(start, end);
    const trimmed = content.trim();
    if (trimmed === '' || ALIGNMENT_ROW.test(content) || trimmed.startsWith('<!--') || trimmed.startsWith('//')) continue;
    if (isPageNumber(trimmed) || furniture.has(compactLine(trimmed))) continue;
    if (PROSE_LINE.test(content) && !content.includes('\t') && !content.includes('|') && !trimmed.startsWith('（本列') && !trimmed.startsWith('(本列')) continue;
    // A Markdown table's header row (the line above |---|): its words (数据1, 2024年) are never figures.
    const nextLine = line + 1 < lineStarts.length ? text.slice(lineStarts[line + 1], lineEndOf(text, lineStarts, line + 1)) : '';
    const header = content.includes('|') && ALIGNMENT_ROW.test(nextLine) && nextLine.includes('|');
    // One by one, not push(...): a line may hold more fields than a call may take arguments.
    for (const field of lineFields(text, start, end, figuresOnly)) {
      if (!header) fields.push(field);
      else if (!field.empty) fields.push({ ...field, kind: 'text', value: 0 });
    }
  }
  return fields;
}

const isValue = (f: Field): boolean => f.kind !== 'text' && !f.empty;
/** A short word where a figure belongs ("无", "a"), not the start of a label. */
const CELL_LIKE = /^[^、.．（(]{1,3}$/;
/** Written for none, or a letter typed for a digit: never a word of a row label. */
const NOT_A_LABEL = /^(?:无|[A-Za-z]{1,3})$/;

/**
 * The fields of one line. Empty fields before the line's first text or value are merged label cells, and
 * empty fields ending the line are padding: both are dropped; a word between two values of the line, or a
 * short word ending a tab or pipe row after a value, stands where a figure belongs and is read as "not a number".
 */
function lineFields(text: string, start: number, end: number, figuresOnly: boolean): Field[] {
  const fields: Field[] = [];
  const hasLabel = splitLine(text, start, end).some((p) => classifyField(text.slice(p.from, p.to)).kind === 'text');
  for (const [column, part] of splitLine(text, start, end).entries()) {
    let from = part.from;
    let to = part.to;
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    const raw = text.slice(from, to);
    // Before a line's label an empty field is a merged label cell; so it is before the figures of an unlabelled
    // line, except in table 四, whose data row has no label (there it is a blank first cell).
    if (raw === '' && (!part.separated || (fields.length === 0 && (hasLabel || !figuresOnly)))) continue;
    const position = raw === '' ? Math.min(part.from + 1, part.to) : from;
    const token = classifyField(raw);
    fields.push({
      raw,
      span: raw === '' ? { start: position, end: position } : { start: from, end: to },
      kind: token.kind,
      value: token.kind === 'number' ? token.value : 0,
      empty: raw === '',
      separated: part.separated,
      afterLabel: raw === '' && ((!hasLabel && figuresOnly) || fields.some((f) => f.kind === 'text')),
      firstOfLine: fields.length === 0,
      column: part.separated ? column : -1,
    });
  }
  // Empty fields ending a tab or pipe row are kept: they may be blank cells (the row's width decides later).
  const firstValue = fields.findIndex(isValue);
  if (firstValue < 0) return fields;
  const lastValue = fields.findLastIndex(isValue);
  const lastText = fields.findLastIndex((f) => f.kind === 'text');
  fields.forEach((field, i) => {
    if (field.kind !== 'text') return;
    const between = i > firstValue && i < lastValue;
    const lastWord = i > firstValue && field.separated && i === lastText && CELL_LIKE.test(field.raw);
    // Before the first figure only a word that cannot be (part of) a label, after the row's label.
    const firstWord = i === firstValue - 1 && field.separated && NOT_A_LABEL.test(field.raw) && fields.slice(0, i).some((f) => f.kind === 'text');
    if (between || lastWord || firstWord) field.kind = 'nan';
  });
  return fields;
}

/** Label text followed by values; empty fields count only between two values. */
function toRuns(fields: Field[]): Run[] {
  const runs: Run[] = [];
  let label: Field[] = [];
  let values: Field[] = [];
  const flush = () => {
    runs.push({ label, values });
    label = [];
    values = [];
  };
  for (const field of fields) {
    if (field.kind === 'text') {
      if (values.length > 0) flush();
      label.push(field);
    } else {
      // Figures continuing on a new line: the empty fields ending the line before were its padding.
      if (field.firstOfLine) while (values.length > 0 && values[values.length - 1].empty) values.pop();
      if (!field.empty || values.length > 0 || field.afterLabel) values.push(field);
    }
  }
  if (label.length > 0 || values.length > 0) flush();
  return runs;
}

function cellValue(field: Field): CellValue {
  if (field.kind === 'number') return { kind: 'number', value: field.value };
  if (field.kind === 'nan') return { kind: 'nan' };
  return { kind: 'blank' };
}

// ---------------------------------------------------------------------------------------------------------
// Label matching

/**
 * The form in which label text is matched: no whitespace, quotes or commas; ASCII digits and brackets;
 * "、", "．" and "." all written ".", so that numbering reads the same however it was typed.
 */
const MATCH_MAP: Record<string, string> = { '(': '（', ')': '）', '、': '.', '．': '.', '。': '.', '，': ',', '：': ':' };
const MATCH_DROP = /[\s\f“”‘’'"「」,:;；\u3000]/;

function matchChar(ch: string): string {
  const ascii = asciiDigits(ch);
  return MATCH_MAP[ascii] ?? ascii;
}

const matchForm = (s: string): string => [...s].map(matchChar).filter((ch) => !MATCH_DROP.test(ch)).join('');

/** Numbering at the start of a label in match form: 1.  （1）  （一）  一. */
const NUMBERING = /^(?:\d{1,2}\.|（\d{1,2}）|（[一二三四五六七八九十]{1,2}）|[一二三四五六七八九十]{1,2}\.)/;

/** A sub-row's number written （1） is the format's 1. */
const sameNumbering = (written: string, format: string): boolean => written.replace(/^（(\d{1,2})）$/, '$1.') === format;

/** The ways a row's numbering is written: 1. also as （1）. */
function numberingForms(numbering: string): string[] {
  const digits = /^(\d{1,2})\.$/.exec(numbering);
  return digits ? [numbering, `（${digits[1]}）`] : numbering ? [numbering] : [];
}

interface RowKey {
  spec: RowSpec;
  /** Index in the table's matchable rows (format order). */
  index: number;
  numbering: string;
  /** The label without numbering, in match form; the first is the format's own wording. */
  cores: string[];
}

function rowKey(spec: RowSpec, index: number): RowKey {
  const label = matchForm(spec.label);
  const numbering = NUMBERING.exec(label)?.[0] ?? '';
  const wordings = [spec.label, ...spec.aliases, ...(spec.trialLabel ? [spec.trialLabel] : [])];
  const cores = [...new Set(wordings.map((w) => matchForm(w).replace(NUMBERING, '')))];
  return { spec, index, numbering, cores };
}

/** The rows a table's labels are matched against: its numeric rows, and for table 三 the （六） group row (the 2019 single row). */
function matchableRows(id: TableId): RowSpec[] {
  return TABLES[id].rows.filter((r) => r.numeric || (id === 'table3' && r.id === 'r6'));
}

const keyCache = new Map<TableId, RowKey[]>();
function keysOf(id: TableId): RowKey[] {
  let keys = keyCache.get(id);
  if (!keys) {
    keys = matchableRows(id).map(rowKey);
    keyCache.set(id, keys);
  }
  return keys;
}

/** A place in a run's label text where a row's label is. */
interface Occurrence {
  run: number;
  key: RowKey;
  score: number;
  /** Range in the run's match-form label text. */
  from: number;
  to: number;
}

const SHORT_CORE = 2;
const FUZZY_MIN = 0.6;
const PREFIX_MIN = 4;

/** Where a numbering or a row label may start: after numbering punctuation, at a bracket, at a digit. */
function startsLabel(text: string, at: number): boolean {
  return at === 0 || NUMBERING.test(text.slice(at)) || /[.）)]/.test(text[at - 1]);
}

/** Where the next label numbering after `from` starts, or the end of the text. */
function nextNumbering(text: string, from: number): number {
  for (let i = from + 1; i < text.length; i++) if (NUMBERING.test(text.slice(i, i + 5)) && !/\d/.test(text[i - 1])) return i;
  return text.length;
}

/** A run's label text in match form, with where each of its fields starts and ends in it. */
interface LabelText {
  compact: CompactText;
  /** The source span of the run's label fields, punctuation at either end included. */
  span: Span;
  fieldStarts: Set<number>;
  fieldEnds: Set<number>;
}

function labelTextOf(text: string, run: Run): LabelText {
  const keep = (ch: string) => !MATCH_DROP.test(ch);
  const compact = CompactText.build(text, run.label.map((f) => f.span), keep, matchChar);
  const fieldStarts = new Set<number>();
  const fieldEnds = new Set<number>();
  let at = 0;
  for (const field of run.label) {
    fieldStarts.add(at);
    for (let i = field.span.start; i < field.span.end; i++) if (keep(matchChar(text[i]))) at++;
    fieldEnds.add(at);
  }
  const span = run.label.length > 0 ? { start: run.label[0].span.start, end: run.label[run.label.length - 1].span.end } : { start: 0, end: 0 };
  return { compact, span, fieldStarts, fieldEnds };
}

/** Occurrences of one row's label in a run's label text, each with how surely it is that row. */
function occurrencesOf(key: RowKey, label: LabelText, run: number, exactOnly: boolean): Occurrence[] {
  const found = matchesOf(key, label, run, exactOnly);
  // （六）其他处理 is usually the heading of its sub-rows, printed anywhere beside them: any sub-row outweighs it.
  return key.spec.numeric ? found : found.map((o) => ({ ...o, score: o.score / 2 }));
}

function matchesOf(key: RowKey, label: LabelText, run: number, exactOnly: boolean): Occurrence[] {
  const text = label.compact.text;
  const found: Occurrence[] = [];
  const numberingBefore = (at: number): string | null => {
    const m = /(\d{1,2}\.|（\d{1,2}）|（[一二三四五六七八九十]{1,2}）|[一二三四五六七八九十]{1,2}\.)$/.exec(text.slice(Math.max(0, at - 4), at));
    return m ? m[1] : null;
  };
  const scored = (from: number, to: number, base: number): Occurrence => {
    const numbering = numberingBefore(from);
    // The numbering written before a label confirms or contradicts it.
    const score = numbering === null ? base : sameNumbering(numbering, key.numbering) ? base + 0.1 : base - 0.3;
    return { run, key, score, from: numbering ? from - numbering.length : from, to };
  };
  for (const core of key.cores) {
    let at = text.indexOf(core);
    while (at >= 0) {
      const end = at + core.length;
      const endsLabel = end === text.length || startsLabel(text, end);
      if (core.length <= SHORT_CORE) {
        // 其他, 总计, 规章: only as a whole label (after numbering, or a field of its own), never inside other words.
        const numbering = numberingBefore(at);
        const wholeField = (label.fieldStarts.has(at) || numbering !== null) && (label.fieldEnds.has(end) || end === text.length);
        const alone = wholeField || ((at === 0 || numbering !== null) && endsLabel);
        if (alone && (numbering === null || sameNumbering(numbering, key.numbering))) found.push(scored(at, end, 1));
      } else {
        found.push(scored(at, end, endsLabel ? 1 : 0.8));
      }
      at = text.indexOf(core, at + 1);
    }
  }
  // 行政规范性文件 also contains the 2019 wording 规范性文件: of the wordings ending at one place, the longest is the label.
  if (found.length > 0) return found.filter((o) => !found.some((p) => p !== o && p.to === o.to && p.from < o.from));
  const core = key.cores[0];
  if (exactOnly || core.length <= SHORT_CORE) return found;
  // A label wrapped after its head (the rest below the figures): the text after the row's numbering is the start of the label.
  for (const numbering of numberingForms(key.numbering)) {
    let at = text.lastIndexOf(numbering);
    while (at >= 0 && found.length === 0) {
      const head = text.slice(at + numbering.length);
      // The numbering (7.) with the label's first words (属于) is enough when the rest follows the figures.
      if (head.length >= 1 && (core.startsWith(head) || (head.length >= 6 && similarity(head, core.slice(0, head.length)) >= 0.75))) {
        const sure = head.length >= PREFIX_MIN ? 0.6 : 0.4;
        found.push({ run, key, score: sure + 0.3 * Math.min(1, head.length / core.length), from: at, to: text.length });
      }
      at = at > 0 ? text.lastIndexOf(numbering, at - 1) : -1;
    }
  }
  // A mistyped label among other labels (a column-major block): the text from the row's numbering to the next numbering.
  if (found.length === 0 && key.numbering && core.length >= 5) {
    let at = text.indexOf(key.numbering);
    while (at >= 0) {
      const from = at + key.numbering.length;
      const next = nextNumbering(text, from);
      const score = similarity(core, text.slice(from, next));
      if (score >= FUZZY_MIN && next < text.length) found.push({ run, key, score: 0.9 * score, from: at, to: next });
      at = text.indexOf(key.numbering, from);
    }
  }
  // A mistyped label, or one with words of a wrapped group label inside it: similar to the end of the text,
  // or to the text after the row's own numbering.
  if (found.length === 0 && core.length >= 5) {
    const tail = Math.max(0, text.length - core.length - 6);
    const windows: number[] = [Math.max(0, text.length - core.length - 2)];
    const numbering = key.numbering ? text.lastIndexOf(key.numbering) : -1;
    if (numbering >= tail) windows.push(numbering + key.numbering.length);
    for (const start of label.fieldStarts) if (start >= tail) windows.push(start);
    // A window never starts inside a surrogate pair (𠀀 in a body's name): that would also score higher.
    for (let w = 0; w < windows.length; w++) if (splitsSurrogatePair(text, windows[w])) windows[w]--;
    let best = 0;
    let from = windows[0];
    for (const start of windows) {
      const score = similarity(core, text.slice(start));
      if (score > best) {
        best = score;
        from = start;
      }
    }
    if (best >= FUZZY_MIN) {
      const start = numbering >= 0 && numbering >= from - 3 && numbering <= from ? numbering : from;
      found.push({ run, key, score: 0.9 * best, from: start, to: text.length });
    }
  }
  return found;
}

/**
 * The best chain of occurrences in text order whose rows follow the format's order and do not overlap:
 * rows are matched globally, so that one unrecognised or mistyped label costs only its own row.
 */
function bestChain(occurrences: Occurrence[], rowCount: number): Occurrence[] {
  const ordered = [...occurrences].sort((a, b) => a.run - b.run || a.from - b.from || a.to - b.to);
  const value = new Array<number>(ordered.length).fill(0);
  const previous = new Array<number>(ordered.length).fill(-1);
  // best[j]: the best chain that ends with row j among the occurrences already closed (ending before the current one starts).
  const best = new Array<number>(rowCount).fill(0);
  const bestAt = new Array<number>(rowCount).fill(-1);
  const open: number[] = [];
  const endsBefore = (a: Occurrence, b: Occurrence) => a.run < b.run || (a.run === b.run && a.to <= b.from);
  for (let i = 0; i < ordered.length; i++) {
    const o = ordered[i];
    for (let k = open.length - 1; k >= 0; k--) {
      const c = open[k];
      if (!endsBefore(ordered[c], o)) continue;
      const j = ordered[c].key.index;
      if (value[c] > best[j]) {
        best[j] = value[c];
        bestAt[j] = c;
      }
      open.splice(k, 1);
    }
    let before = 0;
    let from = -1;
    for (let j = 0; j < o.key.index; j++) {
      if (best[j] > before) {
        before = best[j];
        from = bestAt[j];
      }
    }
    value[i] = before + o.score;
    previous[i] = from;
    open.push(i);
  }
  let end = -1;
  for (let i = 0; i < ordered.length; i++) if (end < 0 || value[i] > value[end]) end = i;
  const chain: Occurrence[] = [];
  for (let i = end; i >= 0; i = previous[i]) chain.push(ordered[i]);
  return chain.reverse();
}

// ---------------------------------------------------------------------------------------------------------
// Placing figures

function buildRow(text: string, table: TableId, spec: RowSpec, labelSpan: Span, values: Field[], labelText = text.slice(labelSpan.start, labelSpan.end).replace(/\s+/g, '')): Row {
  const toCell = (field: Field, columnId: string): Cell => ({
    table,
    rowId: spec.id,
    columnId,
    value: cellValue(field),
    raw: field.raw,
    span: field.span,
  });
  const columns = spec.numeric ? spec.columns : TABLES.table3.rows.find((r) => r.id === 'r7')!.columns;
  return {
    table,
    rowId: spec.id,
    labelSpan,
    labelText,
    canonicalLabel: spec.label,
    cells: values.slice(0, columns.length).map((f, i) => toCell(f, columns[i])),
    extraCells: values.slice(columns.length).map((f) => toCell(f, 'extra')),
  };
}

export interface TableParse {
  table: Table | null;
  unreadable: Unreadable[];
  /** The order in which this text writes blocks of figures, where a block proved it. */
  blockOrder?: BlockOrder;
}

interface Placed {
  key: RowKey;
  labelSpan: Span;
  /** The label as written, whitespace removed, with the tail of a label that wraps below its figures. */
  labelText: string;
  values: Field[];
}

/** Whether figures read as a row of table 三 agree with its own total (the one check a reading can be verified by). */
function rowTotalHolds(values: Field[]): boolean {
  if (values.length !== 7 || values.some((v) => v.kind === 'nan')) return false;
  const n = values.map((v) => (v.kind === 'number' ? v.value : 0));
  return n.slice(0, 6).reduce((a, b) => a + b, 0) === n[6];
}

/** How an extractor wrote a block of several rows' figures after all their labels. */
export type BlockOrder = 'row' | 'column';

/**
 * Figures of several labelled rows after all their labels (pdfminer and others write a table column by
 * column): placed only when the reading is certain — one figure per row, or, in table 三, exactly one reading
 * (row by row, or column by column) makes every row total hold. Table 二 has no such check: there a block is
 * read in the order that table 三 of the same text proved (`known`), and not at all without it.
 */
function placeBlock(id: TableId, keys: RowKey[], values: Field[], known: BlockOrder | null): { rows: Field[][]; order: BlockOrder | null } | null {
  const width = widthOf(keys[0]);
  if (keys.some((k) => widthOf(k) !== width) || values.length !== keys.length * width) return null;
  const byRow = keys.map((_, r) => values.slice(r * width, r * width + width));
  if (width === 1) return { rows: byRow, order: null };
  const byColumn = keys.map((_, r) => Array.from({ length: width }, (_, c) => values[c * keys.length + r]));
  if (id !== 'table3') return known === 'row' ? { rows: byRow, order: known } : known === 'column' ? { rows: byColumn, order: known } : null;
  const rowsHold = byRow.every(rowTotalHolds);
  const columnsHold = byColumn.every(rowTotalHolds);
  const same = byRow.every((row, r) => row.every((v, c) => v.raw === byColumn[r][c].raw));
  if (rowsHold && (!columnsHold || same)) return { rows: byRow, order: same ? null : 'row' };
  if (columnsHold && !rowsHold) return { rows: byColumn, order: 'column' };
  return null;
}

/** Tables 二 and 三: rows found by their labels, figures placed where they are certain. */
export function parseRowTable(
  text: string,
  lineStarts: number[],
  id: 'table2' | 'table3',
  region: Span,
  furniture: Set<string> = new Set(),
  knownOrder: BlockOrder | null = null,
): TableParse {
  const keys = keysOf(id);
  const runs = toRuns(tokenize(text, lineStarts, region, furniture));
  const labelTexts = runs.map((run) => labelTextOf(text, run));
  const occurrences: Occurrence[] = [];
  // Text after the last figures is mostly the tail of a label wrapped below them, or labels an extractor wrote
  // after all the figures: only a whole label counts there, and less than any label before figures (it serves
  // table 二's one-figure groups, such as 行政事业性收费 written after its figure).
  const lastWithFigures = runs.findLastIndex((r) => r.values.length > 0);
  runs.forEach((run, i) => {
    if (run.label.length === 0) return;
    const trailing = i > lastWithFigures;
    let found = keys.flatMap((key) => occurrencesOf(key, labelTexts[i], i, true));
    // Text that ends in a whole label needs no looser reading (the common case, and the costly one to skip).
    const endsInLabel = found.some((o) => o.to === labelTexts[i].compact.text.length && o.key.spec.numeric);
    if (!trailing && !endsInLabel) found = keys.flatMap((key) => occurrencesOf(key, labelTexts[i], i, false));
    for (const o of trailing ? found.filter((o) => o.score >= 1).map((o) => ({ ...o, score: 0.3 })) : found) occurrences.push(o);
  });
  let chain = bestChain(occurrences, keys.length);
  // （六）其他处理 is a row of its own only where the 2021 sub-rows are absent (the 2019 layout).
  const hasSixSubRows = chain.some((o) => o.key.spec.group === 'r6');
  if (hasSixSubRows) chain = chain.filter((o) => o.key.spec.id !== 'r6');

  const groups = new Table2Groups(id, labelTexts);
  const placed: Placed[] = [];
  const unreadable: Unreadable[] = [];
  let anomalies = 0;
  let straySpan: Span | null = null;
  let blockOrder: BlockOrder | undefined;
  const placeRow = (o: Occurrence, values: Field[], labelText?: string) => {
    const span = labelSpan(text, labelTexts[o.run], o);
    placed.push({ key: o.key, labelSpan: span, labelText: labelText ?? spanText(text, span), values });
  };
  /** Places a block of rows' figures; false when no certain reading exists. */
  const placeLabels = (labels: Occurrence[], values: Field[]): boolean => {
    const block = placeBlock(id, labels.map((o) => o.key), values, knownOrder);
    if (!block) return false;
    blockOrder = block.order ?? blockOrder;
    labels.forEach((o, r) => placeRow(o, block.rows[r]));
    return true;
  };
  const chainByRun = new Map<number, Occurrence[]>();
  for (const o of chain) chainByRun.set(o.run, [...(chainByRun.get(o.run) ?? []), o]);
  const padding = rowPadding(runs, (i) => (chainByRun.get(i)?.length === 1 ? chainByRun.get(i)![0].key : null));
  // Labels whose figures have not come yet: a column-major block continues in the next run.
  let carried: Occurrence[] = [];
  runs.forEach((run, i) => {
    const own = chainByRun.get(i) ?? [];
    const labels = [...carried, ...own];
    carried = [];
    if (run.values.length === 0) return;
    if (run.values.every((v) => v.empty)) {
      // Only empty fields after the label: a group row's merged cells, or a one-cell row left blank.
      if (labels.length === 1) placeRow(labels[0], withinWidth(run.values, widthOf(labels[0].key)));
      return;
    }
    const values = withinWidth(run.values, 0);
    // In table 二 a run's label text may end one group and start the next: its figures are first its own group's.
    const figuresGroup = groups.at(i, Infinity);
    const inGroup = labels.filter((o) => groups.at(o.run, o.from) === figuresGroup);
    const candidates = figuresGroup !== null && inGroup.length > 0 ? inGroup : labels;
    if (candidates.length === 0) {
      const group = groupRowOf(id, runs, groups, chain, i);
      if (group) return placeRow(group, run.values);
      anomalies++;
      const span = { start: values[0].span.start, end: values[values.length - 1].span.end };
      straySpan ??= span;
      unreadable.push({ reason: 'numbers-without-label', span, table: id });
      return;
    }
    if (candidates.length === 1) {
      const o = candidates[0];
      const following = overflowRows(id, keys, chain, o, run.values);
      if (following) {
        placeRow(o, following[0].values, wrappedLabelText(text, labelTexts, i, o));
        // Their labels stand elsewhere in the text: the row is marked at its figures.
        for (const { key, values } of following.slice(1)) placed.push({ key, labelSpan: values[0].span, labelText: key.spec.label, values });
        return;
      }
      const rowValues = withinWidth(withoutPadding(run.values, padding), widthOf(o.key));
      if (rowValues.length !== widthOf(o.key)) anomalies++;
      // The label runs to the figures (a wording the format's label only begins, such as （二）部分公开（区分…）.
      if (o.run !== i) return placeRow(o, rowValues);
      const span = { start: labelSpan(text, labelTexts[i], o).start, end: labelTexts[i].span.end };
      placed.push({ key: o.key, labelSpan: span, labelText: wrappedLabelText(text, labelTexts, i, o), values: rowValues });
      return;
    }
    if (placeLabels(candidates, values)) return;
    // The figures of the first labels only; the others wait for the next figures.
    for (let k = candidates.length - 1; k >= 1; k--) {
      if (placeLabels(candidates.slice(0, k), values)) {
        carried = candidates.slice(k);
        return;
      }
    }
    // Several labels before the figures, which fit no certain reading: which row each belongs to is a guess.
    anomalies += 2;
  });

  const figures = runs.reduce((n, r) => n + r.values.length, 0);
  if (placed.length === 0) {
    return { table: null, unreadable: figures > 0 ? [{ reason: 'table-without-rows', span: region, table: id }] : [] };
  }
  const sixSingle = placed.some((p) => p.key.spec.id === 'r6');
  const expected = keys.filter((k) => (sixSingle ? k.spec.group !== 'r6' : k.spec.id !== 'r6')).length;
  // One slip (a stray line, a row with a figure too many) is the author's to fix and is reported as such;
  // more than that, or a slip in a table whose rows are mostly unrecognised, means the text itself is scrambled.
  if (anomalies >= 2 || (anomalies > 0 && placed.length * 2 < expected)) {
    return {
      table: null,
      unreadable: [{ reason: 'table-uncertain', span: straySpan ?? region, table: id, rowsRecognised: placed.length, rowsExpected: expected }],
    };
  }
  const rows = placed.map((p) => buildRow(text, id, p.key.spec, p.labelSpan, p.values, withoutGroupWords(id, p.labelText, p.key.spec.label)));
  const foundIds = new Set(rows.map((r) => r.rowId));
  // The table starts with its header (the text before the first row's label), where column names are hovered.
  const firstField = runs.find((r) => r.label.length > 0 || r.values.length > 0)!;
  const firstLabel = Math.min(rows.reduce((s, r) => Math.min(s, r.labelSpan.start), Infinity), (firstField.label[0] ?? firstField.values[0]).span.start);
  const lastEnd = rows.reduce((e, r) => Math.max(e, ...[...r.cells, ...r.extraCells].map((c) => c.span.end), r.labelSpan.end), 0);
  return {
    table: {
      id,
      span: { start: firstLabel, end: lastEnd },
      rows,
      missingRows: keys
        .filter((k) => k.spec.numeric && !(sixSingle && k.spec.group === 'r6'))
        .filter((k) => !foundIds.has(k.spec.id))
        .map((k) => k.spec.id),
      sixSingle,
    },
    unreadable,
    blockOrder,
  };
}

/**
 * Table 二 is four small tables, each under its 第二十条第（X）项 heading. A group of one row and one figure
 * (行政许可, 行政事业性收费) places its figure with certainty wherever the extractor put the label within the group
 * (pdftotext writes some of them after the figure).
 */
function groupRowOf(id: TableId, runs: Run[], groups: Table2Groups, chain: Occurrence[], i: number): Occurrence | null {
  if (id !== 'table2' || runs[i].values.length !== 1) return null;
  const group = groups.at(i, Infinity);
  const rows = TABLES.table2.rows.filter((r) => r.group === group);
  if (!group || rows.length !== 1 || rows[0].columns.length !== 1) return null;
  if (groups.figuresIn(group, runs) !== 1) return null;
  return chain.find((o) => o.key.spec.id === rows[0].id && groups.at(o.run, o.from) === group) ?? null;
}

/** Which 第二十条第（X）项 group a place in table 二's label texts is in (null before the first heading, and in tables 三). */
class Table2Groups {
  private readonly headings: { run: number; at: number; group: string }[] = [];

  constructor(id: TableId, labels: LabelText[]) {
    if (id !== 'table2') return;
    labels.forEach((label, run) => {
      for (const g of TABLE2_GROUPS) {
        const heading = matchForm(g.heading);
        for (let at = label.compact.text.indexOf(heading); at >= 0; at = label.compact.text.indexOf(heading, at + 1)) this.headings.push({ run, at, group: g.id });
      }
    });
    this.headings.sort((a, b) => a.run - b.run || a.at - b.at);
  }

  private figures: Map<string | null, number> | null = null;

  /** How many figures the runs hold under a group's heading. */
  figuresIn(group: string, runs: Run[]): number {
    if (!this.figures) {
      const figures = new Map<string | null, number>();
      runs.forEach((run, r) => figures.set(this.at(r, Infinity), (figures.get(this.at(r, Infinity)) ?? 0) + run.values.length));
      this.figures = figures;
    }
    return this.figures.get(group) ?? 0;
  }

  at(run: number, offset: number): string | null {
    let group: string | null = null;
    for (const h of this.headings) {
      if (h.run > run || (h.run === run && h.at > offset)) break;
      group = h.group;
    }
    return group;
  }
}

/**
 * The figures of a row and of the rows after it whose labels the extractor moved elsewhere (pdftotext writes
 * some labels of a page after all its figures): the run holds k rows' figures, exactly k − 1 rows of the format
 * lie between this row and the next recognised one, and every row read so agrees with its own total.
 */
function overflowRows(id: TableId, keys: RowKey[], chain: Occurrence[], o: Occurrence, values: Field[]): { key: RowKey; values: Field[] }[] | null {
  const width = 7;
  if (id !== 'table3' || !o.key.spec.numeric || values.length <= width || values.length % width !== 0) return null;
  const next = chain.find((c) => c.key.index > o.key.index);
  const between = keys.filter((k) => k.spec.numeric && k.index > o.key.index && (!next || k.index < next.key.index));
  if (between.length !== values.length / width - 1) return null;
  const rows = [o.key, ...between].map((key, r) => ({ key, values: values.slice(r * width, r * width + width) }));
  return rows.every((row) => rowTotalHolds(row.values)) ? rows : null;
}

/** A label's span in the source, with the closing quote the match form leaves out (3.危及“三安全一稳定”). */
function labelSpan(text: string, label: LabelText, o: Occurrence): Span {
  const span = label.compact.span(o.from, o.to);
  let end = span.end;
  while (end < text.length && /[”"’」]/.test(text[end])) end++;
  return codePointSpan(text, { start: span.start, end });
}

/**
 * `written` without one piece (two characters or more, longest first) of one of table 三's group headings, the
 * first that makes `fits` hold — PDF text prints the merged group cell （六）其他处理 beside its sub-rows, and its words
 * land between the lines of a wrapped label (2、申请人逾期未按收费通知要 · 他处理 · 求缴纳费用…); or null.
 */
function withoutGroupPiece(written: string, fits: (rest: string) => boolean, form: (s: string) => string): string | null {
  for (const group of TABLES.table3.rows.filter((r) => !r.numeric)) {
    const words = form(group.label);
    for (let length = words.length; length >= 2; length--) {
      for (let from = 0; from + length <= words.length; from++) {
        const piece = words.slice(from, from + length);
        for (let at = written.indexOf(piece); at >= 0; at = written.indexOf(piece, at + 1)) {
          const rest = written.slice(0, at) + written.slice(at + length);
          if (fits(rest)) return rest;
        }
      }
    }
  }
  return null;
}

/** The head of a wrapped label in match form, without a group heading's words where that makes it the label's start. */
function asPrefixOf(written: string, full: string): string {
  if (full.startsWith(written)) return written;
  return withoutGroupPiece(written, (rest) => full.startsWith(rest), matchForm) ?? written;
}

/** A label as written, without a group heading's words where that makes it the format's label exactly. */
function withoutGroupWords(id: TableId, written: string, canonical: string): string {
  const target = matchForm(canonical);
  if (id !== 'table3' || matchForm(written) === target) return written;
  return withoutGroupPiece(written, (rest) => matchForm(rest) === target, (label) => label) ?? written;
}

/** How many figures a row has: its columns (（六）其他处理 as one row has table 三's seven). */
const widthOf = (key: RowKey): number => (key.spec.numeric ? key.spec.columns.length : 7);

/**
 * How many empty fields a tab or pipe table's rows end with (padding), when its complete rows agree on it: a row
 * with empty fields both before and after its figures (a merged label column, padding) then loses its padding
 * first, so that its own blank first or last cell stays in place.
 */
function rowPadding(runs: Run[], single: (i: number) => RowKey | null): number | null {
  const votes = new Map<number, number>();
  let rows = 0;
  runs.forEach((run, i) => {
    const key = single(i);
    if (!key || run.values.some((v) => v.column < 0)) return;
    const last = run.values.findLastIndex((v) => !v.empty);
    const first = run.values.findIndex((v) => !v.empty);
    if (last - first + 1 !== widthOf(key) || run.values.slice(first, last + 1).some((v) => v.empty)) return;
    rows++;
    const padding = run.values.length - 1 - last;
    votes.set(padding, (votes.get(padding) ?? 0) + 1);
  });
  const [padding, count] = [...votes].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return padding !== null && count >= 3 && count * 2 > rows ? padding : null;
}

/** A tab or pipe row's figures without the table's padding, when it ends with that padding. */
function withoutPadding(values: Field[], padding: number | null): Field[] {
  if (padding === null || padding === 0 || values.some((v) => v.column < 0) || values.length < padding) return values;
  return values.slice(-padding).every((v) => v.empty) ? values.slice(0, values.length - padding) : values;
}

/**
 * A run's figures without the empty fields beyond the row's width: first those before the figures (a merged
 * second label column), then those at the end (padding of tab and pipe rows).
 */
function withinWidth(values: Field[], width: number): Field[] {
  let start = 0;
  let end = values.length;
  while (end - start > width && values[start].empty) start++;
  while (end - start > width && values[end - 1].empty) end--;
  return start === 0 && end === values.length ? values : values.slice(start, end);
}

const spanText = (text: string, span: Span): string => text.slice(span.start, span.end).replace(/\s+/g, '');

/**
 * The label of a row whose figures follow it, as written: from where it starts to the figures, and — where PDF
 * text wraps it around its figures — the rest of it at the start of the next run's label text.
 */
function wrappedLabelText(text: string, labels: LabelText[], i: number, o: Occurrence): string {
  const own = labels[i].compact;
  const head = spanText(text, { start: labelSpan(text, labels[i], o).start, end: labels[i].span.end });
  const next = labels[i + 1]?.compact;
  const full = own.text.slice(o.from).startsWith(o.key.numbering) ? o.key.numbering + o.key.cores[0] : o.key.cores[0];
  const written = asPrefixOf(own.text.slice(o.from), full);
  if (!next || written.length >= full.length || !full.startsWith(written)) return head;
  const rest = full.slice(written.length);
  if (!next.text.startsWith(rest)) return head;
  return head + spanText(text, { start: labels[i + 1].span.start, end: labelSpan(text, labels[i + 1], { ...o, from: 0, to: rest.length }).end });
}


// ---------------------------------------------------------------------------------------------------------
// Table 四

const TABLE4_GROUP_KEYS: { rowId: string; keys: string[] }[] = [
  { rowId: 'after', keys: ['复议后起诉'] },
  { rowId: 'direct', keys: ['未经复议直接起诉', '直接起诉'] },
  { rowId: 'review', keys: ['行政复议'] },
];

/** Table 四: fifteen values after the header (on one line, one per line, or wrapped), or three labelled rows of five. */
export function parseTable4(text: string, lineStarts: number[], region: Span, furniture: Set<string> = new Set()): TableParse {
  const spec = TABLES.table4;
  const allRuns = toRuns(tokenize(text, lineStarts, region, furniture, true));
  const runs = allRuns.filter((r) => r.values.some((v) => !v.empty));
  if (runs.length === 0) return { table: null, unreadable: [] };
  // The header: every line before the first figures (its lines may end in empty cells of their own).
  const header = allRuns.slice(0, allRuns.indexOf(runs[0]) + 1).flatMap((r) => r.label);
  const headerCompact = CompactText.build(text, header.map((f) => f.span), (ch) => !isSpace(ch), matchChar);
  const labelSpanOf = (rowId: string, fallback: Span): Span => {
    const key = TABLE4_GROUP_KEYS.find((g) => g.rowId === rowId)!.keys[0];
    const at = headerCompact.text.indexOf(key);
    return at >= 0 ? headerCompact.span(at, at + key.length) : fallback;
  };
  const rows: Row[] = [];
  const labelledRows = runs.filter((run) => namedGroup(run) !== undefined);
  const allValues = withinWidth(runs.flatMap((r) => r.values), 15);
  if (labelledRows.length < 2 && allValues.length >= 10) {
    if (!interruptionsFitColumns(text, runs)) {
      return { table: null, unreadable: [{ reason: 'table-uncertain', span: region, table: 'table4', rowsRecognised: 0, rowsExpected: spec.rows.length }] };
    }
    // One data row: its fifteen figures in order, however the extractor broke the lines (header words between them are not data).
    spec.rows.forEach((rowSpec, i) => {
      const values = allValues.slice(i * 5, i * 5 + 5);
      const extra = i === spec.rows.length - 1 ? allValues.slice(15) : [];
      if (values.length === 0) return;
      const row = buildRow(text, 'table4', rowSpec, labelSpanOf(rowSpec.id, values[0].span), [...values, ...extra]);
      rows.push({ ...row, labelText: rowSpec.label });
    });
  } else {
    const pending = [...spec.rows];
    for (const run of runs) {
      const named = namedGroup(run);
      const rowSpec = named && pending.some((p) => p.id === named) ? pending.find((p) => p.id === named)! : run.values.length >= 4 ? pending[0] : undefined;
      if (!rowSpec) continue;
      pending.splice(pending.indexOf(rowSpec), 1);
      const labelSpan = run.label.length > 0 ? { start: run.label[run.label.length - 1].span.start, end: run.label[run.label.length - 1].span.end } : run.values[0].span;
      rows.push(buildRow(text, 'table4', rowSpec, labelSpan, withinWidth(run.values, 5)));
    }
    rows.sort((a, b) => spec.rows.findIndex((r) => r.id === a.rowId) - spec.rows.findIndex((r) => r.id === b.rowId));
  }
  if (rows.length === 0) return { table: null, unreadable: [{ reason: 'table-without-rows', span: region, table: 'table4' }] };
  const cells = rows.flatMap((r) => [...r.cells, ...r.extraCells]);
  const foundIds = new Set(rows.map((r) => r.rowId));
  return {
    table: {
      id: 'table4',
      span: { start: header.length > 0 ? header[0].span.start : cells[0].span.start, end: cells.reduce((end, c) => Math.max(end, c.span.end), 0) },
      rows,
      missingRows: spec.rows.filter((r) => !foundIds.has(r.id)).map((r) => r.id),
      sixSingle: false,
    },
    unreadable: [],
  };
}

/**
 * Table 四's fifteen figures in one row are read in order only when nothing but their own column's header
 * stands between them: an extractor that puts a header word (总计) just before the figure under it keeps the
 * order, one that scatters header words between the figures (72 64 178 37 | 结果 … | 12 …) may not.
 */
function interruptionsFitColumns(text: string, runs: Run[]): boolean {
  const columns = TABLES.table4.columns;
  let index = 0;
  for (const [i, run] of runs.entries()) {
    if (i > 0) {
      const words = run.label.map((f) => text.slice(f.span.start, f.span.end)).join('').replace(/\s/g, '');
      const column = columns[index % columns.length];
      const names = [column.label, ...column.aliases].map((n) => n.slice(-2));
      if (!names.some((n) => words.endsWith(n))) return false;
    }
    index += run.values.length;
  }
  return true;
}

/** The group a run of table 四 names as its own row label (the last words before its figures). */
function namedGroup(run: Run): string | undefined {
  const last = run.label.slice(-2).map((f) => f.raw).join('').replace(/\s/g, '');
  if (last === '') return undefined;
  return TABLE4_GROUP_KEYS.find((g) => g.keys.some((k) => last.endsWith(k)))?.rowId;
}
