// Mutation test: on every seed, changing any one numeric cell of tables 三 and 四 must be reported by an
// error that points at the changed cell (its range or its related information), and for a non-total cell
// of table 三 table3.suspect-cell must name that very cell with a fix that restores the original text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from '../../server/src/core/checks';
import type { Finding } from '../../server/src/core/checks/rules';
import type { Cell, Span } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { readSeed, SEED_NAMES } from '../support/seeds';

const contains = (outer: Span, inner: Span): boolean => outer.start <= inner.start && inner.end <= outer.end;

function pointsAt(f: Finding, cell: Span): boolean {
  return contains(f.span, cell) || f.related.some((r) => contains(r.span, cell));
}

/** A cell that the table's arithmetic defines as a sum: table 三's 总计 column and （七） row, table 四's 总计. */
function isTotal(cell: Cell): boolean {
  return cell.columnId === 'total' || (cell.table === 'table3' && cell.rowId === 'r7');
}

function variants(value: number): number[] {
  return value >= 1 ? [value + 1, value + 7, value - 1] : [value + 1, value + 7];
}

test('changing any one cell of tables 三 and 四 is detected and located', () => {
  let mutations = 0;
  let detected = 0;
  const misses: string[] = [];
  for (const name of SEED_NAMES) {
    const original = readSeed(name);
    const model = parseReport(original);
    const cells = [model.tables.table3, model.tables.table4].flatMap((t) => {
      assert.ok(t, `${name}: table missing`);
      return t.rows.flatMap((r) => r.cells);
    });
    // 25 rows × 7 cells in table 三 and 15 in table 四 on every seed: no cell may escape the mutation.
    assert.equal(cells.length, 25 * 7 + 15, `${name}: cell count`);
    for (const cell of cells) {
      assert.equal(cell.value.kind, 'number', `${name}: ${cell.rowId}/${cell.columnId} is not a number`);
      const value = (cell.value as { value: number }).value;
      assert.equal(cell.raw, String(value), `${name}: ${cell.rowId}/${cell.columnId} is written as ${cell.raw}`);
      for (const changed of variants(value)) {
        mutations++;
        const text = original.slice(0, cell.span.start) + String(changed) + original.slice(cell.span.end);
        const span = { start: cell.span.start, end: cell.span.start + String(changed).length };
        const findings = runChecks(parseReport(text), { locale: 'zh' });
        const what = `${name} ${cell.table} ${cell.rowId}/${cell.columnId}: ${value} → ${changed}`;
        let ok = findings.some((f) => f.severity === 'error' && pointsAt(f, span));
        if (ok && cell.table === 'table3' && !isTotal(cell)) {
          const suspect = findings.find((f) => f.code === 'table3.suspect-cell' && f.span.start === span.start && f.span.end === span.end);
          const fix = suspect?.fixes.find((x) => x.preferred);
          const restored = fix && fix.edits.length === 1 ? text.slice(0, fix.edits[0].span.start) + fix.edits[0].newText + text.slice(fix.edits[0].span.end) : null;
          ok = restored === original;
        }
        if (ok) detected++;
        else misses.push(what);
      }
    }
  }
  console.log(`mutation detection: ${detected}/${mutations} (${((100 * detected) / mutations).toFixed(1)}%)`);
  assert.deepEqual(misses.slice(0, 20), []);
  assert.equal(detected, mutations);
});
