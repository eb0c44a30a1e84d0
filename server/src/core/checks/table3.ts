// Table 三 arithmetic: row totals, the （七） result totals, the balance 一 + 二 = （七） + 四, and the
// single cell that explains a row failure and a column failure with the same difference.

import type { Cell, ReportModel } from '../model';
import type { Locale } from '../i18n';
import { message } from '../messages';
import { TABLES } from '../schema';
import { columnName, resultRowIds, rowName, TABLE3_APPLICANT_COLUMNS, tableValues, type TableValues } from '../values';
import { finding, type Finding, type Related } from './rules';

const related = (cells: Cell[], describe: (c: Cell) => string): Related[] => cells.map((c) => ({ span: c.span, message: describe(c) }));

function cellLabel(cell: Cell, locale: Locale): string {
  return message(locale, 'related.cell', { row: rowName('table3', cell.rowId), column: columnName('table3', cell.columnId), raw: cell.raw });
}

/** total − expected, per key, for the checks that fail. */
interface Failure {
  excess: number;
  expected: number;
}

export function checkTable3(model: ReportModel, locale: Locale): Finding[] {
  const values = tableValues(model, 'table3');
  if (!values) return [];
  const findings: Finding[] = [];
  const rowFailures = new Map<string, Failure>();
  const resultFailures = new Map<string, Failure>();
  const balanceFailures = new Map<string, Failure>();

  for (const row of values.table.rows) {
    const total = values.num(row.rowId, 'total');
    const sum = values.sum(TABLE3_APPLICANT_COLUMNS.map((c) => [row.rowId, c]));
    if (total === null || sum === null || total === sum) continue;
    rowFailures.set(row.rowId, { excess: total - sum, expected: sum });
    const totalCell = values.cell(row.rowId, 'total')!;
    const label = rowName('table3', row.rowId);
    findings.push(
      finding(
        'table3.row-total',
        totalCell.span,
        message(locale, 'table3.row-total', { label, sum, total }),
        {
          related: related(values.cellsOf(TABLE3_APPLICANT_COLUMNS.map((c) => [row.rowId, c])), (c) => cellLabel(c, locale)),
          fixes: [totalFix(totalCell, sum, locale)],
        },
      ),
    );
  }

  for (const column of TABLES.table3.columns) {
    const seventh = values.num('r7', column.id);
    const sum = values.sum(resultRowIds(values.table).map((r) => [r, column.id]));
    if (seventh === null || sum === null || seventh === sum) continue;
    resultFailures.set(column.id, { excess: seventh - sum, expected: sum });
    const cell = values.cell('r7', column.id)!;
    findings.push(
      finding(
        'table3.result-total',
        cell.span,
        message(locale, 'table3.result-total', { column: column.label, sum, total: seventh }),
        {
          related: related(values.cellsOf(resultRowIds(values.table).map((r) => [r, column.id])).filter((c) => c.value.kind !== 'number' || c.value.value !== 0), (c) => cellLabel(c, locale)),
          fixes: [totalFix(cell, sum, locale)],
        },
      ),
    );
  }

  for (const column of TABLES.table3.columns) {
    const [received, carried, handled, forward] = ['new', 'carried', 'r7', 'forward'].map((r) => values.num(r, column.id));
    if (received === null || carried === null || handled === null || forward === null) continue;
    const left = received + carried;
    const right = handled + forward;
    if (left === right) continue;
    const expectedForward = left - handled;
    balanceFailures.set(column.id, { excess: left - right, expected: expectedForward });
    const forwardCell = values.cell('forward', column.id)!;
    const text = message(locale, 'table3.balance', { column: column.label, received, carried, left, handled, forward, right, expectedForward });
    findings.push(
      finding('table3.balance', forwardCell.span, text, {
        related: related(values.cellsOf([['new', column.id], ['carried', column.id], ['r7', column.id]]), (c) => cellLabel(c, locale)),
        fixes:
          expectedForward >= 0
            ? [{ title: message(locale, 'fix.carried-forward', { value: expectedForward }), edits: [{ span: forwardCell.span, newText: String(expectedForward) }], preferred: false }]
            : [],
      }),
    );
  }

  findings.push(...suspectCells(values, rowFailures, resultFailures, balanceFailures, locale));
  return findings;
}

function totalFix(cell: Cell, value: number, locale: Locale) {
  return { title: message(locale, 'fix.total', { value }), edits: [{ span: cell.span, newText: String(value) }], preferred: false };
}

/**
 * A cell off by d makes its row total fail by −d and, in the same column, the result total (result rows)
 * or the balance (rows 一, 二, 四) fail too. Where exactly one column fails in the matching way, that cell
 * is the one to correct: fixing it repairs both checks at once.
 */
function suspectCells(
  values: TableValues,
  rowFailures: Map<string, Failure>,
  resultFailures: Map<string, Failure>,
  balanceFailures: Map<string, Failure>,
  locale: Locale,
): Finding[] {
  const findings: Finding[] = [];
  const resultRows = new Set(resultRowIds(values.table));
  const candidates: { rowId: string; columnId: string; excess: number }[] = [];
  for (const [rowId, rowFailure] of rowFailures) {
    // A wrong applicant cell leaves the total column's check intact; when that check fails too, the
    // row's own total (or another error) is at least as likely, so no single cell is named.
    const totalColumnFails = resultRows.has(rowId) ? resultFailures.has('total') : balanceFailures.has('total');
    if (totalColumnFails) continue;
    const columnMatches = (columnId: string): boolean => {
      if (resultRows.has(rowId)) return resultFailures.get(columnId)?.excess === rowFailure.excess;
      const balance = balanceFailures.get(columnId)?.excess;
      if (rowId === 'new' || rowId === 'carried') return balance === -rowFailure.excess;
      if (rowId === 'forward') return balance === rowFailure.excess;
      return false;
    };
    const columns = TABLE3_APPLICANT_COLUMNS.filter(columnMatches);
    if (columns.length === 1) candidates.push({ rowId, columnId: columns[0], excess: rowFailure.excess });
  }
  for (const candidate of candidates) {
    const rivals = candidates.filter((c) => c.columnId === candidate.columnId && c.excess === candidate.excess && resultRows.has(c.rowId) === resultRows.has(candidate.rowId));
    if (rivals.length > 1) continue;
    const cell = values.cell(candidate.rowId, candidate.columnId)!;
    const current = values.num(candidate.rowId, candidate.columnId)!;
    const corrected = current + candidate.excess;
    if (corrected < 0) continue;
    const rowLabel = rowName('table3', candidate.rowId);
    const columnLabel = columnName('table3', candidate.columnId);
    const check = resultRows.has(candidate.rowId) ? 'total' : 'balance';
    const difference = Math.abs(candidate.excess);
    const totalCell = values.cell(candidate.rowId, 'total')!;
    const columnCell = resultRows.has(candidate.rowId) ? values.cell('r7', candidate.columnId)! : values.cell('forward', candidate.columnId)!;
    findings.push(
      finding(
        'table3.suspect-cell',
        cell.span,
        message(locale, 'table3.suspect-cell', { row: rowLabel, column: columnLabel, check, difference, current, corrected }),
        {
          related: [
            { span: totalCell.span, message: message(locale, 'table3.suspect-cell.row-total', { raw: totalCell.raw }) },
            { span: columnCell.span, message: message(locale, 'table3.suspect-cell.column-check', { check, raw: columnCell.raw }) },
          ],
          fixes: [{ title: message(locale, 'fix.cell', { value: corrected }), edits: [{ span: cell.span, newText: String(corrected) }], preferred: true }],
        },
      ),
    );
  }
  return findings;
}
