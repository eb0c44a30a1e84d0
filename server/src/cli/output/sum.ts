// `nianbao sum`: the element-wise sum of tables 二, 三 and 四 over reports of one year — the compiled regional
// tables — as a Markdown draft (the format's own tables), CSV or JSON. Refused, naming the file, when the reports
// are of different years, a report is there twice, or a table or cell was not read with certainty: a compiled
// table must not rest on a guess.

import { SIX_SUB_ROWS, type ExtractedTable } from '../../core/extract';
import type { Locale } from '../../core/i18n';
import { bodyKeyOf } from '../../core/index/entry';
import { TABLE_IDS, type TableId } from '../../core/model';
import { SECTIONS, TABLES } from '../../core/schema';
import { tableMarkdown } from '../../core/template';
import type { FileReport } from '../analyse';
import { CSV_CELLS, csvField } from './csv';

export interface SumResult {
  year: number;
  /** The files added up, in the run's order. */
  files: string[];
  tables: Record<TableId, ExtractedTable>;
  /** Said on standard error: files left out (not reports) and how the 2019 single （六）其他处理 row was counted. */
  notes: string[];
}

/** Amounts (万元) have decimals: sums are rounded to this many places so that 0.1 + 0.2 prints as 0.3. */
const DECIMALS = 1e6;

const TABLE_NAMES: Record<Locale, Record<TableId, string>> = {
  zh: { table2: '表二', table3: '表三', table4: '表四' },
  en: { table2: 'table 2', table3: 'table 3', table4: 'table 4' },
};

/** The sum, or the message saying why the reports cannot be added up. */
export function sumReports(reports: readonly FileReport[], locale: Locale): SumResult | string {
  const zh = locale === 'zh';
  const notes: string[] = [];
  const included = reports.filter((r) => {
    if (!r.isReport) notes.push(zh ? `未计入（不是年度报告）：${r.file}` : `left out (not an annual report): ${r.file}`);
    return r.isReport;
  });
  if (included.length === 0) return zh ? '没有可以相加的年度报告' : 'no annual report to add up';
  const years = new Set(included.map((r) => r.title?.year ?? null));
  const noYear = included.find((r) => !r.title?.year);
  if (noYear) return zh ? `无法汇总：${noYear.file} 的标题中没有年度` : `cannot add up: ${noYear.file} has no year in its title`;
  if (years.size > 1) {
    // Each year with its number of reports and the first few of them: enough to find the strays among fifty.
    const byYear = [...years].sort().map((year) => {
      const files = included.filter((r) => r.title!.year === year).map((r) => r.file);
      const shown = files.slice(0, 3).join(zh ? '、' : ', ') + (files.length > 3 ? (zh ? ' 等' : ', …') : '');
      return zh ? `${year} 年 ${files.length} 份（${shown}）` : `${year}: ${files.length} (${shown})`;
    });
    return zh ? `无法汇总：报告的年度不同，只能汇总同一年度的报告：${byYear.join('；')}` : `cannot add up reports of different years: ${byYear.join('; ')}`;
  }
  const seen = new Map<string, string>();
  for (const r of included) {
    const key = bodyKeyOf(r.title?.body);
    if (!key) continue;
    const other = seen.get(key);
    if (other) return zh ? `无法汇总：${other} 与 ${r.file} 是同一机关同一年度的报告，会重复计算；请只保留一份` : `cannot add up: ${other} and ${r.file} are the same body's report for the same year (it would count twice); keep one`;
    seen.set(key, r.file);
  }
  const tables = {} as Record<TableId, ExtractedTable>;
  for (const id of TABLE_IDS) {
    const spec = TABLES[id];
    const sum: ExtractedTable = { columns: spec.columns.map((c) => c.label), rows: [] };
    for (const rowSpec of spec.rows) if (rowSpec.numeric) sum.rows.push({ id: rowSpec.id, label: rowSpec.label, cells: rowSpec.columns.map(() => 0) });
    if (id === 'table3') sum.sixSingle = false;
    for (const r of included) {
      const refusal = addTable(sum, r, id, zh, notes);
      if (refusal) return refusal;
    }
    for (const row of sum.rows) row.cells = row.cells.map((v) => Math.round(v! * DECIMALS) / DECIMALS);
    tables[id] = sum;
  }
  return { year: [...years][0]!, files: included.map((r) => r.file), tables, notes };
}

