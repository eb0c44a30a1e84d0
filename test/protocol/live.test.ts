// The real server (dist/server.js) while the author types: diagnostics published during steady typing and never
// for an older version after a newer one; one analysis per version shared by every request; the lone-CR guard of
// the document sync; the hint for a report opened with the wrong encoding.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { LspClient, type PublishedDiagnostics } from '../support/lsp';
import { readSeed } from '../support/seeds';

// Counters for the analyses the server runs (request nianbao/test/stats): only with this variable set.
process.env.NIANBAO_TEST_STATS = '1';

const SEED = readSeed('003_bd5764f2f2266ecc.txt');
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const clients: LspClient[] = [];
// A failed assertion must not leave a server running (the test runner would wait for it forever).
after(() => clients.forEach((c) => c.process.kill()));

async function started(capabilities = {}): Promise<LspClient> {
  const client = new LspClient();
  clients.push(client);
  await client.initialize('zh-cn', capabilities);
  return client;
}

/** Every publishDiagnostics as it arrives, with its arrival time (a second reader of the server's output). */
function recordPublished(client: LspClient): { at: number; params: PublishedDiagnostics }[] {
  const seen: { at: number; params: PublishedDiagnostics }[] = [];
  let buffer = Buffer.alloc(0);
  client.process.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())![1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      if (message.method === 'textDocument/publishDiagnostics') seen.push({ at: Date.now(), params: message.params });
    }
  });
  return seen;
}

const stats = (client: LspClient) => client.request<{ parses: number; checks: number }>('nianbao/test/stats', null);

/** Types 40 characters at the end of line 2 of text, one every 50 ms; returns what was published while typing. */
async function typeSteadily(client: LspClient, uri: string, text: string): Promise<{ whileTyping: number[]; versions: number[]; final: PublishedDiagnostics }> {
  const seen = recordPublished(client);
  client.open(uri, text);
  await client.diagnosticsFor(uri);
  const line2 = text.split('\n')[2];
  let version = 1;
  const typingStart = Date.now();
  for (let i = 0; i < 40; i++) {
    version++;
    client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: range(2, line2.length + i, 2, line2.length + i), text: '字' }] });
    await sleep(50);
  }
  const lastKey = Date.now();
  const final = await client.diagnosticsFor(uri, (d) => d.version === version, 20000);
  const forUri = seen.filter((s) => s.params.uri === uri);
  return {
    whileTyping: forUri.filter((s) => s.at > typingStart && s.at < lastKey && (s.params.version ?? 0) > 1).map((s) => s.params.version ?? 0),
    versions: forUri.map((s) => s.params.version ?? 0),
    final,
  };
}

