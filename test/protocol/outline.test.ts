// Document symbols and folding ranges against the real server: the title, the six sections with their
// sub-headings and tables, and the folds of sections and tables, on a tab-separated and a PDF-extracted seed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openFixture } from '../support/documents';
import { LspClient, serversFor } from '../support/lsp';
import { readSeed } from '../support/seeds';

const FILE = 1;
const MODULE = 2;
const STRING = 15;
const STRUCT = 23;

const servers = serversFor({ client: 'zh-cn' });

type Sym = { name: string; kind: number; range: unknown; selectionRange: unknown; children: Sym[] };

const r = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });
/** A symbol whose selection is its whole range (title, sub-headings, tables). */
const leaf = (name: string, kind: number, range: ReturnType<typeof r>): Sym => ({ name, kind, range, selectionRange: range, children: [] });
const section = (name: string, range: ReturnType<typeof r>, selectionRange: ReturnType<typeof r>, children: Sym[] = []): Sym => ({ name, kind: MODULE, range, selectionRange, children });

test('outline of seed 003 (tab-separated, Markdown headings)', async () => {
  const uri = openFixture(servers.client, readSeed('003_bd5764f2f2266ecc.txt'), 'outline');
  const symbols = await servers.client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols, [
    leaf('老城区人民政府办公室 2023 年政府信息公开工作年度报告', FILE, r(2, 2, 2, 31)),
    section('一、总体情况', r(4, 3, 14, 327), r(4, 3, 4, 9), [
      leaf('（一）主动公开', STRING, r(6, 0, 6, 8)),
      leaf('（二）依申请公开', STRING, r(8, 0, 8, 9)),
      leaf('（三）政府信息管理', STRING, r(10, 0, 10, 10)),
      leaf('（四）政府信息公开平台建设', STRING, r(12, 0, 12, 14)),
      leaf('（五）监督保障', STRING, r(14, 0, 14, 8)),
    ]),
    section('二、主动公开政府信息情况', r(16, 3, 31, 9), r(16, 3, 16, 15), [leaf('表二 主动公开政府信息情况', STRUCT, r(18, 0, 31, 9))]),
    section('三、收到和处理政府信息公开申请情况', r(33, 4, 62, 28), r(33, 4, 33, 21), [leaf('表三 收到和处理政府信息公开申请情况', STRUCT, r(35, 0, 62, 28))]),
    section('四、政府信息公开行政复议、行政诉讼情况', r(64, 5, 69, 29), r(64, 5, 64, 24), [leaf('表四 政府信息公开行政复议、行政诉讼情况', STRUCT, r(66, 0, 69, 29))]),
    section('五、存在的主要问题及改进情况', r(71, 5, 81, 203), r(71, 5, 71, 19), [leaf('（一）存在问题', STRING, r(73, 0, 73, 8)), leaf('（二）改进措施', STRING, r(75, 6, 75, 14))]),
    section('六、其他需要报告的事项', r(83, 5, 85, 26), r(83, 5, 83, 16)),
  ]);
});

test('outline of seed 000 (PDF-extracted): the title broken over lines is named in one piece', async () => {
  const uri = openFixture(servers.client, readSeed('000_c09face178877b87.txt'), 'outline');
  const symbols: Sym[] = await servers.client.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols[0], leaf('老城区人民政府办公室2024年政府信息公开工作年度报告', FILE, r(1, 0, 2, 3)));
  assert.deepEqual(
    symbols.slice(1).map((s) => [s.name, s.range, s.children.filter((c) => c.kind === STRUCT).map((c) => [c.name, c.range])]),
    [
      ['一、总体情况', r(4, 0, 38, 7), []],
      ['二、主动公开政府信息情况', r(42, 0, 66, 9), [['表二 主动公开政府信息情况', r(44, 0, 66, 9)]]],
      ['三、收到和处理政府信息公开申请情况', r(70, 0, 179, 25), [['表三 收到和处理政府信息公开申请情况', r(72, 0, 179, 25)]]],
      ['四、政府信息公开行政复议、行政诉讼情况', r(183, 0, 229, 29), [['表四 政府信息公开行政复议、行政诉讼情况', r(185, 0, 229, 29)]]],
      ['五、存在的主要问题及改进情况', r(231, 0, 258, 20), []],
      ['六、其他需要报告的事项', r(260, 0, 262, 25), []],
    ],
  );
});

test('table names follow the locale', async () => {
  const english = new LspClient();
  await english.initialize('en');
  const uri = openFixture(english, readSeed('003_bd5764f2f2266ecc.txt'), 'outline');
  const symbols: Sym[] = await english.request('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.flatMap((s) => s.children.filter((c) => c.kind === STRUCT).map((c) => c.name)), ['Table 2 主动公开政府信息情况', 'Table 3 收到和处理政府信息公开申请情况', 'Table 4 政府信息公开行政复议、行政诉讼情况']);
  assert.equal(await english.close(), 0);
});

test('folding: each section to its last line of text, and each table (seeds 003 and 000)', async () => {
  const seed003 = openFixture(servers.client, readSeed('003_bd5764f2f2266ecc.txt'), 'folding');
  assert.deepEqual(await servers.client.request('textDocument/foldingRange', { textDocument: { uri: seed003 } }), [
    { startLine: 4, endLine: 14 },
    { startLine: 16, endLine: 31 },
    { startLine: 18, endLine: 31 },
    { startLine: 33, endLine: 62 },
    { startLine: 35, endLine: 62 },
    { startLine: 64, endLine: 69 },
    { startLine: 66, endLine: 69 },
    { startLine: 71, endLine: 81 },
    { startLine: 83, endLine: 85 },
  ]);
  const seed000 = openFixture(servers.client, readSeed('000_c09face178877b87.txt'), 'folding');
  assert.deepEqual(await servers.client.request('textDocument/foldingRange', { textDocument: { uri: seed000 } }), [
    { startLine: 4, endLine: 38 },
    { startLine: 42, endLine: 66 },
    { startLine: 44, endLine: 66 },
    { startLine: 70, endLine: 179 },
    { startLine: 72, endLine: 179 },
    { startLine: 183, endLine: 229 },
    { startLine: 185, endLine: 229 },
    { startLine: 231, endLine: 258 },
    { startLine: 260, endLine: 262 },
  ]);
});
