// The five seeds as published: the only finding, at any severity, is seed 003's ambiguous 复议、诉讼 count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, pinned, relatedOf } from '../support/findings';
import { readSeed, SEED_NAMES } from '../support/seeds';

for (const name of SEED_NAMES.filter((n) => !n.startsWith('003'))) {
  test(`seed ${name}: no findings at all`, () => {
    assert.deepEqual(pinned(readSeed(name)), []);
  });
}

test('seed 003: exactly the ambiguous "行政复议、行政诉讼案件 5 件"', () => {
  const text = readSeed('003_bd5764f2f2266ecc.txt');
  assert.deepEqual(pinned(text), [
    {
      code: 'narrative.ambiguous-count',
      severity: 'warning',
      text: '5',
      start: 367,
      end: 368,
      range: [8, 100, 8, 101],
      message:
        '“本年度被依法提起行政复议、行政诉讼案件 5 件”把行政复议和行政诉讼并在一起，含义不明：表四中行政复议 5 件，行政诉讼 6 件（直接起诉 5 件、复议后起诉 1 件），合计 11 件；5 件只与行政复议相符，请分别写明复议和诉讼的件数',
    },
  ]);
  const [f] = check(text);
  assert.deepEqual(relatedOf(text, f), [
    ['5', '行政复议总计：5'],
    ['5', '行政诉讼总计（直接起诉＋复议后起诉）中的“未经复议直接起诉 / 总计”：5'],
    ['1', '行政诉讼总计（直接起诉＋复议后起诉）中的“复议后起诉 / 总计”：1'],
  ]);
  assert.deepEqual(f.related.map((r) => r.span.start), [2540, 2550, 2560]);
});
