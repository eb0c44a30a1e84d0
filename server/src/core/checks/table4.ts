// Table 四: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

import type { ReportModel } from '../model';
import type { Locale } from '../i18n';
import { message } from '../messages';
import { columnName, rowName, TABLE4_PART_COLUMNS, tableValues } from '../values';
import { finding, type Finding } from './rules';

export function checkTable4(model: ReportModel, locale: Locale): Finding[] {
  const values = tableValues(model, 'table4');
  if (!values) return [];
  const findings: Finding[] = [];
  for (const row of values.table.rows) {
    const total = values.num(row.rowId, 'total');
    const parts = TABLE4_PART_COLUMNS.map((c): [string, string] => [row.rowId, c]);
    const sum = values.sum(parts);
    if (total === null || sum === null || total === sum) continue;
    const cell = values.cell(row.rowId, 'total')!;
    const group = rowName('table4', row.rowId);
    findings.push(
      finding(
        'table4.group-total',
        cell.span,
        message(locale, 'table4.group-total', { group, sum, total }),
        {
          related: values.cellsOf(parts).map((c) => ({ span: c.span, message: message(locale, 'related.cell', { row: group, column: columnName('table4', c.columnId), raw: c.raw }) })),
          fixes: [{ title: message(locale, 'fix.total', { value: sum }), edits: [{ span: cell.span, newText: String(sum) }], preferred: false }],
        },
      ),
    );
  }
  return findings;
}
