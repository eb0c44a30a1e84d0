// Edge cases of the draft text: how cells are written (full-width digits, thousands separators, dashes,
// empty fields, non-numbers), how labels are written (brackets, spaces, mis-typed wording), Markdown
// headings, missing/duplicated/out-of-order sections, unreadable regions, disable comments, and the
// prose: units, Chinese numerals, approximations, percentages and years.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Cell, ReportModel, Row, Span } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { rewriteTables } from '../support/layouts';
import { readSeed, replaceNth } from '../support/seeds';

const SEED_003 = readSeed('003_bd5764f2f2266ecc.txt');
/** Seed 003 with its tables as Markdown pipe tables: a draft as an author would type it in VS Code. */
const MARKDOWN = rewriteTables(SEED_003, 'pipe');

const slice = (text: string, span: Span) => text.slice(span.start, span.end);

function row(model: ReportModel, table: 'table2' | 'table3' | 'table4', rowId: string): Row {
  const found = model.tables[table]?.rows.find((r) => r.rowId === rowId);
  assert.ok(found, `${table}/${rowId} not read`);
  return found;
}

/** Value, raw text, and the text at the cell's range, per cell of a row. */
function cellsOf(text: string, r: Row): [Cell['value'], string, string][] {
  return r.cells.map((c) => [c.value, c.raw, slice(text, c.span)]);
}

const num = (value: number) => ({ kind: 'number' as const, value });
const BLANK = { kind: 'blank' as const };
const NAN = { kind: 'nan' as const };

test('cells: full-width digits, thousands separators, dashes, an empty field and a non-number', () => {
  const text = replaceNth(MARKDOWN, '| 148 | 0 | 0 | 0 | 0 | 0 | 148 |', '| １４８ | 1,234 | 1，234 | — | - |  | 1O |');
  const model = parseReport(text);
  const r = row(model, 'table3', 'new');
  assert.deepEqual(cellsOf(text, r), [
    [num(148), '１４８', '１４８'],
    [num(1234), '1,234', '1,234'],
    [num(1234), '1，234', '1，234'],
    [BLANK, '—', '—'],
    [BLANK, '-', '-'],
    [BLANK, '', ''],
    [NAN, '1O', '1O'],
  ]);
  // The empty field's range is empty and sits between its two pipes.
  const empty = r.cells[5].span;
  assert.equal(empty.start, empty.end);
  assert.equal(text.slice(text.lastIndexOf('|', empty.start - 1), text.indexOf('|', empty.start) + 1), '|  |');
  assert.deepEqual(model.tables.table3!.missingRows, []);
});

test('cells: full-width digits and separators in tab and space-separated rows', () => {
  const tab = replaceNth(SEED_003, '4. 保护第三方合法权益\t13\t0\t0\t0\t0\t0\t13', '4. 保护第三方合法权益\t１３\t—\t\t0\t0\t0\t1,013');
  assert.deepEqual(cellsOf(tab, row(parseReport(tab), 'table3', 'r3_4')).map((c) => c[0]), [num(13), BLANK, BLANK, num(0), num(0), num(0), num(1013)]);
  const seed000 = readSeed('000_c09face178877b87.txt');
  const space = replaceNth(seed000, '4.保护第三方合法权益 93 0 0 0 0 0 93', '4.保护第三方合法权益　９３ — 0  0 0 0 1，093');
  assert.deepEqual(cellsOf(space, row(parseReport(space), 'table3', 'r3_4')), [
    [num(93), '９３', '９３'],
    [BLANK, '—', '—'],
    [num(0), '0', '0'],
    [num(0), '0', '0'],
    [num(0), '0', '0'],
    [num(0), '0', '0'],
    [num(1093), '1，093', '1，093'],
  ]);
});

test('table 二: a decimal fee', () => {
  const text = replaceNth(MARKDOWN, '| 行政事业性收费 | 0 |', '| 行政事业性收费 | 4068.208 |');
  assert.deepEqual(cellsOf(text, row(parseReport(text), 'table2', 'fees')), [[num(4068.208), '4068.208', '4068.208']]);
});

