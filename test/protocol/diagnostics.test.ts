// The real server (dist/server.js) over stdio: diagnostics published on open, change, configuration and close.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient } from '../support/lsp';
import { readSeed, replaceNth } from '../support/seeds';

const SEED = readSeed('003_bd5764f2f2266ecc.txt');
const URI = 'file:///tmp/nianbao-protocol/003.txt';
const MESSAGE_ZH =
  '“本年度被依法提起行政复议、行政诉讼案件 5 件”把行政复议和行政诉讼并在一起，含义不明：表四中行政复议 5 件，行政诉讼 6 件（直接起诉 5 件、复议后起诉 1 件），合计 11 件；5 件只与行政复议相符，请分别写明复议和诉讼的件数';
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

function ambiguous(message: string, related: string[]) {
  return {
    range: range(8, 100, 8, 101),
    severity: 2,
    code: 'narrative.ambiguous-count',
    source: 'nianbao',
    message,
    relatedInformation: [range(69, 8, 69, 9), range(69, 18, 69, 19), range(69, 28, 69, 29)].map((r, i) => ({ location: { uri: URI, range: r }, message: related[i] })),
  };
}
const RELATED_ZH = ['行政复议总计：5', '行政诉讼总计（直接起诉＋复议后起诉）中的“未经复议直接起诉 / 总计”：5', '行政诉讼总计（直接起诉＋复议后起诉）中的“复议后起诉 / 总计”：1'];

const clients: LspClient[] = [];
// A failed assertion must not leave a server running (the test runner would wait for it forever).
after(() => clients.forEach((c) => c.process.kill()));

async function started(locale = 'zh-cn'): Promise<LspClient> {
  const client = new LspClient();
  clients.push(client);
  const result = await client.initialize(locale);
  assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.equal(result.serverInfo.name, 'nianbao-language-server');
  return client;
}

test('open, incremental change, close; exits 0 on shutdown + exit', async () => {
  const client = await started();
  client.open(URI, SEED);
  assert.deepEqual((await client.diagnosticsFor(URI)).diagnostics, [ambiguous(MESSAGE_ZH, RELATED_ZH)]);

  // "5 件" → "11 件": the sum of 复议 and 诉讼 is unambiguous.
  client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: range(8, 100, 8, 101), text: '11' }] });
  assert.deepEqual(await client.diagnosticsFor(URI, (d) => d.version === 2), { uri: URI, version: 2, diagnostics: [] });

  // 自然人 of row 一: 148 → 149 (line 38, after "一、本年新收政府信息公开申请数量\t\t").
  const line38 = SEED.split('\n')[38];
  const at = line38.indexOf('148');
  client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ range: range(38, at, 38, at + 3), text: '149' }] });
  const three = await client.diagnosticsFor(URI, (d) => d.version === 3);
  assert.deepEqual(three.diagnostics.map((d: { code: string; range: unknown; severity: number }) => [d.code, d.severity, d.range]), [
    ['table3.suspect-cell', 1, range(38, at, 38, at + 3)],
    ['table3.row-total', 1, range(38, 32, 38, 35)],
    ['table3.balance', 1, range(62, 13, 62, 15)],
  ]);
  assert.equal(three.diagnostics[0].message, '此格可能填错：“一、本年新收政府信息公开申请数量”行的总计与“自然人”列的勾稽关系都相差 1；将此格由 149 改为 148 可同时修正两处');

  client.notify('textDocument/didClose', { textDocument: { uri: URI } });
  assert.deepEqual((await client.diagnosticsFor(URI)).diagnostics, []);
  assert.equal(await client.close(), 0);
});

test('a .txt that is not a report gets an empty list', async () => {
  const client = await started();
  const uri = 'file:///tmp/nianbao-protocol/notes.txt';
  client.open(uri, '会议纪要\n今天共收到 3 件申请，办结 2 件。\n');
  assert.deepEqual(await client.diagnosticsFor(uri), { uri, version: 1, diagnostics: [] });
  assert.equal(await client.close(), 0);
});

for (const [form, settings] of [
  ['flat', { disclosureReport: { rules: { 'narrative.ambiguous-count': 'off' } } }],
  ['nested (as VS Code sends it)', { disclosureReport: { rules: { narrative: { 'ambiguous-count': 'off' } } } }],
] as const) {
  test(`didChangeConfiguration, ${form}: open documents are re-checked without a restart`, async () => {
    const client = await started();
    client.open(URI, SEED);
    assert.equal((await client.diagnosticsFor(URI)).diagnostics.length, 1);
    client.notify('workspace/didChangeConfiguration', { settings });
    assert.deepEqual((await client.diagnosticsFor(URI)).diagnostics, []);
    client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { rules: { 'narrative.ambiguous-count': 'error' } } } });
    assert.deepEqual((await client.diagnosticsFor(URI)).diagnostics.map((d: { severity: number }) => d.severity), [1]);
    assert.equal(await client.close(), 0);
  });
}

test('locale en gives English messages', async () => {
  const client = await started('en');
  client.open(URI, SEED, 'disclosure-report');
  assert.deepEqual((await client.diagnosticsFor(URI)).diagnostics, [
    ambiguous(
      '“本年度被依法提起行政复议、行政诉讼案件 5 件” lumps reconsideration and litigation together: table 4 has 5 reconsideration and 6 litigation cases (5 direct, 1 after reconsideration), 11 in all; 5 matches only reconsideration, so state each kind separately',
      ['reconsideration total: 5', 'litigation total (direct + after reconsideration), part “未经复议直接起诉 / 总计”: 5', 'litigation total (direct + after reconsideration), part “复议后起诉 / 总计”: 1'],
    ),
  ]);
  assert.equal(await client.close(), 0);
});

test('survives garbage: random text, edits beyond the end, requests for unknown documents', async () => {
  const client = await started();
  const uri = 'file:///tmp/nianbao-protocol/garbage.nianbao.txt';
  let random = '';
  let seed = 7;
  for (let i = 0; i < 5000; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    random += '一二三四五六七（）()|\t\n 0123456789-—.%件项勾稽关系总计年'[seed % 43];
  }
  client.open(uri, random, 'disclosure-report');
  assert.ok(Array.isArray((await client.diagnosticsFor(uri)).diagnostics));
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: range(100000, 5, 100200, 0), text: replaceNth(SEED, '5 件', '11 件') }] });
  await client.diagnosticsFor(uri, (d) => d.version === 2);
  client.notify('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.txt', version: 9 }, contentChanges: [{ text: 'x' }] });
  client.notify('textDocument/didClose', { textDocument: { uri: 'file:///nowhere.txt' } });
  // Answered (null or an error, depending on the features registered), never a crash.
  await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } }).catch(() => null);
  // Still alive and checking.
  client.open(URI, SEED);
  assert.equal((await client.diagnosticsFor(URI)).diagnostics.length, 1);
  assert.equal(await client.close(), 0);
});
