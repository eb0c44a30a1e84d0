// The reviewer's desk over the real CLI process (dist/cli.js): exit codes, globs, --rule and .nianbao.json,
// summary, sum, the same output with one worker thread and with several, and the progress bar on a terminal only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseReport } from '../../server/src/core/parse';
import { extractTables } from '../../server/src/core/extract';
import { readSeed, REPO_ROOT, replaceNth, SEEDS_DIR, SEED_NAMES } from '../support/seeds';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (args: string[], cwd = REPO_ROOT) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { ...process.env, LANG: 'C', NO_COLOR: '1', FORCE_COLOR: undefined } });

const REAL_DIR = resolve(REPO_ROOT, '..', 'shared', 'real');
const SEED_2024 = SEED_NAMES.filter((n) => !n.startsWith('003'));
const seed = (name: string) => join(SEEDS_DIR, name);

function withDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-desk-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const NUMERALS = '〇一二三四五六七八九';
/** 1–99 in Chinese numerals (a body's name written with digits would read as a year in its title). */
const numeral = (n: number): string => (n < 10 ? NUMERALS[n] : `${n >= 20 ? NUMERALS[Math.floor(n / 10)] : ''}十${n % 10 ? NUMERALS[n % 10] : ''}`);

/** Seed 002 (a clean 2024 report) under another body's name; with `wrong`, its 行政复议 其他结果 1 written as 2 (总计 stays 1). */
function township(n: number, wrong = false): string {
  const text = readSeed('002_400582c34393c453.txt').replace('老城区翠云峰街道办事处', `示例县第${numeral(n)}街道办事处`);
  return wrong ? replaceNth(text, '0\t0\t1\t0\t1\t0\t0\t0', '0\t0\t2\t0\t1\t0\t0\t0') : text;
}

test('exit codes: 0 without errors, 1 with errors (0 with --exit-zero), 2 naming a missing path, a glob that matches nothing, a bad --rule', () => {
  withDir((dir) => {
    writeFileSync(join(dir, 'clean.txt'), township(1));
    writeFileSync(join(dir, 'wrong.txt'), township(2, true));
    assert.equal(run([join(dir, 'clean.txt')]).status, 0);
    const wrong = run([join(dir, 'wrong.txt')]);
    assert.equal(wrong.status, 1, wrong.stderr);
    assert.match(wrong.stdout, /“行政复议”的总计应为 2（结果维持＋结果纠正＋其他结果＋尚未审结），实为 1/);
    assert.equal(run(['--exit-zero', join(dir, 'wrong.txt')]).status, 0);
    // Colours: none when piped (above), on when forced as on a terminal — the severity red, the file bold.
    const env = { ...process.env, LANG: 'C', FORCE_COLOR: '1', NO_COLOR: undefined };
    const coloured = spawnSync(process.execPath, [CLI, join(dir, 'wrong.txt')], { encoding: 'utf8', env });
    assert.ok(coloured.stdout.split('\n')[1].startsWith('  82:9  \x1b[31m错误\x1b[39m  “行政复议”的总计应为 2'), coloured.stdout);
    assert.ok(coloured.stdout.startsWith(`\x1b[1m${join(dir, 'wrong.txt')}\x1b[22m`), coloured.stdout);

    const missing = join(dir, 'no-such-folder');
    const gone = run(['check', join(dir, 'clean.txt'), missing]);
    assert.equal(gone.status, 2);
    assert.equal(gone.stderr, `无法读取 / cannot read: ${missing}（没有这个文件或文件夹 / no such file or folder）\n`);
    assert.equal(gone.stdout, '', 'nothing is checked when a path is wrong');

    const pattern = join(dir, '*.docx');
    const nothing = run([pattern]);
    assert.equal(nothing.status, 2);
    assert.equal(nothing.stderr, `没有匹配的文件 / no file matches: ${pattern}\n`);

    const badRule = run(['--rule', 'table9.total=error', join(dir, 'clean.txt')]);
    assert.equal(badRule.status, 2);
    assert.equal(badRule.stderr, '未知的规则 / unknown rule: table9.total（见 / see README.md#what-it-checks）\n');
    const badLevel = run(['--rule', 'table4.group-total=fatal', join(dir, 'clean.txt')]);
    assert.equal(badLevel.status, 2);
    assert.equal(badLevel.stderr, '规则级别应为 / the level must be one of error, warning, information, hint, off: table4.group-total=fatal\n');
    const unwritable = join(dir, 'no-such-folder', 'review.html');
    const output = run(['--format', 'html', '-o', unwritable, join(dir, 'clean.txt')]);
    assert.equal(output.status, 2);
    assert.match(output.stderr, new RegExp(`^无法写入 / cannot write: ${unwritable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（ENOENT`));
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^用法 \/ usage:/);
    const badJobs = run(['--jobs', '0', join(dir, 'clean.txt')]);
    assert.equal(badJobs.status, 2);
    assert.equal(badJobs.stderr, '--jobs 应为正整数 / --jobs takes a positive whole number: 0\n');
  });
});

