// Code actions against the real server over stdio: each quick fix, the fix-all source action and the
// 修正全部合计 command, with exact titles, kinds, preference and edits.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serversFor, withoutDisableActions } from '../support/lsp';
import { positionOf } from '../support/documents';
import { readSeed, replaceNth } from '../support/seeds';

const servers = serversFor({ client: 'zh-cn' });
let documentCount = 0;

function rangeAt(text: string, find: string, n = 0, offset = 0, length = find.length - offset) {
  const start = positionOf(text, find, n, offset);
  return { start, end: { line: start.line, character: start.character + length } };
}

/** Opens text as a new plain-text document, waits for its diagnostics, asks for code actions at range. */
async function actionsAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, only?: string[]) {
  const uri = `file:///fixtures/actions-${documentCount++}.txt`;
  servers.client.open(uri, text);
  const { diagnostics } = await servers.client.diagnosticsFor(uri);
  const all = await servers.client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  // The quick fixes alone; the disable actions every finding has are pinned by their own tests.
  return { uri, actions: withoutDisableActions(all), all, diagnostics };
}

test('a broken row total: 将总计改为 N replaces exactly the total', async () => {
  const text = replaceNth(readSeed('000_c09face178877b87.txt'), '4.保护第三方合法权益 93 0 0 0 0 0 93', '4.保护第三方合法权益 93 0 0 0 0 0 94');
  const range = rangeAt(text, '0 94', 0, 2);
  const { uri, actions } = await actionsAt(text, range);
  assert.deepEqual(
    actions.map((a: { title: string; kind: string; isPreferred: boolean; edit: unknown; diagnostics: { code: string }[] }) => [a.title, a.kind, a.isPreferred, a.edit, a.diagnostics.map((d) => d.code)]),
    [['将总计改为 93', 'quickfix', false, { changes: { [uri]: [{ range, newText: '93' }] } }, ['table3.row-total']]],
  );
  assert.deepEqual(range, { start: { line: 123, character: 25 }, end: { line: 123, character: 27 } });
});

test('a mistyped cell: 将此格改为 N on the cell, preferred', async () => {
  const text = replaceNth(readSeed('000_c09face178877b87.txt'), '4.保护第三方合法权益 93 0', '4.保护第三方合法权益 95 0');
  const range = rangeAt(text, '合法权益 95', 0, 5);
  const { uri, actions } = await actionsAt(text, range);
  assert.deepEqual(
    actions.map((a: { title: string; isPreferred: boolean; edit: unknown }) => [a.title, a.isPreferred, a.edit]),
    [['将此格改为 93', true, { changes: { [uri]: [{ range, newText: '93' }] } }]],
  );
});

test('a broken （七） total in a tab-separated table: 将总计改为 N', async () => {
  const text = replaceNth(readSeed('003_bd5764f2f2266ecc.txt'), '(七) 总计\t\t126\t0', '(七) 总计\t\t127\t0');
  const range = rangeAt(text, '\t127\t', 0, 1, 3);
  const { uri, actions } = await actionsAt(text, range);
  assert.deepEqual(
    actions.map((a: { title: string; isPreferred: boolean; edit: unknown }) => [a.title, a.isPreferred, a.edit]),
    [['将总计改为 126', false, { changes: { [uri]: [{ range, newText: '126' }] } }]],
  );
});

test('table 四: a group total is set to the sum of its four parts', async () => {
  const text = replaceNth(readSeed('003_bd5764f2f2266ecc.txt'), '3\t2\t0\t0\t5\t4', '3\t2\t0\t0\t6\t4');
  const range = rangeAt(text, '0\t6\t4', 0, 2, 1);
  const { uri, actions } = await actionsAt(text, range);
  assert.deepEqual(
    actions.map((a: { title: string; edit: unknown }) => [a.title, a.edit]),
    [['将总计改为 5', { changes: { [uri]: [{ range, newText: '5' }] } }]],
  );
});

test('the balance: carried forward set to 一 + 二 − （七）, next to the preferred cell fix', async () => {
  const text = replaceNth(readSeed('003_bd5764f2f2266ecc.txt'), '四、结转下年度继续办理\t\t23', '四、结转下年度继续办理\t\t25');
  const range = rangeAt(text, '继续办理\t\t25', 0, 6, 2);
  const { uri, actions } = await actionsAt(text, range);
  assert.deepEqual(
    actions.map((a: { title: string; isPreferred: boolean; edit: unknown }) => [a.title, a.isPreferred, a.edit]),
    [
      ['将结转下年度改为 23（一 + 二 − （七））', false, { changes: { [uri]: [{ range, newText: '23' }] } }],
      ['将此格改为 23', true, { changes: { [uri]: [{ range, newText: '23' }] } }],
    ],
  );
});

