// The table reader (server/src/core/parse/tables.ts), one behaviour per test, each on a small report of our own:
// page furniture dropped, PDF rows with wrapped labels, one cell per line, column-major blocks verified by row
// totals (and table 二 read in the order table 三 proved), overflow rows, table 二's one-figure groups, global
// row matching, label numbering and the 2019 single （六） row, tab rows with blank cells, and table 四's
// fifteen figures however the extractor broke them. Every fixture pins the cells per row id and column id,
// the rows found, sixSingle, missingRows, the unreadable regions and, where one is involved, the findings.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CellValue, ReportModel, Row, Span, TableId } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { applyFix, check, pinned } from '../support/findings';
import { cellValues } from '../support/layouts';

// ---------------------------------------------------------------------------------------------------------
// The report around the tables

const TITLE = '2024年某某区人民政府政府信息公开工作年度报告';

function report(parts: { t2?: string; t3?: string; t4?: string }): string {
  return [
    TITLE,
    '',
    '一、总体情况',
    '本年度开展政府信息公开工作考核、社会评议和责任追究。',
    '二、主动公开政府信息情况',
    parts.t2 ?? TABLE2_TAB,
    '三、收到和处理政府信息公开申请情况',
    parts.t3 ?? table3(TAB),
    '四、政府信息公开行政复议、行政诉讼情况',
    parts.t4 ?? TABLE4_TAB,
    '五、存在的主要问题及改进情况',
    '无。',
    '六、其他需要报告的事项',
    '无。',
    '',
  ].join('\n');
}

type Figures = (number | null)[];

// ---------------------------------------------------------------------------------------------------------
// Table 三: every row total, every result total and the balance hold.

const T3_COLUMNS = ['natural', 'business', 'research', 'welfare', 'legal', 'other', 'total'];

/** Rows in the format's order; group rows have no figures. */
const T3_ROWS: [string, string][] = [
  ['new', '一、本年新收政府信息公开申请数量'],
  ['carried', '二、上年结转政府信息公开申请数量'],
  ['results', '三、本年度办理结果'],
  ['r1', '（一）予以公开'],
  ['r2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['r3', '（三）不予公开'],
  ['r3_1', '1.属于国家秘密'],
  ['r3_2', '2.其他法律行政法规禁止公开'],
  ['r3_3', '3.危及“三安全一稳定”'],
  ['r3_4', '4.保护第三方合法权益'],
  ['r3_5', '5.属于三类内部事务信息'],
  ['r3_6', '6.属于四类过程性信息'],
  ['r3_7', '7.属于行政执法案卷'],
  ['r3_8', '8.属于行政查询事项'],
  ['r4', '（四）无法提供'],
  ['r4_1', '1.本机关不掌握相关政府信息'],
  ['r4_2', '2.没有现成信息需要另行制作'],
  ['r4_3', '3.补正后申请内容仍不明确'],
  ['r5', '（五）不予处理'],
  ['r5_1', '1.信访举报投诉类申请'],
  ['r5_2', '2.重复申请'],
  ['r5_3', '3.要求提供公开出版物'],
  ['r5_4', '4.无正当理由大量反复申请'],
  ['r5_5', '5.要求行政机关确认或重新出具已获取信息'],
  ['r6', '（六）其他处理'],
  ['r6_1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['r6_2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['r6_3', '3.其他'],
  ['r7', '（七）总计'],
  ['forward', '四、结转下年度继续办理'],
];
const T3_LABEL = Object.fromEntries(T3_ROWS);

const Z: Figures = [0, 0, 0, 0, 0, 0, 0];
const DATA3: Record<string, Figures> = {
  new: [34, 3, 1, 0, 1, 1, 40],
  carried: [3, 0, 0, 0, 0, 0, 3],
  r1: [12, 1, 0, 0, 1, 0, 14],
  r2: [3, 0, 0, 0, 0, 0, 3],
  r3_1: Z,
  r3_2: [1, 0, 0, 0, 0, 0, 1],
  r3_3: Z,
  r3_4: [2, 0, 0, 0, 0, 0, 2],
  r3_5: Z,
  r3_6: Z,
  r3_7: Z,
  r3_8: Z,
  r4_1: [8, 1, 1, 0, 0, 0, 10],
  r4_2: [1, 0, 0, 0, 0, 0, 1],
  r4_3: Z,
  r5_1: [2, 0, 0, 0, 0, 0, 2],
  r5_2: [1, 0, 0, 0, 0, 0, 1],
  r5_3: [0, 0, 0, 0, 0, 1, 1],
  r5_4: [3, 0, 0, 0, 0, 0, 3],
  r5_5: [1, 0, 0, 0, 0, 0, 1],
  r6_1: [1, 0, 0, 0, 0, 0, 1],
  r6_2: Z,
  r6_3: [0, 1, 0, 0, 0, 0, 1],
  r7: [35, 3, 1, 0, 1, 1, 41],
  forward: [2, 0, 0, 0, 0, 0, 2],
};
/** Numeric rows of the 2021 format, in order. */
const T3_IDS = T3_ROWS.map(([id]) => id).filter((id) => id in DATA3);

type Fmt = (label: string, figures: string[]) => string;
const TAB: Fmt = (label, figures) => [label, ...figures].join('\t');
/** pdftotext -layout: the label, then the figures spaced into their columns. */
const SPACE: Fmt = (label, figures) => `${label}${' '.repeat(Math.max(2, 40 - label.length * 2))}${figures.map((f) => f.padStart(5)).join('')}`;
/** pdftotext default: the label on a line, each figure on a line of its own. */
const PER_LINE: Fmt = (label, figures) => [label, ...figures].join('\n');

const raw = (figures: Figures): string[] => figures.map((f) => (f === null ? '' : String(f)));

const T3_HEADER: Record<'tab' | 'space' | 'line', string[]> = {
  tab: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '\t申请人情况', '\t自然人\t法人或其他组织\t\t\t\t\t总计', '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他'],
  space: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '                              申请人情况', '                       自然人      法人或其他组织                       总计', '                             商业企业 科研机构 社会公益组织 法律服务机构 其他'],
  line: ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
};

