// Cell and row form: not a number, negative, not an integer, missing or extra values, rows missing, numbers
// the parser could not place; and, once per table, the blank cells (counted as 0) with one fix filling them.

import type { Cell, ReportModel, Row, Span, Table, TableId, Unreadable } from '../model';
import type { Locale } from '../i18n';
import { message } from '../messages';
import { TABLES } from '../schema';
import { columnName, rowName } from '../values';
import { finding, type Finding } from './rules';

function where(cell: Cell, locale: Locale): string {
  return message(locale, 'place', { row: rowName(cell.table, cell.rowId), column: columnName(cell.table, cell.columnId) });
}

function checkCell(cell: Cell, locale: Locale): Finding | null {
  const at = where(cell, locale);
  if (cell.value.kind === 'nan') {
    return finding('table.not-a-number', cell.span, message(locale, 'table.not-a-number', { raw: cell.raw, at }));
  }
  if (cell.value.kind === 'blank') return null;
  const value = cell.value.value;
  if (value < 0) {
    return finding('table.negative', cell.span, message(locale, 'table.negative', { at, value }));
  }
  const isAmount = cell.table === 'table2' && cell.columnId === 'amount';
  if (!isAmount && !Number.isInteger(value)) {
    return finding('table.not-integer', cell.span, message(locale, 'table.not-integer', { at, raw: cell.raw }));
  }
  return null;
}

function checkRowShape(table: TableId, row: Row, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  const expected = TABLES[table].rows.find((r) => r.id === row.rowId)!.columns;
  const label = rowName(table, row.rowId);
  if (row.cells.length < expected.length) {
    const missing = expected.slice(row.cells.length).map((c) => columnName(table, c));
    const last = row.cells[row.cells.length - 1];
    const span = last ? last.span : row.labelSpan;
    findings.push(
      finding(
        'table.missing-cell',
        span,
        message(locale, 'table.missing-cell', { label, expected: expected.length, actual: row.cells.length, missing }),
      ),
    );
  }
  if (row.extraCells.length > 0) {
    const first = row.extraCells[0].span;
    const last = row.extraCells[row.extraCells.length - 1].span;
    findings.push(
      finding(
        'table.extra-cells',
        { start: first.start, end: last.end },
        message(locale, 'table.extra-cells', { label, expected: expected.length, written: row.extraCells.map((c) => c.raw) }),
      ),
    );
  }
  return findings;
}

/** From the row's label to its last cell (a PDF label may end after the figures begin). */
function rowSpan(row: Row): Span {
  const spans = [row.labelSpan, ...row.cells.map((c) => c.span)];
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/**
 * Blank cells (an empty field, or a dash where the format wants 0) of one table: one finding for the whole table,
 * on the row of the first blank cell, with one fix that writes 0 into every blank cell. Blank cells count as 0 in
 * the arithmetic, so this is information, not an error; a row with too few figures is table.missing-cell.
 */
function checkBlankCells(table: Table, locale: Locale): Finding | null {
  const rows = table.rows.filter((r) => r.cells.some((c) => c.value.kind === 'blank'));
  if (rows.length === 0) return null;
  const blanks = rows.flatMap((r) => r.cells.filter((c) => c.value.kind === 'blank'));
  const n = blanks.length;
  return finding(
    'table.blank-cells',
    rowSpan(rows[0]),
    message(locale, 'table.blank-cells', { table: table.id, count: n }),
    {
      related: rows.map((r) => {
        const count = r.cells.filter((c) => c.value.kind === 'blank').length;
        const label = rowName(table.id, r.rowId);
        return { span: rowSpan(r), message: message(locale, 'table.blank-cells.row', { label, count }) };
      }),
      fixes: [
        {
          title: message(locale, 'fix.fill-blanks', { count: n }),
          edits: blanks.map((c) => ({ span: c.span, newText: '0' })),
          preferred: true,
        },
      ],
    },
  );
}

function checkMissingRows(table: Table, locale: Locale): Finding[] {
  const order = TABLES[table.id].rows.filter((r) => r.numeric).map((r) => r.id);
  return table.missingRows.map((rowId) => {
    const index = order.indexOf(rowId);
    const following = table.rows.find((r) => order.indexOf(r.rowId) > index) ?? table.rows[table.rows.length - 1];
    const label = rowName(table.id, rowId);
    return finding(
      'table.missing-row',
      following.labelSpan,
      message(locale, 'table.missing-row', { table: table.id, label }),
    );
  });
}

export function checkCells(model: ReportModel, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const table of Object.values(model.tables)) {
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const problem = checkCell(cell, locale);
        if (problem) findings.push(problem);
      }
      findings.push(...checkRowShape(table.id, row, locale));
    }
    const blank = checkBlankCells(table, locale);
    if (blank) findings.push(blank);
    findings.push(...checkMissingRows(table, locale));
  }
  for (const region of model.unreadable) {
    findings.push(
      finding('table.unreadable', region.span, unreadableMessage(region, locale)),
    );
  }
  return findings;
}

function unreadableMessage(region: Unreadable, locale: Locale): string {
  if (region.reason === 'numbers-without-label') {
    return message(locale, 'table.unreadable.no-label');
  }
  if (region.reason === 'table-uncertain' && region.table) {
    const rows = `${region.rowsRecognised ?? 0}/${region.rowsExpected ?? 0}`;
    return message(locale, 'table.unreadable.uncertain', { table: region.table, rows });
  }
  return message(locale, 'table.unreadable.no-table');
}
