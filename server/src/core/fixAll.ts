// 修正全部合计: every total fix in one edit, in the order that makes them agree — the wrongly typed
// cells first (located by wrongCells.ts), then each equation of the format (schema.ts, equationsOf) in its order:
// row totals, then the （七） totals, then 四 from the balance, then table 四's group totals. One round works on
// one reading of the text; the edits of a round can change that reading (a figure typed into an empty field, a
// line read by two tables), so rounds are repeated on the edited text until one proposes nothing: the result is
// a fixed point, and running fix-all on the fixed text proposes no edit. The edits returned never overlap and
// never repeat a range.

import type { TextEdit } from './checks/rules';
import type { ReportModel, Span } from './model';
import { parseReport } from './parse';
import { equationsOf, TABLE3_EQUATIONS, type Equation } from './schema';
import { solveFor, TableValues } from './values';
import { findWrongCells } from './wrongCells';

/** The arithmetic of one round settles within a few passes; the bound only guards against a cycle. */
const MAX_PASSES = 8;
/** Rounds over the re-read text; a round that proposes nothing ends them (a fixed point). */
const MAX_ROUNDS = 8;

const spansTouch = (a: Span, b: Span): boolean => a.start === b.start || (a.start < b.end && b.start < a.end);

/**
 * One pass over the equations: each sets its target to what its other cells make it. Where the target would
 * have to be negative (more handled than received and carried over: no carried-forward figure can balance the
 * column) the fallback is raised instead (item 一, to what was handled and carried forward). A total whose parts
 * are not all read is at least the sum of those that are — （七）'s row total stands on its own columns.
 */
function settle(grid: TableValues, equations: readonly Equation[]): boolean {
  let changed = false;
  for (const eq of equations) {
    const value = solveFor(grid, eq, eq.target);
    if (value === null) continue;
    if (value >= 0) changed = grid.set(eq.target[0], eq.target[1], value) || changed;
    else if (eq.fallback) {
      const raised = solveFor(grid, eq, eq.fallback);
      if (raised !== null) changed = grid.set(eq.fallback[0], eq.fallback[1], raised) || changed;
    }
  }
  return changed;
}

/** One round over one reading of the text: the edits in text order, possibly overlapping. */
function roundEdits(model: ReportModel): TextEdit[] {
  const grids: TableValues[] = [];
  const table3 = model.tables.table3 ? new TableValues(model.tables.table3) : null;
  if (table3) {
    const equations = equationsOf(table3.table);
    // The wrong cells are sought with the 2021 layout's equations, as they always were: in the 2019 layout (a single
    // （六） row) those that involve （六）'s sub-rows are not read, and the solver works on the rest. (With
    // equationsOf(table) it would use （六）'s own row and the （七） totals too, and correct more 2019-layout drafts
    // at the mistyped cell instead of at their totals.)
    for (const { rowId, columnId, value } of findWrongCells(table3, TABLE3_EQUATIONS) ?? []) table3.set(rowId, columnId, value);
    for (let pass = 0; pass < MAX_PASSES && settle(table3, equations); pass++);
    grids.push(table3);
  }
  if (model.tables.table4) {
    // A figure read by both tables (a malformed draft) keeps the value table 三 gives it.
    const table4 = new TableValues(model.tables.table4);
    if (table3) table4.lockShared(table3);
    const equations = equationsOf(table4.table);
    for (let pass = 0; pass < MAX_PASSES && settle(table4, equations); pass++);
    grids.push(table4);
  }
  return grids.flatMap((g) => g.edits()).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
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
