// The report's data as plain figures: tables 二, 三 and 四 in the format's row and column order, for export
// (`nianbao extract`) and for comparing a reading with figures read by eye.

import { TABLE_IDS, type ReportFormat, type ReportModel, type Row, type Table, type TableId } from './model';
import { TABLES } from './schema';

export interface ExtractedRow {
  id: string;
  /** The format's label, not the label as written. */
  label: string;
  /** In the order of the row's own columns (the row spec's `columns`); null for blank, not a number, or not present. */
  cells: (number | null)[];
}

export interface ExtractedTable {
  /** Table 三 only: （六）其他处理 written as one row ('r6') in place of its sub-rows 1–3. */
  sixSingle?: boolean;
  /**
   * The table's column labels in format order. Tables 三 and 四: every row has these columns. Table 二: each row's
   * cells follow that row's own columns (规章 and 行政规范性文件: the first three; 行政许可, 行政处罚, 行政强制: 本年处理决定数量;
   * 行政事业性收费: 本年收费金额).
   */
  columns: string[];
  rows: ExtractedRow[];
}

export interface Extracted {
  body: string | null;
  year: number | null;
  format: ReportFormat;
  tables: Record<TableId, ExtractedTable | null>;
}


/** Sub-rows of table 三 that the single row （六）其他处理 replaces. */
export const SIX_SUB_ROWS = ['r6_1', 'r6_2', 'r6_3'];

export interface ExtractOptions {
  /** A blank cell ("—" or empty) as 0, as the format counts it (for sums); by default null like a missing one. */
  blankAsZero?: boolean;
}

export function extractTables(model: ReportModel, options: ExtractOptions = {}): Extracted {
  const tables = {} as Record<TableId, ExtractedTable | null>;
  for (const id of TABLE_IDS) {
    const table = model.tables[id];
    tables[id] = table ? extractTable(table, options) : null;
  }
  return { body: model.title?.body ?? null, year: model.title?.year ?? null, format: model.format, tables };
}

function extractTable(table: Table, options: ExtractOptions): ExtractedTable {
  const spec = TABLES[table.id];
  const rows: ExtractedRow[] = [];
  for (const rowSpec of spec.rows) {
    if (!rowSpec.numeric) continue;
    if (table.id === 'table3' && table.sixSingle && SIX_SUB_ROWS.includes(rowSpec.id)) {
      // The single row takes the place of the first sub-row; it has the same applicant columns.
      if (rowSpec.id === SIX_SUB_ROWS[0]) {
        const group = spec.rows.find((r) => r.id === 'r6');
        rows.push(extractRow(table, 'r6', group?.label ?? '（六）其他处理', rowSpec.columns, options));
      }
      continue;
    }
    rows.push(extractRow(table, rowSpec.id, rowSpec.label, rowSpec.columns, options));
  }
  const columns = spec.columns.map((c) => c.label);
  return table.id === 'table3' ? { sixSingle: table.sixSingle, columns, rows } : { columns, rows };
}

function extractRow(table: Table, rowId: string, label: string, columnIds: string[], options: ExtractOptions): ExtractedRow {
  // Should a row be read twice, the first reading stands.
  const row: Row | undefined = table.rows.find((r) => r.rowId === rowId);
  const cells = columnIds.map((columnId) => {
    const cell = row?.cells.find((c) => c.columnId === columnId);
    if (options.blankAsZero && cell?.value.kind === 'blank') return 0;
    return cell && cell.value.kind === 'number' ? cell.value.value : null;
  });
  return { id: rowId, label, cells };
}
