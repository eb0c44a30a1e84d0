// The command disclosureReport.server.newReportText: a complete draft that the server itself finds nothing wrong with.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFixture } from '../support/documents';
import { LspClient, serversFor } from '../support/lsp';

const servers = serversFor({ client: 'zh-cn' });

const newReport = (args: unknown[]): Promise<string | null> => servers.client.request('workspace/executeCommand', { command: 'disclosureReport.server.newReportText', arguments: args });

test('the server advertises the command', async () => {
  const other = new LspClient();
  const result = await other.initialize('zh-cn');
  assert.ok(result.capabilities.executeCommandProvider.commands.includes('disclosureReport.server.newReportText'));
  assert.equal(await other.close(), 0);
});

test('a draft for a people’s government: titled for the year and body, no diagnostics at all', async () => {
  const text = await newReport([{ year: 2025, body: '某某区人民政府' }]);
  assert.ok(text);
  assert.equal(text.split('\n')[0], '# 某某区人民政府2025年政府信息公开工作年度报告');
  const uri = openFixture(servers.client, text, 'new-report');
  const published = await servers.client.diagnosticsFor(uri);
  assert.deepEqual(published.diagnostics, []);
  const symbols: { name: string }[] = await servers.client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ['某某区人民政府2025年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
});

test('arguments that are not { year, body } give no draft', async () => {
  assert.equal(await newReport([{ year: '2025', body: '某某区人民政府' }]), null);
  assert.equal(await newReport([]), null);
});
