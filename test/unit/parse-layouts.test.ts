// Layout equivalence: each seed with its three tables rewritten as Markdown pipe tables, tab-separated,
// space-separated (PDF-like), and as several small pipe tables with differently named columns, reads to
// the same cell values as the seed itself. Ranges differ; values must not.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport } from '../../server/src/core/parse';
import { cellValues, LAYOUTS, rewriteTables, type Layout } from '../support/layouts';
import { readSeed, SEED_NAMES } from '../support/seeds';

/** A line each form must contain, so that a rewrite that silently kept the original cannot pass. */
const MARKERS: Record<Layout, RegExp[]> = {
  pipe: [/^\| 规章 \| \d+ \| \d+ \| \d+ \|$/m, /^\| 三、本年度办理结果 \|( +\|){7}$/m, /^\| 结果维持 \| 结果纠正 \|/m],
  tab: [/^规章\t\d+\t\d+\t\d+$/m, /^三、本年度办理结果\t\t[(（]一[)）]予以公开\t\d+/m, /^(\d+\t){14}\d+$/m],
  space: [/^规章 \d+ \d+ \d+$/m, /^[(（]二[)）]部分公开[(（]区分处理\n/m, /^(\d+ ){14}\d+$/m],
  'split-pipe': [/^\| 第二十条第（五）项 \| 处理决定数量 \|$/m, /^\| 申请人 \| 个人 \| 企业 \| 科研 \| 公益组织 \| 法律服务 \| 其他 \| 合计 \|$/m, /^\| 复议后起诉 \|/m],
};

for (const name of SEED_NAMES) {
  const text = readSeed(name);
  const original = parseReport(text);
  const expected = cellValues(original);

  for (const layout of LAYOUTS) {
    test(`${name} as ${layout}: same cell values`, () => {
      const rewritten = rewriteTables(text, layout);
      for (const marker of MARKERS[layout]) assert.match(rewritten, marker);
      if (layout === 'split-pipe') assert.equal(rewritten.match(/^\| 申请人 \|/gm)?.length, 3, 'table 三 in three tables');
      const model = parseReport(rewritten);
      assert.deepEqual(cellValues(model), expected);
      for (const table of Object.values(model.tables)) assert.deepEqual(table.missingRows, [], table.id);
      assert.deepEqual(model.unreadable, []);
      // The prose is untouched: same sections and claims.
      assert.deepEqual(model.sections.map((s) => s.headingText), original.sections.map((s) => s.headingText));
      assert.deepEqual(model.claims.map((c) => [c.kind, c.number?.value]), original.claims.map((c) => [c.kind, c.number?.value]));
      // Every cell range in the rewritten text holds the value as written there.
      for (const cell of Object.values(model.tables).flatMap((t) => t.rows.flatMap((r) => r.cells))) {
        assert.equal(rewritten.slice(cell.span.start, cell.span.end), cell.raw);
      }
    });
  }
}