/** Lines of table 三's rows from `from` to `to` (inclusive), group rows as their label alone. */
function t3Lines(fmt: Fmt, from = 'new', to = 'forward', data: Record<string, Figures> = DATA3, labels: Record<string, string> = {}): string[] {
  const ids = T3_ROWS.map(([id]) => id);
  return ids.slice(ids.indexOf(from), ids.indexOf(to) + 1).map((id) => {
    const label = labels[id] ?? T3_LABEL[id];
    return id in data ? fmt(label, raw(data[id])) : label;
  });
}

function table3(fmt: Fmt, header: keyof typeof T3_HEADER = 'tab'): string {
  return [...T3_HEADER[header], ...t3Lines(fmt)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Tables 二 and 四

const DATA2: Record<string, Figures> = {
  rules: [0, 0, 2],
  normative: [3, 1, 12],
  licensing: [550],
  penalty: [120],
  compulsion: [4],
  fees: [12.5],
};
const T2_COLUMNS: Record<string, string[]> = {
  rules: ['issued', 'repealed', 'valid'],
  normative: ['issued', 'repealed', 'valid'],
  licensing: ['decisions'],
  penalty: ['decisions'],
  compulsion: ['decisions'],
  fees: ['amount'],
};
const T2_IDS = Object.keys(DATA2);

const TABLE2_ITEM1_TAB = ['第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', '规章\t0\t0\t2', '行政规范性文件\t3\t1\t12'];
const TABLE2_REST_TAB = [
  '第二十条第（五）项',
  '信息内容\t本年处理决定数量',
  '行政许可\t550',
  '第二十条第（六）项',
  '信息内容\t本年处理决定数量',
  '行政处罚\t120',
  '行政强制\t4',
  '第二十条第（八）项',
  '信息内容\t本年收费金额（单位：万元）',
  '行政事业性收费\t12.5',
];
const TABLE2_TAB = [...TABLE2_ITEM1_TAB, ...TABLE2_REST_TAB].join('\n');

const T4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
const DATA4: Record<string, Figures> = {
  review: [1, 0, 1, 0, 2],
  direct: [0, 0, 0, 1, 1],
  after: [0, 0, 0, 0, 0],
};
const T4_FIGURES = [...DATA4.review, ...DATA4.direct, ...DATA4.after].map(String);
const T4_HEADER = ['行政复议\t行政诉讼', '\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉', Array(3).fill('结果维持\t结果纠正\t其他结果\t尚未审结\t总计').join('\t')];
const TABLE4_TAB = [...T4_HEADER, T4_FIGURES.join('\t')].join('\n');

// ---------------------------------------------------------------------------------------------------------
// Expectations

const num = (value: number): CellValue => ({ kind: 'number', value });
const BLANK: CellValue = { kind: 'blank' };
const cell = (f: number | null): CellValue => (f === null ? BLANK : num(f));

/** Expected cells: row id → column id → value. */
function expected(columns: (id: string) => string[], data: Record<string, Figures>, ids: string[]): Record<string, Record<string, CellValue>> {
  return Object.fromEntries(ids.map((id) => [id, Object.fromEntries(data[id].map((f, i) => [columns(id)[i], cell(f)]))]));
}
const expect3 = (ids = T3_IDS, data = DATA3) => expected(() => T3_COLUMNS, data, ids);
const expect2 = (ids = T2_IDS, data = DATA2) => expected((id) => T2_COLUMNS[id], data, ids);
const expect4 = (data = DATA4) => expected(() => T4_COLUMNS, data, ['review', 'direct', 'after']);

const rowIds = (model: ReportModel, table: TableId): string[] | undefined => model.tables[table]?.rows.map((r) => r.rowId);
const slice = (text: string, span: Span) => text.slice(span.start, span.end);

function row(model: ReportModel, table: TableId, rowId: string): Row {
  const found = model.tables[table]?.rows.find((r) => r.rowId === rowId);
  assert.ok(found, `${table}/${rowId} not read`);
  return found;
}

/** The whole of table 三 as DATA3, no row missing, no unreadable region. */
function assertTable3Read(model: ReportModel, data = DATA3): void {
  assert.deepEqual(rowIds(model, 'table3'), T3_IDS);
  assert.deepEqual(cellValues(model).table3, expect3(T3_IDS, data));
  assert.equal(model.tables.table3!.sixSingle, false);
  assert.deepEqual(model.tables.table3!.missingRows, []);
}

function assertAllRead(model: ReportModel): void {
  assertTable3Read(model);
  assert.deepEqual(rowIds(model, 'table2'), T2_IDS);
  assert.deepEqual(cellValues(model).table2, expect2());
  assert.deepEqual(model.tables.table2!.missingRows, []);
  assert.deepEqual(rowIds(model, 'table4'), ['review', 'direct', 'after']);
  assert.deepEqual(cellValues(model).table4, expect4());
  assert.deepEqual(model.tables.table4!.missingRows, []);
  assert.deepEqual(model.unreadable, []);
}

const sectionBody = (model: ReportModel, n: number): Span => model.sections.find((s) => s.number === n)!.bodySpan;

// ---------------------------------------------------------------------------------------------------------

test('the fixture itself: tab-separated tables are read whole and raise no finding', () => {
  const text = report({});
  const model = parseReport(text);
  assertAllRead(model);
  assert.deepEqual(pinned(text), []);
});

// 1. Page furniture

test('page furniture inside a table is dropped: page numbers in every form and the running header', () => {
  const furniture = ['-2-', '- 3 -', '— 5 —', '第 3 页', '第3页 共12页', '3/12', TITLE];
  const lines = t3Lines(TAB);
  // One piece of furniture after every third row line.
  const withFurniture = lines.flatMap((line, i) => (i % 3 === 2 && i / 3 < furniture.length ? [line, furniture[Math.floor(i / 3)]] : [line]));
  assert.equal(withFurniture.length, lines.length + furniture.length);
  const t2 = [...TABLE2_ITEM1_TAB.slice(0, 3), '— 6 —', TITLE, ...TABLE2_ITEM1_TAB.slice(3), '第 7 页', ...TABLE2_REST_TAB].join('\n');
  const t4 = [...T4_HEADER, T4_FIGURES.slice(0, 8).join('\t'), '- 8 -', TITLE, T4_FIGURES.slice(8).join('\t')].join('\n');
  const text = report({ t2, t3: [...T3_HEADER.tab, ...withFurniture].join('\n'), t4 });
  const model = parseReport(text);
  assertAllRead(model);
  // Nothing of the furniture is in a row: (七)总计 ends with its own figures.
  assert.equal(row(model, 'table3', 'r7').cells.at(-1)!.raw, '41');
  assert.deepEqual(pinned(text), []);
});

// 2. Space-aligned PDF rows with wrapped labels

const spaced = (id: string) => raw(DATA3[id]).map((f) => f.padStart(5)).join('');

/** Table 三 in pdftotext -layout text with three labels wrapped; `around` is how （二） is broken around its figures. */
function wrapped(around: [string, string]): string {
  const lines = t3Lines(SPACE).flatMap((line) => {
    // Above: head line, then tail + figures.
    if (line.startsWith('1.申请人无正当理由')) return ['1.申请人无正当理由逾期不补正、', `行政机关不再处理其政府信息公开申请  ${spaced('r6_1')}`];
    // Around: head / figures / tail.
    if (line.startsWith('（二）部分公开')) return [around[0], `                                        ${spaced('r2')}`, around[1]];
    // Below: head + figures, then the tail alone.
    if (line.startsWith('5.要求行政机关')) return [`5.要求行政机关确认或重新出具      ${spaced('r5_5')}`, '已获取信息'];
    return [line];
  });
  return report({ t3: [...T3_HEADER.space, ...lines].join('\n') });
}

function assertWrappedRead(text: string): void {
  const model = parseReport(text);
  assertTable3Read(model);
  assert.deepEqual(model.unreadable, []);
  for (const id of ['r6_1', 'r2', 'r5_5']) assert.equal(row(model, 'table3', id).labelText, T3_LABEL[id], id);
  // The label's range starts at its head.
  assert.ok(slice(text, row(model, 'table3', 'r2').labelSpan).startsWith('（二）部分公开（区分处理'));
  assert.ok(slice(text, row(model, 'table3', 'r5_5').labelSpan).startsWith('5.要求行政机关确认或重新出具'));
  assert.ok(slice(text, row(model, 'table3', 'r6_1').labelSpan).startsWith('1.申请人无正当理由逾期不补正、'));
  assert.deepEqual(pinned(text), []);
}

test('pdftotext -layout rows: a label wrapped above, around and below its figures is read whole', () => {
  assertWrappedRead(wrapped(['（二）部分公开（区分处理的，只计', '这一情形，不计其他情形）']));
});

test(
  'pdftotext -layout rows: a label wrapped around its figures just after a comma keeps the comma',
  () => {
    assertWrappedRead(wrapped(['（二）部分公开（区分处理的，', '只计这一情形，不计其他情形）']));
  },
);

// 3. One cell per line

test('pdftotext default: the label on a line, then each figure on its own line', () => {
  const text = report({ t3: table3(PER_LINE, 'line') });
  const model = parseReport(text);
  assertAllRead(model);
  assert.deepEqual(pinned(text), []);
});

// 4. Column-major blocks

/** Labels of rows, then their figures column by column, one per line (pdfminer). */
function columnMajor(ids: string[], data = DATA3): string[] {
  const figures: string[] = [];
  for (let c = 0; c < 7; c++) for (const id of ids) figures.push(raw(data[id])[c]);
  return [...ids.map((id) => T3_LABEL[id]), ...figures];
}

const BLOCK = ['r4_1', 'r4_2', 'r4_3'];

function withBlock(data = DATA3): string {
  return [...T3_HEADER.tab, ...t3Lines(TAB, 'new', 'r4'), ...columnMajor(BLOCK, data), ...t3Lines(TAB, 'r5', 'forward')].join('\n');
}

test('column-major block: read column by column when every row total holds in that reading only', () => {
  // Row by row, the block's first row would be 8 1 0 1 0 0 | 1: its total fails.
  const text = report({ t3: withBlock() });
  const model = parseReport(text);
  assertAllRead(model);
  assert.deepEqual(row(model, 'table3', 'r4_1').cells.map((c) => c.raw), ['8', '1', '1', '0', '0', '0', '10']);
  assert.deepEqual(pinned(text), []);
});

test('column-major block with a row total broken in both readings: table 三 absent, one table-uncertain, no arithmetic', () => {
  const broken: Record<string, Figures> = { ...DATA3, r4_1: [8, 1, 1, 0, 0, 0, 11] };
  const text = report({ t3: withBlock(broken) });
  const model = parseReport(text);
  assert.equal(model.tables.table3, undefined);
  assert.deepEqual(model.unreadable, [{ reason: 'table-uncertain', span: sectionBody(model, 3), table: 'table3', rowsRecognised: 22, rowsExpected: 25 }]);
  // Tables 二 and 四 are still read.
  assert.deepEqual(cellValues(model).table2, expect2());
  assert.deepEqual(cellValues(model).table4, expect4());
  const body = sectionBody(model, 3);
  assert.deepEqual(pinned(text), [
    {
      code: 'table.unreadable',
      severity: 'information',
      text: slice(text, body),
      start: body.start,
      end: body.end,
      range: [20, 0, 75, 0],
      message: '表三（依申请公开）的数字无法确定各属哪一行哪一列（识别出 22/25 行），不作核对；文本可能由 PDF 转换时打乱，请对照原件按格式整理表格，或改用“-layout”方式提取',
    },
  ]);
});

// 5. Table 二 in the order table 三 proved

/** 规章 and 行政规范性文件, then their figures column by column: 0 3 | 0 1 | 2 12. */
const TABLE2_ITEM1_COLUMNS = ['第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件', '0', '3', '0', '1', '2', '12'];

test('table 二 beside a proven column-major table 三 reads its 规章/行政规范性文件 block column by column', () => {
  const text = report({ t2: [...TABLE2_ITEM1_COLUMNS, ...TABLE2_REST_TAB].join('\n'), t3: withBlock() });
  const model = parseReport(text);
  assertAllRead(model);
  assert.deepEqual(pinned(text), []);
});

test('table 二 block without a proof (table 三 row by row, or absent): table 二 unreadable', () => {
  const t2 = [...TABLE2_ITEM1_COLUMNS, ...TABLE2_REST_TAB].join('\n');
  for (const t3 of [table3(TAB), '无。']) {
    const text = report({ t2, t3 });
    const model = parseReport(text);
    assert.equal(model.tables.table2, undefined, t3);
    assert.deepEqual(model.unreadable, [{ reason: 'table-uncertain', span: sectionBody(model, 2), table: 'table2', rowsRecognised: 4, rowsExpected: 6 }]);
    assert.deepEqual(cellValues(model).table4, expect4());
    if (t3 !== '无。') assertTable3Read(model);
    else assert.equal(model.tables.table3, undefined);
    assert.deepEqual(
      check(text).filter((f) => f.code === 'table.unreadable').map((f) => [f.severity, slice(text, f.span) === slice(text, sectionBody(model, 2)), f.message]),
      [['information', true, '表二（主动公开）的数字无法确定各属哪一行哪一列（识别出 4/6 行），不作核对；文本可能由 PDF 转换时打乱，请对照原件按格式整理表格，或改用“-layout”方式提取']],
    );
  }
});

// 6. Overflow rows

/** 3.要求提供公开出版物 followed by the figures of three rows; the labels of 4. and 5. after the table's last row. */
function overflow(data = DATA3): string {
  const figures = ['r5_3', 'r5_4', 'r5_5'].flatMap((id) => raw(data[id]));
  return [
    ...T3_HEADER.tab,
    ...t3Lines(TAB, 'new', 'r5_2'),
    [T3_LABEL.r5_3, ...figures].join('\t'),
    ...t3Lines(TAB, 'r6', 'forward'),
    T3_LABEL.r5_4,
    T3_LABEL.r5_5,
  ].join('\n');
}

test('overflow rows: three rows\' figures after one label, the next two labels written later, placed when every chunk total holds', () => {
  const text = report({ t3: overflow() });
  const model = parseReport(text);
  assertAllRead(model);
  // The moved rows are marked at their figures and carry the format's label.
  for (const id of ['r5_4', 'r5_5']) {
    const r = row(model, 'table3', id);
    assert.equal(r.labelText, T3_LABEL[id]);
    assert.deepEqual(r.labelSpan, r.cells[0].span);
  }
  assert.equal(row(model, 'table3', 'r5_3').extraCells.length, 0);
  assert.deepEqual(pinned(text), []);
});

test('overflow rows: a chunk that breaks its total is not placed', () => {
  const broken: Record<string, Figures> = { ...DATA3, r5_4: [3, 0, 0, 0, 0, 0, 4] };
  const text = report({ t3: overflow(broken) });
  const model = parseReport(text);
  const ids = T3_IDS.filter((id) => id !== 'r5_4' && id !== 'r5_5');
  assert.deepEqual(rowIds(model, 'table3'), ids);
  assert.deepEqual(model.tables.table3!.missingRows, ['r5_4', 'r5_5']);
  const r53 = row(model, 'table3', 'r5_3');
  assert.deepEqual(r53.cells.map((c) => c.raw), raw(DATA3.r5_3));
  assert.deepEqual(r53.extraCells.map((c) => c.raw), [...raw(broken.r5_4), ...raw(DATA3.r5_5)]);
  assert.deepEqual(model.unreadable, []);
  const at = text.indexOf(T3_LABEL.r6_1);
  const extra = text.indexOf('3\t0\t0\t0\t0\t0\t4');
  assert.deepEqual(pinned(text), [
    {
      code: 'table.extra-cells',
      severity: 'error',
      text: '3\t0\t0\t0\t0\t0\t4\t1\t0\t0\t0\t0\t0\t1',
      start: extra,
      end: extra + 27,
      range: [45, 26, 45, 53],
      message: '“3.要求提供公开出版物”行多出 14 个数（格式规定 7 个）：3 0 0 0 0 0 4 1 0 0 0 0 0 1；请删除或检查是否错行',
    },
    ...['4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((label) => ({
      code: 'table.missing-row',
      severity: 'error',
      text: T3_LABEL.r6_1,
      start: at,
      end: at + T3_LABEL.r6_1.length,
      range: [47, 0, 47, 33] as [number, number, number, number],
      message: `表三（依申请公开）缺少“${label}”行；请按格式补上此行，没有的填 0`,
    })),
  ]);
});

