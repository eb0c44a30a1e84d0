// The cross-year rules over the language service (in memory) and the command line (a real process over a folder):
// seeds 003 (2023) and 000 (2024) of one body, and fixture pairs made from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../../server/src/core/parse';
import { ReportService } from '../../server/src/core/service';
import type { Finding } from '../../server/src/core/checks/rules';
import { readSettings } from '../../server/src/core/settings';
import { MemoryFiles } from '../../server/src/core/workspace';
import { computeLineStarts, positionOf } from '../../server/src/core/text';
import { bodyKeyOf } from '../../server/src/core/index/entry';
import { readSeed, replaceNth, REPO_ROOT, SEEDS_DIR } from '../support/seeds';

const SEED_2023 = '003_bd5764f2f2266ecc.txt';
const SEED_2024 = '000_c09face178877b87.txt';
const FORWARD_2023 = '四、结转下年度继续办理\t\t23\t0\t0\t0\t0\t0\t23';
/** Last year's report with 20 carried forward instead of 23 (natural persons and total). */
const LAST_YEAR_20 = replaceNth(readSeed(SEED_2023), FORWARD_2023, '四、结转下年度继续办理\t\t20\t0\t0\t0\t0\t0\t20');

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

const FOLDER = 'memory:/ws';
const uriOf = (name: string) => `${FOLDER}/${name}`;

/** A service over an in-memory folder holding the files given; the index read from it. */
async function serviceWith(files: Record<string, string>): Promise<ReportService> {
  const memory = new MemoryFiles();
  for (const [name, text] of Object.entries(files)) memory.set(uriOf(name), text);
  const service = new ReportService(memory, { kinds: new Set(['text']) });
  // MemoryFiles URIs are not file: URIs, so the folder is given to the index as files one by one.
  for (const [name, text] of Object.entries(files)) service.index.setModel(uriOf(name), 'memory', parseReport(text));
  return service;
}

const crossYear = (findings: Finding[]) => findings.filter((f) => f.code.startsWith('crossyear.'));

/** The (line, character) range of the n-th occurrence of find in text, as the LSP counts. */
function rangeIn(text: string, find: string, n = 0, within = 0) {
  let at = within;
  for (let i = 0; i <= n; i++) at = text.indexOf(find, i === 0 ? at : at + 1);
  assert.ok(at >= 0, `${find} not found`);
  const starts = computeLineStarts(text);
  return { start: positionOf(starts, at), end: positionOf(starts, at + find.length) };
}

test('seeds 003 (2023) and 000 (2024): exactly one crossyear.in-force on 000 (行政规范性文件 10 + 0 − 0 ≠ 0), no carry-over (23 = 23)', async () => {
  const service = await serviceWith({ [SEED_2023]: readSeed(SEED_2023), [SEED_2024]: readSeed(SEED_2024) });
  const text2024 = readSeed(SEED_2024);
  const findings = crossYear(service.checkModel(uriOf(SEED_2024), parseReport(text2024)));
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity, text2024.slice(f.span.start, f.span.end)]),
    [['crossyear.in-force', 'warning', '0']],
  );
  const [inForce] = findings;
  assert.equal(
    inForce.message,
    '行政规范性文件现行有效件数为 0，而按 2023 年报告（003_bd5764f2f2266ecc.txt）应为 10 + 0 − 0 = 10（上年现行有效 + 本年制发 − 本年废止）；如有修订或清理，请在正文说明',
  );
  const text2023 = readSeed(SEED_2023);
  assert.deepEqual(
    inForce.related.map((r) => [r.uri, r.range, text2023.slice(r.span.start, r.span.end), r.message]),
    [[uriOf(SEED_2023), rangeIn(text2023, '10', 0, text2023.indexOf('行政规范性文件\t2\t0\t10')), '10', '2023 年报告：行政规范性文件现行有效件数 10']],
  );
  // Last year's report has no 2022 report beside it: nothing across years.
  assert.deepEqual(crossYear(service.checkModel(uriOf(SEED_2023), parseReport(text2023))), []);
});

