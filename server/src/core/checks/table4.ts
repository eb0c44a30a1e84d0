// Table 四: in each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (its equations in schema.ts).

import type { ReportModel } from '../model';
import type { Locale } from '../i18n';
import { message } from '../messages';
import { equationsOf } from '../schema';
import { columnName, rowName, sides, tableValues } from '../values';
import { finding, type Finding } from './rules';

export function checkTable4(model: ReportModel, locale: Locale): Finding[] {
  const values = tableValues(model, 'table4');
  if (!values) return [];
  const findings: Finding[] = [];
  for (const eq of equationsOf(values.table)) {
    const sum = sides(values, eq);
    if (sum === null || sum.left === sum.right) continue;
    const cell = values.cell(eq.target[0], eq.target[1])!;
    const group = rowName('table4', eq.line);
    findings.push(
      finding(
        'table4.group-total',
        cell.span,
        message(locale, 'table4.group-total', { group, sum: sum.right, total: sum.left }),
        {
          related: values.cellsOf(eq.right).map((c) => ({ span: c.span, message: message(locale, 'related.cell', { row: group, column: columnName('table4', c.columnId), raw: c.raw }) })),
          fixes: [{ title: message(locale, 'fix.total', { value: sum.right }), edits: [{ span: cell.span, newText: String(sum.right) }], preferred: false }],
        },
      ),
    );
  }
  return findings;
}