// 7. Table 二 one-figure groups with the figure before the label

test('table 二: a one-figure group whose figure comes before its label inside its group', () => {
  const t2 = [
    ...TABLE2_ITEM1_TAB,
    '第二十条第（五）项',
    '信息内容',
    '本年处理决定数量',
    '550',
    '行政许可',
    '第二十条第（六）项',
    '信息内容\t本年处理决定数量',
    '行政处罚\t120',
    '行政强制\t4',
    '第二十条第（八）项',
    '信息内容',
    '本年收费金额（单位：万元）',
    '12.5',
    '行政事业性收费',
  ].join('\n');
  const text = report({ t2 });
  const model = parseReport(text);
  assertAllRead(model);
  assert.equal(slice(text, row(model, 'table2', 'licensing').labelSpan), '行政许可');
  assert.equal(slice(text, row(model, 'table2', 'fees').labelSpan), '行政事业性收费');
  assert.deepEqual(pinned(text), []);
});

// 8. Global row matching

test('global matching: a mistyped label costs only its row; header words are never rows', () => {
  const text = report({ t3: [...T3_HEADER.tab, ...t3Lines(TAB, 'new', 'forward', DATA3, { r3_2: '2.其他法律行政止公开' })].join('\n') });
  const model = parseReport(text);
  assertTable3Read(model);
  assert.deepEqual(model.unreadable, []);
  const r32 = row(model, 'table3', 'r3_2');
  assert.equal(r32.labelText, '2.其他法律行政止公开');
  assert.equal(slice(text, r32.labelSpan), '2.其他法律行政止公开');
  // 其他 and 总计 of the column header are not 3.其他 and （七）总计.
  assert.equal(slice(text, row(model, 'table3', 'r6_3').labelSpan), '3.其他');
  assert.equal(slice(text, row(model, 'table3', 'r7').labelSpan), '（七）总计');
  const at = text.indexOf('2.其他法律行政止公开');
  const findings = check(text);
  assert.deepEqual(pinned(text), [
    {
      code: 'structure.row-label',
      severity: 'warning',
      text: '2.其他法律行政止公开',
      start: at,
      end: at + '2.其他法律行政止公开'.length,
      range: [31, 0, 31, 11],
      message: '行标签与格式不一致：应为“2.其他法律行政法规禁止公开”，实为“2.其他法律行政止公开”',
    },
  ]);
  assert.deepEqual(findings[0].fixes, [{ title: '改为“2.其他法律行政法规禁止公开”', edits: [{ span: r32.labelSpan, newText: '2.其他法律行政法规禁止公开' }], preferred: true }]);
  assert.equal(applyFix(text, findings[0].fixes[0].edits), report({}));
});

