// The TextMate grammar: valid JSON, every regex compiles in JS (VS Code uses oniguruma, which is not
// available here, so the grammar sticks to the JS-compatible subset), and pinned lines tokenize as expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const grammarPath = path.join(repoRoot, 'syntaxes', 'disclosure-report.tmLanguage.json');

interface Rule {
  name: string;
  match: string;
  captures?: Record<string, { name: string }>;
}
interface Grammar {
  scopeName: string;
  patterns: { include: string }[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as Grammar;
const rules = grammar.patterns.map(({ include }) => {
  const rule = grammar.repository[include.replace(/^#/, '')];
  assert.ok(rule, `pattern ${include} is not in the repository`);
  return rule;
});

/** Tokenizes one line the way a TextMate engine does for flat match rules: at each position the rule
 * whose match starts earliest wins, ties go to the rule listed first. Returns only scoped tokens. */
function tokenize(line: string): [string, string][] {
  const tokens: [string, string][] = [];
  const regexes = rules.map((rule) => new RegExp(rule.match, 'g'));
  let pos = 0;
  while (pos < line.length) {
    let best: { index: number; text: string; scope: string } | undefined;
    rules.forEach((rule, i) => {
      const regex = regexes[i];
      regex.lastIndex = pos;
      const m = regex.exec(line);
      if (m && m[0] !== '' && (!best || m.index < best.index)) best = { index: m.index, text: m[0], scope: rule.name };
    });
    if (!best) break;
    tokens.push([best.text, best.scope]);
    pos = best.index + best.text.length;
  }
  return tokens;
}

const SECTION = 'markup.heading.section.disclosure-report';
const SUB = 'markup.heading.subsection.disclosure-report';
const ROW = 'entity.name.tag.row-label.disclosure-report';
const NUM = 'constant.numeric.disclosure-report';
const STATUTE = 'keyword.other.statute.disclosure-report';
const NOTE = 'comment.block.balance-note.disclosure-report';

const examples: [string, [string, string][]][] = [
  ['一、总体情况', [['一、总体情况', SECTION]]],
  ['## 二、主动公开政府信息情况', [['## 二、主动公开政府信息情况', SECTION]]],
  ['#### 四、政府信息公开行政复议、行政诉讼情况', [['#### 四、政府信息公开行政复议、行政诉讼情况', SECTION]]],
  ['(一) 主动公开：2023 年，主动公开政府信息 2147 条。', [['(一) 主动公开：', SUB], ['2023', NUM], ['2147', NUM]]],
  ['##### (二) 改进措施：', [['##### (二) 改进措施：', SUB]]],
  ['（三）政府信息管理', [['（三）政府信息管理', SUB]]],
  ['一、本年新收政府信息公开申请数量\t\t148\t0', [['一、本年新收政府信息公开申请数量', ROW], ['148', NUM], ['0', NUM]]],
  ['三、本年度办理结果\t(一) 予以公开\t36', [['三、本年度办理结果', ROW], ['(一) 予以公开', ROW], ['36', NUM]]],
  ['\t\t3. 危及“三安全一稳定”\t0\t13', [['3. 危及“三安全一稳定”', ROW], ['0', NUM], ['13', NUM]]],
  ['\t\t1.属于国家秘密\t0', [['1.属于国家秘密', ROW], ['0', NUM]]],
  ['(七) 总计\t\t126\t0', [['(七) 总计', ROW], ['126', NUM], ['0', NUM]]],
  ['| （七）总计 | 126 |', [['（七）总计', ROW], ['126', NUM]]],
  ['行政事业性收费\t4068.208', [['4068.208', NUM]]],
  ['采用信息 475 条，采用率 95.4%，另有１２件', [['475', NUM], ['95.4%', NUM], ['１２', NUM]]],
  ['第二十条第（一）项\t\t\t', [['第二十条第（一）项', STATUTE]]],
  ['依据条例第十四条、第三十六条第（一）（二）项和第十六条第二款', [['第十四条', STATUTE], ['第三十六条第（一）（二）项', STATUTE], ['第十六条第二款', STATUTE]]],
  [
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况',
    [['(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)', NOTE]],
  ],
];

test('grammar has the scope name the manifest registers', () => {
  assert.equal(grammar.scopeName, 'text.disclosure-report');
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.grammars, [
    { language: 'disclosure-report', scopeName: 'text.disclosure-report', path: './syntaxes/disclosure-report.tmLanguage.json' },
  ]);
});

test('every repository regex compiles in JavaScript', () => {
  for (const [key, rule] of Object.entries(grammar.repository)) {
    assert.doesNotThrow(() => new RegExp(rule.match), `rule ${key}`);
  }
});

for (const [line, expected] of examples) {
  test(`tokenizes ${JSON.stringify(line)}`, () => {
    assert.deepEqual(tokenize(line), expected);
  });
}

test('every scope of the grammar is covered by an example', () => {
  const covered = new Set(examples.flatMap(([, tokens]) => tokens.map(([, scope]) => scope)));
  assert.deepEqual(rules.map((rule) => rule.name).filter((scope) => !covered.has(scope)), []);
});

test('Markdown #s of a heading get the punctuation scope', () => {
  const heading = grammar.repository['section-heading'];
  const m = new RegExp(heading.match).exec('## 一、总体情况');
  assert.equal(m?.[1], '## ');
  assert.equal(heading.captures?.['1'].name, 'punctuation.definition.heading.disclosure-report');
});
