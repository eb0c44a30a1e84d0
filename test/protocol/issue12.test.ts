// Issue 12 against the real server over stdio: CodeLens over tables 三 and 四, headings that almost are
// (structure.section-heading), the hover on a prose figure, disabling a rule from the light bulb, and the setting
// disclosureReport.language — each with its exact results.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { positionOf, rangeOf } from '../support/documents';
import { LspClient, serversFor } from '../support/lsp';
import { readSeed, replaceNth } from '../support/seeds';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEED_003 = readSeed('003_bd5764f2f2266ecc.txt');
const SEED_000 = readSeed('000_c09face178877b87.txt');
const servers = serversFor({ zh: 'zh-cn', en: 'en', switching: 'zh-cn' });
let opened = 0;

async function open(client: LspClient, text: string, name = 'doc.txt') {
  const uri = `file:///fixtures/issue12-${opened++}-${name}`;
  client.open(uri, text);
  const { diagnostics } = await client.diagnosticsFor(uri);
  return { uri, diagnostics };
}

const BROKEN = replaceNth(replaceNth(SEED_003, '四、结转下年度继续办理\t\t23', '四、结转下年度继续办理\t\t25'), '3\t2\t0\t0\t5\t4', '3\t2\t0\t0\t6\t4');
const lens = (range: Json, title: string, command = '', args?: unknown[]) => ({ range, command: { title, command, ...(args ? { arguments: args } : {}) } });

test('CodeLens: 勾稽关系 ✓ and 合计 ✓ on the first lines of tables 三 and 四 (seed 003)', async () => {
  const { uri } = await open(servers.zh, SEED_003);
  assert.deepEqual(await servers.zh.request('textDocument/codeLens', { textDocument: { uri } }), [
    lens({ start: { line: 35, character: 0 }, end: { line: 35, character: 50 } }, '勾稽关系 ✓'),
    lens({ start: { line: 66, character: 0 }, end: { line: 66, character: 22 } }, '合计 ✓'),
  ]);
});

test('CodeLens: N 列不平 / N 组不平 and 修正全部合计 (the client command, with the URI) where a total is wrong', async () => {
  const { uri } = await open(servers.zh, BROKEN);
  const first3 = { start: { line: 35, character: 0 }, end: { line: 35, character: 50 } };
  const first4 = { start: { line: 66, character: 0 }, end: { line: 66, character: 22 } };
  assert.deepEqual(await servers.zh.request('textDocument/codeLens', { textDocument: { uri } }), [
    lens(first3, '勾稽关系 ✗ 1 列不平'),
    lens(first3, '修正全部合计', 'disclosureReport.fixAllTotals', [uri]),
    lens(first4, '合计 ✗ 1 组不平'),
    lens(first4, '修正全部合计', 'disclosureReport.fixAllTotals', [uri]),
  ]);
  const en = await open(servers.en, BROKEN);
  assert.deepEqual(
    (await servers.en.request('textDocument/codeLens', { textDocument: { uri: en.uri } })).map((l: Json) => l.command.title),
    ['Balance ✗ 1 column off', 'Fix all totals', 'Totals ✗ 1 group off', 'Fix all totals'],
  );
});

test('a heading without its numeral: structure.section-heading on that line, the format\'s heading as the preferred fix, no missing section', async () => {
  const text = SEED_003.replace('#### 六、其他需要报告的事项', '其他需要报告的事项');
  const { uri, diagnostics } = await open(servers.zh, text);
  const range = rangeOf(text, '其他需要报告的事项');
  const heading = { range, severity: 2, code: 'structure.section-heading', source: 'nianbao', message: '“其他需要报告的事项”按第六部分的标题识别，但缺少序号或写法与格式不同；格式为“六、其他需要报告的事项”' };
  assert.deepEqual(diagnostics.map((d: Json) => d.code), ['narrative.ambiguous-count', 'structure.section-heading']);
  assert.deepEqual(diagnostics[1], heading);
  const actions = await servers.zh.request('textDocument/codeAction', { textDocument: { uri }, range: { start: range.start, end: range.start }, context: { diagnostics } });
  assert.deepEqual(actions[0], { title: '改为“六、其他需要报告的事项”', kind: 'quickfix', diagnostics: [heading], isPreferred: true, edit: { changes: { [uri]: [{ range, newText: '## 六、其他需要报告的事项' }] } } });
});

test('a Markdown heading with a section\'s words and no numeral (## 存在的问题) is section 五; prose is never a heading', async () => {
  const text = SEED_003.replace('#### 五、存在的主要问题及改进情况', '#### 存在的问题');
  const { uri, diagnostics } = await open(servers.zh, text);
  const words = rangeOf(text, '存在的问题');
  assert.deepEqual(diagnostics.filter((d: Json) => d.code.startsWith('structure')).map((d: Json) => [d.code, d.range]), [['structure.section-heading', words]]);
  const actions = await servers.zh.request('textDocument/codeAction', { textDocument: { uri }, range: { start: words.start, end: words.start }, context: { diagnostics } });
  assert.deepEqual(actions[0].edit, { changes: { [uri]: [{ range: rangeOf(text, '#### 存在的问题'), newText: '## 五、存在的主要问题及改进情况' }] } });
  // The section removed and its words left in a sentence: missing, not a heading.
  const prose = SEED_003.replace('#### 五、存在的主要问题及改进情况', '存在的主要问题及改进情况，见下文。');
  const missing = await open(servers.zh, prose);
  assert.deepEqual(missing.diagnostics.filter((d: Json) => d.code.startsWith('structure')).map((d: Json) => d.code), ['structure.missing-section']);
});