// 9. Label numbering and the 2019 single （六） row

test('labels without numbering, with 1、 and 1． numbering', () => {
  const labels = { r3_1: '属于国家秘密', r3_2: '2、其他法律行政法规禁止公开', r3_3: '3．危及“三安全一稳定”', r4_1: '1、本机关不掌握相关政府信息', r5_2: '2．重复申请' };
  const text = report({ t3: [...T3_HEADER.tab, ...t3Lines(TAB, 'new', 'forward', DATA3, labels)].join('\n') });
  const model = parseReport(text);
  assertTable3Read(model);
  assert.deepEqual(model.unreadable, []);
  for (const [id, label] of Object.entries(labels)) assert.equal(row(model, 'table3', id).labelText, label);
  // Only the label without its numbering differs from the format.
  const at = text.indexOf('属于国家秘密');
  assert.deepEqual(pinned(text), [
    { code: 'structure.row-label', severity: 'warning', text: '属于国家秘密', start: at, end: at + 6, range: [30, 0, 30, 6], message: '行标签与格式不一致：应为“1.属于国家秘密”，实为“属于国家秘密”' },
  ]);
  const fixed = applyFix(text, check(text)[0].fixes[0].edits);
  assert.equal(fixed.slice(at, at + 8), '1.属于国家秘密');
  assert.deepEqual(pinned(fixed), []);
});

