// Rewrites a report's three tables into other layouts an author might use, keeping every value as
// written: Markdown pipe tables, tab-separated (Word/HTML export), space-separated (PDF-extracted text),
// and several small pipe tables whose headers name the columns differently. Each table's lines in the
// original are replaced by the regenerated table; the prose around them is left as it is.

import type { CellValue, ReportModel, Row, Table, TableId } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse/index';
import { BALANCE_NOTE, TABLE2_GROUPS, TABLES } from '../../server/src/core/schema';

export type Layout = 'pipe' | 'tab' | 'space' | 'split-pipe';
export const LAYOUTS: readonly Layout[] = ['pipe', 'tab', 'space', 'split-pipe'];

/** Every cell value of a model: table → row id → column id → value; cells beyond the schema as extra0, extra1…. */
export type CellValues = Partial<Record<TableId, Record<string, Record<string, CellValue>>>>;

export function cellValues(model: ReportModel): CellValues {
  const result: CellValues = {};
  for (const table of Object.values(model.tables)) {
    const rows: Record<string, Record<string, CellValue>> = {};
    for (const row of table.rows) {
      const cells: Record<string, CellValue> = {};
      for (const cell of row.cells) cells[cell.columnId] = cell.value;
      row.extraCells.forEach((cell, i) => (cells[`extra${i}`] = cell.value));
      rows[row.rowId] = cells;
    }
    result[table.id] = rows;
  }
  return result;
}

export function rewriteTables(text: string, layout: Layout): string {
  const model = parseReport(text);
  const tables = Object.values(model.tables).sort((a, b) => b.span.start - a.span.start);
  let out = text;
  // Last table first, so that the earlier tables' offsets still hold.
  for (const table of tables) {
    const start = text.lastIndexOf('\n', table.span.start - 1) + 1;
    const newline = text.indexOf('\n', table.span.end);
    const end = newline < 0 ? text.length : newline;
    out = out.slice(0, start) + render(table, layout) + out.slice(end);
  }
  return out;
}

function render(table: Table, layout: Layout): string {
  switch (table.id) {
    case 'table2':
      return renderTable2(table, layout);
    case 'table3':
      return renderTable3(table, layout);
    case 'table4':
      return renderTable4(table, layout);
  }
}

/** Raw values of a row as written (an empty field stays empty). */
const raws = (row: Row): string[] => [...row.cells, ...row.extraCells].map((c) => c.raw);

function pipeRow(fields: string[]): string {
  return `| ${fields.join(' | ')} |`;
}

function alignmentRow(width: number, numeric = false): string {
  return pipeRow(Array.from({ length: width }, (_, i) => (numeric && i > 0 ? '---:' : '---')));
}

/** Pads a row with empty fields to the table's width (merged cells in an export). */
function padded(fields: string[], width: number): string[] {
  return [...fields, ...Array<string>(Math.max(0, width - fields.length)).fill('')];
}

/** A space-separated row as PDF extraction gives it: long labels wrapped, the last value on a line of its own. */
function pdfRow(label: string, values: string[]): string {
  const shown = values.map((v) => (v === '' ? '—' : v));
  if (label.length <= 18) return `${label} ${shown.join(' ')}`;
  const chunks = label.match(/.{1,12}/gu) ?? [label];
  return `${chunks.join('\n')}\n\n${shown.slice(0, -1).join(' ')}\n${shown[shown.length - 1]}`;
}

