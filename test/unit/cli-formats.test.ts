// The machine-readable outputs of `check`: `--format json` validates against the published schema
// (schemas/check-output.schema.json, JSON Schema 2020-12) and `--format sarif` against the SARIF 2.1.0 schema
// (test/schemas, draft-04), as GitHub code scanning takes it. sarifLog is tested over reports checked in this process
// (a fixed run: exact paths, time and fingerprints), then the real CLI process over seeds, the sample, a real PDF and
// unreadable files; and the validators are shown to reject, so that a pass means something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import type { Log, Result } from 'sarif';
import { FileChecker, RunIndex, type FileReport } from '../../server/src/cli/analyse';
import type { RunInfo } from '../../server/src/cli/output/run';
import { sarifLog } from '../../server/src/cli/output/sarif';
import type { Locale } from '../../server/src/core/i18n';
import { RULE_REGISTRY } from '../../server/src/core/ruleRegistry';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { REPO_ROOT, replaceNth, SEEDS_DIR } from '../support/seeds';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const REAL_DIR = resolve(REPO_ROOT, '..', 'shared', 'real');
const SAMPLE = join(REPO_ROOT, 'samples', 'example-2024.nianbao.md');
const SEED_003 = '003_bd5764f2f2266ecc.txt';

const run = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, maxBuffer: 64 * 1024 * 1024 });

// Formats checked as the schemas mean them (ajv has none built in): a URI reference is ASCII only, so a Chinese file
// name must be percent-encoded; a URI has a scheme.
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const FORMATS = {
  uri: (s: string) => URI_CHARS.test(s) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s),
  'uri-reference': (s: string) => URI_CHARS.test(s),
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

const readSchema = (path: string) => JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as object;
// The SARIF schema has keywords ajv's strict mode refuses, and a pattern (run.language's) that is invalid as a
// Unicode regular expression; its formats are still checked, as above.
const validSarif = new AjvDraft04({ strict: false, unicodeRegExp: false, allErrors: true, formats: FORMATS }).compile(readSchema('test/schemas/sarif-2.1.0-rtm.5.json'));
const validJson = new Ajv2020({ strict: true, allErrors: true }).compile(readSchema('schemas/check-output.schema.json'));

function assertSarif(log: unknown): asserts log is Log {
  assert.ok(validSarif(log), JSON.stringify(validSarif.errors, null, 2));
}

function firstError(errors: ErrorObject[] | null | undefined): string {
  return errors?.length ? `${errors[0].instancePath} ${errors[0].keyword}` : 'no error';
}

function assertCheckJson(items: unknown): void {
  assert.ok(validJson(items), JSON.stringify(validJson.errors, null, 2));
}

/** A copy of a JSON value with the value at `path` replaced, or removed when `value` is undefined. */
function altered(json: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(json);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'nianbao-cli-formats-'));
}

/** The reports of the files as the CLI makes them (each file on its own for the index, then with it), in this process. */
async function checkFiles(files: string[], locale: Locale): Promise<FileReport[]> {
  const task = (file: string) => ({ file, settings: DEFAULT_SETTINGS, locale, want: { tables: false, counts: false, facts: true } });
  const checker = new FileChecker();
  const first = await Promise.all(files.map((file) => checker.check(task(file))));
  const index = new RunIndex(first.map((c, i) => ({ file: files[i], facts: c.facts })));
  const reports: FileReport[] = [];
  for (const [i, file] of files.entries()) {
    const partners = first[i].facts ? index.partnersOf(file, first[i].facts!) : null;
    reports.push(partners ? (await checker.check({ ...task(file), draft: first[i].draft, partners })).report : first[i].report);
  }
  return reports;
}

const AMBIGUOUS_MESSAGE =
  '“本年度被依法提起行政复议、行政诉讼案件 5 件”把行政复议和行政诉讼并在一起，含义不明：表四中行政复议 5 件，行政诉讼 6 件（直接起诉 5 件、复议后起诉 1 件），合计 11 件；5 件只与行政复议相符，请分别写明复议和诉讼的件数';

