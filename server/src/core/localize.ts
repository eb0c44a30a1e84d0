// Finds the fewest table-三 cells whose correction makes every row total, every （七） total and every
// balance hold at once — the wrong cells, when a draft has up to MAX_WRONG_CELLS of them. Used by
// 修正全部合计 so that a mistyped cell is corrected where it is, not papered over by changing totals.

import { TABLE3_RESULT_ROW_IDS, TABLES } from './schema';
import { TABLE3_APPLICANT_COLUMNS } from './values';

export type Key = string;

/** Σ plus − Σ minus = 0. */
interface Constraint {
  plus: Key[];
  minus: Key[];
}

const MAX_WRONG_CELLS = 3;

export const keyOf = (rowId: string, columnId: string): Key => `${rowId}/${columnId}`;

const TABLE3_CONSTRAINTS: Constraint[] = (() => {
  const rows = TABLES.table3.rows.filter((r) => r.numeric).map((r) => r.id);
  const columns = TABLES.table3.columns.map((c) => c.id);
  return [
    ...rows.map((r) => ({ plus: [keyOf(r, 'total')], minus: TABLE3_APPLICANT_COLUMNS.map((c) => keyOf(r, c)) })),
    ...columns.map((c) => ({ plus: [keyOf('r7', c)], minus: TABLE3_RESULT_ROW_IDS.map((r) => keyOf(r, c)) })),
    ...columns.map((c) => ({ plus: [keyOf('new', c), keyOf('carried', c)], minus: [keyOf('r7', c), keyOf('forward', c)] })),
  ];
})();

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
 * The unique smallest set of cells (at most MAX_WRONG_CELLS) whose correction satisfies every check,
 * with the corrected values; an empty map when all checks hold; null when the values are incomplete,
 * the errors too many, or two different corrections of the same size would do.
 */
export function localizeTable3(values: Map<Key, number | null>): Map<Key, number> | null {
  if ([...values.values()].some((v) => v === null) || values.size === 0) return null;
  const known = values as Map<Key, number>;
  const constraints = TABLE3_CONSTRAINTS.filter((c) => [...c.plus, ...c.minus].every((k) => known.has(k)));
  const failing = constraints.filter((c) => residual(c, (k) => known.get(k)!) !== 0);
  if (failing.length === 0) return new Map();
  for (let size = 1; size <= MAX_WRONG_CELLS; size++) {
    let found: Map<Key, number> | null = null;
    for (const subset of coverings(failing, size)) {
      const relevant = constraints.filter((c) => touches(c, subset));
      const solution = solve(subset, known, relevant);
      if (!solution || [...solution].some(([k, v]) => v === known.get(k))) continue;
      if (found) return null;
      found = solution;
    }
    if (found) return found;
  }
  return null;
}
