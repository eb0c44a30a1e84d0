// Hovers against the real server over stdio: row labels with their article, column headers, group
// headings, numbers with their row, column and computed total, section headings, the 勾稽 note, terms in prose.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFixture, positionOf, rangeOf, type Position } from '../support/documents';
import { LspClient, serversFor } from '../support/lsp';
import { readSeed, replaceNth } from '../support/seeds';

const SEED_000 = readSeed('000_c09face178877b87.txt');
const SEED_003 = readSeed('003_bd5764f2f2266ecc.txt');

const ARTICLE_14 = '第十四条 依法确定为国家秘密的政府信息，法律、行政法规禁止公开的政府信息，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开。';
const ARTICLE_16 =
  '第十六条 行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息，可以不予公开。行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。法律、法规、规章规定上述信息应当公开的，从其规定。';

const servers = serversFor({ zh: 'zh-cn', en: 'en' });

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

async function hoverAt(client: LspClient, text: string, position: Position) {
  const uri = openFixture(client, text, 'hover');
  return client.request('textDocument/hover', { textDocument: { uri }, position });
}

function markdown(value: string) {
  return { kind: 'markdown', value };
}

test('a row label of table 三: meaning, 第十四条 with its text (seed 003, “三安全一稳定”)', async () => {
  const hover = await hoverAt(servers.zh, SEED_003, positionOf(SEED_003, '三安全一稳定'));
  assert.deepEqual(hover, {
    contents: markdown(`**3.危及“三安全一稳定”** · 表三\n\n公开后可能危及国家安全、公共安全、经济安全、社会稳定（“三安全一稳定”）的政府信息。\n\n**依据**：《政府信息公开条例》第十四条\n\n> ${ARTICLE_14}`),
    range: range(44, 2, 44, 15),
  });
});

test('a row label in English keeps the statute text and adds the counting note (seed 003, 部分公开)', async () => {
  const label = '(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)';
  const hover = await hoverAt(servers.en, SEED_003, positionOf(SEED_003, label, 0, 5));
  assert.deepEqual(hover, {
    contents: markdown(
      '**（二）部分公开（区分处理的，只计这一情形，不计其他情形）** · Table 3\n\nPartly disclosed after separating what may not be disclosed.\n\n' +
        '**Basis**: Regulation on the Disclosure of Government Information, 第三十七条\n\n' +
        '> 第三十七条 申请公开的信息中含有不应当公开或者不属于政府信息的内容，但是能够作区分处理的，行政机关应当向申请人提供可以公开的政府信息内容，并对不予公开的内容说明理由。\n\n' +
        '**Counting**: A partly disclosed application counts here only, not under any other result.',
    ),
    range: rangeOf(SEED_003, label),
  });
});

test('a glossary term in the prose cites its article (四类过程性信息 added to seed 003)', async () => {
  const text = replaceNth(SEED_003, '本单位 2023 年度未收取', '其中四类过程性信息依法不予公开。本单位 2023 年度未收取');
  const hover = await hoverAt(servers.zh, text, positionOf(text, '四类过程性信息', 1, 2));
  assert.deepEqual(hover, {
    contents: markdown(`**6.属于四类过程性信息** · 表三\n\n履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告四类过程性信息。\n\n**依据**：《政府信息公开条例》第十六条第二款\n\n> ${ARTICLE_16}`),
    range: rangeOf(text, '四类过程性信息', 1),
  });
});

test('a column header wrapped over two lines in PDF text (seed 000, “自然\\n人”)', async () => {
  const hover = await hoverAt(servers.zh, SEED_000, positionOf(SEED_000, '自然\n人', 0, 3));
  assert.deepEqual(hover, { contents: markdown('**自然人** · 表三 · 列\n\n以个人名义提出申请的公民。'), range: range(77, 0, 78, 1) });
});

test('column 其他 and the heading 法人或其他组织 that contains the same word (seed 003)', async () => {
  const column = await hoverAt(servers.zh, SEED_003, positionOf(SEED_003, '法律服务机构\t其他', 0, 7));
  assert.deepEqual(column, { contents: markdown('**其他** · 表三 · 列\n\n不属于以上四类的其他法人或其他组织。'), range: range(37, 27, 37, 29) });
  const heading = await hoverAt(servers.zh, SEED_003, positionOf(SEED_003, '法人或其他组织', 0, 3));
  assert.deepEqual(heading, {
    contents: markdown('**法人或其他组织** · 表三\n\n法人或其他组织共五列：商业企业、科研机构、社会公益组织、法律服务机构、其他；格式不设小计列。'),
    range: range(36, 6, 36, 13),
  });
});

test('a group heading of table 二 (seed 000, 第二十条第（五）项)', async () => {
  const hover = await hoverAt(servers.zh, SEED_000, positionOf(SEED_000, '第二十条第（五）项', 0, 6));
  assert.deepEqual(hover, {
    contents: markdown('**第二十条第（五）项** · 表二\n\n条例该项规定主动公开：办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果。'),
    range: range(51, 0, 51, 9),
  });
});