test('globs: files matched in name order, each once, with folders and files named beside them', () => {
  withDir((dir) => {
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'z.txt'), township(3));
    writeFileSync(join(dir, 'b', 'a.txt'), township(4));
    writeFileSync(join(dir, 'b', 'notes.pdf.bak'), 'not a source');
    writeFileSync(join(dir, 'c.txt'), township(5));
    const result = run(['--format', 'json', 'b/*.txt', 'c.txt', 'b/a.txt', '**/z.*'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(
      (JSON.parse(result.stdout) as { file: string }[]).map((r) => r.file),
      ['b/a.txt', 'b/z.txt', 'c.txt'],
    );
  });
});

test('--rule sets a level for the run: an error made a warning no longer fails the run; off removes it', () => {
  withDir((dir) => {
    const file = join(dir, 'wrong.txt');
    writeFileSync(file, township(2, true));
    const warning = run(['--format', 'json', '--rule', 'table4.group-total=warning', file]);
    assert.equal(warning.status, 0, warning.stderr);
    const findings = JSON.parse(warning.stdout)[0].findings as { code: string; severity: string }[];
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['table4.group-total', 'warning']]);
    const off = run(['--format', 'json', '--rule', 'table4.group-total=off', file]);
    assert.equal(off.status, 0);
    assert.deepEqual(JSON.parse(off.stdout)[0].findings, []);
  });
});

test('.nianbao.json: the nearest one walking up from each file applies (comments allowed); --rule wins over it; a bad one exits 2 naming it', () => {
  withDir((dir) => {
    mkdirSync(join(dir, 'district', 'towns'), { recursive: true });
    mkdirSync(join(dir, 'other'));
    writeFileSync(
      join(dir, 'district', '.nianbao.json'),
      '{\n  // the district reviews in English, and table 四 totals are only warnings here\n  "disclosureReport.language": "en",\n  "disclosureReport.rules.table4.group-total": "warning",\n}\n',
    );
    const inside = join(dir, 'district', 'towns', 'a.txt');
    const outside = join(dir, 'other', 'b.txt');
    writeFileSync(inside, township(6, true));
    writeFileSync(outside, township(7, true));
    const result = run(['--format', 'json', inside, outside]);
    assert.equal(result.status, 1, result.stderr);
    const [a, b] = JSON.parse(result.stdout) as { findings: { severity: string; message: string }[] }[];
    assert.deepEqual(a.findings.map((f) => [f.severity, f.message]), [
      ['warning', 'The total of “行政复议” should be 2 (upheld + corrected + other + pending) but is 1; check the parts or change the total to 2'],
    ]);
    assert.deepEqual(b.findings.map((f) => [f.severity, f.message]), [['error', '“行政复议”的总计应为 2（结果维持＋结果纠正＋其他结果＋尚未审结），实为 1；请核对各项或将总计改为 2']]);
    const overridden = run(['--format', 'json', '--rule', 'table4.group-total=error', inside]);
    assert.equal(overridden.status, 1);
    assert.equal(JSON.parse(overridden.stdout)[0].findings[0].severity, 'error');

    // Nested keys are the same settings.
    writeFileSync(join(dir, 'other', '.nianbao.json'), '{ "disclosureReport": { "rules": { "table4.group-total": "off" } } }');
    assert.deepEqual(JSON.parse(run(['--format', 'json', outside]).stdout)[0].findings, []);

    const config = join(dir, 'district', '.nianbao.json');
    writeFileSync(config, '{ "disclosureReport.rules.table4.group-totl": "warning" }');
    const unknown = run([inside]);
    assert.equal(unknown.status, 2);
    assert.equal(unknown.stderr, `配置文件中有未知的设置 / unknown setting in the config file: ${config}: disclosureReport.rules.table4.group-totl\n`);
    writeFileSync(config, '{ "disclosureReport.rules.table4.group-total": "loud" }');
    const invalid = run([inside]);
    assert.equal(invalid.status, 2);
    assert.equal(
      invalid.stderr,
      `配置文件中的设置值无效 / invalid value in the config file: ${config}: disclosureReport.rules.table4.group-total = "loud"（应为 / must be one of "error", "warning", "information", "hint", "off"）\n`,
    );
    writeFileSync(config, '{ "disclosureReport.language": ');
    const broken = run([inside]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, new RegExp(`^配置文件不是有效的 JSON 对象 / the config file is not a JSON object: ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（`));
  });
});

