// 修正全部合计 is a fixed point and its edits never overlap (core/fixAll.ts): one call repeats its rounds on
// the re-read text until nothing changes, so a second call proposes nothing; identical edits come once, and
// of two overlapping edits only the first is kept (the next round sees the rest). Pinned on the malformed
// drafts where one round used to leave work for a second or third run or edited one range twice, and on
// the README's example draft with three random mistyped figures.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runChecks } from '../../server/src/core/checks';
import type { TextEdit } from '../../server/src/core/checks/rules';
import { applyEdits, composeEdits, disjointEdits, fixAllRound, fixAllTotals } from '../../server/src/core/fixAll';
import type { Cell } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { EDIT_ALPHABET, prng, randomInt } from '../support/random';
import { readSeed, REPO_ROOT, SEED_NAMES } from '../support/seeds';

const EXAMPLE = readFileSync(join(REPO_ROOT, 'samples', 'example-2024.nianbao.md'), 'utf8');
const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const fixAll = (text: string): TextEdit[] => fixAllTotals(parseReport(text));
const edit = (start: number, end: number, newText: string): TextEdit => ({ span: { start, end }, newText });

/** Neither overlapping nor at the same place (two insertions at one offset are two edits of one range). */
function assertDisjoint(edits: TextEdit[], what: string): void {
  for (let i = 1; i < edits.length; i++) {
    const [a, b] = [edits[i - 1], edits[i]];
    assert.ok(a.span.start < b.span.start && a.span.end <= b.span.start, `${what}: edits ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap or are out of order`);
  }
}

/** Fix-all once; the result must be a fixed point with disjoint edits. Returns the edits and the fixed text. */
function fixOnce(text: string, what: string): { edits: TextEdit[]; fixed: string } {
  const edits = fixAll(text);
  assertDisjoint(edits, what);
  const fixed = applyEdits(text, edits);
  assert.deepEqual(fixAll(fixed), [], `${what}: a second fix-all must propose nothing`);
  return { edits, fixed };
}

test('a line of table 三 that names 复议后起诉 is table 三’s only (table 四 is not looked for inside it): nothing to fix', () => {
  // Table 四 used to be found by 复议后起诉 inside table 三 and to read the same line; one round then wrote table 四's
  // total (1) into table 三's empty 法律服务机构 field, and a second run changed table 三's total again.
  const text = `三、收到和处理政府信息公开申请情况\n复议后起诉勾稽关系属于行政执法案卷\t1\t\t\t\t\t\t1\n`;
  const model = parseReport(text);
  assert.ok(model.tables.table3 && !model.tables.table4, 'table 三 alone reads the line');
  const { edits } = fixOnce(text, 'shared line');
  assert.deepEqual(edits, []);
});

test('a table-四 row under a table-三 header: one call settles what took three runs', () => {
  // Run 1 used to insert 5 into table 四's empty total (table 三's 法律服务机构), run 2 then set table 三's
  // （七） total to 10, and only run 3 changed nothing. Now: table 三's （七） total is set to the sum of its row.
  const text = '勾稽关系\n复议后起诉\n总计\t2\t\t3\t0\t\t\t3';
  const { edits, fixed } = fixOnce(text, 'table 四 row under table 三 header');
  assert.deepEqual(edits, [edit(23, 24, '5')]);
  assert.equal(fixed, '勾稽关系\n复议后起诉\n总计\t2\t\t3\t0\t\t\t5');
});

test('a small malformed table: its total is edited once, not twice on the same range', () => {
  // Table 四 (found by 复议后起诉 inside table 三) used to read the same total: two edits on one range.
  const text = `${BALANCE_NOTE}\n复议后起诉\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t\t\t\t3\t3\t\t0`;
  const model = parseReport(text);
  assert.ok(model.tables.table3 && !model.tables.table4, 'table 三 alone reads the line');
  const { edits, fixed } = fixOnce(text, 'malformed');
  assert.deepEqual(edits, [edit(72, 73, '6')]);
  assert.ok(fixed.endsWith('\t3\t3\t\t6'));
});

test('two identical insertions at one place are one edit: the total is typed once (7, not 77)', () => {
  const text = '复议后起诉勾稽关系属于行政执法案卷\t\t\t\t3\t3\t1\t\n行政复议';
  const { edits, fixed } = fixOnce(text, 'duplicate insertion');
  assert.deepEqual(edits, [edit(27, 27, '7')]);
  assert.equal(fixed, '复议后起诉勾稽关系属于行政执法案卷\t\t\t\t3\t3\t1\t7\n行政复议');
});

test('a round whose edits change how a row is read: one call returns the fixed point of the rounds', () => {
  // A stray 六 among the empty label fields of 四、结转下年度继续办理: the first round fills the blank it reads as
  // 自然人, which moves the row's figures; a second round settles them.
  const text = EXAMPLE.replace('| 四、结转下年度继续办理 |  |  | 25 |', '| 四、结转下年度继续办理 |  | 六 | 25 |');
  let rounds = 0;
  let settled = text;
  for (let edits = fixAllRound(parseReport(settled)); edits.length > 0; edits = fixAllRound(parseReport(settled))) {
    assertDisjoint(edits, `round ${rounds}`);
    settled = applyEdits(settled, edits);
    rounds++;
    assert.ok(rounds < 8, 'rounds settle');
  }
  assert.equal(rounds, 2, 'one round alone is not a fixed point here');
  const { edits, fixed } = fixOnce(text, 'moved row');
  assert.equal(fixed, settled);
  assert.equal(edits.length, 7);
});

