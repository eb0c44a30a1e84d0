// Document formatting against the real server: Markdown pipe tables aligned with CJK characters counted
// double, values untouched, a second run changes nothing; tab-separated and PDF layouts are left alone.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openFixture } from '../support/documents';
import { serversFor } from '../support/lsp';
import { readSeed, replaceNth } from '../support/seeds';

const SEED_003 = readSeed('003_bd5764f2f2266ecc.txt');
const TAB_ROWS = '信息内容\t本年收费金额（单位：万元）\t\t\n行政事业性收费\t0\t\t';
const UNALIGNED = '|信息内容|本年收费金额（单位：万元）|\n|:-|-:|\n|行政事业性收费|4068.208|';
const ALIGNED = ['| 信息内容       | 本年收费金额（单位：万元） |', '| :------------- | -------------------------: |', '| 行政事业性收费 |                   4068.208 |'].join('\n');
const OPTIONS = { tabSize: 4, insertSpaces: true };

const servers = serversFor({ client: 'zh-cn' });

async function format(text: string) {
  const uri = openFixture(servers.client, text, 'format');
  return servers.client.request('textDocument/formatting', { textDocument: { uri }, options: OPTIONS });
}

test('a pipe table in seed 003 is aligned line by line, its value kept, and formatting again changes nothing', async () => {
  const text = replaceNth(SEED_003, TAB_ROWS, UNALIGNED);
  const edits = await format(text);
  assert.deepEqual(
    edits.map((e: { range: { start: { line: number } } }) => e.range.start.line),
    [30, 31, 32],
  );
  assert.deepEqual(edits[0], { range: { start: { line: 30, character: 0 }, end: { line: 30, character: 20 } }, newText: '| 信息内容       | 本年收费金额（单位：万元） |' });
  const formatted = TextDocument.applyEdits(TextDocument.create('file:///x.txt', 'plaintext', 1, text), edits);
  assert.equal(formatted, replaceNth(SEED_003, TAB_ROWS, ALIGNED));
  assert.deepEqual(await format(formatted), []);
});

test('the new-report template is already formatted', async () => {
  const text: string = await servers.client.request('workspace/executeCommand', { command: 'disclosureReport.server.newReportText', arguments: [{ year: 2024, body: '某某区人民政府办公室' }] });
  assert.deepEqual(await format(text), []);
});

test('tab-separated and PDF-extracted tables are left alone (seeds 003 and 000)', async () => {
  assert.deepEqual(await format(SEED_003), []);
  assert.deepEqual(await format(readSeed('000_c09face178877b87.txt')), []);
});
