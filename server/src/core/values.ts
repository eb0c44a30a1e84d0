// Numbers of a parsed table by schema key — the one cell grid that the checks, the hovers, the inlay hints, the
// wrong-cell solver and fix-all share — and what an equation of the format (schema.ts) says over them.

import type { TextEdit } from './checks/rules';
import type { Cell, ReportModel, Span, Table, TableId } from './model';
import { columnSpec, equationsOf, isSum, rowSpec, TABLES, type CellRef, type Equation } from './schema';

/**
 * A cell read as a count: a blank cell ("—" or empty) counts as 0. A cell that is absent, not a number,
 * negative or fractional has no count: the cell checks report it, and a sum over it would only echo that
 * error with a meaningless expected value ("总计应为 -3").
 */
export function cellCount(cell: Cell | undefined): number | null {
  if (!cell) return null;
  if (cell.value.kind === 'blank') return 0;
  if (cell.value.kind !== 'number') return null;
  const n = cell.value.value;
  return n >= 0 && Number.isInteger(n) ? n : null;
}

const keyOf = (rowId: string, columnId: string): string => `${rowId}/${columnId}`;
const spansTouch = (a: Span, b: Span): boolean => a.start === b.start || (a.start < b.end && b.start < a.end);

/**
 * The cells of a read table by row and column id, with a count each: the count read (cellCount) until fix-all
 * sets another. Cells that another table reads too can be locked to the value that table gives them.
 */
export class TableValues {
  readonly table: Table;
  private readonly cells = new Map<string, Cell>();
  private readonly values = new Map<string, number | null>();
  /** Cells that another table reads too, with the value that table gives them: they may not take another. */
  private readonly locked = new Map<string, number | null>();

  constructor(table: Table) {
    this.table = table;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const key = keyOf(row.rowId, cell.columnId);
        this.cells.set(key, cell);
        this.values.set(key, cellCount(cell));
      }
    }
  }

  cell(rowId: string, columnId: string): Cell | undefined {
    return this.cells.get(keyOf(rowId, columnId));
  }

  has(rowId: string, columnId: string): boolean {
    return this.cells.has(keyOf(rowId, columnId));
  }

  num(rowId: string, columnId: string): number | null {
    return this.values.get(keyOf(rowId, columnId)) ?? null;
  }

  /** Sum of the counts at refs, or null when any of them has none. */
  sum(refs: readonly CellRef[]): number | null {
    let total = 0;
    for (const [rowId, columnId] of refs) {
      const n = this.num(rowId, columnId);
      if (n === null) return null;
      total += n;
    }
    return total;
  }

  cellsOf(refs: readonly CellRef[]): Cell[] {
    return refs.map(([r, c]) => this.cell(r, c)).filter((c): c is Cell => c !== undefined);
  }

  /** Every cell read has a count (and there is at least one). */
  complete(): boolean {
    return this.values.size > 0 && [...this.values.values()].every((v) => v !== null);
  }

  /** Sets a cell that exists (and is not locked to another value); returns whether the value changed. */
  set(rowId: string, columnId: string, value: number): boolean {
    const key = keyOf(rowId, columnId);
    if (!this.cells.has(key) || this.values.get(key) === value) return false;
    if (this.locked.has(key) && this.locked.get(key) !== value) return false;
    this.values.set(key, value);
    return true;
  }

  /** Locks every cell that shares text with a cell of `other`, to the value `other` settled on. */
  lockShared(other: TableValues): void {
    for (const [key, cell] of this.cells) {
      for (const [otherKey, otherCell] of other.cells) {
        if (spansTouch(cell.span, otherCell.span)) this.locked.set(key, other.values.get(otherKey) ?? null);
      }
    }
  }

  /** An edit for every cell whose value was set to another count than the one read. */
  edits(): TextEdit[] {
    const edits: TextEdit[] = [];
    for (const [key, cell] of this.cells) {
      const value = this.values.get(key);
      if (value !== null && value !== undefined && value !== cellCount(cell)) edits.push({ span: cell.span, newText: String(value) });
    }
    return edits;
  }
}

export function tableValues(model: ReportModel, id: TableId): TableValues | null {
  const table = model.tables[id];
  return table ? new TableValues(table) : null;
}

// What an equation says over a grid.

export const sameRef = (a: CellRef, b: CellRef): boolean => a[0] === b[0] && a[1] === b[1];

/** Which side of the equation a cell is on: +1 left, −1 right, 0 not in it. */
export function sideOf(eq: Equation, ref: CellRef): 1 | -1 | 0 {
  if (eq.left.some((r) => sameRef(r, ref))) return 1;
  if (eq.right.some((r) => sameRef(r, ref))) return -1;
  return 0;
}

/** Both sides' sums, or null when a cell of either has no count. */
export function sides(values: TableValues, eq: Equation): { left: number; right: number } | null {
  const left = values.sum(eq.left);
  const right = values.sum(eq.right);
  return left === null || right === null ? null : { left, right };
}

/** The value `ref` must take for the equation to hold given its other cells, or null when one of them has no count. */
export function solveFor(values: TableValues, eq: Equation, ref: CellRef): number | null {
  const side = sideOf(eq, ref);
  const others = (refs: readonly CellRef[]) => values.sum(refs.filter((r) => !sameRef(r, ref)));
  const same = others(side === 1 ? eq.left : eq.right);
  const other = others(side === 1 ? eq.right : eq.left);
  return same === null || other === null ? null : other - same;
}

/**
 * The sum whose total a cell is, or null when the cell is not a total. （七）总计's 总计 cell closes both its row
 * and its column; it is explained as the column's result total.
 */
export function sumAt(table: Table, rowId: string, columnId: string): Equation | null {
  const sums = equationsOf(table).filter((eq) => isSum(eq) && sameRef(eq.target, [rowId, columnId]));
  return sums.find((eq) => eq.id === 'result-total') ?? sums[0] ?? null;
}

export const TABLE3_APPLICANT_COLUMNS = TABLES.table3.columns.filter((c) => !c.isTotal).map((c) => c.id);
export const TABLE3_ORGANISATION_COLUMNS = TABLE3_APPLICANT_COLUMNS.filter((c) => c !== 'natural');

/** A row's name for messages, without the format's parenthetical counting note. */
export function rowName(table: TableId, rowId: string): string {
  return rowSpec(table, rowId).label.replace(/（区分处理的.*）$/, '');
}

export function columnName(table: TableId, columnId: string): string {
  return columnSpec(table, columnId).label;
}
