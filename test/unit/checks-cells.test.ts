// Cell and row form (table.*) and table 四 group totals, on seed 003 with one row or cell altered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, pinned, relatedOf } from '../support/findings';
import { readSeed, replaceNth } from '../support/seeds';

const seed = readSeed('003_bd5764f2f2266ecc.txt');
const OWN = ['narrative.ambiguous-count'];
const ROW7 = '7. 属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0';

test('table.not-a-number: a cell that is not a figure, and no arithmetic over it', () => {
  const text = replaceNth(seed, ROW7, '7. 属于行政执法案卷\t0\t1O\t0\t0\t0\t0\t0');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table.not-a-number', severity: 'error', text: '1O', start: 1874, end: 1876, range: [48, 16, 48, 18], message: '“1O”不是数字（7.属于行政执法案卷 / 商业企业）；请填写阿拉伯数字，没有的填 0' },
  ]);
  assert.equal(check(text, { locale: 'en' })[1].message, '“1O” is not a number (7.属于行政执法案卷 / 商业企业); write a figure, 0 for none');
});

test('table.negative: reported once, not echoed by totals that "should be −3"', () => {
  const text = replaceNth(seed, ROW7, '7. 属于行政执法案卷\t-3\t0\t0\t0\t0\t0\t0');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table.negative', severity: 'error', text: '-3', start: 1872, end: 1874, range: [48, 14, 48, 16], message: '数值不能为负：7.属于行政执法案卷 / 自然人 为 -3；请填写实际件数，没有的填 0' },
  ]);
});

test('table.not-integer: a fractional count', () => {
  const text = replaceNth(seed, ROW7, '7. 属于行政执法案卷\t2.5\t0\t0\t0\t0\t0\t0');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table.not-integer', severity: 'error', text: '2.5', start: 1872, end: 1875, range: [48, 14, 48, 17], message: '件数应为整数：7.属于行政执法案卷 / 自然人 为 2.5；请填写整数件数' },
  ]);
});

test('table.missing-row: a row of the format left out, reported at the row that follows', () => {
  const text = replaceNth(seed, `\t\t${ROW7}\n`, '');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table.missing-row', severity: 'error', text: '8. 属于行政查询事项', start: 1860, end: 1871, range: [48, 2, 48, 13], message: '表三（依申请公开）缺少“7.属于行政执法案卷”行；请按格式补上此行，没有的填 0' },
  ]);
});

test('table.missing-cell: a row one figure short; a blank ("—") cell is table.blank-cells, once per table', () => {
  const blank = replaceNth(seed, ROW7, '7. 属于行政执法案卷\t0\t—\t0\t0\t0\t0\t0');
  assert.deepEqual(pinned(blank, {}, OWN), [
    { code: 'table.blank-cells', severity: 'information', text: '7. 属于行政执法案卷\t0\t—\t0\t0\t0\t0\t0', start: 1860, end: 1885, range: [48, 2, 48, 27], message: '表三有 1 个空格，格式要求没有的填 0；空格按 0 计算' },
  ]);
  const short = replaceNth(seed, ROW7, '7. 属于行政执法案卷\t0\t0\t0\t0\t0\t0');
  assert.deepEqual(pinned(short, {}, OWN), [
    { code: 'table.missing-cell', severity: 'error', text: '0', start: 1882, end: 1883, range: [48, 24, 48, 25], message: '“7.属于行政执法案卷”行应有 7 个数，实有 6 个；缺少：总计' },
  ]);
  assert.equal(check(short, { locale: 'en' })[1].message, 'Row “7.属于行政执法案卷” should have 7 figures but has 6; missing: 总计');
});

test('table.extra-cells: figures beyond the format\'s columns', () => {
  const text = replaceNth(seed, ROW7, `${ROW7}\t9`);
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table.extra-cells', severity: 'error', text: '9', start: 1886, end: 1887, range: [48, 28, 48, 29], message: '“7.属于行政执法案卷”行多出 1 个数（格式规定 7 个）：9；请删除或检查是否错行' },
  ]);
});

test('table.unreadable: figures under a label the format does not have', () => {
  const text = replaceNth(seed, '\t\t8. 属于行政查询事项', '\t\t9. 属于涉密外事信息\t0\t0\t0\t0\t0\t0\t0\n\t\t8. 属于行政查询事项');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table.unreadable', severity: 'information', text: '0\t0\t0\t0\t0\t0\t0', start: 1900, end: 1913, range: [49, 14, 49, 27], message: '无法识别这些数字属于哪一行；请检查行标签是否按格式书写' },
  ]);
});

test('table4.group-total: the group 总计 cell, related its four parts', () => {
  const text = replaceNth(seed, '3\t2\t0\t0\t5\t4', '4\t2\t0\t0\t5\t4');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table4.group-total', severity: 'error', text: '5', start: 2540, end: 2541, range: [69, 8, 69, 9], message: '“行政复议”的总计应为 6（结果维持＋结果纠正＋其他结果＋尚未审结），实为 5；请核对各项或将总计改为 6' },
  ]);
  const f = check(text).find((x) => x.code === 'table4.group-total')!;
  assert.deepEqual(relatedOf(text, f), [['4', '行政复议 / 结果维持：4'], ['2', '行政复议 / 结果纠正：2'], ['0', '行政复议 / 其他结果：0'], ['0', '行政复议 / 尚未审结：0']]);
  assert.equal(f.related[0].span.start, 2532);
  assert.equal(check(text, { locale: 'en' }).find((x) => x.code === 'table4.group-total')!.message, 'The total of “行政复议” should be 6 (upheld + corrected + other + pending) but is 5; check the parts or change the total to 6');
});