test('a prose figure that contradicts the table: replaced by the table value, never preferred', async () => {
  const text = replaceNth(readSeed('003_bd5764f2f2266ecc.txt'), '结转下年度继续办理 23 项', '结转下年度继续办理 24 项');
  const range = rangeAt(text, '继续办理 24 项', 0, 5, 2);
  const { uri, actions } = await actionsAt(text, range);
  assert.deepEqual(
    actions.map((a: { title: string; isPreferred: boolean; edit: unknown }) => [a.title, a.isPreferred, a.edit]),
    [['将正文数字改为 23（按表格）', false, { changes: { [uri]: [{ range, newText: '23' }] } }]],
  );
});

test('a row label without its quotes: replaced by the canonical label', async () => {
  const text = replaceNth(readSeed('003_bd5764f2f2266ecc.txt'), '3. 危及“三安全一稳定”', '3. 危及三安全一稳定');
  const range = rangeAt(text, '3. 危及三安全一稳定');
  const { uri, actions } = await actionsAt(text, range);
  assert.deepEqual(
    actions.map((a: { title: string; isPreferred: boolean; edit: unknown }) => [a.title, a.isPreferred, a.edit]),
    [['改为“3.危及“三安全一稳定””', true, { changes: { [uri]: [{ range, newText: '3.危及“三安全一稳定”' }] } }]],
  );
});

const TWO_BROKEN = () =>
  replaceNth(replaceNth(readSeed('000_c09face178877b87.txt'), '4.保护第三方合法权益 93 0', '4.保护第三方合法权益 95 0'), '（七）总计 465 0 0 0 0 0 465', '（七）总计 465 0 0 0 0 0 460');

test('fix-all source action: one edit with every total fix, only when asked for by kind', async () => {
  const text = TWO_BROKEN();
  const anywhere = rangeAt(text, '一、总体情况');
  const { uri, actions } = await actionsAt(text, anywhere, ['source.fixAll']);
  assert.deepEqual(actions, [
    {
      title: '修正全部合计',
      kind: 'source.fixAll.disclosureReport',
      edit: { changes: { [uri]: [{ range: rangeAt(text, '合法权益 95', 0, 5), newText: '93' }, { range: rangeAt(text, '0 460', 0, 2), newText: '465' }] } },
    },
  ]);
  const plain = await actionsAt(text, anywhere);
  assert.deepEqual(plain.actions, []);
});

test('修正全部合计 command: the server applies the edit through workspace/applyEdit', async () => {
  const text = TWO_BROKEN();
  const uri = `file:///fixtures/actions-${documentCount++}.txt`;
  servers.client.open(uri, text);
  await servers.client.diagnosticsFor(uri);
  servers.client.answer('workspace/applyEdit', () => ({ applied: true }));
  const result = await servers.client.request('workspace/executeCommand', { command: 'disclosureReport.server.fixAllTotals', arguments: [uri] });
  assert.deepEqual(result, { applied: true, changes: 2 });
  const applied = servers.client.serverRequests.filter((r) => r.method === 'workspace/applyEdit').pop()!;
  assert.deepEqual(applied.params, {
    label: '修正全部合计',
    edit: { changes: { [uri]: [{ range: rangeAt(text, '合法权益 95', 0, 5), newText: '93' }, { range: rangeAt(text, '0 460', 0, 2), newText: '465' }] } },
  });
});

test('a missing section: its heading and empty table are inserted where the section belongs', async () => {
  const seed = readSeed('002_400582c34393c453.txt');
  const text = seed.slice(0, seed.indexOf('四、政府信息公开行政复议')) + seed.slice(seed.indexOf('五、存在的主要问题'));
  const at = positionOf(text, '五、存在的主要问题');
  const { uri, actions } = await actionsAt(text, { start: at, end: at });
  assert.deepEqual(actions, [
    {
      title: '插入“四、政府信息公开行政复议、行政诉讼情况”',
      kind: 'quickfix',
      diagnostics: [
        {
          range: { start: at, end: at },
          severity: 2,
          code: 'structure.missing-section',
          source: 'nianbao',
          message: '缺少第四部分“四、政府信息公开行政复议、行政诉讼情况”；年度报告格式要求六个部分齐全',
        },
      ],
      isPreferred: true,
      edit: {
        changes: {
          [uri]: [
            {
              range: { start: at, end: at },
              newText: [
                '四、政府信息公开行政复议、行政诉讼情况',
                '',
                '|                  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |',
                '| :--------------- | -------: | -------: | -------: | -------: | ---: |',
                '| 行政复议         |        0 |        0 |        0 |        0 |    0 |',
                '| 未经复议直接起诉 |        0 |        0 |        0 |        0 |    0 |',
                '| 复议后起诉       |        0 |        0 |        0 |        0 |    0 |',
                '',
                '',
              ].join('\n'),
            },
          ],
        },
      },
    },
  ]);
});
