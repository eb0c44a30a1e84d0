// The arithmetic checks read counts through here: a cell that is not a non-negative integer is reported by
// the cell checks (table.negative, table.not-integer, table.not-a-number), and a sum over it would only
// echo that error with a meaningless expected value ("总计应为 -3", "应为 128.5").

import type { TableValues } from '../values';

export function count(values: TableValues, rowId: string, columnId: string): number | null {
  const n = values.num(rowId, columnId);
  return n !== null && n >= 0 && Number.isInteger(n) ? n : null;
}

/** Sum of counts, or null when any of them is absent or not a valid count. */
export function countSum(values: TableValues, keys: [rowId: string, columnId: string][]): number | null {
  let total = 0;
  for (const [rowId, columnId] of keys) {
    const n = count(values, rowId, columnId);
    if (n === null) return null;
    total += n;
  }
  return total;
}
