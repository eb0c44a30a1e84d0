// The real server (dist/server.js) and disclosureReport.maxLiveSize: a document above it gets one information
// diagnostic, is not checked while typing, and is checked in full on save (didSave, a static capability).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lsp';
import { readSeed } from '../support/seeds';

process.env.NIANBAO_TEST_STATS = '1';

const SEED = readSeed('003_bd5764f2f2266ecc.txt');
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LIMIT = 1000;
const NOTICE = `此文件有 ${SEED.length} 个字符，超过 disclosureReport.maxLiveSize（${LIMIT}）：输入时不检查，保存时检查全文`;

const clients: LspClient[] = [];
after(() => clients.forEach((c) => c.process.kill()));

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const summary = (diagnostics: Json[]) => diagnostics.map((d) => [d.code, d.severity, d.range.start.line]);
const stats = (client: LspClient) => client.request<{ parses: number; checks: number }>('nianbao/test/stats', null);

const CAPABILITIES = { textDocument: { synchronization: { didSave: true } } };

for (const how of ['pushed', 'pulled'] as const) {
  test(`above maxLiveSize (${how} setting): one notice, nothing checked while typing, a full check on save`, async () => {
    const client = new LspClient();
    clients.push(client);
    if (how === 'pulled') client.answer('workspace/configuration', () => [{ maxLiveSize: LIMIT }]);
    await client.initialize('zh-cn', how === 'pulled' ? { ...CAPABILITIES, workspace: { configuration: true } } : CAPABILITIES);
    if (how === 'pushed') client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { maxLiveSize: LIMIT } } });
    const uri = `file:///tmp/nianbao-size/${how}.txt`;
    // The settings arrive (pushed or pulled) before the document: wait until the server asked, or give it a moment.
    await sleep(200);

    client.open(uri, SEED);
    const opened = await client.diagnosticsFor(uri);
    assert.deepEqual(opened.diagnostics, [{ range: range(0, 0, 0, 0), severity: 3, code: 'disclosureReport.maxLiveSize', source: 'nianbao', message: NOTICE }]);
    assert.deepEqual(await stats(client), { parses: 0, checks: 0 });

    // Typing: nothing parsed, nothing published, features answer empty.
    for (let version = 2; version <= 6; version++) {
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: range(2, 0, 2, 0), text: version === 2 ? '' : ' ' }] });
    }
    await sleep(500);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: range(8, 100, 8, 101), context: { diagnostics: [] } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 38, character: 33 } }), null);
    assert.deepEqual(await stats(client), { parses: 0, checks: 0 });
    await assert.rejects(client.diagnosticsFor(uri, () => true, 300), /no matching diagnostics/);

    // Save: the full check, with the notice first.
    client.notify('textDocument/didSave', { textDocument: { uri } });
    const saved = await client.diagnosticsFor(uri, (d) => d.version === 6);
    assert.deepEqual(summary(saved.diagnostics), [
      ['disclosureReport.maxLiveSize', 3, 0],
      ['narrative.ambiguous-count', 2, 8],
    ]);
    assert.deepEqual(await stats(client), { parses: 1, checks: 1 });
    // Until the next change the saved analysis serves the features too.
    const actions = await client.request<Json[]>('textDocument/codeAction', { textDocument: { uri }, range: range(8, 100, 8, 101), context: { diagnostics: saved.diagnostics.slice(1) } });
    assert.ok(Array.isArray(actions));
    assert.deepEqual(await stats(client), { parses: 1, checks: 1 });

    // Back under the limit (the default, 2 MB): checked live again.
    if (how === 'pulled') client.answer('workspace/configuration', () => [{}]);
    client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: {} } });
    assert.deepEqual(summary((await client.diagnosticsFor(uri, (d) => d.diagnostics.every((x: Json) => x.code !== 'disclosureReport.maxLiveSize'))).diagnostics), [['narrative.ambiguous-count', 2, 8]]);
    client.notify('textDocument/didChange', { textDocument: { uri, version: 7 }, contentChanges: [{ range: range(8, 100, 8, 101), text: '11' }] });
    assert.deepEqual((await client.diagnosticsFor(uri, (d) => d.version === 7)).diagnostics, []);
    assert.equal(await client.close(), 0);
  });
}

test('a document that grows past maxLiveSize while typed in: its live findings give way to the notice', async () => {
  const client = new LspClient();
  clients.push(client);
  await client.initialize('en', CAPABILITIES);
  client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { maxLiveSize: SEED.length + 10 } } });
  const uri = 'file:///tmp/nianbao-size/growing.txt';
  client.open(uri, SEED);
  assert.deepEqual(summary((await client.diagnosticsFor(uri, (d) => d.diagnostics.length === 1)).diagnostics), [['narrative.ambiguous-count', 2, 8]]);
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: range(2, 0, 2, 0), text: '一二三四五六七八九十十一' }] });
  const grown = await client.diagnosticsFor(uri, (d) => d.version === 2);
  assert.deepEqual(summary(grown.diagnostics), [['disclosureReport.maxLiveSize', 3, 0]]);
  assert.match(grown.diagnostics[0].message, /not checked while typing, only on save/);
  // A large text that is no report (a log, a long Markdown file) gets no notice at all.
  const log = 'file:///tmp/nianbao-size/build.log.txt';
  client.open(log, 'compiling module 42 of 99\n'.repeat(200));
  assert.deepEqual((await client.diagnosticsFor(log)).diagnostics, []);
  assert.equal(await client.close(), 0);
});