test('summary of the seeds: one line per report and the totals, as text, CSV and JSON', () => {
  const result = run(['summary', SEEDS_DIR]);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(
    result.stdout,
    [
      '机关                            年度  新收  办结  复议  诉讼  错误  警告  文件',
      `老城区人民政府办公室            2024   450   465     0     0     0     1  ${seed(SEED_NAMES[0])}`,
      `涧西区人民政府办公室            2024     0     0     0     0     0     0  ${seed(SEED_NAMES[1])}`,
      `老城区翠云峰街道办事处          2024     2     1     1     0     0     0  ${seed(SEED_NAMES[2])}`,
      `老城区人民政府办公室            2023   148   126     5     6     0     1  ${seed(SEED_NAMES[3])}`,
      `洛龙区行政审批和政务信息管理局  2024     0     0     0     0     0     0  ${seed(SEED_NAMES[4])}`,
      '合计（5 份）                           600   592     6     6     0     2',
      '',
    ].join('\n'),
  );
  const csv = run(['summary', '--format', 'csv', SEEDS_DIR]);
  assert.equal(csv.stdout.split('\n')[0], 'file,body,year,received,handled,review,litigation,errors,warnings');
  assert.equal(csv.stdout.split('\n')[4], `${seed(SEED_NAMES[3])},老城区人民政府办公室,2023,148,126,5,6,0,1`);
  assert.equal(csv.stdout.split('\n')[6], ',total,,600,592,6,6,0,2');
  const json = JSON.parse(run(['summary', '--format', 'json', SEEDS_DIR]).stdout);
  assert.deepEqual(json.totals, { received: 600, handled: 592, review: 6, litigation: 6, errors: 0, warnings: 2 });
  assert.deepEqual(json.incomplete, []);
});

