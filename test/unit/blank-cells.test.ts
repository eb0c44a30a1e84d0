// table.blank-cells: blank cells (an empty field, or a dash where the format wants 0) give one finding per table,
// on the row of the first blank cell, with the count and one fix that writes 0 into every blank cell. Blank cells
// still count as 0 in the arithmetic; a row with fewer figures than the format's columns stays table.missing-cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyFix, check, pinned, relatedOf } from '../support/findings';
import { rewriteTables } from '../support/layouts';
import { readSeed, replaceNth, REPO_ROOT } from '../support/seeds';

const seed = readSeed('003_bd5764f2f2266ecc.txt');
const OWN = ['narrative.ambiguous-count'];
const ROW7 = '7. 属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0';

const blankCells = (text: string, locale: 'zh' | 'en' = 'zh') => check(text, { locale }).filter((f) => f.code === 'table.blank-cells');

test('a dash for 0: one information finding on its row, and the fix writes 0 over the dash', () => {
  const text = replaceNth(seed, ROW7, '7. 属于行政执法案卷\t0\t—\t0\t0\t0\t0\t0');
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table.blank-cells', severity: 'information', text: '7. 属于行政执法案卷\t0\t—\t0\t0\t0\t0\t0', start: 1860, end: 1885, range: [48, 2, 48, 27], message: '表三有 1 个空格，格式要求没有的填 0；空格按 0 计算' },
  ]);
  const [f] = blankCells(text);
  assert.deepEqual(f.fixes, [{ title: '将 1 个空格填为 0', edits: [{ span: { start: 1874, end: 1875 }, newText: '0' }], preferred: true }]);
  assert.equal(applyFix(text, f.fixes[0].edits), seed);
  const [en] = blankCells(text, 'en');
  assert.equal(en.message, 'Table 3 has 1 blank cell; the format wants 0 for none; blank cells count as 0');
  assert.equal(en.fixes[0].title, 'Fill the 1 blank cell with 0');
});

test('the 法人或其他组织 columns left blank in three rows: one finding for 15 cells, no arithmetic findings', () => {
  let text = seed;
  for (const row of ['\t\t4. 保护第三方合法权益\t13\t0\t0\t0\t0\t0\t13', '\t\t5. 属于三类内部事务信息\t9\t0\t0\t0\t0\t0\t9', '\t\t6. 属于四类过程性信息\t7\t0\t0\t0\t0\t0\t7']) {
    text = replaceNth(text, row, row.replace(/\t0\t0\t0\t0\t0\t/, '\t\t\t\t\t\t'));
  }
  assert.ok(text.includes('\t\t4. 保护第三方合法权益\t13\t\t\t\t\t\t13\n'));
  assert.deepEqual(pinned(text, {}, OWN), [
    { code: 'table.blank-cells', severity: 'information', text: '4. 保护第三方合法权益\t13\t\t\t\t\t\t13', start: 1770, end: 1793, range: [45, 2, 45, 25], message: '表三有 15 个空格，格式要求没有的填 0；空格按 0 计算' },
  ]);
  const [f] = blankCells(text);
  assert.deepEqual(relatedOf(text, f), [
    ['4. 保护第三方合法权益\t13\t\t\t\t\t\t13', '“4.保护第三方合法权益”行 5 个空格'],
    ['5. 属于三类内部事务信息\t9\t\t\t\t\t\t9', '“5.属于三类内部事务信息”行 5 个空格'],
    ['6. 属于四类过程性信息\t7\t\t\t\t\t\t7', '“6.属于四类过程性信息”行 5 个空格'],
  ]);
  assert.equal(f.fixes.length, 1);
  assert.equal(f.fixes[0].title, '将 15 个空格填为 0');
  assert.equal(f.fixes[0].edits.length, 15);
  assert.ok(f.fixes[0].edits.every((e) => e.span.start === e.span.end && e.newText === '0'));
  // Filling them gives back the seed exactly, and the seed's one finding.
  const fixed = applyFix(text, f.fixes[0].edits);
  assert.equal(fixed, seed);
  assert.deepEqual(pinned(fixed, {}, OWN), []);
  assert.equal(blankCells(text, 'en')[0].message, 'Table 3 has 15 blank cells; the format wants 0 for none; blank cells count as 0');
  assert.equal(blankCells(text, 'en')[0].fixes[0].title, 'Fill the 15 blank cells with 0');
});

