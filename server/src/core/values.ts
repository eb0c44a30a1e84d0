// Numbers of a parsed table by schema key, and the sums the format defines over them.

import type { Cell, ReportModel, Table, TableId } from './model';
import { columnSpec, rowSpec, TABLE3_RESULT_ROW_IDS, TABLES } from './schema';

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

/** Sum of the counts at keys, or null when any of them has none. */
export function sumOf(keys: [rowId: string, columnId: string][], count: (rowId: string, columnId: string) => number | null): number | null {
  let total = 0;
  for (const [rowId, columnId] of keys) {
    const n = count(rowId, columnId);
    if (n === null) return null;
    total += n;
  }
  return total;
}

export class TableValues {
  readonly table: Table;
  private readonly cells = new Map<string, Cell>();

  constructor(table: Table) {
    this.table = table;
    for (const row of table.rows) for (const cell of row.cells) this.cells.set(`${row.rowId}/${cell.columnId}`, cell);
  }

  cell(rowId: string, columnId: string): Cell | undefined {
    return this.cells.get(`${rowId}/${columnId}`);
  }

  num(rowId: string, columnId: string): number | null {
    return cellCount(this.cell(rowId, columnId));
  }

  sum(keys: [rowId: string, columnId: string][]): number | null {
    return sumOf(keys, (r, c) => this.num(r, c));
  }

  cellsOf(keys: [rowId: string, columnId: string][]): Cell[] {
    return keys.map(([r, c]) => this.cell(r, c)).filter((c): c is Cell => c !== undefined);
  }
}

export function tableValues(model: ReportModel, id: TableId): TableValues | null {
  const table = model.tables[id];
  return table ? new TableValues(table) : null;
}

export const TABLE3_APPLICANT_COLUMNS = TABLES.table3.columns.filter((c) => !c.isTotal).map((c) => c.id);
export const TABLE3_ORGANISATION_COLUMNS = TABLE3_APPLICANT_COLUMNS.filter((c) => c !== 'natural');
export const TABLE4_PART_COLUMNS = TABLES.table4.columns.filter((c) => !c.isTotal).map((c) => c.id);

/**
 * The rows whose sum （七）总计 should equal: （一）…（六） with their sub-rows, or — in the 2019 layout with
 * （六）其他处理 as one row — that row in place of its three sub-rows.
 */
export function resultRowIds(table: Table): string[] {
  if (!table.sixSingle) return TABLE3_RESULT_ROW_IDS;
  const six = TABLE3_RESULT_ROW_IDS.filter((id) => id.startsWith('r6_'));
  return [...TABLE3_RESULT_ROW_IDS.filter((id) => !six.includes(id)), 'r6'];
}

/** The cells whose sum a total cell should equal, or null when the cell is not a total. */
export function totalParts(table: Table, rowId: string, columnId: string): [string, string][] | null {
  if (table.id === 'table3') {
    if (rowId === 'r7') return resultRowIds(table).map((r) => [r, columnId]);
    if (columnId === 'total') return TABLE3_APPLICANT_COLUMNS.map((c) => [rowId, c]);
  }
  if (table.id === 'table4' && columnId === 'total') return TABLE4_PART_COLUMNS.map((c) => [rowId, c]);
  return null;
}

/** A row's name for messages, without the format's parenthetical counting note. */
export function rowName(table: TableId, rowId: string): string {
  return rowSpec(table, rowId).label.replace(/（区分处理的.*）$/, '');
}

export function columnName(table: TableId, columnId: string): string {
  return columnSpec(table, columnId).label;
}