test('the 2019 single （六）其他处理 row: sixSingle, row r6, no r6_x missing; outdated-format with a fix that reads back as the 2021 rows', () => {
  const six: Figures = [1, 1, 0, 0, 0, 0, 2];
  const lines = [...T3_HEADER.tab, ...t3Lines(TAB, 'new', 'r5_5'), TAB(T3_LABEL.r6, raw(six)), ...t3Lines(TAB, 'r7', 'forward')];
  const text = report({ t3: lines.join('\n') });
  const model = parseReport(text);
  const ids2019 = [...T3_IDS.filter((id) => !id.startsWith('r6_')).slice(0, -2), 'r6', 'r7', 'forward'];
  assert.deepEqual(rowIds(model, 'table3'), ids2019);
  assert.equal(model.tables.table3!.sixSingle, true);
  assert.deepEqual(model.tables.table3!.missingRows, []);
  assert.deepEqual(cellValues(model).table3, expect3(ids2019, { ...DATA3, r6: six }));
  assert.deepEqual(model.unreadable, []);
  const r6 = row(model, 'table3', 'r6');
  assert.equal(slice(text, r6.labelSpan), '（六）其他处理');

  const at = text.indexOf('（六）其他处理');
  const findings = check(text);
  assert.deepEqual(pinned(text), [
    {
      code: 'structure.outdated-format',
      severity: 'warning',
      text: '（六）其他处理',
      start: at,
      end: at + 7,
      range: [48, 0, 48, 7],
      message:
        '“（六）其他处理”只有一行，是2019年试行格式；2024年度报告应使用2021年格式，分为 3 行：1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；3.其他',
    },
  ]);
  const fix = findings[0].fixes[0];
  assert.equal(fix.title, '按2021年格式分为三行（原数字记入“3.其他”）');
  const fixed = applyFix(text, fix.edits);
  assert.equal(
    slice(fixed, { start: at, end: fixed.indexOf('\n（七）') }),
    [
      `（六）其他处理\t${T3_LABEL.r6_1}\t0\t0\t0\t0\t0\t0\t0`,
      `${T3_LABEL.r6_2}\t0\t0\t0\t0\t0\t0\t0`,
      `3.其他\t1\t1\t0\t0\t0\t0\t2`,
    ].join('\n'),
  );
  const back = parseReport(fixed);
  assert.equal(back.tables.table3!.sixSingle, false);
  assert.deepEqual(rowIds(back, 'table3'), T3_IDS);
  assert.deepEqual(cellValues(back).table3, expect3(T3_IDS, { ...DATA3, r6_1: Z, r6_2: Z, r6_3: six }));
  assert.deepEqual(back.tables.table3!.missingRows, []);
  assert.deepEqual(pinned(fixed), []);
});