for (const [name, copies, atLeast] of [
  ['a report', 1, 8],
  // About 100 ms per analysis: the delay (twice the analysis) is longer than the pause between keys, so only the
  // maximum wait since the first unpublished change lets anything through while the author types.
  ['a slow document (the seed 60 times)', 60, 2],
] as const) {
  test(`steady typing in ${name} (a change every 50 ms for 2 s): diagnostics during typing, versions never go back`, async () => {
    const client = await started();
    const uri = `file:///tmp/nianbao-live/typing-${copies}.txt`;
    const { whileTyping, versions, final } = await typeSteadily(client, uri, SEED.repeat(copies));
    assert.ok(whileTyping.length >= atLeast, `published while typing: ${whileTyping.join(', ')}`);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions in publishing order: ${versions.join(', ')}`);
    assert.equal(new Set(versions).size, versions.length, 'each version is published once');
    // The last version's diagnostics: typing on line 2 changed nothing (the seed's one warning).
    if (copies === 1) assert.deepEqual(final.diagnostics.map((d: { range: unknown }) => d.range), [range(8, 100, 8, 101)]);
    else assert.ok(final.diagnostics.length > 0);
    assert.equal(await client.close(), 0);
  });
}

test('one analysis per version: code actions, hover, inlay hints and symbols on an unchanged version check nothing again', async () => {
  const client = await started();
  const uri = 'file:///tmp/nianbao-live/cache.txt';
  client.open(uri, SEED);
  const published = await client.diagnosticsFor(uri);
  const before = await stats(client);
  assert.equal(before.checks, 1);
  const context = { diagnostics: published.diagnostics };
  for (let i = 0; i < 5; i++) {
    const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: range(8, 100, 8, 101), context });
    assert.ok(Array.isArray(actions));
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 38, character: 33 } });
    await client.request('textDocument/inlayHint', { textDocument: { uri }, range: range(0, 0, 100, 0) });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  }
  assert.deepEqual(await stats(client), before, 'nothing parsed or checked again for version 1');

  // A new version: a code action asked before the diagnostics are published checks it once, and the publishing reuses that.
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: range(8, 100, 8, 101), text: '11' }] });
  await client.request('textDocument/codeAction', { textDocument: { uri }, range: range(8, 100, 8, 102), context: { diagnostics: [] } });
  assert.deepEqual((await client.diagnosticsFor(uri, (d) => d.version === 2)).diagnostics, []);
  assert.deepEqual(await stats(client), { parses: before.parses + 1, checks: before.checks + 1 });
  await client.request('textDocument/codeAction', { textDocument: { uri }, range: range(8, 100, 8, 102), context: { diagnostics: [] } });
  assert.deepEqual(await stats(client), { parses: before.parses + 1, checks: before.checks + 1 });

  // New settings are a new analysis (the text is not parsed again).
  client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { rules: { 'narrative.ambiguous-count': 'off' } } } });
  await client.diagnosticsFor(uri, (d) => d.version === 2);
  assert.deepEqual(await stats(client), { parses: before.parses + 1, checks: before.checks + 2 });
  assert.equal(await client.close(), 0);
});

test('lone CR: "\\n" typed right after a lone "\\r" keeps the server’s lines those of the client', async () => {
  const client = await started();
  const uri = 'file:///tmp/nianbao-live/lone-cr.txt';
  // Line 1 ends with a lone CR (a file pasted from an old Mac tool); the line numbers are those of the seed.
  const lines = SEED.split('\n');
  const text = `${lines[0]}\n${lines[1]}\r${lines.slice(2).join('\n')}`;
  client.open(uri, text);
  assert.deepEqual((await client.diagnosticsFor(uri)).diagnostics.map((d: { range: unknown }) => d.range), [range(8, 100, 8, 101)]);
  // The client types "\n" at 2:0, after the lone CR: "\r" + "\n" is one line break, the line count does not change.
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: range(2, 0, 2, 0), text: '\n' }] });
  assert.deepEqual((await client.diagnosticsFor(uri, (d) => d.version === 2)).diagnostics.map((d: { range: unknown }) => d.range), [range(8, 100, 8, 101)]);
  // An edit by position after that lands where the client means: 自然人 of row 一, 148 → 149 on line 38.
  const at = lines[38].indexOf('148');
  client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: range(38, at, 38, at + 3), text: '149' }] });
  const three = await client.diagnosticsFor(uri, (d) => d.version === 3);
  assert.deepEqual(
    three.diagnostics.map((d: { code: string; range: unknown }) => [d.code, d.range]),
    [
      ['narrative.ambiguous-count', range(8, 100, 8, 101)],
      ['table3.suspect-cell', range(38, at, 38, at + 3)],
      ['table3.row-total', range(38, 32, 38, 35)],
      ['table3.balance', range(62, 13, 62, 15)],
    ],
  );
  assert.equal(await client.close(), 0);
});

test('a report opened with the wrong encoding gets one hint to reopen it as GBK', async () => {
  const client = await started();
  const gbk = iconv.encode(SEED, 'gbk');
  const message = '文件似乎不是以正确的编码打开：请用“通过编码重新打开”选择 GBK/GB18030';
  // As UTF-8 (replacement characters), in a .txt named like a report; as Windows-1252, in a *.nianbao.md.
  for (const [uri, text, languageId] of [
    ['file:///tmp/nianbao-live/2023%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.txt', gbk.toString('utf8'), 'plaintext'],
    ['file:///tmp/nianbao-live/report.nianbao.md', iconv.decode(gbk, 'windows-1252'), 'disclosure-report'],
  ]) {
    client.open(uri, text, languageId);
    const published = await client.diagnosticsFor(uri);
    assert.equal(published.diagnostics.length, 1, JSON.stringify(published.diagnostics).slice(0, 500));
    assert.equal(published.diagnostics[0].code, 'encoding.mojibake');
    assert.equal(published.diagnostics[0].severity, 3);
    assert.equal(published.diagnostics[0].message, message);
    assert.equal(published.diagnostics[0].range.start.line, 0);
  }
  // A .txt with another name is left alone; the rule can be turned off.
  const notes = 'file:///tmp/nianbao-live/notes.txt';
  client.open(notes, gbk.toString('utf8'));
  assert.deepEqual((await client.diagnosticsFor(notes)).diagnostics, []);
  client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { rules: { encoding: { mojibake: 'off' } } } } });
  assert.deepEqual((await client.diagnosticsFor('file:///tmp/nianbao-live/report.nianbao.md')).diagnostics, []);
  assert.equal(await client.close(), 0);
});