test('disjointEdits: identical edits once; of two overlapping or same-place edits the first only', () => {
  assert.deepEqual(disjointEdits([edit(5, 6, 'a'), edit(5, 6, 'a')]), [edit(5, 6, 'a')]);
  assert.deepEqual(disjointEdits([edit(5, 5, '7'), edit(5, 5, '7')]), [edit(5, 5, '7')]);
  assert.deepEqual(disjointEdits([edit(5, 8, 'a'), edit(7, 9, 'b'), edit(9, 9, 'c')]), [edit(5, 8, 'a'), edit(9, 9, 'c')]);
  assert.deepEqual(disjointEdits([edit(5, 5, 'x'), edit(5, 7, 'y')]), [edit(5, 5, 'x')]);
  assert.deepEqual(disjointEdits([edit(9, 10, 'b'), edit(1, 2, 'a')]), [edit(1, 2, 'a'), edit(9, 10, 'b')]);
});

test('composeEdits: a later round’s edits in the original text’s offsets, merged where they touch an earlier edit', () => {
  const original = 'a 1 b 22 c 3';
  const first = [edit(2, 3, '10'), edit(6, 8, '2')];
  const afterFirst = applyEdits(original, first);
  assert.equal(afterFirst, 'a 10 b 2 c 3');
  // Round 2: rewrites the 10 (touching round 1's edit), and edits the 3 after a shift of +1 −1.
  const second = [edit(2, 4, '11'), edit(11, 12, '4')];
  const composed = composeEdits(original, first, second);
  assert.deepEqual(composed, [edit(2, 3, '11'), edit(6, 8, '2'), edit(11, 12, '4')]);
  assert.equal(applyEdits(original, composed), applyEdits(afterFirst, second));
  // An edit undone by a later round disappears.
  assert.deepEqual(composeEdits(original, first, [edit(2, 4, '1')]), [edit(6, 8, '2')]);
  // An insertion right after an earlier edit joins it.
  assert.deepEqual(composeEdits(original, first, [edit(4, 4, '5')]), [edit(2, 3, '105'), edit(6, 8, '2')]);
});

function numericCells(text: string): Cell[] {
  const model = parseReport(text);
  return (['table3', 'table4'] as const).flatMap((id) => model.tables[id]!.rows.flatMap((r) => r.cells)).filter((c) => c.value.kind === 'number');
}

test('the README example draft with three random mistyped figures in tables 三/四: after one fix-all no table error is left (100/100)', () => {
  const random = prng(20250101);
  const cells = numericCells(EXAMPLE);
  assert.equal(cells.length, 25 * 7 + 15);
  const drafts = 100;
  let clean = 0;
  const failures: string[] = [];
  for (let trial = 0; trial < drafts; trial++) {
    const chosen = new Set<Cell>();
    while (chosen.size < 3) chosen.add(cells[randomInt(random, cells.length)]);
    const broken = applyEdits(EXAMPLE, [...chosen].map((cell) => edit(cell.span.start, cell.span.end, String((cell.value as { value: number }).value + 1 + randomInt(random, 9)))));
    const { edits, fixed } = fixOnce(broken, `trial ${trial}`);
    for (const e of edits) assert.match(broken.slice(e.span.start, e.span.end), /^\d*$/, `trial ${trial}: only cells are edited`);
    const model = parseReport(fixed);
    const left = runChecks(model, { locale: 'zh' }).filter((f) => (f.code.startsWith('table3.') && model.tables.table3) || (f.code.startsWith('table4.') && model.tables.table4));
    if (left.length === 0) clean++;
    else failures.push(`trial ${trial} (${[...chosen].map((c) => `${c.rowId}/${c.columnId}`).join(', ')}): ${left.map((f) => f.code).join(', ')}`);
  }
  console.log(`fix-all on the example draft with three mistypes: no table error ${clean}/${drafts}`);
  assert.deepEqual(failures, []);
  assert.equal(clean, 100);
});

test('randomly edited drafts (seeds and the example): fix-all is always a fixed point with disjoint edits', () => {
  const random = prng(77);
  const texts = [EXAMPLE, ...SEED_NAMES.map(readSeed)];
  let withEdits = 0;
  const drafts = 300;
  for (let n = 0; n < drafts; n++) {
    let text = texts[randomInt(random, texts.length)];
    for (let i = 1 + randomInt(random, 30); i > 0; i--) {
      const at = randomInt(random, text.length);
      const ch = EDIT_ALPHABET[randomInt(random, EDIT_ALPHABET.length)];
      const op = randomInt(random, 3);
      text = op === 0 ? text.slice(0, at) + ch + text.slice(at) : op === 1 ? text.slice(0, at) + text.slice(at + 1 + randomInt(random, 5)) : text.slice(0, at) + ch + text.slice(at + 1);
    }
    if (fixOnce(text, `draft ${n}`).edits.length > 0) withEdits++;
  }
  console.log(`fix-all fixed point on randomly edited drafts: ${drafts}/${drafts} (${withEdits} with edits)`);
  assert.ok(withEdits > 50, 'the drafts exercise fix-all');
});
