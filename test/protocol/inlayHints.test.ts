// Inlay hints against the real server: after each total that differs from the sum of its parts, the
// computed sum; none when totals agree; none when the setting turns them off.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFixture, positionOf } from '../support/documents';
import { LspClient, serversFor } from '../support/lsp';
import { readSeed, replaceNth } from '../support/seeds';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } };

const servers = serversFor({ zh: 'zh-cn', en: 'en' });

async function hints(client: LspClient, text: string, range = WHOLE) {
  const uri = openFixture(client, text, 'inlay');
  return client.request('textDocument/inlayHint', { textDocument: { uri }, range });
}

// Seed 003 with a wrong row total (一、 148 → 149) and a wrong table-四 group total (行政复议 5 → 6).
const SEED_003 = readSeed('003_bd5764f2f2266ecc.txt');
const WRONG_003 = replaceNth(replaceNth(SEED_003, '148\t0\t0\t0\t0\t0\t148', '148\t0\t0\t0\t0\t0\t149'), '3\t2\t0\t0\t5', '3\t2\t0\t0\t6');
// Seed 000 with a wrong （七） total for 自然人 (465 → 466).
const WRONG_000 = replaceNth(readSeed('000_c09face178877b87.txt'), '（七）总计 465', '（七）总计 466');

test('no hints when every total agrees (seeds 000 and 003)', async () => {
  assert.deepEqual(await hints(servers.zh, readSeed('000_c09face178877b87.txt')), []);
  assert.deepEqual(await hints(servers.zh, SEED_003), []);
});

test('a hint after each wrong total: row total of table 三 and group total of table 四 (seed 003)', async () => {
  const tooltip = '按本文档各单元格计算的合计';
  assert.deepEqual(await hints(servers.zh, WRONG_003), [
    { position: positionOf(WRONG_003, '\t149', 0, 4), label: '应为 148', paddingLeft: true, tooltip },
    { position: positionOf(WRONG_003, '3\t2\t0\t0\t6', 0, 9), label: '应为 5', paddingLeft: true, tooltip },
  ]);
  assert.deepEqual(positionOf(WRONG_003, '\t149', 0, 4), { line: 38, character: 35 });
});

test('a hint after a wrong （七） total, in English (seed 000)', async () => {
  assert.deepEqual(await hints(servers.en, WRONG_000), [
    { position: { line: 177, character: 9 }, label: 'should be 465', paddingLeft: true, tooltip: 'The total computed from the cells of this document' },
  ]);
});

test('only hints inside the requested range', async () => {
  const table4Only = { start: { line: 69, character: 0 }, end: { line: 70, character: 0 } };
  assert.deepEqual(
    (await hints(servers.zh, WRONG_003, table4Only)).map((h: { label: string }) => h.label),
    ['应为 5'],
  );
});

test('no hint when a part is not a number (seed 000, 4.保护第三方合法权益 自然人 = “9三”)', async () => {
  const text = replaceNth(WRONG_000, '4.保护第三方合法权益 93', '4.保护第三方合法权益 9三');
  assert.deepEqual(await hints(servers.zh, text), []);
});

test('the setting disclosureReport.inlayHints.enable = false turns them off', async () => {
  const client = new LspClient();
  await client.initialize('zh-cn');
  client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { inlayHints: { enable: false } } } });
  assert.deepEqual(await hints(client, WRONG_000), []);
  client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { inlayHints: { enable: true } } } });
  assert.equal((await hints(client, WRONG_000)).length, 1);
  assert.equal(await client.close(), 0);
});
