// Completion against the real server: row labels at line start inside tables 二 and 三, section
// headings elsewhere, nothing once the cursor is past the first field of a line.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFixture, positionOf, type Position } from '../support/documents';
import { LspClient, serversFor } from '../support/lsp';
import { readSeed, replaceNth } from '../support/seeds';

const SEED_003 = readSeed('003_bd5764f2f2266ecc.txt');

const TABLE3_LABELS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）不予公开',
  '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '（四）无法提供',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '（五）不予处理',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
  '（七）总计',
  '四、结转下年度继续办理',
];
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

const servers = serversFor({ zh: 'zh-cn', en: 'en' });

async function complete(client: LspClient, text: string, position: Position) {
  const uri = openFixture(client, text, 'completion');
  return client.request('textDocument/completion', { textDocument: { uri }, position });
}

const at = (line: number, character: number): Position => ({ line, character });

test('row labels of table 三 at the start of a line inside the table (seed 003)', async () => {
  const position = positionOf(SEED_003, '四、结转下年度继续办理');
  assert.deepEqual(position, at(62, 0));
  const items = await complete(servers.zh, SEED_003, position);
  assert.deepEqual(items.map((i: { label: string }) => i.label), TABLE3_LABELS);
  assert.deepEqual(items[8], {
    label: '3.危及“三安全一稳定”',
    kind: 5,
    detail: '表三 · 第十四条',
    documentation: { kind: 'markdown', value: '公开后可能危及国家安全、公共安全、经济安全、社会稳定（“三安全一稳定”）的政府信息。' },
    sortText: '008',
    textEdit: { range: { start: position, end: position }, newText: '3.危及“三安全一稳定”' },
  });
});

test('row labels of table 二 after a pipe, replacing what was typed; English detail and documentation', async () => {
  const text = replaceNth(SEED_003, '行政强制\t0', '行政强制\t0\n| 行政');
  const position = positionOf(text, '| 行政', 0, 4);
  const items = await complete(servers.en, text, position);
  assert.deepEqual(items.map((i: { label: string }) => i.label), ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费']);
  assert.deepEqual(items[2], {
    label: '行政许可',
    kind: 5,
    detail: 'Table 2 · 第二十条第（五）项',
    documentation: { kind: 'markdown', value: 'Administrative licensing decisions this year.' },
    sortText: '002',
    textEdit: { range: { start: at(position.line, 2), end: at(position.line, 4) }, newText: '行政许可' },
  });
});

test('section headings at the start of a line outside the tables, after a Markdown "##" (seed 003)', async () => {
  const text = replaceNth(SEED_003, '#### 六、其他需要报告的事项', '## 六\n#### 六、其他需要报告的事项');
  const position = positionOf(text, '## 六\n', 0, 4);
  const items = await complete(servers.zh, text, position);
  assert.deepEqual(items.map((i: { label: string }) => i.label), HEADINGS);
  assert.deepEqual(items[5], {
    label: '六、其他需要报告的事项',
    kind: 9,
    detail: '年度报告的部分',
    documentation: { kind: 'markdown', value: '其他需要报告的事项（条例第五十条第（五）项），通常写明本年度收取信息处理费的情况（国办函〔2020〕109号），未收取的也应说明。' },
    sortText: '005',
    textEdit: { range: { start: at(position.line, 3), end: at(position.line, 4) }, newText: '六、其他需要报告的事项' },
  });
});

test('nothing past the first field of a line: in a cell or in prose (seed 003)', async () => {
  assert.deepEqual(await complete(servers.zh, SEED_003, positionOf(SEED_003, '规章\t0', 0, 3)), []);
  assert.deepEqual(await complete(servers.zh, SEED_003, positionOf(SEED_003, '本单位 2023', 0, 4)), []);
});
