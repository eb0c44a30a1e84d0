// Cell and row form: not a number, negative, not an integer, blank, missing or extra values, rows
// missing, numbers the parser could not place.

import type { Cell, ReportModel, Row, Table, TableId } from '../model';
import type { Locale } from '../i18n';
import { TABLES } from '../schema';
import { columnName, rowName } from '../values';
import { finding, type Finding } from './rules';

const TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  table2: { zh: '表二（主动公开）', en: 'Table 2 (proactive disclosure)' },
  table3: { zh: '表三（依申请公开）', en: 'Table 3 (requests)' },
  table4: { zh: '表四（复议、诉讼）', en: 'Table 4 (reconsideration, litigation)' },
};

function where(cell: Cell): string {
  return `${rowName(cell.table, cell.rowId)} / ${columnName(cell.table, cell.columnId)}`;
}

function checkCell(cell: Cell, locale: Locale): Finding | null {
  const at = where(cell);
  if (cell.value.kind === 'nan') {
    return finding('table.not-a-number', cell.span, locale === 'zh' ? `“${cell.raw}”不是数字（${at}）；请填写阿拉伯数字，没有的填 0` : `“${cell.raw}” is not a number (${at}); write a figure, 0 for none`);
  }
  if (cell.value.kind === 'blank') {
    return finding('table.missing-cell', cell.span, locale === 'zh' ? `此格为空（${at}），按 0 计算；请填写数字，没有的填 0` : `This cell is blank (${at}) and counts as 0; write a figure, 0 for none`);
  }
  const value = cell.value.value;
  if (value < 0) {
    return finding('table.negative', cell.span, locale === 'zh' ? `数值不能为负：${at} 为 ${value}；请填写实际件数，没有的填 0` : `A count cannot be negative: ${at} is ${value}; write the actual count, 0 for none`);
  }
  const isAmount = cell.table === 'table2' && cell.columnId === 'amount';
  if (!isAmount && !Number.isInteger(value)) {
    return finding('table.not-integer', cell.span, locale === 'zh' ? `件数应为整数：${at} 为 ${cell.raw}；请填写整数件数` : `A count must be a whole number: ${at} is ${cell.raw}; write a whole number`);
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
        locale === 'zh'
          ? `“${label}”行应有 ${expected.length} 个数，实有 ${row.cells.length} 个；缺少：${missing.join('、')}`
          : `Row “${label}” should have ${expected.length} figures but has ${row.cells.length}; missing: ${missing.join(', ')}`,
      ),
    );
  }
  if (row.extraCells.length > 0) {
    const written = row.extraCells.map((c) => c.raw || (locale === 'zh' ? '（空）' : '(blank)')).join(' ');
    const first = row.extraCells[0].span;
    const last = row.extraCells[row.extraCells.length - 1].span;
    findings.push(
      finding(
        'table.extra-cells',
        { start: first.start, end: last.end },
        locale === 'zh'
          ? `“${label}”行多出 ${row.extraCells.length} 个数（格式规定 ${expected.length} 个）：${written}；请删除或检查是否错行`
          : `Row “${label}” has ${row.extraCells.length} figure(s) too many (the format has ${expected.length}): ${written}; remove them or check the row`,
      ),
    );
  }
  return findings;
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
      locale === 'zh'
        ? `${TABLE_NAMES[table.id].zh}缺少“${label}”行；请按格式补上此行，没有的填 0`
        : `${TABLE_NAMES[table.id].en} lacks the row “${label}”; add it as the format has it, with 0 for none`,
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
    findings.push(...checkMissingRows(table, locale));
  }
  for (const region of model.unreadable) {
    findings.push(
      finding(
        'table.unreadable',
        region.span,
        region.reason === 'numbers-without-label'
          ? locale === 'zh' ? '无法识别这些数字属于哪一行；请检查行标签是否按格式书写' : 'These figures belong to no recognisable row; check the row label'
          : locale === 'zh' ? '这一部分有数字，但读不出统计表；请按格式的行标签填写表格' : 'This section has figures but no readable table; use the format\'s row labels',
      ),
    );
  }
  return findings;
}