// 10. Tab rows with blank cells

test('tab rows: blank first and last cells in their columns, a group row with empty cells, a one-cell table-二 row left blank', () => {
  const rows = t3Lines(TAB).map((line) => {
    if (line.startsWith('（三）不予公开')) return '（三）不予公开\t\t\t';
    if (line.startsWith('5.属于三类内部事务信息')) return '5.属于三类内部事务信息\t\t0\t0\t0\t0\t0\t0';
    if (line.startsWith('6.属于四类过程性信息')) return '6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t';
    if (line.startsWith('7.属于行政执法案卷')) return '7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t\t';
    return line;
  });
  const t2 = TABLE2_TAB.replace('行政许可\t550', '行政许可\t');
  const text = report({ t2, t3: [...T3_HEADER.tab, ...rows].join('\n') });
  const model = parseReport(text);
  assertTable3Read(model, { ...DATA3, r3_5: [null, 0, 0, 0, 0, 0, 0], r3_6: [0, 0, 0, 0, 0, 0, null], r3_7: [0, 0, 0, 0, 0, 0, null] });
  assert.deepEqual(cellValues(model).table2, expect2(T2_IDS, { ...DATA2, licensing: [null] }));
  assert.deepEqual(model.unreadable, []);
  // Each blank cell sits in its own field: after the label's tab, or after the sixth figure's tab.
  const r35 = row(model, 'table3', 'r3_5');
  assert.equal(text.slice(r35.cells[0].span.start - 1, r35.cells[0].span.start + 1), '\t\t');
  for (const id of ['r3_6', 'r3_7']) {
    const last = row(model, 'table3', id).cells[6];
    assert.deepEqual([last.raw, last.span.end - last.span.start, text[last.span.start - 1]], ['', 0, '\t']);
  }
  const licensing = row(model, 'table2', 'licensing').cells[0];
  assert.deepEqual([licensing.raw, text.slice(licensing.span.start - 5, licensing.span.start)], ['', '行政许可\t']);
  const r35line = text.indexOf('5.属于三类内部事务信息');
  const licensingLine = text.indexOf('行政许可\t');
  assert.deepEqual(pinned(text), [
    {
      code: 'table.blank-cells',
      severity: 'information',
      text: '行政许可\t',
      start: licensingLine,
      end: licensingLine + 5,
      range: [11, 0, 11, 5],
      message: '表二有 1 个空格，格式要求没有的填 0；空格按 0 计算',
    },
    {
      code: 'table.blank-cells',
      severity: 'information',
      text: '5.属于三类内部事务信息\t\t0\t0\t0\t0\t0\t0',
      start: r35line,
      end: r35line + 25,
      range: [34, 0, 34, 25],
      message: '表三有 3 个空格，格式要求没有的填 0；空格按 0 计算',
    },
  ]);
  // Filling the blank cells gives the fixture back (the padding tab after 7. stays).
  let fixed = text;
  for (const f of check(text).reverse()) fixed = applyFix(fixed, f.fixes[0].edits);
  assert.equal(fixed, report({ t2: TABLE2_TAB.replace('行政许可\t550', '行政许可\t0'), t3: [...T3_HEADER.tab, ...rows].join('\n').replace('\t\t0\t0\t0\t0\t0\t0', '\t0\t0\t0\t0\t0\t0\t0').replace('\t0\t0\t0\t0\t0\t0\t\n', '\t0\t0\t0\t0\t0\t0\t0\n').replace('\t0\t0\t0\t0\t0\t0\t\t\n', '\t0\t0\t0\t0\t0\t0\t0\t\n') }));
  const back = parseReport(fixed);
  assertTable3Read(back);
  assert.deepEqual(cellValues(back).table2, expect2(T2_IDS, { ...DATA2, licensing: [0] }));
  assert.deepEqual(pinned(fixed), []);
});