test('hover on a prose figure: the table cell it restates, its value and ✓ (seed 003, 答复 126 项)', async () => {
  const { uri } = await open(servers.zh, SEED_003);
  assert.deepEqual(await servers.zh.request('textDocument/hover', { textDocument: { uri }, position: positionOf(SEED_003, '126 项') }), {
    contents: { kind: 'markdown', value: '**已按相关规定答复 126 项** → 表三（七）总计 / 总计：126 ✓' },
    range: rangeOf(SEED_003, '126 项'),
  });
});

test('hover on a prose figure with several readings: each with ✓ or ✗, in English too', async () => {
  const { uri } = await open(servers.zh, SEED_003);
  assert.deepEqual((await servers.zh.request('textDocument/hover', { textDocument: { uri }, position: positionOf(SEED_003, '149 项') })).contents.value,
    '**我办共收到政府信息公开申请 149 项** → 任一相符即可：\n\n- 表三一、本年新收政府信息公开申请数量 / 总计：148 ✗\n- 表三本年新收加上年结转（第一项＋第二项）：149 ✓');
  const en = await open(servers.en, SEED_003);
  assert.deepEqual((await servers.en.request('textDocument/hover', { textDocument: { uri: en.uri }, position: positionOf(SEED_003, '5 件') })).contents.value,
    '**本年度被依法提起行政复议、行政诉讼案件 5 件** → Any one matching is enough:\n\n- Table 4 行政复议 / 总计: 5 ✓\n- Table 4 litigation total (direct + after reconsideration): 6 ✗\n- Table 4 both together: 11 ✗');
});

const disable = (title: string, uri: string, at: number, newText: string) => ({ title, isPreferred: false, edit: { changes: { [uri]: [{ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText }] } } });

test('disable from the light bulb, Markdown draft: <!-- --> before the line, and for the file after the title', async () => {
  const { uri, diagnostics } = await open(servers.zh, SEED_003, 'draft.md');
  const at = positionOf(SEED_003, '5 件');
  const actions = await servers.zh.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics } });
  assert.deepEqual(actions.map((a: Json) => ({ title: a.title, isPreferred: a.isPreferred, edit: a.edit })), [
    disable('在此行停用规则 narrative.ambiguous-count', uri, 8, '<!-- nianbao-disable-next-line narrative.ambiguous-count -->\n'),
    disable('在此文件停用规则 narrative.ambiguous-count', uri, 3, '<!-- nianbao-disable-file narrative.ambiguous-count -->\n'),
  ]);
  assert.deepEqual(actions[0].diagnostics.map((d: Json) => d.code), ['narrative.ambiguous-count']);
});

test('disable from the light bulb, plain text: // comments, after the quick fixes, in English too', async () => {
  const text = replaceNth(SEED_000, '4.保护第三方合法权益 93 0 0 0 0 0 93', '4.保护第三方合法权益 93 0 0 0 0 0 94');
  const { uri, diagnostics } = await open(servers.en, text);
  const at = positionOf(text, '0 94', 0, 2);
  const row = at.line;
  const actions = await servers.en.request('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics } });
  assert.deepEqual(actions.map((a: Json) => [a.title, a.isPreferred]), [
    ['Change the total to 93', false],
    ['Disable table3.row-total for this line', false],
    ['Disable table3.row-total for this file', false],
  ]);
  assert.deepEqual(actions[1].edit, disable('', uri, row, '// nianbao-disable-next-line table3.row-total\n').edit);
  // The title is broken over lines 1–2: the file comment goes after it.
  assert.deepEqual(actions[2].edit, disable('', uri, 3, '// nianbao-disable-file table3.row-total\n').edit);
  // Applied, the comment silences the finding.
  const silenced = text.split('\n');
  silenced.splice(row, 0, '// nianbao-disable-next-line table3.row-total');
  const after = await open(servers.en, silenced.join('\n'));
  assert.deepEqual(after.diagnostics.filter((d: Json) => d.code === 'table3.row-total'), []);
});

test('disclosureReport.language: en on a zh client re-publishes in English; auto follows the client again', async () => {
  const client = servers.switching;
  const { uri, diagnostics } = await open(client, SEED_003);
  assert.match(diagnostics[0].message, /^“本年度被依法提起行政复议、行政诉讼案件 5 件”把行政复议和行政诉讼并在一起/);
  client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { language: 'en' } } });
  const en = await client.diagnosticsFor(uri, (d) => d.diagnostics[0]?.message.includes('lumps'));
  assert.equal(
    en.diagnostics[0].message,
    '“本年度被依法提起行政复议、行政诉讼案件 5 件” lumps reconsideration and litigation together: table 4 has 5 reconsideration and 6 litigation cases (5 direct, 1 after reconsideration), 11 in all; 5 matches only reconsideration, so state each kind separately',
  );
  assert.deepEqual((await client.request('textDocument/codeLens', { textDocument: { uri } })).map((l: Json) => l.command.title), ['Balance ✓', 'Totals ✓']);
  assert.equal((await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(SEED_003, '126 项') })).contents.value, '**已按相关规定答复 126 项** → Table 3 （七）总计 / 总计: 126 ✓');
  client.notify('workspace/didChangeConfiguration', { settings: { disclosureReport: { language: 'auto', codeLens: { enable: false } } } });
  const zh = await client.diagnosticsFor(uri, (d) => d.diagnostics[0]?.message.includes('含义不明'));
  assert.equal(zh.diagnostics.length, 1);
  assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
});
