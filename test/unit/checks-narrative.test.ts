// Figures in the prose against the tables: count-mismatch for each phrasing, the ambiguous 复议、诉讼 count,
// stated rates, and the fee statement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, pinned, relatedOf, type Pinned } from '../support/findings';
import { readSeed, replaceNth } from '../support/seeds';
import { parseReport } from '../../server/src/core/parse';

const s003 = readSeed('003_bd5764f2f2266ecc.txt');
const s000 = readSeed('000_c09face178877b87.txt');
const OWN = ['narrative.ambiguous-count'];
const LUMPED = '本年度被依法提起行政复议、行政诉讼案件 5 件。';

test('narrative.count-mismatch: 共收到 matching neither 一 nor 一 + 二 is a warning naming both readings', () => {
  const text = replaceNth(s003, '共收到政府信息公开申请 149 项', '共收到政府信息公开申请 150 项');
  assert.deepEqual(pinned(text, {}, OWN), [
    {
      code: 'narrative.count-mismatch', severity: 'warning', text: '150', start: 311, end: 314, range: [8, 44, 8, 47],
      message: '正文“我办共收到政府信息公开申请 150 项”与表三不符：本年新收（第一项）为 148，本年新收加上年结转（第一项＋第二项）为 149；请核对正文或表格',
    },
  ]);
  // 149 (一 + 二) and 148 (一 alone) are both accepted.
  assert.deepEqual(pinned(replaceNth(s003, '共收到政府信息公开申请 149 项', '共收到政府信息公开申请 148 项'), {}, OWN), []);
});

test('narrative.count-mismatch: 答复 vs （七）总计 and 结转 vs 四 are errors with a fix', () => {
  const handled = replaceNth(s003, '答复 126 项', '答复 125 项');
  assert.deepEqual(pinned(handled, {}, OWN), [
    { code: 'narrative.count-mismatch', severity: 'error', text: '125', start: 326, end: 329, range: [8, 59, 8, 62], message: '正文“已按相关规定答复 125 项”与表三不符：办理结果总计（（七）总计）为 126；请核对正文或表格' },
  ]);
  const f = check(handled).find((x) => x.code === 'narrative.count-mismatch')!;
  assert.deepEqual(relatedOf(handled, f), [['126', '办理结果总计（（七）总计）：126']]);
  assert.deepEqual(f.fixes[0].edits, [{ span: { start: 326, end: 329 }, newText: '126' }]);
  assert.equal(check(handled, { locale: 'en' }).find((x) => x.code === 'narrative.count-mismatch')!.message, '“已按相关规定答复 125 项” contradicts table 3: results total ((7) total) is 126; check the text or the table');

  const forward = replaceNth(s003, '结转下年度继续办理 23 项', '结转下年度继续办理 22 项');
  assert.deepEqual(pinned(forward, {}, OWN), [
    { code: 'narrative.count-mismatch', severity: 'error', text: '22', start: 342, end: 344, range: [8, 75, 8, 77], message: '正文“结转下年度继续办理 22 项”与表三不符：结转下年度继续办理（第四项）为 23；请核对正文或表格' },
  ]);
});

test('narrative.count-mismatch: 行政复议 vs table 四 复议, 行政诉讼 vs the two litigation groups', () => {
  const text = replaceNth(s003, LUMPED, '本年度被依法提起行政复议 4 件，行政诉讼 7 件。');
  assert.deepEqual(pinned(text), [
    { code: 'narrative.count-mismatch', severity: 'error', text: '4', start: 360, end: 361, range: [8, 93, 8, 94], message: '正文“本年度被依法提起行政复议 4 件”与表四不符：行政复议总计为 5；请核对正文或表格' },
    { code: 'narrative.count-mismatch', severity: 'error', text: '7', start: 369, end: 370, range: [8, 102, 8, 103], message: '正文“行政诉讼 7 件”与表四不符：行政诉讼总计（直接起诉＋复议后起诉）为 6；请核对正文或表格' },
  ]);
  const litigation = check(text)[1];
  assert.deepEqual(relatedOf(text, litigation), [
    ['5', '行政诉讼总计（直接起诉＋复议后起诉）中的“未经复议直接起诉 / 总计”：5'],
    ['1', '行政诉讼总计（直接起诉＋复议后起诉）中的“复议后起诉 / 总计”：1'],
  ]);
  assert.deepEqual(pinned(replaceNth(s003, LUMPED, '本年度被依法提起行政复议 5 件，行政诉讼 6 件。')), []);
});

