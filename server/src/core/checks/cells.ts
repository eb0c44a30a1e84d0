// Cell and row form: not a number, negative, not an integer, missing or extra values, rows missing, numbers
// the parser could not place; and, once per table, the blank cells (counted as 0) with one fix filling them.

import type { Cell, ReportModel, Row, Span, Table, TableId, Unreadable } from '../model';
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
  if (cell.value.kind === 'blank') return null;
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

const SHORT_TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  table2: { zh: '表二', en: 'Table 2' },
  table3: { zh: '表三', en: 'Table 3' },
  table4: { zh: '表四', en: 'Table 4' },
};

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
  const name = SHORT_TABLE_NAMES[table.id];
  return finding(
    'table.blank-cells',
    rowSpan(rows[0]),
    locale === 'zh'
      ? `${name.zh}有 ${n} 个空格，格式要求没有的填 0；空格按 0 计算`
      : `${name.en} has ${n} blank cell${n === 1 ? '' : 's'}; the format wants 0 for none; blank cells count as 0`,
    {
      related: rows.map((r) => {
        const count = r.cells.filter((c) => c.value.kind === 'blank').length;
        const label = rowName(table.id, r.rowId);
        return { span: rowSpan(r), message: locale === 'zh' ? `“${label}”行 ${count} 个空格` : `Row “${label}”: ${count} blank cell${count === 1 ? '' : 's'}` };
      }),
      fixes: [
        {
          title: locale === 'zh' ? `将 ${n} 个空格填为 0` : `Fill the ${n} blank cell${n === 1 ? '' : 's'} with 0`,
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
    return locale === 'zh' ? '无法识别这些数字属于哪一行；请检查行标签是否按格式书写' : 'These figures belong to no recognisable row; check the row label';
  }
  if (region.reason === 'table-uncertain' && region.table) {
    const name = TABLE_NAMES[region.table][locale];
    const rows = `${region.rowsRecognised ?? 0}/${region.rowsExpected ?? 0}`;
    return locale === 'zh'
      ? `${name}的数字无法确定各属哪一行哪一列（识别出 ${rows} 行），不作核对；文本可能由 PDF 转换时打乱，请对照原件按格式整理表格，或改用“-layout”方式提取`
      : `${name}: the figures cannot be placed in their rows and columns with certainty (${rows} rows recognised), so the table is not checked; the text was probably scrambled in conversion from PDF — lay the table out as in the format, or extract it with a layout-preserving tool`;
  }
  return locale === 'zh' ? '这一部分有数字，但读不出统计表；请按格式的行标签填写表格' : 'This section has figures but no readable table; use the format\'s row labels';
}