test('labels: half- and full-width brackets, stray spaces; labelText as written without whitespace', () => {
  let text = replaceNth(MARKDOWN, '| (一)予以公开 |', '|   （ 一 ）予以 公开  |');
  text = replaceNth(text, '| (七)总计 |', '| (七) 总 计 |');
  text = replaceNth(text, '| 1.属于国家秘密 | 0 |', '| 1．属于国家秘密 | 0 |');
  const model = parseReport(text);
  const r1 = row(model, 'table3', 'r1');
  assert.equal(r1.labelText, '（一）予以公开');
  assert.equal(slice(text, r1.labelSpan), '（ 一 ）予以 公开');
  assert.deepEqual(r1.cells.map((c) => c.value), [num(36), num(0), num(0), num(0), num(0), num(0), num(36)]);
  assert.equal(row(model, 'table3', 'r7').labelText, '(七)总计');
  assert.equal(row(model, 'table3', 'r3_1').labelText, '1．属于国家秘密');
  assert.equal(row(model, 'table3', 'r3_1').canonicalLabel, '1.属于国家秘密');
  assert.deepEqual(model.tables.table3!.missingRows, []);
});

test('labels: mis-typed wording is read into the right row, labelText as written', () => {
  let text = replaceNth(SEED_003, '3. 危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0', '3.危及三安全一稳定\t2\t0\t0\t0\t0\t0\t2');
  text = replaceNth(text, '5. 要求行政机关确认或重新出具已获取信息\t6', '5.要求行政机关确认或重新出具信息\t6');
  const model = parseReport(text);
  const r33 = row(model, 'table3', 'r3_3');
  assert.equal(r33.labelText, '3.危及三安全一稳定');
  assert.equal(r33.canonicalLabel, '3.危及“三安全一稳定”');
  assert.deepEqual(r33.cells.map((c) => c.value), [num(2), num(0), num(0), num(0), num(0), num(0), num(2)]);
  const r55 = row(model, 'table3', 'r5_5');
  assert.equal(r55.labelText, '5.要求行政机关确认或重新出具信息');
  assert.equal(slice(text, r55.labelSpan), '5.要求行政机关确认或重新出具信息');
  assert.deepEqual(r55.cells.map((c) => c.value), [num(6), num(0), num(0), num(0), num(0), num(0), num(6)]);
  // The rows after them are still read.
  assert.deepEqual(model.tables.table3!.rows.map((r) => r.rowId), parseReport(SEED_003).tables.table3!.rows.map((r) => r.rowId));
});

test('a Markdown draft: ## headings, heading ranges without the #', () => {
  const model = parseReport(MARKDOWN);
  assert.deepEqual(model.sections.map((s) => [s.number, s.headingText]), [
    [1, '一、总体情况'],
    [2, '二、主动公开政府信息情况'],
    [3, '三、收到和处理政府信息公开申请情况'],
    [4, '四、政府信息公开行政复议、行政诉讼情况'],
    [5, '五、存在的主要问题及改进情况'],
    [6, '六、其他需要报告的事项'],
  ]);
  for (const s of model.sections) assert.equal(slice(MARKDOWN, s.headingSpan), s.headingText);
  assert.equal(MARKDOWN.slice(model.sections[0].headingSpan.start - 3, model.sections[0].headingSpan.start), '## ');
  assert.deepEqual(model.sectionIssues, []);
  assert.equal(model.title?.body, '老城区人民政府办公室');
  assert.equal(slice(MARKDOWN, model.title!.span), '老城区人民政府办公室 2023 年政府信息公开工作年度报告');
});

const SHORT = (headings: string[]) => ['某区人民政府办公室2024年政府信息公开工作年度报告', '', ...headings.flatMap((h) => [h, '正文。', ''])].join('\n');

test('sections: a missing section is recorded where it belongs', () => {
  const text = SHORT(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '六、其他需要报告的事项']);
  const model = parseReport(text);
  const at = text.indexOf('六、');
  assert.deepEqual(model.sectionIssues, [{ kind: 'missing', number: 5, span: { start: at, end: at } }]);
  assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 6]);
});