// 11. Table 四

const T4_WORDS_HEADER = ['行政复议 行政诉讼', '未经复议直接起诉 复议后起诉', Array(3).fill('结果维持 结果纠正 其他结果 尚未审结 总计').join(' ')];

test('table 四: fifteen figures on one line, one per line, or with the next figure\'s column header between', () => {
  const layouts = {
    oneLine: [...T4_WORDS_HEADER, T4_FIGURES.join(' ')],
    perLine: [...T4_WORDS_HEADER, ...T4_FIGURES],
    headerBetween: [
      ...T4_WORDS_HEADER,
      T4_FIGURES.slice(0, 4).join(' '),
      '总计',
      T4_FIGURES[4],
      T4_FIGURES.slice(5, 9).join(' '),
      '总计',
      T4_FIGURES[9],
      T4_FIGURES.slice(10, 14).join(' '),
      '总计',
      T4_FIGURES[14],
    ],
  };
  for (const [name, lines] of Object.entries(layouts)) {
    const text = report({ t4: lines.join('\n') });
    const model = parseReport(text);
    assert.deepEqual(rowIds(model, 'table4'), ['review', 'direct', 'after'], name);
    assert.deepEqual(cellValues(model).table4, expect4(), name);
    assert.deepEqual(model.tables.table4!.missingRows, [], name);
    assert.deepEqual(model.unreadable, [], name);
    assert.deepEqual(pinned(text), [], name);
  }
});

