// 修正全部合计: every total fix in one edit, in the order that makes them agree — the wrongly typed
// cells first (located by localize.ts), then row totals, then the （七） totals, then 四 from the
// balance, then table 四's group totals — repeated until nothing changes, so running it twice changes
// nothing the second time. Only cells whose value changes are edited.

import type { TextEdit } from './checks/rules';
import { localizeTable3 } from './localize';
import type { Cell, ReportModel, Table } from './model';
import { TABLES } from './schema';
import { cellCount, resultRowIds, sumOf, TABLE3_APPLICANT_COLUMNS, TABLE4_PART_COLUMNS } from './values';

/** The fix settles within a few rounds; the bound only guards against a cycle. */
const MAX_ROUNDS = 5;

class Grid {
  readonly cells = new Map<string, Cell>();
  readonly values = new Map<string, number | null>();

  constructor(table: Table | undefined) {
    for (const row of table?.rows ?? []) {
      for (const cell of row.cells) {
        const key = `${row.rowId}/${cell.columnId}`;
        this.cells.set(key, cell);
        this.values.set(key, cellCount(cell));
      }
    }
  }

  get(rowId: string, columnId: string): number | null {
    return this.values.get(`${rowId}/${columnId}`) ?? null;
  }

  /** Sets a cell that exists; returns whether the value changed. */
  set(rowId: string, columnId: string, value: number): boolean {
    const key = `${rowId}/${columnId}`;
    if (!this.cells.has(key) || this.values.get(key) === value) return false;
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

function settleTable3(grid: Grid, resultRows: string[]): boolean {
  let changed = false;
  const rows = TABLES.table3.rows.filter((r) => r.numeric && r.id !== 'r7').map((r) => r.id);
  for (const rowId of rows) {
    const sum = grid.sum(TABLE3_APPLICANT_COLUMNS.map((c) => [rowId, c]));
    if (sum !== null) changed = grid.set(rowId, 'total', sum) || changed;
  }
  for (const column of TABLES.table3.columns) {
    const sum = grid.sum(resultRows.map((r) => [r, column.id]));
    if (sum !== null) changed = grid.set('r7', column.id, sum) || changed;
  }
  for (const column of TABLES.table3.columns) {
    const [received, carried, handled] = ['new', 'carried', 'r7'].map((r) => grid.get(r, column.id));
    if (received === null || carried === null || handled === null) continue;
    const forward = received + carried - handled;
    if (forward >= 0) changed = grid.set('forward', column.id, forward) || changed;
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

export function fixAllTotals(model: ReportModel): TextEdit[] {
  const table3 = new Grid(model.tables.table3);
  for (const [key, value] of localizeTable3(table3.values) ?? []) {
    const cell = table3.cells.get(key)!;
    table3.set(cell.rowId, cell.columnId, value);
  }
  for (let round = 0; round < MAX_ROUNDS && settleTable3(table3, model.tables.table3 ? resultRowIds(model.tables.table3) : []); round++);
  const table4 = new Grid(model.tables.table4);
  settleTable4(table4);
  return [...table3.edits(), ...table4.edits()].sort((a, b) => a.span.start - b.span.start);
}