test('narrative.count-mismatch: 自然人 and 法人或其他组织 per column', () => {
  const text = replaceNth(s003, LUMPED, '其中自然人申请 147 件，法人或其他组织申请 1 件。');
  assert.deepEqual(pinned(text), [
    { code: 'narrative.count-mismatch', severity: 'warning', text: '147', start: 355, end: 358, range: [8, 88, 8, 91], message: '正文“其中自然人申请 147 件”与表三不符：自然人本年新收为 148，自然人新收加结转为 149；请核对正文或表格' },
    { code: 'narrative.count-mismatch', severity: 'warning', text: '1', start: 371, end: 372, range: [8, 104, 8, 105], message: '正文“法人或其他组织申请 1 件”与表三不符：法人或其他组织本年新收为 0，法人或其他组织新收加结转为 0；请核对正文或表格' },
  ]);
  assert.deepEqual(pinned(replaceNth(s003, LUMPED, '其中自然人申请 148 件，法人或其他组织申请 0 件。')), []);
});

test('narrative.count-mismatch: "未收到…申请" while 一 > 0, "未收到行政复议、行政诉讼" while table 四 is not all zero', () => {
  const none = replaceNth(s000, '2024年共收到依申请公开事项 473件', '2024年未收到依申请公开事项');
  assert.deepEqual(pinned(none), [
    { code: 'narrative.count-mismatch', severity: 'error', text: '未收到依申请公开事项', start: 477, end: 487, range: [18, 12, 18, 22], message: '正文称“未收到依申请公开事项”，但表三本年新收为 450 件；请核对正文或表格' },
  ]);
  const cases = replaceNth(s000, '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0', '0 1 0 0 1 0 0 0 0 0 0 0 0 0 0');
  assert.deepEqual(pinned(cases), [
    { code: 'narrative.count-mismatch', severity: 'error', text: '未收到政府信息公开行政复议、行政诉讼案件', start: 512, end: 532, range: [19, 1, 19, 21], message: '正文称“未收到政府信息公开行政复议、行政诉讼案件”，但表四行政复议总计为 1 件；请核对正文或表格' },
  ]);
  assert.deepEqual(relatedOf(cases, check(cases)[0]), [['1', '行政复议总计：1']]);
});

test('narrative.ambiguous-count: seed 003 "行政复议、行政诉讼案件 5 件" against 复议 5 and 诉讼 6', () => {
  const [f] = check(s003);
  assert.deepEqual(check(s003, { locale: 'en' })[0].message, '“本年度被依法提起行政复议、行政诉讼案件 5 件” lumps reconsideration and litigation together: table 4 has 5 reconsideration and 6 litigation cases (5 direct, 1 after reconsideration), 11 in all; 5 matches only reconsideration, so state each kind separately');
  assert.deepEqual(relatedOf(s003, f).map(([t]) => t), ['5', '5', '1']);
  // The sum (11) is unambiguous; a figure matching neither kind nor the sum is a plain mismatch.
  assert.deepEqual(pinned(replaceNth(s003, LUMPED, '本年度被依法提起行政复议、行政诉讼案件 11 件。')), []);
  assert.deepEqual(pinned(replaceNth(s003, LUMPED, '本年度被依法提起行政复议、行政诉讼案件 7 件。')), [
    { code: 'narrative.count-mismatch', severity: 'warning', text: '7', start: 367, end: 368, range: [8, 100, 8, 101], message: '正文“本年度被依法提起行政复议、行政诉讼案件 7 件”与表四不符：行政复议总计为 5，行政诉讼总计（直接起诉＋复议后起诉）为 6，两者合计为 11；请核对正文或表格' },
  ]);
});

