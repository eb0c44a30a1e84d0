// Inlay hints: after a total cell whose value differs from the sum of its parts, the sum computed from
// this document's cells (none when they agree, or when a part is not a number).

import type { InlayHint, Range } from 'vscode-languageserver';
import type { Locale } from '../core/i18n';
import { message } from '../core/messages';
import type { ReportModel } from '../core/model';
import { cellCount, sumAt, TableValues } from '../core/values';
import { toOffset, toPosition } from './convert';

export function provideInlayHints(model: ReportModel, range: Range, locale: Locale): InlayHint[] {
  const from = toOffset(model, range.start);
  const to = toOffset(model, range.end);
  const hints: InlayHint[] = [];
  for (const table of [model.tables.table3, model.tables.table4]) {
    if (!table) continue;
    const values = new TableValues(table);
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const total = sumAt(table, row.rowId, cell.columnId);
        if (!total || cell.span.end < from || cell.span.end > to) continue;
        const sum = values.sum(total.right);
        const written = cellCount(cell);
        if (sum === null || written === null || sum === written) continue;
        hints.push({ position: toPosition(model, cell.span.end), label: message(locale, 'inlay.should-be', { sum }), paddingLeft: true, tooltip: message(locale, 'inlay.tooltip') });
      }
    }
  }
  return hints;
}