test('carry-over: last year carried 20 forward, this year carries 23 over: an error per column that differs, related in last year\'s file, fix to 20', async () => {
  const service = await serviceWith({ '2023.txt': LAST_YEAR_20, '2024.txt': readSeed(SEED_2024) });
  const text = readSeed(SEED_2024);
  const findings = crossYear(service.checkModel(uriOf('2024.txt'), parseReport(text)));
  const carriedLine = text.indexOf('二、上年结转政府信息公开申请数量 23 0 0 0 0 0 23');
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity, text.slice(f.span.start, f.span.end)]),
    [
      ['crossyear.in-force', 'warning', '0'],
      ['crossyear.carry-over', 'error', '23'],
      ['crossyear.carry-over', 'error', '23'],
    ],
  );
  assert.deepEqual(
    findings.slice(1).map((f) => f.span.start - carriedLine),
    ['二、上年结转政府信息公开申请数量 '.length, '二、上年结转政府信息公开申请数量 23 0 0 0 0 0 '.length],
  );
  const carry = findings.filter((f) => f.code === 'crossyear.carry-over');
  assert.equal(carry[0].message, '二、上年结转（自然人）为 23，而 2023 年报告（2023.txt）的“四、结转下年度继续办理”为 20：两者应相等');
  assert.equal(carry[1].message, '二、上年结转（总计）为 23，而 2023 年报告（2023.txt）的“四、结转下年度继续办理”为 20：两者应相等');
  const forwardAt = LAST_YEAR_20.indexOf('四、结转下年度继续办理\t\t20');
  assert.deepEqual(
    carry.map((f) => f.related.map((r) => [r.uri, r.range, LAST_YEAR_20.slice(r.span.start, r.span.end), r.message])),
    [
      [[uriOf('2023.txt'), rangeIn(LAST_YEAR_20, '20', 0, forwardAt), '20', '2023 年报告：四、结转下年度继续办理（自然人）20']],
      [[uriOf('2023.txt'), rangeIn(LAST_YEAR_20, '20', 1, forwardAt), '20', '2023 年报告：四、结转下年度继续办理（总计）20']],
    ],
  );
  assert.deepEqual(
    carry.map((f) => f.fixes.map((x) => [x.title, x.preferred, x.edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText])])),
    [
      [['将此格改为 20（2023 年报告的结转下年度数）', true, [['23', '20']]]],
      [['将此格改为 20（2023 年报告的结转下年度数）', true, [['23', '20']]]],
    ],
  );
  // Applying both fixes leaves no carry-over finding.
  const fixed = carry.flatMap((f) => f.fixes[0].edits).sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
  assert.deepEqual(crossYear(service.checkModel(uriOf('2024.txt'), parseReport(fixed))).map((f) => f.code), ['crossyear.in-force']);
});

test('bodies match when their names differ only by whitespace or punctuation; another body or year does not match', async () => {
  assert.equal(bodyKeyOf('老城区 人民政府办公室'), bodyKeyOf('老城区人民政府办公室'));
  assert.equal(bodyKeyOf('老城区·人民政府（办公室）'), bodyKeyOf('老城区人民政府办公室'));
  assert.notEqual(bodyKeyOf('涧西区人民政府办公室'), bodyKeyOf('老城区人民政府办公室'));
  const spaced = replaceNth(LAST_YEAR_20, '# 老城区人民政府办公室 2023 年', '# 老城区·人民政府办公室 2023 年');
  const service = await serviceWith({ '2023.txt': spaced, '2024.txt': readSeed(SEED_2024) });
  assert.deepEqual(
    crossYear(service.checkModel(uriOf('2024.txt'), parseReport(readSeed(SEED_2024)))).map((f) => f.code),
    ['crossyear.in-force', 'crossyear.carry-over', 'crossyear.carry-over'],
  );
  const otherBody = replaceNth(LAST_YEAR_20, '# 老城区人民政府办公室 2023 年', '# 涧西区人民政府办公室 2023 年');
  const otherYear = replaceNth(LAST_YEAR_20, '# 老城区人民政府办公室 2023 年', '# 老城区人民政府办公室 2022 年');
  for (const last of [otherBody, otherYear]) {
    const alone = await serviceWith({ '2023.txt': last, '2024.txt': readSeed(SEED_2024) });
    assert.deepEqual(crossYear(alone.checkModel(uriOf('2024.txt'), parseReport(readSeed(SEED_2024)))), []);
  }
});

