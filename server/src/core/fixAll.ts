// 修正全部合计: every total fix in one edit, in the order that makes them agree — the wrongly typed
// cells first (located by localize.ts), then row totals, then the （七） totals, then 四 from the
// balance, then table 四's group totals. One round works on one reading of the text; the edits of a round
// can change that reading (a figure typed into an empty field, a line read by two tables), so rounds are
// repeated on the edited text until one proposes nothing: the result is a fixed point, and running fix-all
// on the fixed text proposes no edit. The edits returned never overlap and never repeat a range.

import type { TextEdit } from './checks/rules';
import { localizeTable3 } from './localize';
import type { Cell, ReportModel, Span, Table } from './model';
import { parseReport } from './parse';
import { TABLES } from './schema';
import { cellCount, resultRowIds, sumOf, TABLE3_APPLICANT_COLUMNS, TABLE4_PART_COLUMNS } from './values';

/** The arithmetic of one round settles within a few passes; the bound only guards against a cycle. */
const MAX_PASSES = 8;
/** Rounds over the re-read text; a round that proposes nothing ends them (a fixed point). */
const MAX_ROUNDS = 8;

const spansTouch = (a: Span, b: Span): boolean => a.start === b.start || (a.start < b.end && b.start < a.end);

class Grid {
  readonly cells = new Map<string, Cell>();
  readonly values = new Map<string, number | null>();
  /** Cells that another table reads too, with the value that table gives them: they may not take another. */
  readonly locked = new Map<string, number | null>();

  constructor(table: Table | undefined) {
    for (const row of table?.rows ?? []) {
      for (const cell of row.cells) {
        const key = `${row.rowId}/${cell.columnId}`;
        this.cells.set(key, cell);
        this.values.set(key, cellCount(cell));
      }
    }
  }

  /** Locks every cell that shares text with a cell of `other`, to the value `other` settled on. */
  lockShared(other: Grid): void {
    for (const [key, cell] of this.cells) {
      for (const [otherKey, otherCell] of other.cells) {
        if (spansTouch(cell.span, otherCell.span)) this.locked.set(key, other.values.get(otherKey) ?? null);
      }
    }
  }

  get(rowId: string, columnId: string): number | null {
    return this.values.get(`${rowId}/${columnId}`) ?? null;
  }

  /** Sets a cell that exists (and is not locked to another value); returns whether the value changed. */
  set(rowId: string, columnId: string, value: number): boolean {
    const key = `${rowId}/${columnId}`;
    if (!this.cells.has(key) || this.values.get(key) === value) return false;
    if (this.locked.has(key) && this.locked.get(key) !== value) return false;
    this.values.set(key, value);
    return true;
  }

  sum(keys: [string, string][]): number | null {
    return sumOf(keys, (r, c) => this.get(r, c));
  }

  edits(): TextEdit[] {
    const edits: TextEdit[] = [];
    for (const [key, cell] of this.cells) {
      const value = this.values.get(key);
      if (value !== null && value !== undefined && value !== cellCount(cell)) edits.push({ span: cell.span, newText: String(value) });
    }
    return edits;
  }
}

function settleTable3(grid: Grid, rows: string[], resultRows: string[]): boolean {
  let changed = false;
  // （七） too: where the result rows are not all read, its total is at least the sum of its own columns.
  for (const rowId of rows) {
    const sum = grid.sum(TABLE3_APPLICANT_COLUMNS.map((c) => [rowId, c]));
    if (sum !== null) changed = grid.set(rowId, 'total', sum) || changed;
  }
  for (const column of TABLES.table3.columns) {
    const sum = grid.sum(resultRows.map((r) => [r, column.id]));
    if (sum !== null) changed = grid.set('r7', column.id, sum) || changed;
  }
  for (const column of TABLES.table3.columns) {
    const [received, carried, handled, written] = ['new', 'carried', 'r7', 'forward'].map((r) => grid.get(r, column.id));
    if (received === null || carried === null || handled === null) continue;
    const forward = received + carried - handled;
    if (forward >= 0) changed = grid.set('forward', column.id, forward) || changed;
    // More handled than received and carried over: no carried-forward figure can balance the column, so the
    // figure received this year (item 一) is raised to what was handled and carried forward.
    else if (written !== null) changed = grid.set('new', column.id, handled + written - carried) || changed;
  }
  return changed;
}

function settleTable4(grid: Grid): boolean {
  let changed = false;
  for (const row of TABLES.table4.rows) {
    const sum = grid.sum(TABLE4_PART_COLUMNS.map((c) => [row.id, c]));
    if (sum !== null) changed = grid.set(row.id, 'total', sum) || changed;
  }
  return changed;
}

