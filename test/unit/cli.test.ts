// The command line, run as a real process (dist/cli.js): JSON findings and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSeed, REPO_ROOT, SEED_NAMES, SEEDS_DIR, replaceNth } from '../support/seeds';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

const AMBIGUOUS = {
  code: 'narrative.ambiguous-count',
  severity: 'warning',
  message:
    '“本年度被依法提起行政复议、行政诉讼案件 5 件”把行政复议和行政诉讼并在一起，含义不明：表四中行政复议 5 件，行政诉讼 6 件（直接起诉 5 件、复议后起诉 1 件），合计 11 件；5 件只与行政复议相符，请分别写明复议和诉讼的件数',
  range: { start: { line: 8, character: 100 }, end: { line: 8, character: 101 } },
  text: '5',
  related: [
    { message: '行政复议总计：5', range: { start: { line: 69, character: 8 }, end: { line: 69, character: 9 } } },
    { message: '行政诉讼总计（直接起诉＋复议后起诉）中的“未经复议直接起诉 / 总计”：5', range: { start: { line: 69, character: 18 }, end: { line: 69, character: 19 } } },
    { message: '行政诉讼总计（直接起诉＋复议后起诉）中的“复议后起诉 / 总计”：1', range: { start: { line: 69, character: 28 }, end: { line: 69, character: 29 } } },
  ],
};

test('seed 003 as JSON: the one warning, exit code 0', () => {
  const file = join(SEEDS_DIR, '003_bd5764f2f2266ecc.txt');
  const result = run('--format', 'json', file);
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), [{ file, isReport: true, title: { body: '老城区人民政府办公室', year: 2023 }, findings: [AMBIGUOUS] }]);
});

test('a folder of copies: every report in name order, exit code 1 when one has an error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  try {
    for (const name of SEED_NAMES) copyFileSync(join(SEEDS_DIR, name), join(dir, name));
    writeFileSync(join(dir, 'notes.txt'), '会议纪要\n今天讨论了三件事。\n');
    const clean = run('--format', 'json', dir);
    assert.equal(clean.status, 0, clean.stderr);
    const reports = JSON.parse(clean.stdout) as { file: string; isReport: boolean; findings: unknown[] }[];
    // 000 (2024) sees 003 (2023), the same body's last year: its 行政规范性文件 现行有效 0 ≠ 10 + 0 − 0 (crossyear.in-force).
    assert.deepEqual(reports.map((r) => [r.file, r.isReport, r.findings.length]), [...SEED_NAMES.map((n) => [join(dir, n), true, n.startsWith('003') || n.startsWith('000') ? 1 : 0]), [join(dir, 'notes.txt'), false, 0]]);
    assert.deepEqual(reports[3].findings, [AMBIGUOUS]);

    writeFileSync(join(dir, SEED_NAMES[3]), replaceNth(readSeed(SEED_NAMES[3]), '4. 保护第三方合法权益\t13', '4. 保护第三方合法权益\t15'));
    const broken = run('--format', 'json', dir);
    assert.equal(broken.status, 1);
    const codes = (JSON.parse(broken.stdout)[3].findings as { code: string; text: string; range: { start: { line: number } } }[]).map((f) => [f.code, f.text, f.range.start.line]);
    assert.deepEqual(codes, [
      ['narrative.ambiguous-count', '5', 8],
      ['table3.suspect-cell', '15', 45],
      ['table3.row-total', '13', 45],
      ['table3.result-total', '126', 61],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exit code 2 on a bad option or a missing path', () => {
  const badFormat = run('--format', 'xml', join(SEEDS_DIR, SEED_NAMES[0]));
  assert.equal(badFormat.status, 2);
  assert.match(badFormat.stderr, /--format 只能是 text、json、sarif 或 html/);
  const unknown = run('--frobnicate', join(SEEDS_DIR, SEED_NAMES[0]));
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option: --frobnicate/);
  const missing = run(join(tmpdir(), 'nianbao-no-such-file.txt'));
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read/);
  assert.equal(run().status, 2);
});

test('text format in English', () => {
  const file = join(SEEDS_DIR, '003_bd5764f2f2266ecc.txt');
  const result = run('--locale', 'en', file);
  assert.equal(result.status, 0);
  assert.equal(
    result.stdout,
    [
      `${file}  老城区人民政府办公室 2023`,
      '  9:101  warning  “本年度被依法提起行政复议、行政诉讼案件 5 件” lumps reconsideration and litigation together: table 4 has 5 reconsideration and 6 litigation cases (5 direct, 1 after reconsideration), 11 in all; 5 matches only reconsideration, so state each kind separately  narrative.ambiguous-count',
      '    9 │ (二) 依申请公开：截至 2023 年 12 月 31 日，我办共收到政府信息公开申请 149 项，已按相关规定答复 126 项，结转下年度继续办理 23 项。本年度被依法提起行政复议、行政诉讼案件 5 件。',
      // The caret stands under “5”: 100 characters before it, 68 of them two columns wide.
      `      │ ${' '.repeat(168)}^`,
      `${file}: 0 error(s), 1 warning(s), 0 note(s)`,
      '',
    ].join('\n'),
  );
});
