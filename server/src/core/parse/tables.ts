// Tables 二, 三 and 四, read from any layout: PDF-extracted text (labels wrapped over lines, numbers
// separated by spaces, a row's last number on the next line), tab-separated Word/HTML exports, Markdown
// pipe tables. The text is cut into fields; runs of label text followed by runs of values are matched,
// in the format's order, against the schema's rows.

import type { Cell, CellValue, Row, Span, Table, TableId, Unreadable } from '../model';
import { TABLES, type RowSpec } from '../schema';
import { asciiDigits, classifyField, CompactText, isSpace, labelCore, labelNumbering, lineEndOf, lineOf, looseLabel, normalizeLabel, similarity } from '../text';

interface Field {
  raw: string;
  span: Span;
  kind: 'number' | 'blank' | 'nan' | 'text';
  value: number;
  /** An empty field of a pipe or tab row (a merged cell, or a value left out). */
  empty: boolean;
  /** Cut at a tab or pipe (not at spaces). */
  separated: boolean;
}

interface Run {
  label: Field[];
  values: Field[];
}

const ALIGNMENT_ROW = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** Prose lines inside a table region are not table text. */
const PROSE_LINE = /[。；]/;

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
    while (i < line.length && isSpace(line[i])) i++;
    const from = i;
    while (i < line.length && !isSpace(line[i])) i++;
    if (i > from) parts.push({ from: start + from, to: start + i, separated: false });
  }
  return parts;
}