test('narrative.percent: a rate that does not match its parts at the precision written', () => {
  const whole = replaceNth(s003, '采用率 93%', '采用率 92%');
  assert.deepEqual(pinned(whole, {}, OWN), [
    { code: 'narrative.percent', severity: 'warning', text: '92', start: 230, end: 232, range: [6, 184, 6, 186], message: '比率应为 93%（475 ÷ 512 = 92.77%），实写 92%；请核对' },
  ]);
  const decimal = replaceNth(s000, '95.4%', '95.3%');
  assert.deepEqual(pinned(decimal), [
    { code: 'narrative.percent', severity: 'warning', text: '95.3', start: 332, end: 336, range: [13, 0, 13, 4], message: '比率应为 95.4%（289 ÷ 303 = 95.38%），实写 95.3%；请核对' },
  ]);
  assert.deepEqual(relatedOf(decimal, check(decimal)[0]), [['289条', '分子：289条'], ['303条', '分母：303条']]);
  assert.equal(check(decimal, { locale: 'en' })[0].message, 'The rate should be 95.4% (289 ÷ 303 = 95.38%) but 95.3% is written; check it');
});

test('narrative.fee: a fee stated against "未收取", and （六）2 > 0 with nothing on fees in section 六', () => {
  const stated = replaceNth(s003, '本单位 2023 年度未收取政府信息公开信息处理费。', '本单位 2023 年度未收取政府信息公开信息处理费。全年收取信息处理费 300 元。');
  assert.deepEqual(pinned(stated, {}, OWN), [
    { code: 'narrative.fee', severity: 'warning', text: '300', start: 3275, end: 3278, range: [85, 36, 85, 39], message: '此处写明收取信息处理费 300 元，与“未收取政府信息公开信息处理费”矛盾；请核对' },
  ]);
  let lapsed = replaceNth(s003, '缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0', '缴纳费用、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1');
  lapsed = replaceNth(lapsed, '3. 其他\t\t5\t0\t0\t0\t0\t0\t5', '3. 其他\t\t4\t0\t0\t0\t0\t0\t4');
  assert.deepEqual(pinned(lapsed, {}, OWN), [], 'section 六 speaks of the fee: nothing to report');
  const silent = replaceNth(lapsed, '本单位 2023 年度未收取政府信息公开信息处理费。', '本单位 2023 年度无其他需要报告的事项。');
  assert.deepEqual(pinned(silent, {}, OWN), [
    { code: 'narrative.fee', severity: 'warning', text: '1', start: 2292, end: 2293, range: [59, 53, 59, 54], message: '表三有 1 件申请因逾期未缴纳信息处理费而不再处理，但第六部分未说明信息处理费的收取情况；请在“六、其他需要报告的事项”中写明' },
  ]);
});

// ---- Own fixtures: a small 2024 report with tab-separated tables and figures of its own. ----
// Table 三 (all in 自然人 and 总计): 一 200, 二 10; （一）80, （二）30, （三）4 (1.→1, 4.→3), （四）25 (1.→20, 2.→5),
// （五）6 (1.→6), （六）3 (1.→2, 3.→1), （七）148, 四 62. Table 四: 复议 2+1+1+0 = 4, 直接起诉 1+0+0+1 = 2, 复议后起诉 0.

