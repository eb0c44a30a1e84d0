// Finds the wrong cells of a table: the fewest cells whose correction makes every equation of the format
// (schema.ts, equationsOf) hold at once, when a draft has up to MAX_WRONG_CELLS of them. Used by 修正全部合计 on
// table 三 so that a mistyped cell is corrected where it is, not papered over by changing totals.

import type { CellRef, Equation } from './schema';
import type { TableValues } from './values';

type Key = string;

/** An equation over cell keys: Σ plus − Σ minus = 0. */
interface Constraint {
  plus: Key[];
  minus: Key[];
}

/** A cell the solver corrects, with its corrected value. */
export interface WrongCell {
  rowId: string;
  columnId: string;
  value: number;
}

const MAX_WRONG_CELLS = 3;

const keyOf = ([rowId, columnId]: CellRef): Key => `${rowId}/${columnId}`;

function residual(c: Constraint, value: (k: Key) => number): number {
  let sum = 0;
  for (const k of c.plus) sum += value(k);
  for (const k of c.minus) sum -= value(k);
  return sum;
}

/**
 * Solves for the cells of `unknown` from constraints that have a single unknown left, repeatedly;
 * returns their values if all are determined, non-negative, and every constraint then holds.
 */
function solve(unknown: Key[], values: Map<Key, number>, constraints: Constraint[]): Map<Key, number> | null {
  const solved = new Map<Key, number>();
  const open = new Set(unknown);
  const value = (k: Key) => solved.get(k) ?? values.get(k)!;
  let progress = true;
  while (open.size > 0 && progress) {
    progress = false;
    for (const c of constraints) {
      const left = [...c.plus, ...c.minus].filter((k) => open.has(k));
      if (left.length !== 1) continue;
      const k = left[0];
      const sign = c.plus.includes(k) ? 1 : -1;
      const others = residual(c, (x) => (x === k ? 0 : value(x)));
      const v = -others * sign;
      if (v < 0) return null;
      solved.set(k, v);
      open.delete(k);
      progress = true;
    }
  }
  if (open.size > 0) return null;
  return constraints.every((c) => residual(c, value) === 0) ? solved : null;
}

const touches = (c: Constraint, keys: Key[]): boolean => keys.some((k) => c.plus.includes(k) || c.minus.includes(k));

/** Every set of `size` cells that touches each failing constraint (each set once, in key order). */
function* coverings(failing: Constraint[], size: number, chosen: Key[] = [], seen = new Set<string>()): Generator<Key[]> {
  const uncovered = failing.find((c) => !touches(c, chosen));
  if (!uncovered) {
    const id = [...chosen].sort().join('|');
    if (chosen.length === size && !seen.has(id)) {
      seen.add(id);
      yield chosen;
    }
    return;
  }
  if (chosen.length === size) return;
  for (const k of [...uncovered.plus, ...uncovered.minus]) if (!chosen.includes(k)) yield* coverings(failing, size, [...chosen, k], seen);
}

/**
 * The unique smallest set of cells (at most MAX_WRONG_CELLS) whose correction satisfies every equation whose
 * cells were all read, with the corrected values; empty when all of them hold; null when a cell has no count,
 * the errors are too many, or two different corrections of the same size would do.
 */
export function findWrongCells(values: TableValues, equations: readonly Equation[]): WrongCell[] | null {
  if (!values.complete()) return null;
  const known = new Map<Key, number>();
  const refs = new Map<Key, CellRef>();
  for (const eq of equations) {
    for (const ref of [...eq.left, ...eq.right]) {
      const n = values.num(ref[0], ref[1]);
      if (n !== null) known.set(keyOf(ref), n);
      refs.set(keyOf(ref), ref);
    }
  }
  const constraints = equations
    .filter((eq) => [...eq.left, ...eq.right].every(([r, c]) => values.has(r, c)))
    .map((eq): Constraint => ({ plus: eq.left.map(keyOf), minus: eq.right.map(keyOf) }));
  const failing = constraints.filter((c) => residual(c, (k) => known.get(k)!) !== 0);
  if (failing.length === 0) return [];
  for (let size = 1; size <= MAX_WRONG_CELLS; size++) {
    let found: Map<Key, number> | null = null;
    for (const subset of coverings(failing, size)) {
      const relevant = constraints.filter((c) => touches(c, subset));
      const solution = solve(subset, known, relevant);
      if (!solution || [...solution].some(([k, v]) => v === known.get(k))) continue;
      if (found) return null;
      found = solution;
    }
    if (found) return [...found].map(([k, value]) => ({ rowId: refs.get(k)![0], columnId: refs.get(k)![1], value }));
  }
  return null;
}
