// Table 三 arithmetic on seed 003 (tab layout) altered cell by cell: row totals, （七） totals, the balance
// 一 + 二 = （七） + 四, and the suspect cell that explains a row failure and a column failure at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, pin, pinned, relatedOf } from '../support/findings';
import { readSeed, replaceNth } from '../support/seeds';

const seed = readSeed('003_bd5764f2f2266ecc.txt');
/** Seed 003's own finding (narrative.ambiguous-count) is pinned in checks-seeds; here only what the change adds. */
const OWN = ['narrative.ambiguous-count'];

test('table3.row-total: the 总计 cell of a row that does not add up, with the balance it also breaks', () => {
  const text = replaceNth(seed, '148\t0\t0\t0\t0\t0\t148', '148\t0\t0\t0\t0\t0\t149');
  assert.deepEqual(pinned(text, {}, OWN), [
    {
      code: 'table3.row-total', severity: 'error', text: '149', start: 1549, end: 1552, range: [38, 32, 38, 35],
      message: '“一、本年新收政府信息公开申请数量”行的总计应为 148（六类申请人之和），实为 149；请核对各列数值或将总计改为 148',
    },
    {
      code: 'table3.balance', severity: 'error', text: '23', start: 2369, end: 2371, range: [62, 26, 62, 28],
      message: '“总计”列不满足勾稽关系：第一项 149 加第二项 1 为 150，第三项（七）总计 126 加第四项 23 为 149；结转下年度应为 24，或核对其他三项',
    },
  ]);
  const rowTotal = check(text).find((f) => f.code === 'table3.row-total')!;
  assert.deepEqual(relatedOf(text, rowTotal).map(([t]) => t), ['148', '0', '0', '0', '0', '0']);
  assert.equal(relatedOf(text, rowTotal)[0][1], '一、本年新收政府信息公开申请数量 / 自然人：148');
  assert.equal(applyFix(text, rowTotal.fixes[0].edits), seed);
  assert.equal(
    check(text, { locale: 'en' }).find((f) => f.code === 'table3.row-total')!.message,
    'The total of row “一、本年新收政府信息公开申请数量” should be 148 (the sum of the six applicant columns) but is 149; check the columns or change the total to 148',
  );
});

test('table3.result-total: the （七） cell of each column whose results do not add up', () => {
  const text = replaceNth(seed, '(七) 总计\t\t126\t0\t0\t0\t0\t0\t126', '(七) 总计\t\t127\t0\t0\t0\t0\t0\t127');
  const findings = pinned(text, {}, OWN);
  assert.deepEqual(findings.map((f) => [f.code, f.severity, f.text, f.start, f.end]), [
    ['narrative.count-mismatch', 'error', '126', 326, 329],
    ['table3.result-total', 'error', '127', 2324, 2327],
    ['table3.result-total', 'error', '127', 2338, 2341],
    ['table3.balance', 'error', '23', 2356, 2358],
    ['table3.balance', 'error', '23', 2369, 2371],
  ]);
  assert.deepEqual(findings[1].range, [61, 8, 61, 11]);
  assert.equal(findings[1].message, '“自然人”列的（七）总计应为 126（（一）至（六）各项之和），实为 127；请核对办理结果各项或将总计改为 126');
  assert.equal(findings[2].message, '“总计”列的（七）总计应为 126（（一）至（六）各项之和），实为 127；请核对办理结果各项或将总计改为 126');
  // Related: the non-zero results of the column, which are what the reader has to re-add.
  const natural = check(text).find((f) => f.code === 'table3.result-total')!;
  assert.deepEqual(relatedOf(text, natural).map(([t]) => t), ['36', '13', '9', '7', '11', '31', '8', '6', '5']);
  assert.equal(
    check(text, { locale: 'en' }).find((f) => f.code === 'table3.result-total')!.message,
    '(7) total of column “自然人” should be 126 (the sum of results (1)–(6)) but is 127; check the results or change the total to 126',
  );
});

