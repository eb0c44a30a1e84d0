// Input that once broke the server: it must keep answering every request for the document.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFixture } from '../support/documents';
import { serversFor } from '../support/lsp';

const servers = serversFor({ client: 'zh-cn' });

test('a table line of 125,000 fields (245 KB): diagnostics published, hover and symbols answered', async () => {
  const text = `# 2024年某某区人民政府政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量${'\t1'.repeat(125_000)}\n`;
  const uri = openFixture(servers.client, text, 'long-line');
  const published = await servers.client.diagnosticsFor(uri);
  assert.deepEqual(
    published.diagnostics.map((d: { code: string }) => d.code),
    // One row with 125,000 figures among 25 expected rows: the table is reported once as unreadable.
    ['structure.government-duties', 'structure.missing-section', 'structure.missing-section', 'table.unreadable', 'structure.missing-section', 'structure.missing-section', 'structure.missing-section'],
  );
  const hover = await servers.client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
  // Answered (a timeout would throw): nothing to show, the table is not read.
  assert.equal(hover, null);
  const symbols: { name: string }[] = await servers.client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ['2024年某某区人民政府政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况']);
});
