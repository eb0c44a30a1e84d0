// Words typed where a figure belongs ("无", a letter for a digit) are cells that are not numbers,
// in any position of a tab row and in table 四's line of fifteen; a line of figures with no label adds
// only its figures to the row before it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport } from '../../server/src/core/parse';
import { readSeed, replaceNth } from '../support/seeds';

const SEED = readSeed('003_bd5764f2f2266ecc.txt');

function rowCells(text: string, table: 'table3' | 'table4', rowId: string): [string, string, string][] {
  const row = parseReport(text).tables[table]!.rows.find((r) => r.rowId === rowId)!;
  return row.cells.map((c) => [c.columnId, c.value.kind === 'number' ? String(c.value.value) : c.value.kind, text.slice(c.span.start, c.span.end)]);
}

test('a word as the first, a middle or the last figure of a tab row', () => {
  const text = replaceNth(replaceNth(SEED, '7. 属于行政执法案卷\t0\t0', '7. 属于行政执法案卷\t无\t0'), '8. 属于行政查询事项\t11\t0\t0\t0\t0\t0\t11', '8. 属于行政查询事项\t11\t0\tO\t0\t0\t0\t无');
  assert.deepEqual(rowCells(text, 'table3', 'r3_7'), [
    ['natural', 'nan', '无'], ['business', '0', '0'], ['research', '0', '0'], ['welfare', '0', '0'], ['legal', '0', '0'], ['other', '0', '0'], ['total', '0', '0'],
  ]);
  assert.deepEqual(rowCells(text, 'table3', 'r3_8'), [
    ['natural', '11', '11'], ['business', '0', '0'], ['research', 'nan', 'O'], ['welfare', '0', '0'], ['legal', '0', '0'], ['other', '0', '0'], ['total', 'nan', '无'],
  ]);
  assert.equal(parseReport(text).tables.table3!.rows.find((r) => r.rowId === 'r3_7')!.labelText, '7.属于行政执法案卷');
});

test('a word among table 四\'s fifteen figures keeps the others in their cells', () => {
  const text = replaceNth(SEED, '3\t2\t0\t0\t5\t4', '3\t2\tx\t0\t5\t4');
  assert.deepEqual(rowCells(text, 'table4', 'review'), [['upheld', '3', '3'], ['corrected', '2', '2'], ['other', 'nan', 'x'], ['pending', '0', '0'], ['total', '5', '5']]);
  assert.deepEqual(rowCells(text, 'table4', 'after').map((c) => c[1]), ['0', '0', '0', '1', '1']);
});

test('an unlabelled line of figures: its leading empty fields are not counted', () => {
  const text = replaceNth(SEED, '四、结转下年度继续办理\t\t23\t0\t0\t0\t0\t0\t23\t\n', '四、结转下年度继续办理\t\t23\t0\t0\t0\t0\t0\t23\t\n\t\t1\t2\t3\n');
  const row = parseReport(text).tables.table3!.rows.find((r) => r.rowId === 'forward')!;
  assert.deepEqual(row.extraCells.map((c) => c.raw), ['1', '2', '3']);
});