test('table3.balance: range on the 四 cell, related 一, 二 and （七） of the same column', () => {
  const text = replaceNth(seed, '四、结转下年度继续办理\t\t23\t0\t0\t0\t0\t0\t23', '四、结转下年度继续办理\t\t22\t0\t0\t0\t0\t0\t22');
  assert.deepEqual(pinned(text, {}, OWN), [
    {
      code: 'narrative.count-mismatch', severity: 'error', text: '23', start: 342, end: 344, range: [8, 75, 8, 77],
      message: '正文“结转下年度继续办理 23 项”与表三不符：结转下年度继续办理（第四项）为 22；请核对正文或表格',
    },
    {
      code: 'table3.balance', severity: 'error', text: '22', start: 2356, end: 2358, range: [62, 13, 62, 15],
      message: '“自然人”列不满足勾稽关系：第一项 148 加第二项 1 为 149，第三项（七）总计 126 加第四项 22 为 148；结转下年度应为 23，或核对其他三项',
    },
    {
      code: 'table3.balance', severity: 'error', text: '22', start: 2369, end: 2371, range: [62, 26, 62, 28],
      message: '“总计”列不满足勾稽关系：第一项 148 加第二项 1 为 149，第三项（七）总计 126 加第四项 22 为 148；结转下年度应为 23，或核对其他三项',
    },
  ]);
  const balance = check(text).find((f) => f.code === 'table3.balance')!;
  assert.deepEqual(relatedOf(text, balance), [
    ['148', '一、本年新收政府信息公开申请数量 / 自然人：148'],
    ['1', '二、上年结转政府信息公开申请数量 / 自然人：1'],
    ['126', '（七）总计 / 自然人：126'],
  ]);
  assert.deepEqual(balance.related.map((r) => r.span.start), [1535, 1572, 2324]);
  assert.equal(
    check(text, { locale: 'en' }).find((f) => f.code === 'table3.balance')!.message,
    'Column “自然人” does not balance: item 1 (148) + item 2 (1) = 149, but (7) total (126) + item 4 (22) = 148; carried forward should be 23, or check the other items',
  );
});

test('table3.suspect-cell: a result cell off by 2 breaks its row total and its （七） by 2; the cell is named, its fix restores it', () => {
  const text = replaceNth(seed, '4. 保护第三方合法权益\t13', '4. 保护第三方合法权益\t15');
  const findings = pinned(text, {}, OWN);
  assert.deepEqual(findings.map((f) => [f.code, f.text, f.start]), [
    ['table3.suspect-cell', '15', 1783],
    ['table3.row-total', '13', 1796],
    ['table3.result-total', '126', 2324],
  ]);
  assert.deepEqual(findings[0], {
    code: 'table3.suspect-cell', severity: 'error', text: '15', start: 1783, end: 1785, range: [45, 15, 45, 17],
    message: '此格可能填错：“4.保护第三方合法权益”行的总计与“自然人”列的（七）总计都相差 2；将此格由 15 改为 13 可同时修正两处',
  });
  const suspect = check(text).find((f) => f.code === 'table3.suspect-cell')!;
  assert.deepEqual(relatedOf(text, suspect), [['13', '本行总计：13'], ['126', '本列（七）总计：126']]);
  assert.equal(suspect.fixes.length, 1);
  assert.equal(suspect.fixes[0].preferred, true);
  assert.equal(applyFix(text, suspect.fixes[0].edits), seed);
  assert.equal(
    check(text, { locale: 'en' }).find((f) => f.code === 'table3.suspect-cell')!.message,
    'This cell is probably wrong: the total of row “4.保护第三方合法权益” and the (7) total of column “自然人” are both off by 2; changing it from 15 to 13 fixes both',
  );
});

test('table3.suspect-cell: a cell of row 一 crosses its row total with the balance of its column', () => {
  const text = replaceNth(seed, '148\t0\t0\t0\t0\t0\t148', '148\t0\t0\t3\t0\t0\t148');
  const suspect = check(text).find((f) => f.code === 'table3.suspect-cell')!;
  assert.deepEqual(pin(text, suspect), {
    code: 'table3.suspect-cell', severity: 'error', text: '3', start: 1543, end: 1544, range: [38, 26, 38, 27],
    message: '此格可能填错：“一、本年新收政府信息公开申请数量”行的总计与“社会公益组织”列的勾稽关系都相差 3；将此格由 3 改为 0 可同时修正两处',
  });
  assert.equal(applyFix(text, suspect.fixes[0].edits), seed);
});

test('no suspect cell when two cells of one column fail by the same difference (no single cell explains it)', () => {
  let text = replaceNth(seed, '5. 属于三类内部事务信息\t9', '5. 属于三类内部事务信息\t10');
  text = replaceNth(text, '6. 属于四类过程性信息\t7', '6. 属于四类过程性信息\t8');
  const codes = check(text).map((f) => f.code).filter((c) => c.startsWith('table3.'));
  assert.deepEqual(codes, ['table3.row-total', 'table3.row-total', 'table3.result-total']);
});
