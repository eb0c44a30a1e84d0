// Inlay hints: after a total cell whose value differs from the sum of its parts, the sum computed from
// this document's cells (none when they agree, or when a part is not a number).

import type { InlayHint, Range } from 'vscode-languageserver';
import { tr, type Locale } from '../core/i18n';
import type { ReportModel } from '../core/model';
import type { Localized } from '../core/schema';
import { cellCount, TableValues, totalParts } from '../core/values';
import { toOffset, toPosition } from './convert';

const label = (sum: number): Localized => ({ zh: `应为 ${sum}`, en: `should be ${sum}` });
const TOOLTIP: Localized = { zh: '按本文档各单元格计算的合计', en: 'The total computed from the cells of this document' };

export function provideInlayHints(model: ReportModel, range: Range, locale: Locale): InlayHint[] {
  const from = toOffset(model, range.start);
  const to = toOffset(model, range.end);
  const hints: InlayHint[] = [];
  for (const table of [model.tables.table3, model.tables.table4]) {
    if (!table) continue;
    const values = new TableValues(table);
    for (const row of table.rows) {
      for (const cell of row.cells) {
        const parts = totalParts(table, row.rowId, cell.columnId);
        if (!parts || cell.span.end < from || cell.span.end > to) continue;
        const sum = values.sum(parts);
        const written = cellCount(cell);
        if (sum === null || written === null || sum === written) continue;
        hints.push({ position: toPosition(model, cell.span.end), label: tr(locale, label(sum)), paddingLeft: true, tooltip: tr(locale, TOOLTIP) });
      }
    }
  }
  return hints;
}