/** Seed 003's one finding (see cli.test.ts: line 8, characters 100..101, 0-based) as a SARIF result in a file at `uri`. */
function ambiguousResult(uri: string, fingerprint: string): Result {
  const ruleIndex = RULE_REGISTRY.findIndex((r) => r.code === 'narrative.ambiguous-count');
  const related = (id: number, message: string, column: number) => ({
    id,
    message: { text: message },
    physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: 70, startColumn: column, endLine: 70, endColumn: column + 1 } },
  });
  return {
    ruleId: 'narrative.ambiguous-count',
    ruleIndex,
    level: 'warning',
    message: { text: AMBIGUOUS_MESSAGE },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: { startLine: 9, startColumn: 101, endLine: 9, endColumn: 102, snippet: { text: '5' } },
        },
      },
    ],
    relatedLocations: [
      related(1, '行政复议总计：5', 9),
      related(2, '行政诉讼总计（直接起诉＋复议后起诉）中的“未经复议直接起诉 / 总计”：5', 19),
      related(3, '行政诉讼总计（直接起诉＋复议后起诉）中的“复议后起诉 / 总计”：1', 29),
    ],
    partialFingerprints: { 'nianbao/v1': fingerprint },
  };
}

// ---------------------------------------------------------------------------------------------------------
// 1. sarifLog over reports checked in this process: the whole log pinned

