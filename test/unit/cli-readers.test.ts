// The command line over Word, PDF and web-page sources, run as a real process (dist/cli.js): `convert` writes a
// draft whose figures are the source's (and, for the real published reports of ../shared/real, the figures read by
// eye in truth.json); `check` of the real PDFs and page finds exactly their known defects, each finding at its place
// in the source (page, table, row, column); a folder mixing every kind of source is checked in name order; and files
// that cannot be read (corrupt, encrypted, empty, 50 MB of random bytes, binary) are each named on stderr with exit
// code 2 while the other files are still reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Extracted } from '../../server/src/core/extract';
import { compareFindings, compareTables, report, type FindingLite, type Truth } from '../support/real';
import { REPO_ROOT, SEED_NAMES, SEEDS_DIR, readSeed } from '../support/seeds';
import { ENCRYPTED, toDocx } from '../support/sources';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const REAL_DIR = resolve(REPO_ROOT, '..', 'shared', 'real');
const SAMPLE = join(REPO_ROOT, 'samples', 'example-2024.nianbao.md');

const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' }, maxBuffer: 64 * 1024 * 1024 });

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'nianbao-cli-readers-'));
}

const truthOf = (folder: string) => JSON.parse(readFileSync(join(REAL_DIR, folder, 'truth.json'), 'utf8')) as Truth;

type ExtractItem = Extracted & { file: string; encoding?: string };
type ErrorItem = { file: string; error: string };

/** `extract --format json` of the files, exit code 0 and nothing on stderr. */
function extractJson(...files: string[]): ExtractItem[] {
  const result = run('extract', '--format', 'json', ...files);
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  const items = JSON.parse(result.stdout) as ExtractItem[];
  assert.deepEqual(
    items.map((i) => i.file),
    files,
  );
  return items;
}

/** An extract item without its file name: what must be equal between a source and its draft. */
function withoutFile(item: ExtractItem): Omit<ExtractItem, 'file'> {
  const { file: _file, ...rest } = item;
  return rest;
}

// ---------------------------------------------------------------------------------------------------------
// 1. convert: the draft beside the source (or at -o), its first line the source comment, its figures the source's

interface Source {
  /** The source's file name in the temp folder. */
  name: string;
  bytes: () => Promise<Uint8Array> | Uint8Array;
  /** The real report's folder in ../shared/real, whose truth.json the figures must equal. */
  real?: string;
  /** For a generated .docx: the text it was generated from, whose figures it must give. */
  original?: string;
  body: string;
  year: number;
}

const SOURCES: Source[] = [
  { name: 'huaian-2024.pdf', bytes: () => readFileSync(join(REAL_DIR, 'huaian-2024', 'report.pdf')), real: 'huaian-2024', body: '淮安市人民政府', year: 2024 },
  { name: 'hongze-2023.pdf', bytes: () => readFileSync(join(REAL_DIR, 'hongze-2023', 'report.pdf')), real: 'hongze-2023', body: '洪泽区人民政府', year: 2023 },
  { name: '沭阳发改局 2023.html', bytes: () => readFileSync(join(REAL_DIR, 'shuyang-fgj-2023', 'page.html')), real: 'shuyang-fgj-2023', body: '沭阳县发展和改革局', year: 2023 },
  { name: 'example-2024.docx', bytes: async () => toDocx(readFileSync(SAMPLE, 'utf8')), original: SAMPLE, body: '示例区人民政府办公室', year: 2024 },
  ...SEED_NAMES.map(
    (seed): Source => ({
      name: `seed-${seed.slice(0, 3)}.docx`,
      bytes: async () => toDocx(readSeed(seed)),
      original: join(SEEDS_DIR, seed),
      body: '',
      year: 0,
    }),
  ),
];

