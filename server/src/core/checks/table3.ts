// Table 三 arithmetic: row totals, the （七） result totals, the balance 一 + 二 = （七） + 四, and the
// single cell that explains a row failure and a column failure with the same difference.

import type { Cell, ReportModel } from '../model';
import type { Locale } from '../i18n';
import { message } from '../messages';
import { equationsOf, type CellRef, type Equation } from '../schema';
import { columnName, rowName, sameRef, sideOf, sides, solveFor, tableValues, type TableValues } from '../values';
import { finding, type Finding, type Related } from './rules';

const related = (cells: Cell[], describe: (c: Cell) => string): Related[] => cells.map((c) => ({ span: c.span, message: describe(c) }));

function cellLabel(cell: Cell, locale: Locale): string {
  return message(locale, 'related.cell', { row: rowName('table3', cell.rowId), column: columnName('table3', cell.columnId), raw: cell.raw });
}

/** An equation that does not hold: left − right, and the value its target should have. */
interface Failure {
  eq: Equation;
  excess: number;
  expected: number;
}

export function checkTable3(model: ReportModel, locale: Locale): Finding[] {
  const values = tableValues(model, 'table3');
  if (!values) return [];
  const findings: Finding[] = [];
  const failures: Failure[] = [];

  for (const eq of equationsOf(values.table)) {
    const sum = sides(values, eq);
    if (sum === null || sum.left === sum.right) continue;
    const expected = solveFor(values, eq, eq.target)!;
    failures.push({ eq, excess: sum.left - sum.right, expected });
    const targetCell = values.cell(eq.target[0], eq.target[1])!;
    if (eq.id === 'row-total') {
      const label = rowName('table3', eq.line);
      findings.push(
        finding('table3.row-total', targetCell.span, message(locale, 'table3.row-total', { label, sum: expected, total: sum.left }), {
          related: related(values.cellsOf(eq.right), (c) => cellLabel(c, locale)),
          fixes: [totalFix(targetCell, expected, locale)],
        }),
      );
    } else if (eq.id === 'result-total') {
      const column = columnName('table3', eq.line);
      findings.push(
        finding('table3.result-total', targetCell.span, message(locale, 'table3.result-total', { column, sum: expected, total: sum.left }), {
          related: related(values.cellsOf(eq.right).filter((c) => c.value.kind !== 'number' || c.value.value !== 0), (c) => cellLabel(c, locale)),
          fixes: [totalFix(targetCell, expected, locale)],
        }),
      );
    } else if (eq.id === 'balance') {
      const column = columnName('table3', eq.line);
      const [received, carried] = eq.left.map(([r, c]) => values.num(r, c)!);
      const [handled, forward] = eq.right.map(([r, c]) => values.num(r, c)!);
      const text = message(locale, 'table3.balance', { column, received, carried, left: sum.left, handled, forward, right: sum.right, expectedForward: expected });
      findings.push(
        finding('table3.balance', targetCell.span, text, {
          related: related(values.cellsOf([...eq.left, ...eq.right].filter((ref) => !sameRef(ref, eq.target))), (c) => cellLabel(c, locale)),
          fixes:
            expected >= 0
              ? [{ title: message(locale, 'fix.carried-forward', { value: expected }), edits: [{ span: targetCell.span, newText: String(expected) }], preferred: false }]
              : [],
        }),
      );
    }
  }

  findings.push(...suspectCells(values, failures, locale));
  return findings;
}

function totalFix(cell: Cell, value: number, locale: Locale) {
  return { title: message(locale, 'fix.total', { value }), edits: [{ span: cell.span, newText: String(value) }], preferred: false };
}

/**
 * A cell off by d makes its row total fail by −d and the one equation down its column that holds it (the result
 * total for result rows, the balance for rows 一, 二, 四) fail by ±d, as its side says. Where exactly one column
 * fails in the matching way, that cell is the one to correct: fixing it repairs both checks at once.
 */
function suspectCells(values: TableValues, failures: Failure[], locale: Locale): Finding[] {
  const findings: Finding[] = [];
  const equations = equationsOf(values.table);
  /** The one equation down a column that holds the cell (none for （七）, which two hold). */
  const columnEquation = (ref: CellRef): Equation | null => {
    const found = equations.filter((eq) => eq.id !== 'row-total' && sideOf(eq, ref) !== 0);
    return found.length === 1 ? found[0] : null;
  };
  const failureOf = (eq: Equation | null): Failure | undefined => failures.find((f) => f.eq === eq);
  const candidates: { ref: CellRef; row: Failure; column: Equation; excess: number }[] = [];
  for (const row of failures.filter((f) => f.eq.id === 'row-total')) {
    // A wrong applicant cell leaves the total column's check intact; when that check fails too, the
    // row's own total (or another error) is at least as likely, so no single cell is named.
    const totalColumn = columnEquation(row.eq.target);
    if (failureOf(totalColumn)) continue;
    const matching = row.eq.right.flatMap((ref) => {
      const column = columnEquation(ref);
      const failure = failureOf(column);
      if (!column || !failure) return [];
      // The cell is on the right of its row total: off by d, the row fails by −d; its column fails by +d where the cell is on
      // the left (一, 二), by −d where it is on the right (result rows, 四).
      return failure.excess === -sideOf(column, ref) * row.excess ? [{ ref, column }] : [];
    });
    if (matching.length === 1) candidates.push({ ...matching[0], row, excess: row.excess });
  }
  for (const candidate of candidates) {
    const rivals = candidates.filter((c) => c.ref[1] === candidate.ref[1] && c.excess === candidate.excess && c.column.id === candidate.column.id);
    if (rivals.length > 1) continue;
    const [rowId, columnId] = candidate.ref;
    const cell = values.cell(rowId, columnId)!;
    const current = values.num(rowId, columnId)!;
    const corrected = current + candidate.excess;
    if (corrected < 0) continue;
    const rowLabel = rowName('table3', rowId);
    const columnLabel = columnName('table3', columnId);
    const check = candidate.column.id === 'result-total' ? 'total' : 'balance';
    const difference = Math.abs(candidate.excess);
    const totalCell = values.cell(candidate.row.eq.target[0], candidate.row.eq.target[1])!;
    const columnCell = values.cell(candidate.column.target[0], candidate.column.target[1])!;
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
