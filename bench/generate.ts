// Report texts for the benchmarks, made at run time: the format's tables (core/template.ts, core/schema.ts)
// filled with varied, mostly consistent figures, prose written after samples/example-2024.nianbao.md that restates
// them, as Markdown (.md) or as plain text with tab-separated tables (.txt). About one report in ten has one
// mistyped cell of table 三, so the checks also have findings to report.

import type { TableId } from '../server/src/core/model';
import { SECTIONS, TABLE3_RESULT_ROW_IDS, TABLES } from '../server/src/core/schema';
import { tableMarkdown } from '../server/src/core/template';
// The tests' seeded generator: the same index always gives the same report.
import { prng } from '../test/support/random';

const PLACES = ['示例区', '东湖区', '青山县', '临江市', '南岭区', '北川县', '白沙镇', '清河区', '石门县', '云溪区', '长宁县', '西城区'];
const BODIES = ['人民政府办公室', '人民政府', '发展和改革局', '教育局', '自然资源局', '卫生健康委员会', '市场监督管理局'];
const TYPED = '本年度共办理政府信息公开申请12件，均已按期答复。';

/** Characters a typist enters, one per keystroke, cycling. */
export function typedChar(i: number): string {
  return TYPED[i % TYPED.length];
}

export interface GeneratedReport {
  text: string;
  /** File extension: .md (Markdown pipe tables) or .txt (tab-separated tables). */
  ext: '.md' | '.txt';
  /** Whether a cell was mistyped on purpose. */
  mistyped: boolean;
}

/** Pipe tables to tab-separated rows, headings to plain lines: the text as pasted from Word into a .txt file. */
function toPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line) && !/^<!--/.test(line))
    .map((line) => {
      if (line.startsWith('|')) return line.slice(1, line.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim()).join('\t');
      return line.replace(/^#+\s*/, '');
    })
    .join('\n');
}

/** Report number index: deterministic, varied figures; layout alternates unless given. */
export function generateReport(index: number, layout?: 'md' | 'txt'): GeneratedReport {
  const rnd = prng(0x9e3779b9 ^ (index * 7919));
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const small = (max: number) => (rnd() < 0.55 ? 0 : int(max));
  const year = 2021 + int(3);
  const body = `${PLACES[int(PLACES.length - 1)]}${BODIES[int(BODIES.length - 1)]}`;
  const short = body.endsWith('人民政府') ? '府' : body.endsWith('办公室') ? '办' : body.endsWith('局') ? '局' : '委';
  const cells = new Map<string, number>();
  const key = (table: TableId, row: string, column: string) => `${table}/${row}/${column}`;
  const set = (table: TableId, row: string, column: string, value: number) => cells.set(key(table, row, column), value);
  const get = (table: TableId, row: string, column: string) => cells.get(key(table, row, column)) ?? 0;

  // 表二: any figures; the fee amount with one decimal.
  for (const row of TABLES.table2.rows.filter((r) => r.numeric)) {
    for (const column of row.columns ?? []) set('table2', row.id, column, column === 'amount' ? Math.round(rnd() * 500) / 10 : int(column === 'decisions' ? 900 : 40));
  }

  // 表三: per applicant column, results first, then the balance 一 + 二 = （七） + 四 decides 一.
  const applicants = TABLES.table3.columns.map((c) => c.id).filter((c) => c !== 'total');
  applicants.forEach((column, i) => {
    const scale = i === 0 ? 60 : i === 1 ? 8 : 2;
    let results = 0;
    for (const row of TABLE3_RESULT_ROW_IDS) {
      const value = row === 'r1' ? int(scale) : small(Math.ceil(scale / 3));
      set('table3', row, column, value);
      results += value;
    }
    const forward = small(Math.ceil(scale / 4));
    const carried = Math.min(small(Math.ceil(scale / 5)), results + forward);
    set('table3', 'r7', column, results);
    set('table3', 'forward', column, forward);
    set('table3', 'carried', column, carried);
    set('table3', 'new', column, results + forward - carried);
  });
  for (const row of TABLES.table3.rows.filter((r) => r.numeric)) set('table3', row.id, 'total', applicants.reduce((sum, c) => sum + get('table3', row.id, c), 0));

  // 表四: parts, then the total of each group.
  for (const row of TABLES.table4.rows) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((c) => {
      const value = small(row.id === 'review' ? 4 : 2);
      set('table4', row.id, c, value);
      return value;
    });
    set('table4', row.id, 'total', parts.reduce((a, b) => a + b, 0));
  }

  // The prose restates the tables (read before any cell is mistyped).
  const applied = get('table3', 'new', 'total') + get('table3', 'carried', 'total');
  const sent = 20 + int(600);
  const used = Math.round(sent * (0.5 + rnd() * 0.5));
  const prose = [
    `（一）主动公开：${year} 年，本${short}围绕中心工作，通过门户网站主动公开政府信息 ${200 + int(3000)} 条。向上级公开办报送政务信息 ${sent} 条，采用信息 ${used} 条，采用率 ${Math.round((used / sent) * 100)}%。`,
    '',
    `（二）依申请公开：截至 ${year} 年 12 月 31 日，本${short}共收到政府信息公开申请 ${applied} 件，其中上年结转 ${get('table3', 'carried', 'total')} 件；已办结 ${get('table3', 'r7', 'total')} 件，结转下年度继续办理 ${get('table3', 'forward', 'total')} 件。本年度被申请行政复议 ${get('table4', 'review', 'total')} 件。`,
    '',
    '（三）政府信息管理：落实信息发布审核制度，发布前逐条审查，严格执行保密审查。',
    '',
    '（四）政府信息公开平台建设：完善政府网站政务公开专栏，及时更新栏目内容，加强政务新媒体管理。',
    '',
    '（五）监督保障：将政府信息公开工作纳入年度考核，接受社会评议，本年度未发生责任追究情形。',
    '',
  ];

  const mistyped = rnd() < 0.1;
  if (mistyped) {
    const row = TABLE3_RESULT_ROW_IDS[int(TABLE3_RESULT_ROW_IDS.length - 1)];
    const column = applicants[int(applicants.length - 1)];
    set('table3', row, column, get('table3', row, column) + 1 + int(2));
  }

  const cell = (table: TableId, row: string, column: string) => String(get(table, row, column));
  const lines = [`# ${body}${year}年政府信息公开工作年度报告`, ''];
  for (const section of SECTIONS) {
    lines.push(`## ${section.numeral}、${section.title}`, '');
    const table = (Object.keys(TABLES) as TableId[]).find((id) => TABLES[id].section === section.number);
    if (table) lines.push(...tableMarkdown(table, cell), '');
    if (section.number === 1) lines.push(...prose);
    if (section.number === 5) lines.push('（一）存在问题：部分栏目更新不够及时，依申请公开答复文书的规范性有待提高。', '', '（二）改进措施：建立栏目更新台账，每月检查；组织答复文书专题培训。', '');
    if (section.number === 6) lines.push(`本${short} ${year} 年度未收取信息处理费。`, '');
  }
  const markdown = lines.join('\n');
  const plain = layout ? layout === 'txt' : index % 2 === 1;
  return plain ? { text: toPlainText(markdown), ext: '.txt', mistyped } : { text: markdown, ext: '.md', mistyped };
}

/** Generated reports concatenated until the text has at least `chars` characters, and how many there are. */
export function concatenated(chars: number): { text: string; reports: number } {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const { text } = generateReport(100_000 + i);
    parts.push(text);
    length += text.length + 2;
  }
  return { text: parts.join('\n\n'), reports: parts.length };
}