test('sarifLog: a valid SARIF 2.1.0 log — the registry as rules, seed 003 under a Chinese file name, a report of the year after, an unreadable file', async () => {
  const dir = tempDir();
  try {
    mkdirSync(join(dir, '年报 2023'));
    const seed = join(dir, '年报 2023', `老城区 ${SEED_003}`);
    const nextYear = join(dir, '000.txt');
    const empty = join(dir, 'empty.pdf');
    copyFileSync(join(SEEDS_DIR, SEED_003), seed);
    copyFileSync(join(SEEDS_DIR, '000_c09face178877b87.txt'), nextYear);
    writeFileSync(empty, new Uint8Array(0));
    const reports = await checkFiles([seed, nextYear, empty], 'zh');
    const info: RunInfo = { locale: 'zh', version: '1.2.3', cwd: dir, startedAt: '2025-01-02T03:04:05.678Z', args: ['--format', 'sarif', dir] };
    const log = sarifLog(reports, info);
    assertSarif(log);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [sarifRun] = log.runs;

    const { rules, ...driver } = sarifRun.tool.driver;
    assert.deepEqual(driver, { name: 'nianbao', version: '1.2.3', semanticVersion: '1.2.3' });
    assert.deepEqual(
      rules?.map((r) => r.id),
      RULE_REGISTRY.map((r) => r.code),
    );
    assert.deepEqual(rules?.find((r) => r.id === 'narrative.ambiguous-count'), {
      id: 'narrative.ambiguous-count',
      shortDescription: { text: '正文将几类情况合并为一个数字（如“行政复议、行政诉讼案件 5 件”），无法与表格逐项对应。' },
      fullDescription: { text: '正文将几类情况合并为一个数字（如“行政复议、行政诉讼案件 5 件”），无法与表格逐项对应。' },
      help: { text: 'a claim that lumps 行政复议 and 行政诉讼\n说明见 README.md#rule-narrative.ambiguous-count' },
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['narrative'] },
    });
    assert.deepEqual(
      rules?.map((r) => r.defaultConfiguration?.level),
      RULE_REGISTRY.map((r) => ({ error: 'error', warning: 'warning', information: 'note', hint: 'note' })[r.severity]),
    );

    assert.deepEqual(sarifRun.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.language, 'zh-CN');
    assert.deepEqual(sarifRun.invocations, [
      {
        executionSuccessful: false,
        startTimeUtc: '2025-01-02T03:04:05.678Z',
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: `无法读取 / cannot read: ${empty}（文件为空 / The file is empty）` },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'empty.pdf', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);

    // The space and the Chinese of the folder and file name percent-encoded, segments joined by '/'.
    const seedUri = '%E5%B9%B4%E6%8A%A5%202023/%E8%80%81%E5%9F%8E%E5%8C%BA%20003_bd5764f2f2266ecc.txt';
    const results = sarifRun.results ?? [];
    assert.deepEqual(results[0], ambiguousResult(seedUri, 'd7952bb557813eec78411d607583c1e1:0'));
    // 000 (2024) sees 003 (2023), its body's last year: the related place is in 003.
    assert.deepEqual(
      results.slice(1).map((r) => [r.ruleId, r.level, r.locations?.[0].physicalLocation?.artifactLocation?.uri, r.relatedLocations?.map((l) => l.physicalLocation?.artifactLocation?.uri)]),
      [['crossyear.in-force', 'warning', '000.txt', [seedUri]]],
    );
    assert.equal(results.length, 2);
    // No path of this machine in the results: only %SRCROOT% knows where the files are.
    assert.ok(!JSON.stringify(results).includes(dir));

    // The same reports again: the same log, byte for byte.
    assert.equal(JSON.stringify(sarifLog(reports, info)), JSON.stringify(log));

    // A run started elsewhere: the files are outside %SRCROOT%, so they are named by their own file URIs.
    const elsewhere = sarifLog(reports, { ...info, cwd: join(dir, '年报 2023') });
    assertSarif(elsewhere);
    assert.deepEqual(elsewhere.runs[0].results?.[1].locations?.[0].physicalLocation?.artifactLocation, { uri: pathToFileURL(nextYear).href });
    assert.deepEqual(elsewhere.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation, {
      uri: '%E8%80%81%E5%9F%8E%E5%8C%BA%20003_bd5764f2f2266ecc.txt',
      uriBaseId: '%SRCROOT%',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sarifLog in English: rules and run language in English, the fingerprint independent of the message language', async () => {
  const dir = tempDir();
  try {
    const seed = join(dir, SEED_003);
    copyFileSync(join(SEEDS_DIR, SEED_003), seed);
    const info = (locale: Locale): RunInfo => ({ locale, version: '0.2.0', cwd: dir, startedAt: '2025-01-02T03:04:05.678Z', args: [] });
    const zh = sarifLog(await checkFiles([seed], 'zh'), info('zh'));
    const en = sarifLog(await checkFiles([seed], 'en'), info('en'));
    assertSarif(en);
    assert.equal(en.runs[0].language, 'en-US');
    assert.deepEqual(en.runs[0].invocations?.[0].executionSuccessful, true);
    assert.deepEqual(en.runs[0].invocations?.[0].toolExecutionNotifications, []);
    const rule = en.runs[0].tool.driver.rules?.find((r) => r.id === 'table3.row-total');
    assert.deepEqual(rule?.shortDescription, { text: "Table 3: a row's total does not equal the sum of the natural-person and organisation columns." });
    assert.equal(rule?.help?.text, "a row's 总计 ≠ the sum of its six applicant columns\nSee README.md#rule-table3.row-total");
    const [result] = en.runs[0].results ?? [];
    assert.equal(
      result.message.text,
      '“本年度被依法提起行政复议、行政诉讼案件 5 件” lumps reconsideration and litigation together: table 4 has 5 reconsideration and 6 litigation cases (5 direct, 1 after reconsideration), 11 in all; 5 matches only reconsideration, so state each kind separately',
    );
    assert.deepEqual(result.partialFingerprints, zh.runs[0].results?.[0].partialFingerprints);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------
// 2. The CLI process: `check --format json` and `--format sarif` of the same files, and their exit codes

interface JsonFinding {
  place?: Record<string, number>;
  code: string;
  severity: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
  related: { file?: string }[];
}
type JsonItem = { file: string; error: string } | { file: string; isReport: boolean; title: unknown; findings: JsonFinding[] };

/** `check --format json` and `--format sarif` of the same paths in `cwd`: both valid, with the same exit code and standard error. */
function checkBoth(cwd: string, ...paths: string[]): { status: number | null; stderr: string; items: JsonItem[]; log: Log } {
  const json = run(cwd, 'check', '--format', 'json', ...paths);
  const sarif = run(cwd, 'check', '--format', 'sarif', ...paths);
  assert.equal(sarif.status, json.status, sarif.stderr);
  assert.equal(sarif.stderr, json.stderr);
  const items = JSON.parse(json.stdout) as JsonItem[];
  const log = JSON.parse(sarif.stdout) as unknown;
  assertCheckJson(items);
  assertSarif(log);
  // The run's invocation in the log: the time it started, not a time of the test's choosing.
  assert.match(log.runs[0].invocations?.[0].startTimeUtc ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  // The process's working directory is the real path (../shared may be a link to it).
  assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(realpathSync(cwd)).href}/` } });
  return { status: json.status, stderr: json.stderr, items, log };
}

const codesOf = (item: JsonItem | undefined) => (item && 'findings' in item ? item.findings.map((f) => [f.code, f.severity, f.range.start.line, f.text]) : null);
const resultsOf = (log: Log, uri: string) =>
  (log.runs[0].results ?? []).filter((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === uri).map((r) => [r.ruleId, r.level, r.locations?.[0].physicalLocation?.region?.startLine]);

test('CLI over the seeds folder: exit 0, valid JSON and SARIF; seed 003 pinned, 000 related to 003 in the other file', () => {
  const shared = resolve(SEEDS_DIR, '..');
  const { status, stderr, items, log } = checkBoth(shared, 'seeds');
  assert.equal(status, 0, stderr);
  assert.equal(stderr, '');
  const names = ['000_c09face178877b87.txt', '001_f0cbcda3827e0aad.txt', '002_400582c34393c453.txt', SEED_003, '004_eedfd0bd79a0644a.txt'];
  assert.deepEqual(
    items.map((i) => [i.file, codesOf(i)]),
    [
      [join('seeds', names[0]), [['crossyear.in-force', 'warning', 49, '0']]],
      [join('seeds', names[1]), []],
      [join('seeds', names[2]), []],
      [join('seeds', names[3]), [['narrative.ambiguous-count', 'warning', 8, '5']]],
      [join('seeds', names[4]), []],
    ],
  );

  const [sarifRun] = log.runs;
  assert.deepEqual(
    sarifRun.tool.driver.rules?.map((r) => r.id),
    RULE_REGISTRY.map((r) => r.code),
  );
  assert.equal(sarifRun.tool.driver.name, 'nianbao');
  assert.equal(sarifRun.tool.driver.version, (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  assert.equal(sarifRun.invocations?.[0].executionSuccessful, true);
  assert.deepEqual(sarifRun.invocations?.[0].toolExecutionNotifications, []);
  const results = sarifRun.results ?? [];
  assert.equal(results.length, 2);
  assert.deepEqual(results[1], ambiguousResult(`seeds/${SEED_003}`, '50f11c6478e03d1e3a1bb17cfb786c71:0'));
  assert.deepEqual(results[0].relatedLocations, [
    {
      id: 1,
      message: { text: '2023 年报告：行政规范性文件现行有效件数 10' },
      physicalLocation: { artifactLocation: { uri: `seeds/${SEED_003}`, uriBaseId: '%SRCROOT%' }, region: { startLine: 22, startColumn: 13, endLine: 22, endColumn: 15 } },
    },
  ]);
});

test('CLI over the sample and a copy with one figure changed: exit 1, valid JSON and SARIF, the new errors at their lines', () => {
  const dir = tempDir();
  try {
    const sample = readFileSync(SAMPLE, 'utf8');
    writeFileSync(join(dir, 'example-2024.nianbao.md'), sample);
    // 本年新收 自然人 120 → 121: the row's total 130 and the column's balance no longer hold.
    writeFileSync(join(dir, 'example-2024-changed.nianbao.md'), replaceNth(sample, '| 一、本年新收政府信息公开申请数量 |  |  | 120 |', '| 一、本年新收政府信息公开申请数量 |  |  | 121 |'));
    const { status, items, log } = checkBoth(dir, '.');
    assert.equal(status, 1);
    const common = [
      ['narrative.percent', 'warning', 6, '90'],
      ['year.mismatch', 'warning', 8, '2023'],
      ['narrative.count-mismatch', 'warning', 8, '136'],
    ];
    const below = [
      ['structure.row-label', 'warning', 50, '3.危及三安全一稳定'],
      ['table3.suspect-cell', 'error', 56, '31'],
      ['table3.row-total', 'error', 56, '32'],
      ['table3.result-total', 'error', 67, '100'],
    ];
    assert.deepEqual(
      items.map((i) => [i.file, codesOf(i)]),
      [
        [
          'example-2024-changed.nianbao.md',
          [...common, ['table3.suspect-cell', 'error', 44, '121'], ['table3.row-total', 'error', 44, '130'], ...below, ['table3.balance', 'error', 68, '25']],
        ],
        ['example-2024.nianbao.md', [...common, ...below]],
      ],
    );

    // Every finding a result, at its line + 1, error/warning as they are.
    for (const item of items) {
      assert.deepEqual(
        resultsOf(log, item.file),
        codesOf(item)?.map(([code, severity, line]) => [code, severity, (line as number) + 1]),
      );
    }
    const suspect = (log.runs[0].results ?? []).find((r) => r.ruleId === 'table3.suspect-cell');
    assert.deepEqual(suspect?.locations?.[0].physicalLocation, {
      artifactLocation: { uri: 'example-2024-changed.nianbao.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 45, startColumn: 28, endLine: 45, endColumn: 31, snippet: { text: '121' } },
    });
    assert.equal(suspect?.ruleIndex, RULE_REGISTRY.findIndex((r) => r.code === 'table3.suspect-cell'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI over a real PDF: exit 1, valid JSON and SARIF; results have no region (lines are the draft’s) but the place in the PDF', () => {
  const dir = tempDir();
  try {
    copyFileSync(join(REAL_DIR, 'hongze-2023', 'report.pdf'), join(dir, 'hongze.pdf'));
    const { status, items, log } = checkBoth(dir, 'hongze.pdf');
    assert.equal(status, 1);
    const places = [
      ['structure.government-duties', 'warning', { page: 1 }],
      ['structure.row-label', 'warning', { page: 3, table: 2, row: 9, column: 3 }],
      ['structure.outdated-format', 'warning', { page: 4, table: 2, row: 24, column: 2 }],
      ['table4.group-total', 'error', { page: 4, table: 3, row: 4, column: 5 }],
      ['table4.group-total', 'error', { page: 4, table: 3, row: 4, column: 15 }],
    ];
    const [item] = items;
    assert.ok('findings' in item);
    assert.deepEqual(
      item.findings.map((f) => [f.code, f.severity, f.place]),
      places,
    );
    const results = log.runs[0].results ?? [];
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.level, r.locations?.[0].properties?.place]),
      places,
    );
    assert.deepEqual(results[3].locations, [
      {
        physicalLocation: { artifactLocation: { uri: 'hongze.pdf', uriBaseId: '%SRCROOT%' } },
        message: { text: '第 4 页 表格 3 第 4 行 第 5 列' },
        properties: { place: { page: 4, table: 3, row: 4, column: 5 }, text: '0' },
      },
    ]);
    assert.deepEqual(results[3].relatedLocations?.[0], {
      id: 1,
      message: { text: '行政复议 / 结果维持：10' },
      physicalLocation: { artifactLocation: { uri: 'hongze.pdf', uriBaseId: '%SRCROOT%' } },
    });
    for (const result of results) {
      assert.equal(result.locations?.[0].physicalLocation?.region, undefined, result.ruleId);
      for (const related of result.relatedLocations ?? []) assert.equal(related.physicalLocation?.region, undefined, result.ruleId);
    }
    // Two findings on one line with the same text: told apart by their order.
    assert.deepEqual(
      results.slice(3).map((r) => r.partialFingerprints?.['nianbao/v1'].replace(/^[0-9a-f]{32}:/, '')),
      ['0', '1'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI over unreadable files (an empty .pdf, random bytes as .docx): exit 2; in JSON { file, error }, in SARIF execution notifications', () => {
  const dir = tempDir();
  try {
    copyFileSync(join(SEEDS_DIR, SEED_003), join(dir, 'seed-003.txt'));
    writeFileSync(join(dir, 'empty.pdf'), new Uint8Array(0));
    writeFileSync(join(dir, 'random.docx'), Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256));
    const errors = {
      'empty.pdf': '无法读取 / cannot read: empty.pdf（文件为空 / The file is empty）',
      'random.docx': '无法读取 / cannot read: random.docx（不是有效的 Word 文档（.docx 应是 ZIP 压缩包，此文件不是） / Not a valid Word document (a .docx is a ZIP package; this file is not one)）',
    };
    const { status, stderr, items, log } = checkBoth(dir, '.');
    assert.equal(status, 2);
    assert.equal(stderr, `${errors['empty.pdf']}\n${errors['random.docx']}\n`);
    assert.deepEqual(items.slice(0, 2), [
      { file: 'empty.pdf', error: errors['empty.pdf'] },
      { file: 'random.docx', error: errors['random.docx'] },
    ]);
    assert.deepEqual(codesOf(items[2]), [['narrative.ambiguous-count', 'warning', 8, '5']]);

    const [invocation] = log.runs[0].invocations ?? [];
    assert.equal(invocation.executionSuccessful, false);
    assert.deepEqual(
      invocation.toolExecutionNotifications,
      (['empty.pdf', 'random.docx'] as const).map((file) => ({
        level: 'error',
        message: { text: errors[file] },
        locations: [{ physicalLocation: { artifactLocation: { uri: file, uriBaseId: '%SRCROOT%' } } }],
      })),
    );
    // The readable file is still checked.
    assert.deepEqual(resultsOf(log, 'seed-003.txt'), [['narrative.ambiguous-count', 'warning', 9]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------
// 3. The validators reject: a pass above is not a validator that passes everything

test('the SARIF and JSON validators reject what the schemas forbid', async () => {
  const dir = tempDir();
  try {
    const seed = join(dir, SEED_003);
    copyFileSync(join(SEEDS_DIR, SEED_003), seed);
    const log = sarifLog(await checkFiles([seed], 'zh'), { locale: 'zh', version: '0.2.0', cwd: dir, startedAt: '2025-01-02T03:04:05.678Z', args: [] });
    assertSarif(log);
    // The first error names the place edited and the keyword that forbids the edit.
    const sarifWith = (path: (string | number)[], value: unknown) => (validSarif(altered(log, path, value)) ? 'valid' : firstError(validSarif.errors));
    const result = ['runs', 0, 'results', 0];
    assert.equal(sarifWith([...result, 'level'], 'fatal'), '/runs/0/results/0/level enum');
    assert.equal(sarifWith(['version'], '2.0.0'), '/version enum');
    assert.equal(sarifWith([...result, 'locations', 0, 'physicalLocation', 'region', 'startColumn'], 0), '/runs/0/results/0/locations/0/physicalLocation/region/startColumn minimum');
    assert.equal(sarifWith([...result, 'locations', 0, 'physicalLocation', 'artifactLocation', 'uri'], '年报.txt'), '/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri format');
    assert.equal(sarifWith(['runs', 0, 'invocations', 0, 'startTimeUtc'], 'yesterday'), '/runs/0/invocations/0/startTimeUtc format');
    assert.equal(sarifWith(['runs', 0, 'tool', 'driver', 'name'], undefined), '/runs/0/tool/driver required');

    const json = run(dir, 'check', '--format', 'json', SEED_003);
    const items = JSON.parse(json.stdout) as unknown[];
    assertCheckJson(items);
    const jsonWith = (path: (string | number)[], value: unknown) => (validJson(altered(items, path, value)) ? 'valid' : firstError(validJson.errors));
    const finding = [0, 'findings', 0];
    assert.equal(jsonWith([...finding, 'severity'], 'fatal'), '/0/findings/0/severity enum');
    assert.equal(jsonWith([...finding, 'text'], undefined), '/0/findings/0 required');
    assert.equal(jsonWith([...finding, 'line'], '本年度……'), '/0/findings/0 additionalProperties');
    assert.equal(jsonWith([...finding, 'code'], 'AmbiguousCount'), '/0/findings/0/code pattern');
    assert.equal(jsonWith([...finding, 'range', 'start', 'line'], -1), '/0/findings/0/range/start/line minimum');
    assert.equal(jsonWith([0, 'error'], 'both'), '/0 additionalProperties');
    assert.equal(jsonWith([0], { file: 'x.pdf' }), '/0 required');
    assert.equal(validJson(items[0]) ? 'valid' : firstError(validJson.errors), ' type');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