/** One round over one reading of the text: the edits in text order, possibly overlapping. */
function roundEdits(model: ReportModel): TextEdit[] {
  const table = model.tables.table3;
  const table3 = new Grid(table);
  for (const [key, value] of localizeTable3(table3.values) ?? []) {
    const cell = table3.cells.get(key)!;
    table3.set(cell.rowId, cell.columnId, value);
  }
  const rows = table ? table.rows.map((r) => r.rowId) : [];
  const resultRows = table ? resultRowIds(table) : [];
  for (let pass = 0; pass < MAX_PASSES && settleTable3(table3, rows, resultRows); pass++);
  // A figure read by both tables (a malformed draft) keeps the value table 三 gives it.
  const table4 = new Grid(model.tables.table4);
  table4.lockShared(table3);
  for (let pass = 0; pass < MAX_PASSES && settleTable4(table4); pass++);
  return [...table3.edits(), ...table4.edits()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/**
 * Edits that a client accepts as one change: identical edits once, and of two that overlap (or insert at
 * the same place) only the first; the next round sees what the dropped one would still change.
 */
export function disjointEdits(edits: TextEdit[]): TextEdit[] {
  const result: TextEdit[] = [];
  for (const edit of edits) {
    if (result.some((kept) => spansTouch(kept.span, edit.span))) continue;
    result.push(edit);
  }
  return result.sort((a, b) => a.span.start - b.span.start);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) result = result.slice(0, e.span.start) + e.newText + result.slice(e.span.end);
  return result;
}

/**
 * `done` (disjoint, in `original`'s offsets) followed by `next` (disjoint, in the offsets of the text `done`
 * produces) as disjoint edits of `original`. Edits of `next` that touch text written by `done` (overlap it or
 * meet it) are merged with it into one edit; a merged edit that gives back the original text is dropped.
 */
export function composeEdits(original: string, done: TextEdit[], next: TextEdit[]): TextEdit[] {
  // Every edit as a span of the text after `done`: those of `done` cover what they wrote.
  const items: { at: Span; from?: Span; edit?: TextEdit }[] = [];
  let delta = 0;
  for (const e of [...done].sort((a, b) => a.span.start - b.span.start)) {
    const start = e.span.start + delta;
    items.push({ at: { start, end: start + e.newText.length }, from: e.span });
    delta += e.newText.length - (e.span.end - e.span.start);
  }
  const olds = items.slice();
  for (const e of next) items.push({ at: e.span, edit: e });
  /** Offset in the original text of an offset of the edited text that is not inside what `done` wrote. */
  const toOriginal = (offset: number): number => {
    let shift = 0;
    for (const o of olds) if (o.at.end <= offset) shift += o.at.end - o.at.start - (o.from!.end - o.from!.start);
    return offset - shift;
  };
  // Clusters: an edit of `next` joins every edit of `done` it touches.
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  items.forEach((a, i) => {
    if (!a.edit) return;
    olds.forEach((b, j) => {
      if (b.at.start <= a.at.end && a.at.start <= b.at.end) parent[root(i)] = root(j);
    });
  });
  const clusters = new Map<number, typeof items>();
  items.forEach((item, i) => clusters.set(root(i), [...(clusters.get(root(i)) ?? []), item]));
  const current = applyEdits(original, done);
  const result: TextEdit[] = [];
  for (const cluster of clusters.values()) {
    const fresh = cluster.filter((c) => c.edit).map((c) => c.edit!);
    const written = cluster.filter((c) => c.from);
    if (fresh.length === 0) {
      result.push({ span: written[0].from!, newText: current.slice(written[0].at.start, written[0].at.end) });
      continue;
    }
    const atStart = Math.min(...cluster.map((c) => c.at.start));
    const atEnd = Math.max(...cluster.map((c) => c.at.end));
    const startsOld = written.filter((c) => c.at.start === atStart);
    const endsOld = written.filter((c) => c.at.end === atEnd);
    const span = {
      start: startsOld.length > 0 ? Math.min(...startsOld.map((c) => c.from!.start)) : toOriginal(atStart),
      end: endsOld.length > 0 ? Math.max(...endsOld.map((c) => c.from!.end)) : toOriginal(atEnd),
    };
    const newText = applyEdits(
      current.slice(atStart, atEnd),
      fresh.map((e) => ({ span: { start: e.span.start - atStart, end: e.span.end - atStart }, newText: e.newText })),
    );
    if (original.slice(span.start, span.end) !== newText) result.push({ span, newText });
  }
  return result.sort((a, b) => a.span.start - b.span.start);
}

/** One round on one reading of the text, as disjoint edits: what fix-all did before it repeated rounds. */
export function fixAllRound(model: ReportModel): TextEdit[] {
  return disjointEdits(roundEdits(model));
}

/**
 * The fixed point of the rounds, as disjoint edits of the model's text: applying them and running fix-all
 * again proposes nothing. Rounds that do not settle within the bound (a cycle) propose nothing either.
 */
export function fixAllTotals(model: ReportModel): TextEdit[] {
  let done: TextEdit[] = [];
  let current = model;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = fixAllRound(current);
    if (next.length === 0) return done;
    done = composeEdits(model.text, done, next);
    current = parseReport(applyEdits(model.text, done));
  }
  return [];
}
