// 修正全部合计 (core/fixAll.ts): restores single mistyped cells exactly, leaves no table error after
// three random mistypes, is idempotent, and edits nothing but the cells it fixes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChecks } from '../../server/src/core/checks';
import type { TextEdit } from '../../server/src/core/checks/rules';
import { fixAllTotals } from '../../server/src/core/fixAll';
import type { Cell } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { prng, randomInt } from '../support/random';
import { readSeed, SEED_NAMES } from '../support/seeds';

function apply(text: string, edits: TextEdit[]): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) result = result.slice(0, e.span.start) + e.newText + result.slice(e.span.end);
  return result;
}

function numericCells(text: string, tables: ('table3' | 'table4')[]): Cell[] {
  const model = parseReport(text);
  return tables.flatMap((id) => model.tables[id]!.rows.flatMap((r) => r.cells)).filter((c) => c.value.kind === 'number');
}

function mutate(text: string, cells: { cell: Cell; value: number }[]): string {
  return apply(text, cells.map(({ cell, value }) => ({ span: cell.span, newText: String(value) })));
}

const tableErrors = (text: string) => runChecks(parseReport(text), { locale: 'zh' }).filter((f) => f.code.startsWith('table3.') || f.code.startsWith('table4.')).map((f) => f.code);

test('the seeds as published need no fix', () => {
  for (const name of SEED_NAMES) assert.deepEqual(fixAllTotals(parseReport(readSeed(name))), [], name);
});

test('a broken row total in seed 000 is set to the sum, and only that cell is edited', () => {
  const seed = readSeed('000_c09face178877b87.txt');
  const broken = seed.replace('4.保护第三方合法权益 93 0 0 0 0 0 93', '4.保护第三方合法权益 93 0 0 0 0 0 94');
  const edits = fixAllTotals(parseReport(broken));
  const at = broken.indexOf('0 94') + 2;
  assert.deepEqual(edits, [{ span: { start: at, end: at + 2 }, newText: '93' }]);
  assert.equal(apply(broken, edits), seed);
});

test('every single mistyped cell of table 三 is restored byte for byte', () => {
  let restored = 0;
  let total = 0;
  for (const name of SEED_NAMES) {
    const seed = readSeed(name);
    for (const cell of numericCells(seed, ['table3'])) {
      const value = (cell.value as { value: number }).value;
      const broken = mutate(seed, [{ cell, value: value + 3 }]);
      total++;
      if (apply(broken, fixAllTotals(parseReport(broken))) === seed) restored++;
      else assert.fail(`${name}: ${cell.rowId}/${cell.columnId} ${value}→${value + 3} not restored`);
    }
  }
  console.log(`fix-all restores single mistypes: ${restored}/${total}`);
  assert.equal(total, 5 * 175, "25 numeric rows × 7 columns per seed");
});

test('three random mistypes: fix-all leaves no table error, and running it again changes nothing', () => {
  const random = prng(20241231);
  const trialsPerSeed = 40;
  let clean = 0;
  let exact = 0;
  for (const name of SEED_NAMES) {
    const seed = readSeed(name);
    const cells = numericCells(seed, ['table3', 'table4']);
    for (let trial = 0; trial < trialsPerSeed; trial++) {
      const chosen = new Set<Cell>();
      while (chosen.size < 3) chosen.add(cells[randomInt(random, cells.length)]);
      const broken = mutate(seed, [...chosen].map((cell) => ({ cell, value: (cell.value as { value: number }).value + 1 + randomInt(random, 9) })));
      const edits = fixAllTotals(parseReport(broken));
      const fixed = apply(broken, edits);
      assert.deepEqual(fixAllTotals(parseReport(fixed)), [], `${name} trial ${trial}: second run must change nothing`);
      for (const e of edits) assert.match(broken.slice(e.span.start, e.span.end), /^\d+$/, 'only cells are edited');
      const before = parseReport(broken);
      const after = parseReport(fixed);
      for (const id of ['table2', 'table3', 'table4'] as const) {
        assert.deepEqual(after.tables[id]!.rows.map((r) => [r.rowId, r.cells.length]), before.tables[id]!.rows.map((r) => [r.rowId, r.cells.length]), 'same structure');
      }
      if (tableErrors(fixed).length === 0) clean++;
      else assert.fail(`${name} trial ${trial}: table errors remain: ${tableErrors(fixed).join(', ')}`);
      if (fixed === seed) exact++;
    }
  }
  console.log(`fix-all after three random mistypes: no table error ${clean}/${5 * trialsPerSeed}, seed restored exactly ${exact}/${5 * trialsPerSeed}`);
  // The rest are mistypes that two different corrections explain equally well; fix-all then recomputes totals.
  assert.equal(exact, 171);
});
