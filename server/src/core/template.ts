// A new report: the title, the six sections with placeholder prose, and the three tables as Markdown pipe
// tables filled with zeros, all from the schema. The draft passes every check as it stands.

import { numeral } from './i18n';
import type { SectionNumber, TableId } from './model';
import { renderPipeTable, type PipeLine } from './pipeTable';
import { BALANCE_NOTE, columnSpec, SECTIONS, TABLE2_GROUPS, TABLE2_ROW_HEADER, TABLES, type RowSpec } from './schema';

export interface NewReport {
  year: number;
  /** The issuing body, e.g. 某某区人民政府办公室. */
  body: string;
}

/** A cell's text in a rendered table; the template writes zeros. */
export type CellText = (table: TableId, rowId: string, columnId: string) => string;

const zeros: CellText = () => '0';

function alignment(columns: number): PipeLine {
  return { kind: 'alignment', aligns: Array.from({ length: columns }, (_, i) => (i === 0 ? 'left' : 'right')) };
}

/** One pipe table: a header, then one line per row; group rows (no numbers) get empty cells. */
function tableLines(table: TableId, corner: string, columnIds: string[], rows: RowSpec[], cell: CellText): string[] {
  const lines: PipeLine[] = [
    { kind: 'cells', cells: [corner, ...columnIds.map((c) => columnSpec(table, c).label)] },
    alignment(columnIds.length + 1),
    ...rows.map((row): PipeLine => ({ kind: 'cells', cells: [row.label, ...columnIds.map((c) => (row.numeric ? cell(table, row.id, c) : ''))] })),
  ];
  return renderPipeTable(lines);
}

/** A table of the format as Markdown; table 二 is one small table per article-20 item, each under its heading. */
export function tableMarkdown(table: TableId, cell: CellText = zeros): string[] {
  const spec = TABLES[table];
  if (table === 'table2') {
    return TABLE2_GROUPS.flatMap((group, i) => {
      const rows = spec.rows.filter((r) => r.group === group.id);
      return [...(i > 0 ? [''] : []), group.heading, '', ...tableLines(table, TABLE2_ROW_HEADER, rows[0].columns, rows, cell)];
    });
  }
  const columnIds = spec.columns.map((c) => c.id);
  const table3Note = table === 'table3' ? [BALANCE_NOTE, ''] : [];
  return [...table3Note, ...tableLines(table, '', columnIds, spec.rows, cell)];
}

/** Placeholder prose: no figures (they would be checked against the tables) and no years. */
function sectionBody(number: SectionNumber): string[] {
  switch (number) {
    case 1:
      return SECTIONS[0].parts!.flatMap((part, i) => {
        const duties = part === '监督保障' ? '，并写明本年度政府信息公开工作考核、社会评议和责任追究结果' : '';
        return [`（${numeral(i + 1)}）${part}：请在此概述本年度${part}工作情况${duties}。`, ''];
      });
    case 2:
    case 3:
    case 4:
      return [];
    case 5:
      return ['请在此写明本年度政府信息公开工作存在的主要问题及改进措施，以及上一年度问题的改进情况。', ''];
    case 6:
      return ['本机关本年度未收取政府信息公开信息处理费。', ''];
  }
}

/** A section's heading and, for sections 二–四, its empty table: what the quick fix for a missing section inserts. */
export function sectionSkeleton(number: SectionNumber, headingPrefix: string): string[] {
  const section = SECTIONS[number - 1];
  const table = (Object.keys(TABLES) as TableId[]).find((id) => TABLES[id].section === number);
  return [`${headingPrefix}${section.numeral}、${section.title}`, '', ...(table ? [...tableMarkdown(table), ''] : [])];
}

export function newReportText({ year, body }: NewReport): string {
  const lines = [`# ${body}${year}年政府信息公开工作年度报告`, ''];
  for (const section of SECTIONS) lines.push(...sectionSkeleton(section.number, '## '), ...sectionBody(section.number));
  return lines.join('\n');
}