test('sections: a duplicated section and out-of-order sections are recorded, not reordered', () => {
  const text = SHORT(['一、总体情况', '三、收到和处理政府信息公开申请情况', '二、主动公开政府信息情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '## 五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  const model = parseReport(text);
  const second = text.indexOf('二、');
  const duplicate = text.indexOf('## 五、') + 3;
  assert.deepEqual(model.sectionIssues, [
    { kind: 'order', number: 2, span: { start: second, end: second + '二、主动公开政府信息情况'.length } },
    { kind: 'duplicate', number: 5, span: { start: duplicate, end: duplicate + '五、存在的主要问题及改进情况'.length } },
  ]);
  assert.deepEqual(model.sections.map((s) => s.number), [1, 3, 2, 4, 5, 5, 6]);
  // Each body ends where the next heading's line starts.
  assert.equal(model.sections[1].bodySpan.end, text.lastIndexOf('\n', second) + 1);
});

test('sections: a heading numbered wrong for its title is out of order', () => {
  const text = SHORT(['一、总体情况', '三、主动公开政府信息情况']);
  const model = parseReport(text);
  const at = text.indexOf('三、');
  assert.deepEqual(model.sectionIssues.filter((i) => i.kind !== 'missing'), [{ kind: 'order', number: 2, span: { start: at, end: at + '三、主动公开政府信息情况'.length } }]);
});

test('unreadable: numbers under a label that names no row, and a table with no row at all', () => {
  const extra = replaceNth(MARKDOWN, '| 四、结转下年度继续办理 | 23 | 0 | 0 | 0 | 0 | 0 | 23 |', '| 四、结转下年度继续办理 | 23 | 0 | 0 | 0 | 0 | 0 | 23 |\n| 备注说明 | 7 | 8 |');
  const model = parseReport(extra);
  const seven = extra.indexOf('| 7 | 8 |') + 2;
  assert.deepEqual(model.unreadable, [{ reason: 'numbers-without-label', span: { start: seven, end: seven + '7 | 8'.length }, table: 'table3' }]);
  assert.deepEqual(model.tables.table3!.missingRows, []);

  const noRows = '三、收到和处理政府信息公开申请情况\n| 甲 | 1 | 2 |\n| 乙 | 3 | 4 |\n';
  const bare = parseReport(noRows);
  assert.equal(bare.tables.table3, undefined);
  assert.deepEqual(bare.unreadable, [{ reason: 'table-without-rows', span: bare.sections[0].bodySpan, table: 'table3' }]);
  assert.deepEqual(bare.sections[0].bodySpan, { start: noRows.indexOf('|'), end: noRows.length });
});

test('disable comments: next line with codes, whole file', () => {
  const text = '<!-- nianbao-disable-next-line table3.row-total table3.balance -->\n| 一、本年新收政府信息公开申请数量 | 1 |\n  // nianbao-disable-file\n';
  const model = parseReport(text);
  assert.deepEqual(model.suppressions, [
    { scope: 'next-line', codes: ['table3.row-total', 'table3.balance'], line: 1, span: { start: 0, end: text.indexOf('\n') } },
    { scope: 'file', codes: [], line: 3, span: { start: text.indexOf('//'), end: text.lastIndexOf('\n') } },
  ]);
});

const PROSE = [
  '某某区人民政府办公室2024年政府信息公开工作年度报告',
  '',
  '一、总体情况',
  '',
  '截至 2023 年 12 月 31 日，我办共收到政府信息公开申请两件，办结 1 件，结转下年度继续办理 1 项。本年度新收政府信息公开申请 3 件，上年结转 2 件。自然人申请 4 件，法人或其他组织申请 1 件。全年发布信息 1,200 条，设置栏目 12 个，刊发文章 80 余篇，报送信息 200 条，采用信息 150 条，采用率 75.0%。本年度被依法提起行政复议 2 件，行政诉讼 1 件。收取信息处理费 300 元，收费金额 1.5 万元。我办2023年共收到来信。',
  '',
  '六、其他需要报告的事项',
  '',
  '本年度未收到政府信息公开申请。本年度未收到政府信息公开行政复议、行政诉讼案件。本单位 2024 年度未收取信息处理费。',
].join('\n');

test('prose: every number with its unit, approximation and precision, ranges exact', () => {
  const model = parseReport(PROSE);
  assert.deepEqual(
    model.narrativeNumbers.map((n) => [n.value, n.unit, n.approximate, n.decimals, slice(PROSE, n.span), slice(PROSE, n.valueSpan)]),
    [
      [2, '件', false, 0, '两件', '两'],
      [1, '件', false, 0, '1 件', '1'],
      [1, '项', false, 0, '1 项', '1'],
      [3, '件', false, 0, '3 件', '3'],
      [2, '件', false, 0, '2 件', '2'],
      [4, '件', false, 0, '4 件', '4'],
      [1, '件', false, 0, '1 件', '1'],
      [1200, '条', false, 0, '1,200 条', '1,200'],
      [12, '个', false, 0, '12 个', '12'],
      [80, '篇', true, 0, '80 余篇', '80'],
      [200, '条', false, 0, '200 条', '200'],
      [150, '条', false, 0, '150 条', '150'],
      [75, '%', false, 1, '75.0%', '75.0'],
      [2, '件', false, 0, '2 件', '2'],
      [1, '件', false, 0, '1 件', '1'],
      [300, '元', false, 0, '300 元', '300'],
      [1.5, '万元', false, 1, '1.5 万元', '1.5'],
    ],
  );
});

test('prose: claims, with a percentage\'s numerator and denominator', () => {
  const model = parseReport(PROSE);
  assert.deepEqual(
    model.claims.map((c) => [c.kind, c.number ? slice(PROSE, c.number.span) : null, c.phrase]),
    [
      ['received', '两件', '我办共收到政府信息公开申请两件'],
      ['handled', '1 件', '办结 1 件'],
      ['carried-forward', '1 项', '结转下年度继续办理 1 项'],
      ['new', '3 件', '本年度新收政府信息公开申请 3 件'],
      ['carried-over', '2 件', '上年结转 2 件'],
      ['natural-person', '4 件', '自然人申请 4 件'],
      ['legal-person', '1 件', '法人或其他组织申请 1 件'],
      ['percent', '75.0%', '采用率 75.0%'],
      ['review', '2 件', '本年度被依法提起行政复议 2 件'],
      ['litigation', '1 件', '行政诉讼 1 件'],
      ['fee-amount', '300 元', '收取信息处理费 300 元'],
      ['none-received', null, '未收到政府信息公开申请'],
      ['no-review-litigation', null, '未收到政府信息公开行政复议、行政诉讼案件'],
      ['fee-none', null, '未收取信息处理费'],
    ],
  );
  const percent = model.claims.find((c) => c.kind === 'percent')!;
  assert.deepEqual([percent.numerator!.value, percent.denominator!.value], [150, 200]);
  assert.equal(slice(PROSE, percent.numerator!.span), '150 条');
  assert.equal(slice(PROSE, percent.denominator!.span), '200 条');
  for (const c of model.claims.filter((c) => !c.number)) assert.equal(slice(PROSE, c.span), c.phrase);
});

test('prose: years in self-references, with exact ranges', () => {
  const model = parseReport(PROSE);
  assert.equal(model.title?.year, 2024);
  const asOf = PROSE.indexOf('2023 年 12 月');
  const slip = PROSE.indexOf('我办2023年') + 2;
  const fee = PROSE.indexOf('2024 年度未收取');
  assert.deepEqual(model.years, [
    { year: 2023, kind: 'as-of', span: { start: asOf, end: asOf + 4 } },
    { year: 2023, kind: 'self', span: { start: slip, end: slip + 4 } },
    { year: 2024, kind: 'self', span: { start: fee, end: fee + 4 } },
  ]);
});

test('prose: numbers in citations and dates are not counts', () => {
  const text = '一、总体情况\n根据《条例》（国务院令第711号）和国办函〔2020〕109号，于2024年3月5日发布 3 条。';
  const model = parseReport(text);
  assert.deepEqual(model.narrativeNumbers.map((n) => [n.value, n.unit]), [[3, '条']]);
});