test('sum of the four 2024 seeds equals the table added up by hand; the Markdown is a draft whose tables read back the same', () => {
  const files = SEED_2024.map(seed);
  const result = run(['sum', '--format', 'json', ...files]);
  assert.equal(result.status, 0, result.stderr);
  const sum = JSON.parse(result.stdout) as { year: number; files: string[]; tables: Record<string, { rows: { id: string; cells: number[] }[] }> };
  assert.equal(sum.year, 2024);
  assert.deepEqual(sum.files, files);
  const rows = (table: string) => Object.fromEntries(sum.tables[table].rows.map((r) => [r.id, r.cells]));
  // Seeds 001 (涧西区) and 004 (洛龙区) report nothing but zeros; 000 (老城区) and 002 (翠云峰街道) give the rest.
  // Every other applicant column is 0 in all four.
  const natural = (a000: number, a002: number) => [a000 + a002, 0, 0, 0, 0, 0, a000 + a002];
  assert.deepEqual(rows('table3'), {
    new: natural(450, 2),
    carried: natural(23, 0),
    r1: natural(52, 0),
    r2: natural(0, 0),
    r3_1: natural(0, 0),
    r3_2: natural(0, 0),
    r3_3: natural(0, 0),
    r3_4: natural(93, 0),
    r3_5: natural(6, 0),
    r3_6: natural(7, 0),
    r3_7: natural(4, 1),
    r3_8: natural(0, 0),
    r4_1: natural(83, 0),
    r4_2: natural(65, 0),
    r4_3: natural(0, 0),
    r5_1: natural(0, 0),
    r5_2: natural(0, 0),
    r5_3: natural(0, 0),
    r5_4: natural(0, 0),
    r5_5: natural(0, 0),
    r6_1: natural(152, 0),
    r6_2: natural(0, 0),
    r6_3: natural(3, 0),
    r7: natural(465, 1),
    forward: natural(8, 1),
  });
  // 行政处罚 14 (002); 行政复议: 002's 其他结果 1, 总计 1.
  assert.deepEqual(rows('table2'), { rules: [0, 0, 0], normative: [0, 0, 0], licensing: [0], penalty: [14], compulsion: [0], fees: [0] });
  assert.deepEqual(rows('table4'), { review: [0, 0, 1, 0, 1], direct: [0, 0, 0, 0, 0], after: [0, 0, 0, 0, 0] });

  const markdown = run(['sum', ...files]);
  assert.equal(markdown.status, 0, markdown.stderr);
  assert.equal(markdown.stdout.split('\n')[0], '# 2024年度政府信息公开工作年度报告汇总表');
  const readBack = extractTables(parseReport(markdown.stdout));
  for (const id of ['table2', 'table3', 'table4']) {
    assert.deepEqual(
      readBack.tables[id as 'table2']!.rows.map((r) => [r.id, r.cells]),
      sum.tables[id].rows.map((r) => [r.id, r.cells]),
      id,
    );
  }
  const csv = run(['sum', '--format', 'csv', ...files]);
  assert.equal(csv.stdout.split('\n')[7], 'table3,new,一、本年新收政府信息公开申请数量,452,0,0,0,0,0,452');
});

test('sum refuses reports of different years, one report twice, and an unreadable table, naming the files', () => {
  const mixed = run(['sum', SEEDS_DIR]);
  assert.equal(mixed.status, 2);
  assert.equal(mixed.stdout, '');
  assert.equal(
    mixed.stderr,
    `无法汇总：报告的年度不同，只能汇总同一年度的报告：2023 年 1 份（${seed(SEED_NAMES[3])}）；2024 年 4 份（${SEED_2024.slice(0, 3).map(seed).join('、')} 等）\n`,
  );
  withDir((dir) => {
    writeFileSync(join(dir, 'a.txt'), township(8));
    writeFileSync(join(dir, 'copy.txt'), township(8));
    const twice = run(['sum', dir]);
    assert.equal(twice.status, 2);
    assert.equal(twice.stderr, `无法汇总：${join(dir, 'a.txt')} 与 ${join(dir, 'copy.txt')} 是同一机关同一年度的报告，会重复计算；请只保留一份\n`);

    // A row of table 三 left out: its cells have no figure.
    writeFileSync(join(dir, 'copy.txt'), township(9).split('\n').filter((l) => !l.startsWith('二、上年结转')).join('\n'));
    const missingRow = run(['sum', join(dir, 'a.txt'), join(dir, 'copy.txt')]);
    assert.equal(missingRow.status, 2);
    assert.equal(missingRow.stderr, `无法汇总：${join(dir, 'copy.txt')} 的表三“二、上年结转政府信息公开申请数量”一行“自然人”一栏没有读出数字；请先改正这份报告\n`);
  });
  // pdfminer's text of hongze's PDF: tables 二 and 三 come column by column with nothing to decide their order.
  const pdfminer = join(REAL_DIR, 'hongze-2023', 'pdfminer.txt');
  const unreadable = run(['sum', pdfminer]);
  assert.equal(unreadable.status, 2);
  assert.equal(unreadable.stderr, `无法汇总：${pdfminer} 的表二未能确定地读出；请先改正这份报告\n`);
});