/** Adds one report's table into the sum, or says why it cannot be. */
function addTable(sum: ExtractedTable, report: FileReport, id: TableId, zh: boolean, notes: string[]): string | null {
  const name = TABLE_NAMES[zh ? 'zh' : 'en'][id];
  const table = report.counts?.tables[id] ?? null;
  if (!table || report.unreadable?.includes(id)) {
    const why = report.unreadable?.includes(id) ? (zh ? '未能确定地读出' : 'could not be read with certainty') : zh ? '没有找到' : 'was not found';
    return zh ? `无法汇总：${report.file} 的${name}${why}；请先改正这份报告` : `cannot add up: ${name} of ${report.file} ${why}; correct that report first`;
  }
  for (const row of table.rows) {
    // The 2019 layout's single （六）其他处理 row is counted in 3.其他, as the fix of structure.outdated-format does.
    const target = id === 'table3' && table.sixSingle && row.id === 'r6' ? SIX_SUB_ROWS[2] : row.id;
    if (target !== row.id) notes.push(zh ? `${report.file}：（六）其他处理只有一行（2019 年格式），计入“3.其他”` : `${report.file}: the single row （六）其他处理 (2019 layout) is counted in 3.其他`);
    const into = sum.rows.find((r) => r.id === target)!;
    for (let i = 0; i < row.cells.length; i++) {
      const value = row.cells[i];
      if (value === null) {
        const column = sum.columns[TABLES[id].columns.findIndex((c) => c.id === TABLES[id].rows.find((r) => r.id === row.id)!.columns[i])];
        return zh
          ? `无法汇总：${report.file} 的${name}“${row.label}”一行“${column}”一栏没有读出数字；请先改正这份报告`
          : `cannot add up: ${name} of ${report.file}, row “${row.label}”, column “${column}” has no figure; correct that report first`;
      }
      into.cells[i]! += value;
    }
  }
  return null;
}

/** The compiled tables as a Markdown draft: the title, then each table under its section heading, in the format's layout. */
export function sumMarkdown(result: SumResult, locale: Locale): string {
  const zh = locale === 'zh';
  const lines = [zh ? `# ${result.year}年度政府信息公开工作年度报告汇总表` : `# Compiled tables, ${result.year}`, ''];
  lines.push(zh ? `由 ${result.files.length} 份报告逐项相加：` : `The element-wise sum of ${result.files.length} reports:`, '');
  for (const file of result.files) lines.push(`- ${file}`);
  for (const id of TABLE_IDS) {
    const spec = TABLES[id];
    const values = new Map(result.tables[id].rows.map((r) => [r.id, r]));
    const section = SECTIONS.find((s) => s.number === spec.section)!;
    lines.push('', `## ${section.numeral}、${section.title}`, '');
    lines.push(
      ...tableMarkdown(id, (_table, rowId, columnId) => {
        const row = values.get(rowId);
        const rowColumns = spec.rows.find((r) => r.id === rowId)!.columns;
        return String(row?.cells[rowColumns.indexOf(columnId)] ?? '');
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function sumCsv(result: SumResult): string {
  const lines = ['table,row_id,row_label,c1,c2,c3,c4,c5,c6,c7'];
  for (const id of TABLE_IDS) {
    for (const row of result.tables[id].rows) {
      const cells = Array.from({ length: CSV_CELLS }, (_, i) => row.cells[i] ?? null);
      lines.push([id, row.id, row.label, ...cells].map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function sumJson(result: SumResult): string {
  const { year, files, tables } = result;
  return `${JSON.stringify({ year, files, tables }, null, 2)}\n`;
}
