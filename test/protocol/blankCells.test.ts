// table.blank-cells against the real server over stdio: one information diagnostic per table, on the row of the
// first blank cell, and one quick fix that writes 0 into every blank cell of the table (in both locales).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serversFor, withoutDisableActions } from '../support/lsp';
import { positionOf } from '../support/documents';
import { readSeed, replaceNth } from '../support/seeds';

const servers = serversFor({ zh: 'zh-cn', en: 'en' });
let documentCount = 0;

const seed = readSeed('003_bd5764f2f2266ecc.txt');
const ROW4 = '\t\t4. 保护第三方合法权益\t13\t0\t0\t0\t0\t0\t13';
const ROW7 = '\t\t7. 属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0';
/** Two blank fields in row 4 and a dash in row 7 of table 三. */
const text = replaceNth(replaceNth(seed, ROW4, '\t\t4. 保护第三方合法权益\t13\t\t0\t0\t\t0\t13'), ROW7, '\t\t7. 属于行政执法案卷\t0\t—\t0\t0\t0\t0\t0');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function diagnosticsAndActions(locale: 'zh' | 'en') {
  const uri = `file:///fixtures/blank-cells-${documentCount++}.txt`;
  const client = servers[locale];
  client.open(uri, text);
  const { diagnostics } = await client.diagnosticsFor(uri);
  const blank = diagnostics.filter((d: Json) => d.code === 'table.blank-cells');
  const cursor = positionOf(text, '合法权益\t13', 0, 6);
  const actions = withoutDisableActions(await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: cursor, end: cursor }, context: { diagnostics } }));
  return { uri, diagnostics, blank, actions };
}

test('one information diagnostic for the table, on the first blank cell\'s row', async () => {
  const { blank, diagnostics } = await diagnosticsAndActions('zh');
  assert.deepEqual(
    blank.map((d: Json) => [d.severity, d.message, d.range]),
    [[3, '表三有 3 个空格，格式要求没有的填 0；空格按 0 计算', { start: positionOf(text, '4. 保护第三方合法权益'), end: positionOf(text, '\t13\t\t0\t0\t\t0\t13', 0, 14) }]],
  );
  assert.deepEqual(diagnostics.map((d: Json) => d.code).sort(), ['narrative.ambiguous-count', 'table.blank-cells']);
});

test('the quick fix 将 3 个空格填为 0 fills every blank cell of the table', async () => {
  const { uri, actions, blank } = await diagnosticsAndActions('zh');
  const fill = (at: string, n: number, offset: number) => {
    const p = positionOf(text, at, n, offset);
    return { range: { start: p, end: p }, newText: '0' };
  };
  const dash = positionOf(text, '执法案卷\t0\t—', 0, 7);
  assert.deepEqual(
    actions.map((a: Json) => [a.title, a.kind, a.isPreferred, a.diagnostics, a.edit]),
    [
      [
        '将 3 个空格填为 0',
        'quickfix',
        true,
        blank,
        {
          changes: {
            [uri]: [
              fill('合法权益\t13\t\t', 0, 8),
              fill('合法权益\t13\t\t0\t0\t\t', 0, 13),
              { range: { start: dash, end: { line: dash.line, character: dash.character + 1 } }, newText: '0' },
            ],
          },
        },
      ],
    ],
  );
});

test('English', async () => {
  const { blank, actions } = await diagnosticsAndActions('en');
  assert.deepEqual(blank.map((d: Json) => d.message), ['Table 3 has 3 blank cells; the format wants 0 for none; blank cells count as 0']);
  assert.deepEqual(actions.map((a: Json) => a.title), ['Fill the 3 blank cells with 0']);
});
