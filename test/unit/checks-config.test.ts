// Per-rule levels from the settings, and the draft's disable comments (Markdown and plain-text forms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../support/findings';
import { readSeed, replaceNth } from '../support/seeds';

const seed = readSeed('003_bd5764f2f2266ecc.txt');
const CLAIM_LINE = '(二) 依申请公开：';
/** Seed 003 with a row-total error as well as its ambiguous-count warning. */
const twoFindings = replaceNth(seed, '148\t0\t0\t0\t0\t0\t148', '148\t0\t0\t0\t0\t0\t149');
const summary = (text: string, rules = {}) => check(text, { rules }).map((f) => [f.code, f.severity]);

test('per-rule level overrides the default severity; off removes the rule', () => {
  assert.deepEqual(summary(twoFindings), [['narrative.ambiguous-count', 'warning'], ['table3.row-total', 'error'], ['table3.balance', 'error']]);
  assert.deepEqual(summary(twoFindings, { 'narrative.ambiguous-count': 'error', 'table3.row-total': 'hint', 'table3.balance': 'information' }), [
    ['narrative.ambiguous-count', 'error'],
    ['table3.row-total', 'hint'],
    ['table3.balance', 'information'],
  ]);
  assert.deepEqual(summary(twoFindings, { 'narrative.ambiguous-count': 'off', 'table3.balance': 'off' }), [['table3.row-total', 'error']]);
});

test('plain-text "// nianbao-disable-next-line code" turns that rule off for the next line only', () => {
  const text = replaceNth(twoFindings, CLAIM_LINE, `// nianbao-disable-next-line narrative.ambiguous-count\n${CLAIM_LINE}`);
  assert.deepEqual(summary(text), [['table3.row-total', 'error'], ['table3.balance', 'error']]);
  // Another rule's code, or the comment two lines above, leaves the finding alone.
  assert.deepEqual(summary(replaceNth(twoFindings, CLAIM_LINE, `// nianbao-disable-next-line table3.row-total\n${CLAIM_LINE}`))[0], ['narrative.ambiguous-count', 'warning']);
  assert.deepEqual(summary(replaceNth(twoFindings, CLAIM_LINE, `// nianbao-disable-next-line narrative.ambiguous-count\n\n${CLAIM_LINE}`))[0], ['narrative.ambiguous-count', 'warning']);
});

test('Markdown "<!-- nianbao-disable-next-line code -->", with a code, a family prefix, or no code', () => {
  for (const codes of ['narrative.ambiguous-count ', 'narrative ', '']) {
    const text = replaceNth(twoFindings, CLAIM_LINE, `<!-- nianbao-disable-next-line ${codes}-->\n${CLAIM_LINE}`);
    assert.deepEqual(summary(text), [['table3.row-total', 'error'], ['table3.balance', 'error']], `codes: "${codes}"`);
  }
});

test('nianbao-disable-file turns the named rules (or all rules) off everywhere', () => {
  assert.deepEqual(summary(`<!-- nianbao-disable-file table3 -->\n${twoFindings}`), [['narrative.ambiguous-count', 'warning']]);
  assert.deepEqual(summary(`// nianbao-disable-file table3.row-total narrative.ambiguous-count\n${twoFindings}`), [['table3.balance', 'error']]);
  assert.deepEqual(summary(`<!-- nianbao-disable-file -->\n${twoFindings}`), []);
  assert.deepEqual(summary(`// nianbao-disable-file\n${twoFindings}`), []);
});