function tokenize(text: string, lineStarts: number[], region: Span): Field[] {
  const fields: Field[] = [];
  for (let line = lineOf(lineStarts, region.start); line < lineStarts.length; line++) {
    const start = lineStarts[line];
    if (start < region.start) continue;
    if (start >= region.end) break;
    const end = Math.min(lineEndOf(text, lineStarts, line), region.end);
    const content = text.slice(start, end);
    const trimmed = content.trim();
    if (trimmed === '' || ALIGNMENT_ROW.test(content) || trimmed.startsWith('<!--') || trimmed.startsWith('//')) continue;
    if (PROSE_LINE.test(content) && !content.includes('\t') && !content.includes('|') && !trimmed.startsWith('（本列') && !trimmed.startsWith('(本列')) continue;
    fields.push(...lineFields(text, start, end));
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
 * empty fields ending the line are padding: both are dropped; a word between two values of the line, or a short word ending a tab or pipe row after a
 * value, stands where a figure belongs and is read as "not a number".
 */
function lineFields(text: string, start: number, end: number): Field[] {
  const fields: Field[] = [];
  for (const part of splitLine(text, start, end)) {
    let from = part.from;
    let to = part.to;
    while (from < to && isSpace(text[from])) from++;
    while (to > from && isSpace(text[to - 1])) to--;
    const raw = text.slice(from, to);
    if (raw === '' && (!part.separated || fields.length === 0)) continue;
    const position = raw === '' ? Math.min(part.from + 1, part.to) : from;
    const token = classifyField(raw);
    fields.push({
      raw,
      span: raw === '' ? { start: position, end: position } : { start: from, end: to },
      kind: token.kind,
      value: token.kind === 'number' ? token.value : 0,
      empty: raw === '',
      separated: part.separated,
    });
  }
  while (fields.length > 0 && fields[fields.length - 1].empty) fields.pop();
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
    while (values.length > 0 && values[values.length - 1].empty) values.pop();
    if (values.length > 0) runs.push({ label, values });
    label = [];
    values = [];
  };
  for (const field of fields) {
    if (field.kind === 'text') {
      if (values.length > 0) flush();
      label.push(field);
    } else if (field.empty) {
      if (values.length > 0) values.push(field);
    } else {
      values.push(field);
    }
  }
  flush();
  return runs;
}

function cellValue(field: Field): CellValue {
  if (field.kind === 'number') return { kind: 'number', value: field.value };
  if (field.kind === 'nan') return { kind: 'nan' };
  return { kind: 'blank' };
}

/** The loose forms under which a row is recognised. */
function rowKeys(spec: RowSpec): string[] {
  return [spec.label, ...spec.aliases].map((l) => looseLabel(labelCore(normalizeLabel(l))));
}

const keysCache = new Map<RowSpec, string[]>();
function keysOf(spec: RowSpec): string[] {
  let keys = keysCache.get(spec);
  if (!keys) {
    keys = rowKeys(spec);
    keysCache.set(spec, keys);
  }
  return keys;
}

const LOOSE_DROP = /[“”‘’'"「」，、。：；.,:;]/;

function looseChar(ch: string): string {
  const ascii = asciiDigits(ch);
  return ascii === '(' ? '（' : ascii === ')' ? '）' : ascii;
}

interface LabelMatch {
  spec: RowSpec;
  index: number;
  labelSpan: Span;
}

const FUZZY_THRESHOLD = 0.5;
const FUZZY_LOOKAHEAD = 2;

/** Finds which of the expected rows a run's label text names, and where the label starts. */
function matchLabel(text: string, label: Field[], rows: RowSpec[], expect: number): LabelMatch | null {
  if (label.length === 0) return null;
  const compact = CompactText.build(
    text,
    label.map((f) => f.span),
    (ch) => !isSpace(ch) && !LOOSE_DROP.test(ch),
    looseChar,
  );
  const loose = compact.text;
  const labelEnd = label[label.length - 1].span.end;
  const spanFrom = (spec: RowSpec, at: number): Span => {
    const numbering = looseLabel(labelNumbering(normalizeLabel(spec.label)));
    const start = numbering && loose.slice(at - numbering.length, at) === numbering ? at - numbering.length : at;
    return { start: compact.offsetAt(start), end: labelEnd };
  };
  for (let j = expect; j < rows.length; j++) {
    for (const key of keysOf(rows[j])) {
      const at = loose.lastIndexOf(key);
      if (at >= 0) return { spec: rows[j], index: j, labelSpan: spanFrom(rows[j], at) };
    }
  }
  let best: LabelMatch | null = null;
  let bestScore = FUZZY_THRESHOLD;
  for (let j = expect; j < Math.min(rows.length, expect + FUZZY_LOOKAHEAD + 1); j++) {
    const key = keysOf(rows[j])[0];
    const tail = loose.slice(Math.max(0, loose.length - key.length - 2));
    const score = similarity(key, tail);
    if (score > bestScore) {
      bestScore = score;
      const numbering = looseLabel(labelNumbering(normalizeLabel(rows[j].label)));
      const numberingAt = numbering ? loose.lastIndexOf(numbering) : -1;
      const start = numberingAt >= 0 && numberingAt >= loose.length - key.length - 4 ? numberingAt : Math.max(0, loose.length - tail.length);
      best = { spec: rows[j], index: j, labelSpan: { start: compact.offsetAt(start), end: labelEnd } };
    }
  }
  return best;
}

function buildRow(text: string, table: TableId, spec: RowSpec, labelSpan: Span, values: Field[]): Row {
  const toCell = (field: Field, columnId: string): Cell => ({
    table,
    rowId: spec.id,
    columnId,
    value: cellValue(field),
    raw: field.raw,
    span: field.span,
  });
  return {
    table,
    rowId: spec.id,
    labelSpan,
    labelText: text.slice(labelSpan.start, labelSpan.end).replace(/\s+/g, ''),
    canonicalLabel: spec.label,
    cells: values.slice(0, spec.columns.length).map((f, i) => toCell(f, spec.columns[i])),
    extraCells: values.slice(spec.columns.length).map((f) => toCell(f, 'extra')),
  };
}

export interface TableParse {
  table: Table | null;
  unreadable: Unreadable[];
}

/** Tables 二 and 三: one row per label, in the format's order. */
export function parseRowTable(text: string, lineStarts: number[], id: 'table2' | 'table3', region: Span): TableParse {
  const rows = TABLES[id].rows.filter((r) => r.numeric);
  const runs = toRuns(tokenize(text, lineStarts, region));
  const found: Row[] = [];
  const unreadable: Unreadable[] = [];
  let expect = 0;
  let firstField: Field | null = null;
  for (const run of runs) {
    const match = matchLabel(text, run.label, rows, expect);
    if (!match) {
      if (found.length > 0) {
        unreadable.push({ reason: 'numbers-without-label', span: { start: run.values[0].span.start, end: run.values[run.values.length - 1].span.end } });
      }
      continue;
    }
    if (found.length === 0) firstField = run.label[0];
    found.push(buildRow(text, id, match.spec, match.labelSpan, run.values));
    expect = match.index + 1;
  }
  if (found.length === 0) {
    return { table: null, unreadable: runs.length > 0 ? [{ reason: 'table-without-rows', span: region }] : [] };
  }
  const last = found[found.length - 1];
  const lastCell = [...last.cells, ...last.extraCells].pop();
  const foundIds = new Set(found.map((r) => r.rowId));
  return {
    table: {
      id,
      span: { start: firstField!.span.start, end: lastCell ? lastCell.span.end : last.labelSpan.end },
      rows: found,
      missingRows: rows.filter((r) => !foundIds.has(r.id)).map((r) => r.id),
      sixSingle: false,
    },
    unreadable,
  };
}

const TABLE4_GROUP_KEYS: { rowId: string; keys: string[] }[] = [
  { rowId: 'after', keys: ['复议后起诉'] },
  { rowId: 'direct', keys: ['未经复议直接起诉', '直接起诉'] },
  { rowId: 'review', keys: ['行政复议'] },
];

/** Table 四: fifteen values, either on one line after the header or as three labelled rows of five. */
export function parseTable4(text: string, lineStarts: number[], region: Span): TableParse {
  const spec = TABLES.table4;
  const runs = toRuns(tokenize(text, lineStarts, region));
  if (runs.length === 0) return { table: null, unreadable: [] };
  const header = runs[0].label;
  const headerCompact = CompactText.build(text, header.map((f) => f.span), (ch) => !isSpace(ch), looseChar);
  const labelSpanOf = (rowId: string, fallback: Span): Span => {
    const key = TABLE4_GROUP_KEYS.find((g) => g.rowId === rowId)!.keys[0];
    const at = headerCompact.text.indexOf(key);
    return at >= 0 ? headerCompact.span(at, at + key.length) : fallback;
  };
  const rows: Row[] = [];
  const oneLine = runs.find((r) => r.values.length >= 10);
  if (oneLine) {
    spec.rows.forEach((rowSpec, i) => {
      const values = oneLine.values.slice(i * 5, i * 5 + 5);
      const extra = i === spec.rows.length - 1 ? oneLine.values.slice(15) : [];
      if (values.length === 0) return;
      const row = buildRow(text, 'table4', rowSpec, labelSpanOf(rowSpec.id, oneLine.values[0].span), [...values, ...extra]);
      rows.push({ ...row, labelText: rowSpec.label });
    });
  } else {
    const pending = [...spec.rows];
    for (const run of runs) {
      const loose = run.label.map((f) => f.raw).join('').replace(/\s/g, '');
      const named = TABLE4_GROUP_KEYS.find((g) => g.keys.some((k) => loose.includes(k)) && pending.some((p) => p.id === g.rowId));
      const rowSpec = named ? pending.find((p) => p.id === named.rowId)! : run.values.length >= 4 ? pending[0] : undefined;
      if (!rowSpec) continue;
      pending.splice(pending.indexOf(rowSpec), 1);
      const labelSpan = run.label.length > 0 ? { start: run.label[run.label.length - 1].span.start, end: run.label[run.label.length - 1].span.end } : run.values[0].span;
      rows.push(buildRow(text, 'table4', rowSpec, labelSpan, run.values));
    }
    rows.sort((a, b) => spec.rows.findIndex((r) => r.id === a.rowId) - spec.rows.findIndex((r) => r.id === b.rowId));
  }
  if (rows.length === 0) return { table: null, unreadable: [{ reason: 'table-without-rows', span: region }] };
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
