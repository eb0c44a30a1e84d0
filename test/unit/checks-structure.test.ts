// Sections, row labels, the 2019 trial format, a people's government's duties, and the report year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, pinned } from '../support/findings';
import { readSeed, replaceNth } from '../support/seeds';

const seed = readSeed('003_bd5764f2f2266ecc.txt');
const OWN = ['narrative.ambiguous-count'];

test('structure.missing-section: reported where the section belongs', () => {
  const text = replaceNth(seed, '#### 五、存在的主要问题及改进情况', '');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'structure.missing-section', severity: 'warning', text: '', start: 3202, end: 3202, range: [83, 0, 83, 0], message: '缺少第五部分“五、存在的主要问题及改进情况”；年度报告格式要求六个部分齐全' },
  ]);
  assert.equal(check(text, { locale: 'en' })[1].message, 'Section 5 “五、存在的主要问题及改进情况” is missing; the format requires all six sections');
});

test('structure.section-order: a heading numbered out of sequence', () => {
  const text = replaceNth(seed, '#### 五、存在的主要问题及改进情况', '#### 六、存在的主要问题及改进情况');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'structure.section-order', severity: 'warning', text: '六、存在的主要问题及改进情况', start: 2568, end: 2582, range: [71, 5, 71, 19], message: '此部分应为第五部分“五、存在的主要问题及改进情况”，次序或序号不对；请按一至六的顺序排列' },
  ]);
});

test('structure.duplicate-section: the second heading of a section', () => {
  const text = replaceNth(seed, '#### 六、其他需要报告的事项', '#### 五、存在的主要问题及改进情况\n\n#### 六、其他需要报告的事项');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'structure.duplicate-section', severity: 'warning', text: '五、存在的主要问题及改进情况', start: 3226, end: 3240, range: [83, 5, 83, 19], message: '第五部分“五、存在的主要问题及改进情况”重复出现；请删除或合并重复的部分' },
  ]);
});

test('structure.row-label: a label that differs from the format, with the canonical label as fix', () => {
  const text = replaceNth(seed, '8. 属于行政查询事项', '8. 属于查询事项');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'structure.row-label', severity: 'warning', text: '8. 属于查询事项', start: 1888, end: 1897, range: [49, 2, 49, 11], message: '行标签与格式不一致：应为“8.属于行政查询事项”，实为“8.属于查询事项”' },
  ]);
  const [, f] = check(text);
  assert.equal(applyFix(text, f.fixes[0].edits), replaceNth(seed, '8. 属于行政查询事项', '8.属于行政查询事项'));
  assert.equal(check(text, { locale: 'en' })[1].message, 'The row label differs from the format: it should be “8.属于行政查询事项”, not “8.属于查询事项”');
});

test('structure.outdated-format: 2019 trial-format rows and columns in a 2023 report', () => {
  const row = replaceNth(seed, '行政规范性文件\t2\t0\t10', '规范性文件\t2\t0\t10');
  assert.deepEqual(pinned(row, {}, OWN), [
    { code: 'structure.outdated-format', severity: 'warning', text: '规范性文件', start: 1244, end: 1249, range: [21, 0, 21, 5], message: '“规范性文件”是2019年试行格式的行名；2021年格式为“行政规范性文件”' },
  ]);
  const group = replaceNth(seed, '行政事业性收费\t0\t\t', '行政事业性收费\t0\t\t\n第二十条第（九）项\t\t\t\n采购项目数量\t采购总金额\t\t\n政府集中采购\t0\t0\t');
  assert.deepEqual(pinned(group, {}, OWN).filter((f) => f.code === 'structure.outdated-format'), [
    { code: 'structure.outdated-format', severity: 'warning', text: '采购总金额', start: 1410, end: 1415, range: [33, 7, 33, 12], message: '“采购总金额”是2019年试行格式的内容；2023年度报告应使用2021年格式：删除此列（2021年格式已取消）' },
    { code: 'structure.outdated-format', severity: 'warning', text: '政府集中采购', start: 1418, end: 1424, range: [34, 0, 34, 6], message: '“政府集中采购”是2019年试行格式的内容；2023年度报告应使用2021年格式：删除第二十条第（九）项（2021年格式已取消）' },
  ]);
  // A report for 2020 still used the trial format: nothing to say.
  assert.deepEqual(pinned(row.replace(/2023/g, '2020'), {}, OWN), []);
});

test('structure.government-duties: a 人民政府 (not its 办公室) that never mentions 评议 or 责任追究', () => {
  const text = replaceNth(seed, '老城区人民政府办公室 2023', '老城区人民政府 2023');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'structure.government-duties', severity: 'warning', text: '老城区人民政府 2023 年政府信息公开工作年度报告', start: 4, end: 30, range: [2, 2, 2, 28], message: '人民政府的年度报告应写明政府信息公开工作考核、社会评议和责任追究结果（条例第五十条第（四）项）；正文未提及：评议、责任追究' },
  ]);
});

test('year.mismatch: "截至 2022 年 12 月 31 日" and "2022 年，我办…" in a 2023 report', () => {
  const asOf = replaceNth(seed, '截至 2023 年', '截至 2022 年');
  assert.deepEqual(pinned(asOf, {}, OWN), [
    { code: 'year.mismatch', severity: 'warning', text: '2022', start: 280, end: 284, range: [8, 13, 8, 17], message: '报告年度为 2023 年，此处写作 2022 年；请核对是否为其他年度报告的遗留文字' },
  ]);
  const f = check(asOf).find((x) => x.code === 'year.mismatch')!;
  assert.equal(applyFix(asOf, f.fixes[0].edits), seed);
  assert.equal(check(asOf, { locale: 'en' }).find((x) => x.code === 'year.mismatch')!.message, 'The report is for 2023 but this says 2022; check for text left over from another year\'s report');
  const self = replaceNth(seed, '2023 年，我办围绕', '2022 年，我办围绕');
  assert.deepEqual(pinned(self, {}, OWN).map((x) => [x.code, x.text, x.start]), [['year.mismatch', '2022', 55]]);
});