for (const source of SOURCES) {
  test(`convert ${source.name}: exit 0, the draft's path printed, the source comment first; extract of the draft equals extract of the source`, async () => {
    const dir = tempDir();
    try {
      const file = join(dir, source.name);
      writeFileSync(file, await source.bytes());
      const stem = source.name.replace(/\.[^.]+$/, '');

      // Beside the source by default.
      const draft = join(dir, `${stem}.nianbao.md`);
      const converted = run('convert', file);
      assert.equal(converted.status, 0, converted.stderr);
      assert.equal(converted.stderr, '');
      assert.equal(converted.stdout, `${draft}\n`);
      const text = readFileSync(draft, 'utf8');
      assert.equal(text.split('\n')[0], `<!-- 来源：${source.name}（由 nianbao 转换；请对照原件核对） -->`);
      assert.match(text.split('\n')[1], /^# \S/, 'the title follows the comment');

      // Elsewhere with -o: the same draft (the comment names the source, not the draft).
      mkdirSync(join(dir, 'drafts'));
      const elsewhere = join(dir, 'drafts', 'draft.nianbao.md');
      const withOut = run('convert', file, '-o', elsewhere);
      assert.equal(withOut.status, 0, withOut.stderr);
      assert.equal(withOut.stdout, `${elsewhere}\n`);
      assert.equal(readFileSync(elsewhere, 'utf8'), text);

      // The draft's figures are the source's: tables, body, year, format; only `file` differs.
      const [fromDraft, fromSource, ...fromOriginal] = extractJson(draft, file, ...(source.original ? [source.original] : []));
      assert.deepEqual(withoutFile(fromDraft), withoutFile(fromSource));
      for (const id of ['table2', 'table3', 'table4'] as const) assert.ok(fromSource.tables[id], `${id} of ${source.name} is read`);
      if (source.real) {
        const truth = truthOf(source.real);
        const tables = compareTables(truth, fromSource, []);
        assert.ok(tables.problems.length === 0, report(source.name, tables.problems));
        assert.equal(fromSource.year, truth.year);
        assert.equal(fromSource.format, truth.format);
      }
      if (source.year !== 0) assert.deepEqual([fromSource.body, fromSource.year], [source.body, source.year]);
      // A generated Word file gives the figures of the text it was made from.
      if (source.original) assert.deepEqual(withoutFile(fromSource), withoutFile(fromOriginal[0]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// 2. check of the real PDFs and page: exactly the known defects, each at its place in the source

interface FindingJson {
  place?: { page?: number; paragraph?: number; table?: number; row?: number; column?: number };
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number } };
}
type CheckItem = { file: string; isReport: boolean; title: { body: string; year: number } | null; findings: FindingJson[] };

const REAL = [
  { folder: 'huaian-2024', name: 'huaian.pdf', source: 'report.pdf' },
  { folder: 'hongze-2023', name: 'hongze.pdf', source: 'report.pdf' },
  { folder: 'shuyang-fgj-2023', name: 'shuyang.html', source: 'page.html' },
];

/** Every finding's code, severity and place, pinned. */
const PLACES: Record<string, [string, string, FindingJson['place']][]> = {
  'huaian.pdf': [['structure.government-duties', 'warning', { page: 1 }]],
  'hongze.pdf': [
    ['structure.government-duties', 'warning', { page: 1 }],
    ['structure.row-label', 'warning', { page: 3, table: 2, row: 9, column: 3 }],
    ['structure.outdated-format', 'warning', { page: 4, table: 2, row: 24, column: 2 }],
    ['table4.group-total', 'error', { page: 4, table: 3, row: 4, column: 5 }],
    ['table4.group-total', 'error', { page: 4, table: 3, row: 4, column: 15 }],
  ],
  'shuyang.html': [
    ['structure.outdated-format', 'warning', { table: 1, row: 4, column: 1 }],
    ['table.blank-cells', 'information', { table: 2, row: 4, column: 1 }],
  ],
};

test('check --format json of the real PDFs and page: the error and warning findings are exactly the known defects, each with its place', () => {
  const dir = tempDir();
  try {
    const files = REAL.map((r) => {
      const file = join(dir, r.name);
      copyFileSync(join(REAL_DIR, r.folder, r.source), file);
      return file;
    });
    const result = run('check', '--format', 'json', ...files);
    assert.equal(result.status, 1, `hongze has errors: ${result.stderr}`);
    assert.equal(result.stderr, '');
    const items = JSON.parse(result.stdout) as CheckItem[];
    assert.deepEqual(
      items.map((i) => [i.file, i.isReport]),
      files.map((f) => [f, true]),
    );
    REAL.forEach((r, i) => {
      const item = items[i];
      const truth = truthOf(r.folder);
      assert.equal(item.title?.year, truth.year);
      // A file key absent from the defects' `lines`: defects match by kind, on any line.
      const lite: FindingLite[] = item.findings.map((f) => ({ code: f.code, severity: f.severity, line: f.range.start.line + 1, message: f.message }));
      const checks = compareFindings(truth, r.source, lite, []);
      assert.ok(checks.problems.length === 0, report(r.name, checks.problems));
      assert.deepEqual(
        item.findings.map((f) => [f.code, f.severity, f.place]),
        PLACES[r.name],
      );
      for (const f of item.findings) {
        assert.ok(f.place, `${r.name}: ${f.code} has a place`);
        if (r.name.endsWith('.pdf')) assert.ok(f.place.page! >= 1, `${r.name}: ${f.code} has its page`);
        if (/^table/.test(f.code)) assert.ok(f.place.table && f.place.row && f.place.column, `${r.name}: ${f.code} has its table, row and column`);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check (text) of hongze.pdf: every line pinned, places as page, table, row and column; in English too', () => {
  const dir = tempDir();
  try {
    const file = join(dir, 'hongze.pdf');
    copyFileSync(join(REAL_DIR, 'hongze-2023', 'report.pdf'), file);
    const zh = run('check', file);
    assert.equal(zh.status, 1, zh.stderr);
    assert.equal(zh.stderr, '');
    assert.equal(
      zh.stdout,
      [
        `${file}  洪泽区人民政府 2023 年度`,
        '  第 1 页  警告  人民政府的年度报告应写明政府信息公开工作考核、社会评议和责任追究结果（条例第五十条第（四）项）；正文未提及：考核、评议、责任追究  structure.government-duties',
        '    2 │ # 洪泽区人民政府2023 年政府信息公开工作年度报告',
        '      │   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '  第 3 页 表格 2 第 9 行 第 3 列  警告  行标签与格式不一致：应为“2.其他法律行政法规禁止公开”，实为“2.其他法律行政止公开”  structure.row-label',
        '    51 │ |  |  | 2.其他法律行政止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
        '       │         ^^^^^^^^^^^^^^^^^^^^',
        '  第 4 页 表格 2 第 24 行 第 2 列  警告  “（六）其他处理”只有一行，是2019年试行格式；2023年度报告应使用2021年格式，分为 3 行：1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；3.其他  structure.outdated-format',
        '    66 │ |  | （六）其他处理 |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
        '       │      ^^^^^^^^^^^^^^',
        '  第 4 页 表格 3 第 4 行 第 5 列  错误  “行政复议”的总计应为 11（结果维持＋结果纠正＋其他结果＋尚未审结），实为 0；请核对各项或将总计改为 11  table4.group-total',
        '    76 │ | 10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0 |',
        '       │                    ^',
        '  第 4 页 表格 3 第 4 行 第 15 列  错误  “复议后起诉”的总计应为 5（结果维持＋结果纠正＋其他结果＋尚未审结），实为 0；请核对各项或将总计改为 5  table4.group-total',
        '    76 │ | 10 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 5 | 0 | 0 | 0 | 0 |',
        '       │                                                            ^',
        `${file}：2 个错误，3 个警告，0 条提示`,
        '',
      ].join('\n'),
    );
    const en = run('check', '--locale', 'en', file);
    assert.equal(en.status, 1, en.stderr);
    const lines = en.stdout.split('\n');
    assert.ok(
      lines.includes(
        '  page 4, table 3 row 4 column 5  error  The total of “行政复议” should be 11 (upheld + corrected + other + pending) but is 0; check the parts or change the total to 11  table4.group-total',
      ),
      en.stdout,
    );
    assert.equal(lines[lines.length - 2], `${file}: 2 error(s), 3 warning(s), 0 note(s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('check of a draft written by convert: the same findings as the source, at the same ranges (the source is read as its draft)', () => {
  const dir = tempDir();
  try {
    const file = join(dir, 'hongze.pdf');
    copyFileSync(join(REAL_DIR, 'hongze-2023', 'report.pdf'), file);
    assert.equal(run('convert', file).status, 0);
    const draft = join(dir, 'hongze.nianbao.md');
    const result = run('check', '--format', 'json', file, draft);
    assert.equal(result.status, 1, result.stderr);
    const [fromSource, fromDraft] = JSON.parse(result.stdout) as CheckItem[];
    assert.deepEqual(
      fromDraft.findings.map((f) => [f.code, f.severity, f.message]),
      fromSource.findings.map((f) => [f.code, f.severity, f.message]),
    );
    assert.ok(fromDraft.findings.every((f) => f.place === undefined), 'a draft is a text file: no source places');
    assert.deepEqual(
      fromDraft.findings.map((f) => f.range),
      fromSource.findings.map((f) => f.range),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------
// 3. A folder of every kind of source, checked in name order

test('a folder mixing .txt, .md, .docx, .pdf and .html: every file checked and reported, in name order', async () => {
  const dir = tempDir();
  try {
    copyFileSync(join(REAL_DIR, 'huaian-2024', 'report.pdf'), join(dir, '1-huaian.pdf'));
    copyFileSync(join(SEEDS_DIR, '003_bd5764f2f2266ecc.txt'), join(dir, '2-seed-003.txt'));
    writeFileSync(join(dir, '3-example.docx'), await toDocx(readFileSync(SAMPLE, 'utf8')));
    copyFileSync(join(REAL_DIR, 'shuyang-fgj-2023', 'page.html'), join(dir, '4-shuyang.htm'));
    copyFileSync(SAMPLE, join(dir, '5-example.md'));
    writeFileSync(join(dir, '6-notes.txt'), '会议纪要\n今天讨论了三件事。\n');
    writeFileSync(join(dir, '7-data.json'), '{}\n');
    mkdirSync(join(dir, '8-more'));
    copyFileSync(join(REAL_DIR, 'hongze-2023', 'report.pdf'), join(dir, '8-more', 'hongze.PDF'));
    writeFileSync(join(dir, '8-more', 'seed-000.docx'), await toDocx(readSeed('000_c09face178877b87.txt')));
    copyFileSync(join(REAL_DIR, 'shuyang-fgj-2023', 'page.html'), join(dir, '9-shuyang.shtml'));
    const files = ['1-huaian.pdf', '2-seed-003.txt', '3-example.docx', '4-shuyang.htm', '5-example.md', '6-notes.txt', '8-more/hongze.PDF', '8-more/seed-000.docx', '9-shuyang.shtml'].map((n) => join(dir, n));

    const json = run('check', '--format', 'json', dir);
    assert.equal(json.status, 1, json.stderr);
    assert.equal(json.stderr, '');
    const items = JSON.parse(json.stdout) as CheckItem[];
    const count = (i: CheckItem, severity: string) => i.findings.filter((f) => f.severity === severity).length;
    assert.deepEqual(
      items.map((i) => [i.file, i.isReport, count(i, 'error'), count(i, 'warning'), count(i, 'information')]),
      [
        [files[0], true, 0, 1, 0],
        [files[1], true, 0, 1, 0],
        [files[2], true, 3, 4, 0],
        [files[3], true, 0, 1, 1],
        [files[4], true, 3, 4, 0],
        [files[5], false, 0, 0, 0],
        [files[6], true, 2, 3, 0],
        // seed 000 (2024) beside seed 003 (2023): crossyear.in-force.
        [files[7], true, 0, 1, 0],
        [files[8], true, 0, 1, 1],
      ],
    );
    // Places come with converted sources only: page for a PDF, paragraph or table cell for Word and web pages.
    for (const [i, item] of items.entries()) {
      const converted = !/\.(txt|md)$/.test(item.file);
      for (const f of item.findings) {
        assert.equal(f.place !== undefined, converted, `${item.file} ${f.code}: place ${JSON.stringify(f.place)}`);
        if (converted && /\.pdf$/i.test(item.file)) assert.ok(f.place!.page! >= 1);
        if (converted && !/\.pdf$/i.test(item.file)) assert.ok(f.place!.paragraph || f.place!.table, `${files[i]} ${f.code}`);
      }
    }
    // The same docx and Markdown give the same findings.
    assert.deepEqual(
      items[2].findings.map((f) => [f.code, f.message]),
      items[4].findings.map((f) => [f.code, f.message]),
    );

    const text = run('check', dir);
    assert.equal(text.status, 1, text.stderr);
    const lines = text.stdout.trimEnd().split('\n');
    // A block per file, in the files' order: its name first, its summary line last; the run's totals after them.
    const heads = lines.map((l) => files.findIndex((f) => l.startsWith(`${f}  `) || l.startsWith(`${f}：不像`)));
    assert.deepEqual(
      heads.filter((o) => o >= 0),
      files.map((_, i) => i),
    );
    assert.equal(lines[lines.length - 1], '共 9 个文件，检查 8 份报告，其中 3 份有错误；共 8 个错误，16 个警告，2 条提示');
    assert.deepEqual(
      lines.filter((l) => /：\d+ 个错误|：不像/.test(l)),
      [
        `${files[0]}：0 个错误，1 个警告，0 条提示`,
        `${files[1]}：0 个错误，1 个警告，0 条提示`,
        `${files[2]}：3 个错误，4 个警告，0 条提示`,
        `${files[3]}：0 个错误，1 个警告，1 条提示`,
        `${files[4]}：3 个错误，4 个警告，0 条提示`,
        `${files[5]}：不像政府信息公开年度报告，未检查`,
        `${files[6]}：2 个错误，3 个警告，0 条提示`,
        `${files[7]}：0 个错误，1 个警告，0 条提示`,
        `${files[8]}：0 个错误，1 个警告，1 条提示`,
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------------------------------------------------
// 4. Files that cannot be read: each named on stderr, exit code 2, the other files still reported

/** Deterministic pseudo-random bytes (the same LCG as the reader tests). */
function lcgBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
  return out;
}

const MB50 = 50 * 1024 * 1024;

async function writeFailures(dir: string): Promise<{ good: string[]; bad: [string, string][] }> {
  const sample = await toDocx(readFileSync(SAMPLE, 'utf8'));
  const at = (name: string) => join(dir, name);
  copyFileSync(join(SEEDS_DIR, '003_bd5764f2f2266ecc.txt'), at('0-seed-003.txt'));
  writeFileSync(at('1-corrupt.docx'), sample.slice(0, Math.floor(sample.length / 2)));
  writeFileSync(at('2-encrypted.pdf'), ENCRYPTED);
  writeFileSync(at('3-empty.pdf'), new Uint8Array(0));
  writeFileSync(at('4-empty.docx'), new Uint8Array(0));
  writeFileSync(at('5-example.docx'), sample);
  writeFileSync(at('6-random.pdf'), lcgBytes(MB50, 11));
  const withHeader = lcgBytes(MB50, 13);
  withHeader.set(Buffer.from('%PDF-1.7\n', 'latin1'));
  writeFileSync(at('7-random-header.pdf'), withHeader);
  writeFileSync(at('8-binary.html'), lcgBytes(4096, 17));
  copyFileSync(join(REAL_DIR, 'shuyang-fgj-2023', 'page.html'), at('9-shuyang.html'));
  return {
    good: ['0-seed-003.txt', '5-example.docx', '9-shuyang.html'].map(at),
    bad: [
      [at('1-corrupt.docx'), `无法读取 / cannot read: ${at('1-corrupt.docx')}（Word 文件已损坏，无法解压（invalid zip data） / The Word file is damaged and cannot be unzipped (invalid zip data)）`],
      [at('2-encrypted.pdf'), `无法读取 / cannot read: ${at('2-encrypted.pdf')}（PDF 已加密，需要密码才能打开，请提供未加密的文件 / The PDF is encrypted and needs a password: provide an unencrypted file）`],
      [at('3-empty.pdf'), `无法读取 / cannot read: ${at('3-empty.pdf')}（文件为空 / The file is empty）`],
      [at('4-empty.docx'), `无法读取 / cannot read: ${at('4-empty.docx')}（Word 文件为空 / The Word file is empty）`],
      [at('6-random.pdf'), `无法读取 / cannot read: ${at('6-random.pdf')}（不是 PDF 文件或文件已损坏 / Not a PDF file, or the file is corrupt）`],
      [at('7-random-header.pdf'), `无法读取 / cannot read: ${at('7-random-header.pdf')}（无法打开 PDF 文件（文件已损坏或不是 PDF） / Cannot open the PDF file (corrupt, or not a PDF)）`],
      [
        at('8-binary.html'),
        `无法读取 / cannot read: ${at('8-binary.html')}（无法识别网页的编码：无法识别编码（不是 UTF-8、UTF-16、GBK/GB18030 或 Big5 文本；GB18030：含有 NUL 字节，是二进制文件 / holds NUL bytes；Big5：含有 NUL 字节，是二进制文件 / holds NUL bytes）/ unknown encoding: not UTF-8, UTF-16, GBK/GB18030 or Big5 text / The web page's encoding cannot be recognised: 无法识别编码（不是 UTF-8、UTF-16、GBK/GB18030 或 Big5 文本；GB18030：含有 NUL 字节，是二进制文件 / holds NUL bytes；Big5：含有 NUL 字节，是二进制文件 / holds NUL bytes）/ unknown encoding: not UTF-8, UTF-16, GBK/GB18030 or Big5 text）`,
      ],
    ],
  };
}

test('unreadable files: each named on stderr (exact lines), exit code 2, the other files still checked — text, JSON and extract', async () => {
  const dir = tempDir();
  try {
    const { good, bad } = await writeFailures(dir);
    const stderr = bad.map(([, message]) => `${message}\n`).join('');

    const text = run('check', dir);
    assert.equal(text.status, 2);
    assert.equal(text.stderr, stderr);
    assert.deepEqual(
      text.stdout.split('\n').filter((l) => /：\d+ 个错误/.test(l)),
      [`${good[0]}：0 个错误，1 个警告，0 条提示`, `${good[1]}：3 个错误，4 个警告，0 条提示`, `${good[2]}：0 个错误，1 个警告，1 条提示`],
    );

    const json = run('check', '--format', 'json', dir);
    assert.equal(json.status, 2);
    assert.equal(json.stderr, stderr);
    const items = JSON.parse(json.stdout) as (CheckItem | ErrorItem)[];
    const all = [good[0], ...bad.slice(0, 4).map(([f]) => f), good[1], ...bad.slice(4).map(([f]) => f), good[2]];
    assert.deepEqual(
      items.map((i) => i.file),
      all,
    );
    for (const [file, message] of bad) assert.deepEqual(items.find((i) => i.file === file), { file, error: message });
    for (const file of good) assert.equal((items.find((i) => i.file === file) as CheckItem).isReport, true);

    const extract = run('extract', '--format', 'json', dir);
    assert.equal(extract.status, 2);
    assert.equal(extract.stderr, stderr);
    const extracted = JSON.parse(extract.stdout) as (ExtractItem | ErrorItem)[];
    assert.deepEqual(
      extracted.map((i) => ('error' in i ? [i.file, i.error] : [i.file, !!i.tables.table3])),
      all.map((f) => [f, bad.find(([b]) => b === f)?.[1] ?? true]),
    );

    const csv = run('extract', '--format', 'csv', dir);
    assert.equal(csv.status, 2);
    assert.equal(csv.stderr, stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unreadable files: convert of each exits 2 with the exact message and writes no draft', async () => {
  const dir = tempDir();
  try {
    const { bad } = await writeFailures(dir);
    for (const [file, message] of bad) {
      const result = run('convert', file);
      assert.equal(result.status, 2, file);
      assert.equal(result.stderr, `${message}\n`);
      assert.equal(result.stdout, '');
      assert.ok(!existsSync(file.replace(/\.[^.]+$/, '.nianbao.md')), `no draft for ${basename(file)}`);
    }
    // A draft that cannot be written: the path named, exit 2.
    const out = join(dir, 'no-such-folder', 'x.nianbao.md');
    const unwritable = run('convert', join(dir, '5-example.docx'), '-o', out);
    assert.equal(unwritable.status, 2);
    assert.match(unwritable.stderr, new RegExp(`^无法写入 / cannot write: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}（ENOENT`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a 50 MB file of random bytes named .pdf (with and without a %PDF- header): the error within seconds', () => {
  const dir = tempDir();
  try {
    const plain = join(dir, 'random.pdf');
    const headed = join(dir, 'random-header.pdf');
    writeFileSync(plain, lcgBytes(MB50, 11));
    const withHeader = lcgBytes(MB50, 13);
    withHeader.set(Buffer.from('%PDF-1.7\n', 'latin1'));
    writeFileSync(headed, withHeader);
    for (const [file, message] of [
      [plain, `无法读取 / cannot read: ${plain}（不是 PDF 文件或文件已损坏 / Not a PDF file, or the file is corrupt）`],
      [headed, `无法读取 / cannot read: ${headed}（无法打开 PDF 文件（文件已损坏或不是 PDF） / Cannot open the PDF file (corrupt, or not a PDF)）`],
    ]) {
      const started = performance.now();
      const result = run('check', file);
      const ms = performance.now() - started;
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `${message}\n`);
      assert.equal(result.stdout, '');
      assert.ok(ms < 10_000, `${basename(file)}: ${ms.toFixed(0)} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
