// Ranges are exact: for every cell of every seed the text at the cell's range is the number as written,
// and every row's label range covers the label as written.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport } from '../../server/src/core/parse';
import { readSeed, SEED_NAMES } from '../support/seeds';

// The issue says 9 / 168 / 15; the 2021 format (report-format.md §2, §3) has more. Table 二: 规章 and
// 行政规范性文件 have three columns, the other four rows one (3 + 3 + 1 + 1 + 1 + 1 = 10). Table 三: 25
// numeric rows (（六）其他处理 has three sub-rows since 2021), 25 × 7 = 175.
const EXPECTED_CELLS = { table2: 10, table3: 175, table4: 15 } as const;

for (const name of SEED_NAMES) {
  const text = readSeed(name);
  const model = parseReport(text);

  test(`${name}: every cell's range holds its number as written`, () => {
    for (const [id, count] of Object.entries(EXPECTED_CELLS) as [keyof typeof EXPECTED_CELLS, number][]) {
      const cells = model.tables[id]!.rows.flatMap((r) => [...r.cells, ...r.extraCells]);
      assert.equal(cells.length, count, `${id} cell count`);
      for (const cell of cells) {
        const where = `${id}/${cell.rowId}/${cell.columnId}`;
        const written = text.slice(cell.span.start, cell.span.end);
        assert.equal(written, cell.raw, where);
        assert.match(written, /^\d+$/, where);
        assert.deepEqual(cell.value, { kind: 'number', value: Number(written) }, where);
        // A whole field: neither neighbour is a digit.
        assert.doesNotMatch(text[cell.span.start - 1] ?? ' ', /\d/, where);
        assert.doesNotMatch(text[cell.span.end] ?? ' ', /\d/, where);
      }
    }
  });

  test(`${name}: every row's label range covers its label`, () => {
    for (const table of Object.values(model.tables)) {
      for (const row of table.rows) {
        const where = `${table.id}/${row.rowId}`;
        const written = text.slice(row.labelSpan.start, row.labelSpan.end);
        assert.equal(written.replace(/\s/g, ''), row.labelText, where);
        assert.notEqual(written.trim(), '', where);
        assert.equal(written, written.trim(), `${where}: no surrounding whitespace`);
        // The label ends before the row's first value.
        assert.ok(row.labelSpan.end <= row.cells[0].span.start, where);
      }
    }
    // Table 三's labels as written end with the canonical label's wording (numbering and brackets aside).
    for (const row of model.tables.table3!.rows) {
      const loose = (s: string) => s.replace(/[\s()（）、.,，]/g, '');
      assert.equal(loose(row.labelText), loose(row.canonicalLabel), row.rowId);
    }
  });
}
