// Table 四: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

import type { ReportModel } from '../model';
import type { Locale } from '../i18n';
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
        locale === 'zh'
          ? `“${group}”的总计应为 ${sum}（结果维持＋结果纠正＋其他结果＋尚未审结），实为 ${total}；请核对各项或将总计改为 ${sum}`
          : `The total of “${group}” should be ${sum} (upheld + corrected + other + pending) but is ${total}; check the parts or change the total to ${sum}`,
        {
          related: values.cellsOf(parts).map((c) => ({ span: c.span, message: `${group} / ${columnName('table4', c.columnId)}：${c.raw || '（空）'}` })),
          fixes: [{ title: locale === 'zh' ? `将总计改为 ${sum}` : `Change the total to ${sum}`, edits: [{ span: cell.span, newText: String(sum) }], preferred: false }],
        },
      ),
    );
  }
  return findings;
}
