// Figures in the prose against the tables: count-mismatch for each phrasing, the ambiguous 复议、诉讼 count,
// stated rates, and the fee statement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, pinned, relatedOf } from '../support/findings';
import { readSeed, replaceNth } from '../support/seeds';

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