test('blank cells still count as 0: a row total that holds only with blanks as 0 is not reported', () => {
  const text = replaceNth(seed, '\t\t4. 保护第三方合法权益\t13\t0\t0\t0\t0\t0\t13', '\t\t4. 保护第三方合法权益\t13\t\t—\t\t-\t\t13');
  assert.deepEqual(check(text).map((f) => f.code), ['narrative.ambiguous-count', 'table.blank-cells']);
  assert.equal(blankCells(text)[0].message, '表三有 5 个空格，格式要求没有的填 0；空格按 0 计算');
  const fixed = applyFix(text, blankCells(text)[0].fixes[0].edits);
  assert.ok(fixed.includes('\t\t4. 保护第三方合法权益\t13\t0\t0\t0\t0\t0\t13\n'));
  assert.equal(fixed, seed);
});

test('one finding per table: blanks in 表二 and 表三', () => {
  let text = replaceNth(seed, '规章\t0\t0\t0', '规章\t0\t\t0');
  text = replaceNth(text, ROW7, '7. 属于行政执法案卷\t0\t\t0\t0\t0\t0\t0');
  text = replaceNth(text, '\t\t8. 属于行政查询事项\t11\t0\t0', '\t\t8. 属于行政查询事项\t11\t0\t－');
  assert.deepEqual(
    blankCells(text).map((f) => [f.message, text.slice(f.span.start, f.span.end), f.fixes.map((x) => x.title)]),
    [
      ['表二有 1 个空格，格式要求没有的填 0；空格按 0 计算', '规章\t0\t\t0', ['将 1 个空格填为 0']],
      ['表三有 2 个空格，格式要求没有的填 0；空格按 0 计算', '7. 属于行政执法案卷\t0\t\t0\t0\t0\t0\t0', ['将 2 个空格填为 0']],
    ],
  );
  let fixed = text;
  for (const f of blankCells(text).reverse()) fixed = applyFix(fixed, f.fixes[0].edits);
  assert.equal(fixed, seed);
});

test('Markdown pipe table: empty and dash cells filled in place', () => {
  const pipe = rewriteTables(seed, 'pipe');
  const row7 = '| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |';
  assert.ok(pipe.includes(row7));
  const text = replaceNth(pipe, row7, '| 7.属于行政执法案卷 | 0 |  | 0 | — | 0 || 0 |');
  const [f] = blankCells(text);
  assert.equal(f.message, '表三有 3 个空格，格式要求没有的填 0；空格按 0 计算');
  assert.equal(text.slice(f.span.start, f.span.end), '7.属于行政执法案卷 | 0 |  | 0 | — | 0 || 0');
  const fixed = applyFix(text, f.fixes[0].edits);
  assert.ok(fixed.includes('\n| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 |0| 0 |\n'), fixed.slice(fixed.indexOf('7.属于行政执法案卷') - 2, fixed.indexOf('7.属于行政执法案卷') + 50));
  assert.deepEqual(blankCells(fixed), []);
});

test('cells absent at the end of a row are table.missing-cell, not blank cells', () => {
  const text = replaceNth(seed, ROW7, '7. 属于行政执法案卷\t0\t0\t0\t0\t0\t0');
  assert.deepEqual(check(text).map((f) => [f.code, f.severity]), [['narrative.ambiguous-count', 'warning'], ['table.missing-cell', 'error']]);
});

test('the level is configurable like every rule', () => {
  const text = replaceNth(seed, ROW7, '7. 属于行政执法案卷\t0\t—\t0\t0\t0\t0\t0');
  assert.deepEqual(check(text, { rules: { 'table.blank-cells': 'off' } }).map((f) => f.code), ['narrative.ambiguous-count']);
  assert.deepEqual(check(text, { rules: { 'table.blank-cells': 'warning' } }).map((f) => [f.code, f.severity]), [['narrative.ambiguous-count', 'warning'], ['table.blank-cells', 'warning']]);
});

test('a published report whose 法人或其他组织 columns are blank: one finding, not 125', () => {
  const text = readFileSync(resolve(REPO_ROOT, '..', 'shared', 'real', 'shuyang-fgj-2023', 'html-text.txt'), 'utf8');
  const findings = check(text);
  assert.equal(findings.filter((f) => f.code === 'table.missing-cell').length, 0);
  const blanks = findings.filter((f) => f.code === 'table.blank-cells');
  assert.deepEqual(
    blanks.map((f) => [f.severity, f.message, text.slice(f.span.start, f.span.end), f.fixes.map((x) => [x.title, x.edits.length])]),
    [['information', '表三有 125 个空格，格式要求没有的填 0；空格按 0 计算', '一、本年新收政府信息公开申请数量\t26\t\t\t\t\t\t26', [['将 125 个空格填为 0', 125]]]],
  );
  const fixed = applyFix(text, blanks[0].fixes[0].edits);
  assert.ok(fixed.includes('\n一、本年新收政府信息公开申请数量\t26\t0\t0\t0\t0\t0\t26\n'));
  assert.deepEqual(blankCells(fixed), []);
});
