// The new-report template parses back into the full format with zeros and passes every check; the
// pipe-table reader and writer it shares with the formatter.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runChecks } from '../../server/src/core/checks';
import { parseReport } from '../../server/src/core/parse';
import { parsePipeLine, renderPipeTable } from '../../server/src/core/pipeTable';
import { newReportText } from '../../server/src/core/template';

for (const body of ['某某区人民政府办公室', '某某区人民政府', '某某市生态环境局']) {
  test(`template for ${body}: six sections, every row of the three tables with zeros, no findings`, () => {
    const model = parseReport(newReportText({ year: 2024, body }));
    assert.deepEqual(model.title && [model.title.body, model.title.year], [body, 2024]);
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(model.sections[0].subHeadings.map((h) => h.marker + h.text), ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
    const counts = (['table2', 'table3', 'table4'] as const).map((id) => {
      const table = model.tables[id]!;
      assert.deepEqual(table.missingRows, [], id);
      const cells = table.rows.flatMap((r) => [...r.cells, ...r.extraCells]);
      assert.ok(cells.every((c) => c.value.kind === 'number' && c.value.value === 0 && c.raw === '0'), id);
      return [table.rows.length, cells.length];
    });
    assert.deepEqual(counts, [[6, 10], [25, 175], [3, 15]]);
    assert.ok(model.balanceNote);
    assert.deepEqual(runChecks(model, { locale: 'zh' }), []);
  });
}

test('pipe lines: cells trimmed, an escaped pipe stays in its cell, alignment rows read', () => {
  assert.deepEqual(parsePipeLine('  |a | b\\|c|  '), { kind: 'cells', cells: ['a', 'b\\|c'] });
  assert.deepEqual(parsePipeLine('| 行政许可 | 0'), { kind: 'cells', cells: ['行政许可', '0'] });
  assert.deepEqual(parsePipeLine('|---|:--|--:|:-:|'), { kind: 'alignment', aligns: ['none', 'left', 'right', 'center'] });
});

test('rendering pads to display width (CJK double) per alignment, and is stable', () => {
  const lines = ['|项目|n|x|', '|:-:|--:|-|', '|规章|12|ab|'].map(parsePipeLine);
  const rendered = renderPipeTable(lines);
  assert.deepEqual(rendered, ['| 项目 |   n | x   |', '| :--: | --: | --- |', '| 规章 |  12 | ab  |']);
  assert.deepEqual(renderPipeTable(rendered.map(parsePipeLine)), rendered);
});