test('copied-text: one hint per passage of 60+ characters identical to last year\'s report, with its place there', async () => {
  const passage =
    '我办将继续坚持以公开为常态、不公开为例外，进一步规范政府信息公开工作流程，加强政策解读和回应关切，不断提升政务公开的标准化、规范化水平，切实保障人民群众的知情权、参与权、表达权和监督权。';
  const other = '我办将持续完善依申请公开办理机制，严格落实答复时限要求。';
  const last = replaceNth(readSeed(SEED_2023), '#### 五、存在的主要问题及改进情况\n', `#### 五、存在的主要问题及改进情况\n\n${passage}\n\n${other}\n`);
  // This year: the passage wrapped over lines (whitespace does not count), and the short sentence alone in another paragraph.
  const wrapped = `${passage.slice(0, 30)}\n${passage.slice(30)}`;
  const now = replaceNth(readSeed(SEED_2024), '六、其他需要报告的事项', `${wrapped}\n\n${other}\n\n六、其他需要报告的事项`);
  const service = await serviceWith({ '2023.txt': last, '2024.txt': now });
  const hints = crossYear(service.checkModel(uriOf('2024.txt'), parseReport(now))).filter((f) => f.code === 'crossyear.copied-text');
  assert.deepEqual(
    hints.map((f) => [f.severity, now.slice(f.span.start, f.span.end), f.related.map((r) => [r.uri, last.slice(r.span.start, r.span.end)])]),
    [['hint', wrapped, [[uriOf('2023.txt'), passage]]]],
  );
  assert.equal(hints[0].message, `此段（${passage.length} 字）与 2023 年报告（2023.txt）相同：年度报告不得内容雷同，请按本年度情况撰写`);
});

test('duplicate-report: two files claiming the same body and year with other figures get a warning each, naming the other; copies that agree do not', async () => {
  const text = readSeed(SEED_2024);
  const other = replaceNth(text, '行政规范性文件 0 0 0', '行政规范性文件 0 0 10');
  const texts: Record<string, string> = { 'a.txt': text, 'b.txt': other, 'c.txt': text, [SEED_2023]: readSeed(SEED_2023) };
  const service = await serviceWith(texts);
  for (const [self, others] of [['a.txt', ['b.txt']], ['b.txt', ['a.txt', 'c.txt']], ['c.txt', ['b.txt']]] as const) {
    const dup = crossYear(service.checkModel(uriOf(self), parseReport(texts[self]))).filter((f) => f.code === 'crossyear.duplicate-report');
    assert.deepEqual(
      dup.map((f) => [f.severity, texts[self].slice(f.span.start, f.span.end), f.related.map((r) => r.uri)]),
      [['warning', '老城区人民政府办公室', others.map(uriOf)]],
    );
  }
  assert.match(
    crossYear(service.checkModel(uriOf('a.txt'), parseReport(text))).find((f) => f.code === 'crossyear.duplicate-report')!.message,
    /^工作区中另有文件也是老城区人民政府办公室 2024 年的报告，且数字不同：b\.txt；跨年核对无法确定以哪一份为准$/,
  );
});