const T3_ROWS: [string, number][] = [
  ['一、本年新收政府信息公开申请数量', 200],
  ['二、上年结转政府信息公开申请数量', 10],
  ['三、本年度办理结果\t（一）予以公开', 80],
  ['\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 30],
  ['\t（三）不予公开\t1.属于国家秘密', 1],
  ['\t\t2.其他法律行政法规禁止公开', 0],
  ['\t\t3.危及“三安全一稳定”', 0],
  ['\t\t4.保护第三方合法权益', 3],
  ['\t\t5.属于三类内部事务信息', 0],
  ['\t\t6.属于四类过程性信息', 0],
  ['\t\t7.属于行政执法案卷', 0],
  ['\t\t8.属于行政查询事项', 0],
  ['\t（四）无法提供\t1.本机关不掌握相关政府信息', 20],
  ['\t\t2.没有现成信息需要另行制作', 5],
  ['\t\t3.补正后申请内容仍不明确', 0],
  ['\t（五）不予处理\t1.信访举报投诉类申请', 6],
  ['\t\t2.重复申请', 0],
  ['\t\t3.要求提供公开出版物', 0],
  ['\t\t4.无正当理由大量反复申请', 0],
  ['\t\t5.要求行政机关确认或重新出具已获取信息', 0],
  ['\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 2],
  ['\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 0],
  ['\t\t3.其他', 1],
  ['\t（七）总计', 148],
  ['四、结转下年度继续办理', 62],
];

function t3Line([label, n]: [string, number]): string {
  return `${label}\t${n}\t0\t0\t0\t0\t0\t${n}`;
}

/** A complete 2024 report whose section-一 paragraph on requests is `requests`; `t4` is table 四's 15 figures. */
function draft(requests: string, options: { t4?: string; plans?: string; rows?: [string, number][] } = {}): string {
  const t4 = options.t4 ?? '2\t1\t1\t0\t4\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0';
  return [
    '# 示例县测试局2024年政府信息公开工作年度报告',
    '',
    '## 一、总体情况',
    '',
    '（一）主动公开：2024年，本局主动公开政府信息 300 条。',
    '',
    `（二）依申请公开：${requests}`,
    '',
    '## 二、主动公开政府信息情况',
    '',
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    '规章\t0\t0\t0',
    '行政规范性文件\t1\t0\t5',
    '第二十条第（五）项\t\t',
    '信息内容\t本年处理决定数量',
    '行政许可\t10',
    '第二十条第（六）项\t\t',
    '信息内容\t本年处理决定数量',
    '行政处罚\t3',
    '行政强制\t0',
    '第二十条第（八）项\t\t',
    '信息内容\t本年收费金额（单位：万元）',
    '行政事业性收费\t0',
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
    '\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    ...(options.rows ?? T3_ROWS).map(t3Line),
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    '行政复议\t\t\t\t\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    t4,
    '',
    '## 五、存在的主要问题及改进情况',
    '',
    options.plans ?? '部分栏目更新不及时。下一步，将加强栏目维护。',
    '',
    '## 六、其他需要报告的事项',
    '',
    '本局 2024 年度未收取信息处理费。',
    '',
  ].join('\n');
}

/** The findings of the narrative rules and year.mismatch only (the tables are pinned elsewhere). */
function prose(text: string, options = {}): Pinned[] {
  return pinned(text, options).filter((f) => f.code.startsWith('narrative.') || f.code === 'year.mismatch');
}

const HANDLED = '2024年，本局共收到政府信息公开申请 200 件，答复 148 件（含上年度结转申请 10 件，另有 62 件顺延到下年度答复）。';

/** The findings' [text, message] only, for phrasings whose place in the fixture is plain. */
function said(text: string, options = {}): [string, string, string][] {
  return prose(text, options).map((f) => [f.severity, f.text, f.message]);
}

test('own fixture: the tables are read, and consistent text gives no finding', () => {
  const text = draft(HANDLED);
  const model = parseReport(text);
  assert.equal(model.tables.table3?.rows.find((r) => r.rowId === 'r7')?.cells.find((c) => c.columnId === 'total')?.raw, '148');
  assert.ok(model.tables.table4);
  assert.deepEqual(prose(text), []);
  assert.deepEqual(
    model.claims.map((c) => [c.kind, c.number?.value, c.phrase]),
    [
      ['received', 200, '本局共收到政府信息公开申请 200 件'],
      ['handled', 148, '答复 148 件'],
      ['carried-over', 10, '含上年度结转申请 10 件'],
      ['carried-forward', 62, '另有 62 件顺延到下年度答复'],
      ['fee-none', undefined, '未收取信息处理费'],
    ],
  );
});

test('narrative.count-mismatch: 答复 N 件（含上年度结转 M 件，另有 K 件顺延到下年度答复） reads N = （七）, M = 二, K = 四', () => {
  const text = draft('2024年，本局共收到政府信息公开申请 200 件，答复 147 件（含上年度结转申请 9 件，另有 61 件顺延到下年度答复）。');
  assert.deepEqual(prose(text), [
    { code: 'narrative.count-mismatch', severity: 'error', text: '147', start: 109, end: 112, range: [6, 38, 6, 41], message: '正文“答复 147 件”与表三不符：办理结果总计（（七）总计）为 148；请核对正文或表格' },
    { code: 'narrative.count-mismatch', severity: 'error', text: '9', start: 124, end: 125, range: [6, 53, 6, 54], message: '正文“含上年度结转申请 9 件”与表三不符：上年结转（第二项）为 10；请核对正文或表格' },
    { code: 'narrative.count-mismatch', severity: 'error', text: '61', start: 131, end: 133, range: [6, 60, 6, 62], message: '正文“另有 61 件顺延到下年度答复”与表三不符：结转下年度继续办理（第四项）为 62；请核对正文或表格' },
  ]);
  // Other wordings of the same three figures.
  assert.deepEqual(said(draft('共收到申请 200 件，办结 148 件（其中上年结转 10 件），另有 62 件结转至下一年度办理。')), []);
  assert.deepEqual(said(draft('共收到申请 200 件，办结 148 件，另有 62 件结转至2025年继续办理。')), []);
  assert.deepEqual(said(draft('共收到申请 200 件，办结 148 件，另有 60 件转入下年度办理。')), [
    ['error', '60', '正文“另有 60 件转入下年度办理”与表三不符：结转下年度继续办理（第四项）为 62；请核对正文或表格'],
  ]);
});

test('narrative.count-mismatch: after a ；the sentence still speaks of the requests', () => {
  assert.deepEqual(said(draft('本局共收到政府信息公开申请 200 件；已办结 148 件，结转下年度继续办理 62 件。')), []);
  assert.deepEqual(said(draft('本局共收到政府信息公开申请 200 件；已办结 146 件，结转下年度继续办理 62 件。')), [
    ['error', '146', '正文“已办结 146 件”与表三不符：办理结果总计（（七）总计）为 148；请核对正文或表格'],
  ]);
});

test('narrative.count-mismatch: 受理 N 件 is 一 or 一 + 二; a figure matching neither is a warning naming both', () => {
  assert.deepEqual(said(draft('全年受理政府信息公开申请 200 件。')), []);
  assert.deepEqual(said(draft('全年受理政府信息公开申请 210 件。')), []);
  assert.deepEqual(said(draft('全年受理政府信息公开申请 205 件。')), [
    ['warning', '205', '正文“全年受理政府信息公开申请 205 件”与表三不符：本年新收（第一项）为 200，本年新收加上年结转（第一项＋第二项）为 210；请核对正文或表格'],
  ]);
});

test('narrative.count-mismatch: 予以公开、部分公开、不予公开、无法提供、不予处理、其他处理 against their rows of table 三', () => {
  const right = '共收到申请 200 件，其中予以公开 80 件、部分公开 30 件、不予公开 4 件、无法提供 25 件、不予处理 6 件、其他处理 3 件。';
  assert.deepEqual(said(draft(right)), []);
  assert.deepEqual(
    parseReport(draft(right)).claims.filter((c) => c.number).map((c) => [c.kind, c.phrase]),
    [
      ['received', '共收到申请 200 件'],
      ['disclosed', '其中予以公开 80 件'],
      ['partly-disclosed', '部分公开 30 件'],
      ['refused', '不予公开 4 件'],
      ['unavailable', '无法提供 25 件'],
      ['not-processed', '不予处理 6 件'],
      ['other-processed', '其他处理 3 件'],
    ],
  );
  const wrong = draft('共收到申请 200 件，其中予以公开 81 件、部分公开 30 件、不予公开 5 件、无法提供 24 件、不予处理 7 件、其他处理 2 件。');
  assert.deepEqual(said(wrong), [
    ['error', '81', '正文“其中予以公开 81 件”与表三不符：（一）予以公开为 80；请核对正文或表格'],
    ['error', '5', '正文“不予公开 5 件”与表三不符：（三）不予公开（1–8 项合计）为 4；请核对正文或表格'],
    ['error', '24', '正文“无法提供 24 件”与表三不符：（四）无法提供（1–3 项合计）为 25；请核对正文或表格'],
    ['error', '7', '正文“不予处理 7 件”与表三不符：（五）不予处理（1–5 项合计）为 6；请核对正文或表格'],
    ['error', '2', '正文“其他处理 2 件”与表三不符：（六）其他处理（1–3 项合计）为 3；请核对正文或表格'],
  ]);
  const refused = check(wrong).find((f) => f.message.includes('不予公开 5 件'))!;
  assert.deepEqual(relatedOf(wrong, refused).map(([t]) => t), ['1', '0', '0', '3', '0', '0', '0', '0']);
  assert.deepEqual(refused.fixes[0].edits[0].newText, '4');
  // 予以公开 with no 部分公开 figure anywhere may include it (80 + 30).
  assert.deepEqual(said(draft('共收到申请 200 件，予以公开 110 件。')), []);
  assert.deepEqual(said(draft('共收到申请 200 件，予以公开 100 件。')), [
    ['warning', '100', '正文“予以公开 100 件”与表三不符：（一）予以公开为 80，（一）予以公开加（二）部分公开为 110；请核对正文或表格'],
  ]);
  // A sub-row's figure (因属于国家秘密不予公开) or two results lumped together are not read against a row.
  assert.deepEqual(said(draft('共收到申请 200 件，因属于国家秘密不予公开 2 件，予以公开和部分公开 100 件。')), []);
});

test('narrative.count-mismatch: with （六）其他处理 as one row (2019 layout) 其他处理 reads that row', () => {
  const rows = T3_ROWS.filter(([label]) => !/逾期|3\.其他/.test(label));
  rows.splice(rows.findIndex(([label]) => label.includes('（七）')), 0, ['\t（六）其他处理', 3]);
  const text = draft('共收到申请 200 件，其他处理 4 件。', { rows });
  const t3 = parseReport(text).tables.table3!;
  assert.equal(t3.sixSingle, true);
  assert.deepEqual(said(text), [['error', '4', '正文“其他处理 4 件”与表三不符：（六）其他处理为 3；请核对正文或表格']]);
});

test('narrative.percent: N 件（占 x%） is the share of the total the sentence states, or of （七）/一/一+二 when it states none', () => {
  assert.deepEqual(said(draft('共收到申请 200 件，其中予以公开 80 件（占 40%），部分公开 30 件，占比 15.0%。')), []);
  const stated = draft('共收到申请 200 件，其中予以公开 80 件（占 41%）。');
  assert.deepEqual(prose(stated), [
    { code: 'narrative.percent', severity: 'warning', text: '41', start: 106, end: 108, range: [6, 35, 6, 37], message: '比率应为 40%（80 ÷ 200 = 40.00%），实写 41%；请核对' },
  ]);
  assert.deepEqual(relatedOf(stated, check(stated).find((f) => f.code === 'narrative.percent')!), [['80 件', '分子：80 件'], ['200 件', '分母：200 件']]);
  // No total in the sentence: 80 is 54.1% of （七） 148, 40.0% of 一 200, 38.1% of 一 + 二 210.
  assert.deepEqual(said(draft('本年度予以公开 80 件（54.1%）。')), []);
  assert.deepEqual(said(draft('本年度予以公开 80 件，占 40.0%。')), []);
  assert.deepEqual(said(draft('本年度予以公开 80 件（占 50.0%）。')), [
    ['warning', '50.0', '正文“本年度予以公开 80 件（50.0%）”与表三不符：80 件应为占办理结果总计（（七）总计） 148 的 54.1%，占本年新收（第一项） 200 的 40.0%，占本年新收加上年结转（第一项＋第二项） 210 的 38.1%，实写 50.0%；请核对'],
  ]);
  // Two different totals in the sentence: the share's whole is not clear, nothing is checked.
  assert.deepEqual(said(draft('共收到申请 200 件，办结 148 件，其中予以公开 80 件（占 99%）。')), []);
  // A share of a whole the report does not count, or of a total itself, is not read.
  assert.deepEqual(said(draft('本年度予以公开 80 件，占全市的 3%。共收到申请 200 件（占 7%）。')), []);
});

test('narrative.percent: X率 takes the whole named in the sentence, and leaves 公开率 beside 予以公开/部分公开 alone', () => {
  assert.deepEqual(said(draft('共收到申请 210 件，其中上年结转 10 件，办结 148 件，办结率 70.5%。')), []);
  assert.deepEqual(said(draft('共收到申请 210 件，其中上年结转 10 件，办结 148 件，办结率 74%。')), [
    ['warning', '74', '比率应为 70%（148 ÷ 210 = 70.48%），实写 74%；请核对'],
  ]);
  assert.deepEqual(said(draft('共收到申请 200 件，予以公开 80 件、部分公开 30 件，公开率 99%。')), []);
});

test('narrative.count-mismatch: 未发生行政复议被纠错、行政诉讼败诉 is about 结果纠正, not about having no case', () => {
  const none = '2024年共收到申请 200 件。未发生行政复议被纠错和行政诉讼败诉的情况。';
  // Table 四 has cases but none corrected: consistent.
  assert.deepEqual(said(draft(none, { t4: '3\t0\t1\t0\t4\t1\t0\t0\t1\t2\t0\t0\t0\t0\t0' })), []);
  assert.deepEqual(parseReport(draft(none)).claims.find((c) => c.kind === 'no-corrected')?.phrase, '未发生行政复议被纠错和行政诉讼败诉的情况');
  // One reconsideration corrected.
  assert.deepEqual(said(draft(none)), [
    ['error', '未发生行政复议被纠错和行政诉讼败诉的情况', '正文称“未发生行政复议被纠错和行政诉讼败诉的情况”，但表四行政复议结果纠正为 1 件；请核对正文或表格'],
  ]);
  // One lost lawsuit (复议后起诉 结果纠正).
  assert.deepEqual(said(draft('2024年共收到申请 200 件。本年度无行政诉讼败诉案件。', { t4: '3\t0\t1\t0\t4\t1\t0\t0\t1\t2\t0\t1\t0\t0\t1' })), [
    ['error', '无行政诉讼败诉案件', '正文称“无行政诉讼败诉案件”，但表四行政诉讼结果纠正（直接起诉＋复议后起诉）为 1 件；请核对正文或表格'],
  ]);
  // "未发生行政复议、行政诉讼" still means no case at all.
  assert.deepEqual(said(draft('2024年共收到申请 200 件。本年度未发生行政复议、行政诉讼。')), [
    ['error', '未发生行政复议、行政诉讼', '正文称“未发生行政复议、行政诉讼”，但表四行政复议总计为 4 件，行政诉讼总计为 2 件；请核对正文或表格'],
  ]);
});

test('year.mismatch: a plan for next year in section 五 is not a self-reference; a date after the year end is not the cut-off', () => {
  const plans = '部分栏目更新不及时。2025年，将进一步规范依申请公开工作。2025 年我们将加强培训。下一步，2025年全面梳理主动公开目录。';
  assert.deepEqual(said(draft(HANDLED, { plans })), []);
  assert.deepEqual(parseReport(draft(HANDLED, { plans })).years.map((y) => y.year), [2024, 2024, 2024]);
  assert.deepEqual(said(draft(HANDLED, { plans: '截至2025年1月20日，本局已办结全部结转申请。' })), []);
  // A past year written as this year's is still found.
  assert.deepEqual(said(draft(HANDLED, { plans: '2023年，本局共办结申请 148 件。' })), [
    ['warning', '2023', '报告年度为 2024 年，此处写作 2023 年；请核对是否为其他年度报告的遗留文字'],
  ]);
});