test('a number: its row and column (seed 003, 148)', async () => {
  const hover = await hoverAt(servers.zh, SEED_003, positionOf(SEED_003, '\t148\t', 0, 1));
  assert.deepEqual(hover, { contents: markdown('**表三** · 行：一、本年新收政府信息公开申请数量 · 列：自然人'), range: range(38, 18, 38, 21) });
});

test('a total: the sum from this document’s cells, ✓ when it agrees (seed 000 （七）总计, seed 003 行政复议 总计)', async () => {
  const result = await hoverAt(servers.zh, SEED_000, positionOf(SEED_000, '（七）总计 465', 0, 6));
  assert.deepEqual(result, {
    contents: markdown('**表三** · 行：（七）总计 · 列：自然人\n\n按本文档计算：52 + 0 + 0 + 0 + 0 + 93 + 6 + 7 + 4 + 0 + 83 + 65 + 0 + 0 + 0 + 0 + 0 + 0 + 152 + 0 + 3 = 465 ✓'),
    range: range(177, 6, 177, 9),
  });
  const review = await hoverAt(servers.zh, SEED_003, positionOf(SEED_003, '3\t2\t0\t0\t5', 0, 8));
  assert.deepEqual(review, { contents: markdown('**表四** · 行：行政复议 · 列：总计\n\n按本文档计算：3 + 2 + 0 + 0 = 5 ✓'), range: range(69, 8, 69, 9) });
});

test('a total that differs from its parts: ✗ and the written value (seed 000 with （七）总计 自然人 = 466)', async () => {
  const text = replaceNth(SEED_000, '（七）总计 465', '（七）总计 466');
  const zhHover = await hoverAt(servers.zh, text, positionOf(text, '（七）总计 466', 0, 6));
  assert.deepEqual(zhHover, {
    contents: markdown('**表三** · 行：（七）总计 · 列：自然人\n\n按本文档计算：52 + 0 + 0 + 0 + 0 + 93 + 6 + 7 + 4 + 0 + 83 + 65 + 0 + 0 + 0 + 0 + 0 + 0 + 152 + 0 + 3 = 465，与所填 466 不符 ✗'),
    range: range(177, 6, 177, 9),
  });
  const enHover = await hoverAt(servers.en, text, positionOf(text, '（七）总计 466', 0, 6));
  assert.equal(
    enHover.contents.value,
    '**Table 3** · row：（七）总计 · column：自然人\n\nComputed from this document: 52 + 0 + 0 + 0 + 0 + 93 + 6 + 7 + 4 + 0 + 83 + 65 + 0 + 0 + 0 + 0 + 0 + 0 + 152 + 0 + 3 = 465, but 466 is written ✗',
  );
});

test('a section heading: what the format requires (seed 003, 三、)', async () => {
  const hover = await hoverAt(servers.zh, SEED_003, positionOf(SEED_003, '三、收到和处理', 0, 1));
  assert.deepEqual(hover, {
    contents: markdown(
      '**三、收到和处理政府信息公开申请情况**\n\n**格式要求**：按格式填写表三：按申请人类别统计本年新收、上年结转、办理结果和结转下年度的申请数量；每列须满足“第一项加第二项之和，等于第三项加第四项之和”（条例第五十条第（二）项）。',
    ),
    range: range(33, 4, 33, 21),
  });
});

test('the 勾稽 note: the balance per column with this document’s numbers (seed 000)', async () => {
  const hover = await hoverAt(servers.zh, SEED_000, positionOf(SEED_000, '勾稽关系'));
  assert.deepEqual(hover, {
    contents: markdown(
      '**勾稽关系**：第一项 + 第二项 = （七）总计 + 第四项\n\n' +
        '- 自然人：450 + 23 = 465 + 8 ✓\n- 商业企业：0 + 0 = 0 + 0 ✓\n- 科研机构：0 + 0 = 0 + 0 ✓\n- 社会公益组织：0 + 0 = 0 + 0 ✓\n- 法律服务机构：0 + 0 = 0 + 0 ✓\n- 其他：0 + 0 = 0 + 0 ✓\n- 总计：450 + 23 = 465 + 8 ✓',
    ),
    range: range(72, 0, 73, 11),
  });
});

test('the 勾稽 note marks a column that does not balance with ✗ (seed 000 with 四 自然人 = 9)', async () => {
  const text = replaceNth(SEED_000, '结转下年度继续办理 8 0', '结转下年度继续办理 9 0');
  const hover = await hoverAt(servers.en, text, positionOf(text, '勾稽关系'));
  assert.deepEqual(hover.contents.value.split('\n').slice(0, 4), ['**Balance**: item 1 + item 2 = (7) total + item 4', '', '- 自然人：450 + 23 ≠ 465 + 9 ✗', '- 商业企业：0 + 0 = 0 + 0 ✓']);
});

test('prose words outside any figure, table or term have no hover (seed 003, 答复 126 项)', async () => {
  assert.equal(await hoverAt(servers.zh, SEED_003, positionOf(SEED_003, '答复 126', 0, 1)), null);
});