function renderTable2(table: Table, layout: Layout): string {
  const columns = TABLES.table2.columns;
  const blocks: string[] = [];
  for (const group of TABLE2_GROUPS) {
    const rows = table.rows.filter((r) => TABLES.table2.rows.find((s) => s.id === r.rowId)?.group === group.id);
    if (rows.length === 0) continue;
    const columnIds = TABLES.table2.rows.find((s) => s.group === group.id)!.columns;
    const headers = columnIds.map((id) => columns.find((c) => c.id === id)!);
    const lines: string[] = [];
    switch (layout) {
      case 'pipe':
        lines.push(pipeRow(padded([group.heading], 4)));
        if (blocks.length === 0) lines.push(alignmentRow(4));
        lines.push(pipeRow(padded(['信息内容', ...headers.map((h) => h.label)], 4)));
        for (const row of rows) lines.push(pipeRow(padded([row.labelText, ...raws(row)], 4)));
        break;
      case 'split-pipe': {
        // Headers in other words: the group heading where 信息内容 belongs, and the columns' short names.
        const names = headers.map((h) => h.aliases[h.aliases.length - 1]);
        lines.push(pipeRow([group.heading, ...names]), alignmentRow(names.length + 1, true));
        for (const row of rows) lines.push(pipeRow([row.labelText, ...raws(row)]));
        lines.push('');
        break;
      }
      case 'tab':
        lines.push([group.heading, '', '', ''].join('\t'));
        lines.push(padded(['信息内容', ...headers.map((h) => h.label)], 4).join('\t'));
        for (const row of rows) lines.push(padded([row.labelText, ...raws(row)], 4).join('\t'));
        break;
      case 'space':
        lines.push(group.heading, `信息内容 ${headers.map((h) => h.label).join(' ')}`, '');
        for (const row of rows) lines.push(pdfRow(row.labelText, raws(row)), '');
        break;
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n').trimEnd();
}

const TABLE3_HEADER = ['申请人情况', ...TABLES.table3.columns.map((c) => c.label)];
/** The same columns as some drafts name them. */
const TABLE3_OTHER_HEADER = ['申请人', '个人', '企业', '科研', '公益组织', '法律服务', '其他', '合计'];

/** Group labels that precede a row of table 三 (三、本年度办理结果 before （一）, （三）不予公开 before its 1. …). */
function groupLabels(row: Row, previous: Row | undefined): string[] {
  const specs = TABLES.table3.rows;
  const groupOf = (r: Row | undefined) => specs.find((s) => s.id === r?.rowId)?.group;
  const group = groupOf(row);
  const previousGroup = groupOf(previous);
  const labels: string[] = [];
  // Rows with a group are the results; 一、二 and 四 stand alone.
  if (group !== undefined && previousGroup === undefined) labels.push(specs.find((s) => s.id === 'results')!.label);
  if (group !== undefined && group !== 'results' && group !== previousGroup) labels.push(specs.find((s) => s.id === group)!.label);
  return labels;
}

function renderTable3(table: Table, layout: Layout): string {
  const width = TABLE3_HEADER.length;
  const lines: string[] = [BALANCE_NOTE, ''];
  switch (layout) {
    case 'pipe':
      lines.push(pipeRow(TABLE3_HEADER), alignmentRow(width, true));
      table.rows.forEach((row, i) => {
        for (const label of groupLabels(row, table.rows[i - 1])) lines.push(pipeRow(padded([label], width)));
        lines.push(pipeRow([row.labelText, ...raws(row)]));
      });
      break;
    case 'split-pipe': {
      // Three tables, cut before （三） and （五）, each repeating a header that names the columns differently.
      const cuts = new Set(['r3_1', 'r5_1']);
      lines.push(pipeRow(TABLE3_OTHER_HEADER), alignmentRow(width));
      table.rows.forEach((row, i) => {
        if (cuts.has(row.rowId)) lines.push('', pipeRow(TABLE3_OTHER_HEADER), alignmentRow(width));
        for (const label of groupLabels(row, table.rows[i - 1])) lines.push(pipeRow(padded([label], width)));
        lines.push(pipeRow([row.labelText, ...raws(row)]));
      });
      break;
    }
    case 'tab':
      // Word's nested label columns: top group, sub-group, label; merged cells as empty fields.
      lines.push(['', '', '申请人情况', '', '', '', '', '', ''].join('\t'));
      lines.push(['', '', ...TABLE3_HEADER.slice(1)].join('\t'));
      table.rows.forEach((row, i) => {
        const groups = groupLabels(row, table.rows[i - 1]);
        const labelColumns = padded(groups, 2);
        lines.push([...labelColumns, row.labelText, ...raws(row)].join('\t'));
      });
      break;
    case 'space':
      lines.push('申请人情况', '', ...TABLE3_HEADER.slice(1).map((h) => `${h}\n`));
      table.rows.forEach((row, i) => {
        for (const label of groupLabels(row, table.rows[i - 1])) lines.push(label, '');
        lines.push(pdfRow(row.labelText, raws(row)), '');
      });
      break;
  }
  return lines.join('\n').trimEnd();
}

const TABLE4_COLUMNS = TABLES.table4.columns.map((c) => c.label);

function renderTable4(table: Table, layout: Layout): string {
  const values = table.rows.flatMap(raws);
  switch (layout) {
    case 'pipe':
      // The format's header over three rows, the fifteen values on one.
      return [
        pipeRow(padded(['行政复议', '', '', '', '', '行政诉讼'], 15)),
        alignmentRow(15),
        pipeRow(padded(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉'], 15)),
        pipeRow([...TABLE4_COLUMNS, ...TABLE4_COLUMNS, ...TABLE4_COLUMNS]),
        pipeRow(values),
      ].join('\n');
    case 'split-pipe':
      // One labelled row per group, short column names.
      return [
        pipeRow(['类别', '维持', '纠正', '其他结果', '尚未审结', '合计']),
        alignmentRow(6, true),
        ...table.rows.map((row) => pipeRow([row.canonicalLabel, ...raws(row)])),
      ].join('\n');
    case 'tab':
      return [
        padded(['行政复议', '', '', '', '', '行政诉讼'], 15).join('\t'),
        padded(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉'], 15).join('\t'),
        [...TABLE4_COLUMNS, ...TABLE4_COLUMNS, ...TABLE4_COLUMNS].join('\t'),
        values.join('\t'),
      ].join('\n');
    case 'space':
      // PDF extraction: the header scattered over short lines, the values on one line.
      return [
        '行政复议 行政诉讼',
        ...TABLE4_COLUMNS.map((c) => `${c.slice(0, 2)}\n${c.slice(2)}\n`),
        '未经复议直接起诉 复议后起诉',
        ...[...TABLE4_COLUMNS, ...TABLE4_COLUMNS].map((c) => `${c.slice(0, 2)}\n${c.slice(2)}\n`),
        values.map((v) => (v === '' ? '—' : v)).join(' '),
      ].join('\n');
  }
}