test('the same output with one worker thread and with all: text, JSON, SARIF and summary over 25 reports', () => {
  withDir((dir) => {
    for (let n = 1; n <= 24; n++) writeFileSync(join(dir, `r${String(n).padStart(2, '0')}.txt`), township(n, n % 5 === 0));
    // Last year's report of one of them: the cross-year rules see across threads too.
    writeFileSync(join(dir, 'r03-2023.txt'), township(3).replace('2024 年政府信息公开工作', '2023 年政府信息公开工作').replace(/2024/g, '2023'));
    for (const args of [['check'], ['check', '--format', 'json'], ['check', '--format', 'sarif'], ['summary']]) {
      const one = run([...args, '--jobs', '1', dir]);
      assert.equal(one.status, 1, one.stderr);
      // All cores (the default), and more threads than cores.
      for (const many of [run([...args, dir]), run([...args, '--jobs', '4', dir])]) {
        assert.equal(many.status, 1, many.stderr);
        assert.equal(many.stdout.replace(/"startTimeUtc": "[^"]*"/, ''), one.stdout.replace(/"startTimeUtc": "[^"]*"/, ''), args.join(' '));
        assert.equal(many.stderr, '');
      }
    }
    const reports = JSON.parse(run(['--format', 'json', '--jobs', '3', dir]).stdout) as { file: string; findings: { code: string }[] }[];
    assert.deepEqual(
      reports.filter((r) => r.findings.length > 0).map((r) => [r.file.slice(dir.length + 1), r.findings.map((f) => f.code)]),
      [
        // Last year's 结转下年度 1 is this year's 上年结转 0 (自然人 and 总计); the copy repeats last year's paragraphs.
        ['r03.txt', ['crossyear.copied-text', 'crossyear.copied-text', 'crossyear.copied-text', 'crossyear.copied-text', 'crossyear.carry-over', 'crossyear.carry-over', 'crossyear.copied-text', 'crossyear.copied-text']],
        ['r05.txt', ['table4.group-total']],
        ['r10.txt', ['table4.group-total']],
        ['r15.txt', ['table4.group-total']],
        ['r20.txt', ['table4.group-total']],
      ],
    );
  });
});

test('the progress bar: on a terminal (standard error a TTY), never when piped', (t) => {
  withDir((dir) => {
    for (let n = 1; n <= 6; n++) writeFileSync(join(dir, `r${n}.txt`), township(n));
    // Two of them with last year's report beside them: checked again with the index.
    for (const n of [1, 2]) writeFileSync(join(dir, `r${n}-2023.txt`), township(n).replace(/2024/g, '2023'));
    const piped = run(['--jobs', '2', dir]);
    assert.equal(piped.status, 1, piped.stderr);
    assert.equal(piped.stderr, '');
    assert.doesNotMatch(piped.stdout, /\x1b|检查 \[|跨年度核对/);
    // `script` runs the command on a pseudo-terminal and writes what the terminal received.
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${CLI} --jobs 2 ${dir}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', NO_COLOR: '1', TERM: 'xterm' },
    });
    if (tty.error) {
      t.skip(`no pseudo-terminal: \`script\` could not run (${tty.error.message})`);
      return;
    }
    assert.equal(tty.status, 1, tty.stdout);
    assert.match(tty.stdout, /检查 \[[=-]{30}\] \d\/8/);
    assert.match(tty.stdout, /跨年度核对 \[[=-]{30}\] \d\/2/);
    // The bar's line is cleared before the output, which is the same as when piped.
    assert.equal(tty.stdout.slice(tty.stdout.lastIndexOf('\x1b[2K') + 4).replace(/\r\n/g, '\n'), piped.stdout);
  });
});