test('duplicate-report: a reading without a table the other has is the same report, not a conflict; a figure both read and differing is', async () => {
  const text = readSeed(SEED_2024);
  // Another reading of the same report whose table 二 was lost (as a PDF extraction that could not place it).
  const withoutTable2 = text.replace(/^规章 .*\n/m, '').replace(/^行政规范性文件 .*\n/m, '');
  const differing = replaceNth(text, '行政规范性文件 0 0 0', '行政规范性文件 0 0 10');
  const texts: Record<string, string> = { 'full.txt': text, 'lost.txt': withoutTable2, 'other.txt': differing };
  const service = await serviceWith(texts);
  const duplicates = (self: string) =>
    crossYear(service.checkModel(uriOf(self), parseReport(texts[self])))
      .filter((f) => f.code === 'crossyear.duplicate-report')
      .map((f) => f.related.map((r) => r.uri));
  assert.deepEqual(duplicates('full.txt'), [[uriOf('other.txt')]]);
  assert.deepEqual(duplicates('lost.txt'), []);
  assert.deepEqual(duplicates('other.txt'), [[uriOf('full.txt')]]);
});

test('disable comments and rule levels apply to the cross-year rules', async () => {
  const text = readSeed(SEED_2024);
  const service = await serviceWith({ [SEED_2023]: readSeed(SEED_2023), [SEED_2024]: text });
  const disabled = `<!-- nianbao-disable-file crossyear.in-force -->\n${text}`;
  assert.deepEqual(crossYear(service.checkModel(uriOf(SEED_2024), parseReport(disabled))), []);
  // Levels through the ordinary settings (disclosureReport.rules.crossyear.in-force).
  service.configure({ settings: readSettings({ rules: { crossyear: { 'in-force': 'error' } } }) });
  assert.deepEqual(crossYear(service.checkModel(uriOf(SEED_2024), parseReport(text))).map((f) => f.severity), ['error']);
  service.configure({ settings: readSettings({ rules: { 'crossyear.in-force': 'off' } }) });
  assert.deepEqual(crossYear(service.checkModel(uriOf(SEED_2024), parseReport(text))), []);
});

test('the CLI over a folder: each report sees the others (seeds: one in-force on 000; fixture: carry-over with its place in last year\'s file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-crossyear-'));
  try {
    copyFileSync(join(SEEDS_DIR, SEED_2023), join(dir, SEED_2023));
    copyFileSync(join(SEEDS_DIR, SEED_2024), join(dir, SEED_2024));
    const seeds = run('--format', 'json', dir);
    assert.equal(seeds.status, 0, seeds.stderr);
    const items = JSON.parse(seeds.stdout) as { file: string; findings: { code: string; related: { file?: string; range: unknown }[] }[] }[];
    assert.deepEqual(
      items.map((i) => [i.file, i.findings.map((f) => f.code)]),
      [
        [join(dir, SEED_2024), ['crossyear.in-force']],
        [join(dir, SEED_2023), ['narrative.ambiguous-count']],
      ],
    );
    const text2023 = readSeed(SEED_2023);
    assert.deepEqual(items[0].findings[0].related, [
      { message: '2023 年报告：行政规范性文件现行有效件数 10', file: join(dir, SEED_2023), range: rangeIn(text2023, '10', 0, text2023.indexOf('行政规范性文件\t2\t0\t10')) },
    ]);

    writeFileSync(join(dir, SEED_2023), LAST_YEAR_20);
    const pair = run('--format', 'json', dir);
    assert.equal(pair.status, 1, pair.stderr);
    const [first] = JSON.parse(pair.stdout) as { findings: { code: string; text: string; related: { file?: string; range: unknown }[] }[] }[];
    const carry = first.findings.filter((f) => f.code === 'crossyear.carry-over');
    const forwardAt = LAST_YEAR_20.indexOf('四、结转下年度继续办理\t\t20');
    assert.deepEqual(
      carry.map((f) => [f.text, f.related.map((r) => [r.file, r.range])]),
      [
        ['23', [[join(dir, SEED_2023), rangeIn(LAST_YEAR_20, '20', 0, forwardAt)]]],
        ['23', [[join(dir, SEED_2023), rangeIn(LAST_YEAR_20, '20', 1, forwardAt)]]],
      ],
    );
    // One file alone has no workspace: nothing across years.
    const alone = run('--format', 'json', join(dir, SEED_2024));
    assert.deepEqual((JSON.parse(alone.stdout) as { findings: unknown[] }[])[0].findings, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