test('table 四: header words that do not name the next figure\'s column between pieces: table 四 absent, one table-uncertain', () => {
  // After 7 figures the next is 其他结果 of 未经复议直接起诉, but 结果纠正 stands before it.
  const t4 = [...T4_WORDS_HEADER, T4_FIGURES.slice(0, 7).join(' '), '结果纠正', T4_FIGURES.slice(7).join(' ')].join('\n');
  const text = report({ t4 });
  const model = parseReport(text);
  assert.equal(model.tables.table4, undefined);
  assert.deepEqual(model.unreadable, [{ reason: 'table-uncertain', span: sectionBody(model, 4), table: 'table4', rowsRecognised: 0, rowsExpected: 3 }]);
  assertTable3Read(model);
  const body = sectionBody(model, 4);
  assert.deepEqual(pinned(text), [
    {
      code: 'table.unreadable',
      severity: 'information',
      text: slice(text, body),
      start: body.start,
      end: body.end,
      range: [55, 0, 61, 0],
      message: '表四（复议、诉讼）的数字无法确定各属哪一行哪一列（识别出 0/3 行），不作核对；文本可能由 PDF 转换时打乱，请对照原件按格式整理表格，或改用“-layout”方式提取',
    },
  ]);
  assert.equal(slice(text, body), `${t4}\n`);
});
