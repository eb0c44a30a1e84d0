// Encodings on the command line (dist/cli.js): the example draft as GB18030, GBK and UTF-16 (with and without a
// byte-order mark) gives the findings of the UTF-8 file and names its encoding; an undecodable file is exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes, DecodeError, looksMisdecoded } from '../../server/src/core/decode';
import { REPO_ROOT } from '../support/seeds';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' }, maxBuffer: 1 << 28 });
const SAMPLE = readFileSync(join(REPO_ROOT, 'samples', 'example-2024.nianbao.md'), 'utf8');
/** The sample with a name outside GBK (𠮷: four bytes in GB18030, “?” in GBK). */
const SAMPLE_EXT = SAMPLE.replace('示例区人民政府办公室', '𠮷野区人民政府办公室');

const BOM_LE = Buffer.from([0xff, 0xfe]);
const BOM_BE = Buffer.from([0xfe, 0xff]);
const VARIANTS: [string, string, Buffer, string][] = [
  ['gbk', 'GBK', iconv.encode(SAMPLE, 'gbk'), SAMPLE],
  ['gb18030', 'GB18030', iconv.encode(SAMPLE_EXT, 'gb18030'), SAMPLE_EXT],
  ['utf16le-bom', 'UTF-16LE', Buffer.concat([BOM_LE, iconv.encode(SAMPLE, 'utf-16le')]), SAMPLE],
  ['utf16le', 'UTF-16LE', iconv.encode(SAMPLE, 'utf-16le'), SAMPLE],
  ['utf16be-bom', 'UTF-16BE', Buffer.concat([BOM_BE, iconv.encode(SAMPLE, 'utf-16be')]), SAMPLE],
  ['utf16be', 'UTF-16BE', iconv.encode(SAMPLE, 'utf-16be'), SAMPLE],
  ['utf8-bom', 'UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), SAMPLE],
];

function withDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-encoding-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const withoutFile = (entry: Json) => ({ ...entry, file: undefined, encoding: undefined });

test('decodeBytes names each encoding and gives back the text', () => {
  for (const [, name, bytes, text] of VARIANTS) assert.deepEqual(decodeBytes(bytes), { text, encoding: name }, name);
  assert.deepEqual(decodeBytes(Buffer.from(SAMPLE, 'utf8')), { text: SAMPLE, encoding: 'UTF-8' });
  assert.deepEqual(decodeBytes(Buffer.alloc(0)), { text: '', encoding: 'UTF-8' });
  // Short GBK text, where the detector's guess is weak: still GBK, not Big5.
  assert.deepEqual(decodeBytes(iconv.encode('政府信息公开工作年度报告\n', 'gbk')), { text: '政府信息公开工作年度报告\n', encoding: 'GBK' });
  // Traditional Chinese in Big5, long enough for the detector to be sure.
  const big5 = '政府資訊公開年度報告。本機關依法辦理政府資訊公開申請，全年共收到申請一百二十件，均已依法答覆。\n'.repeat(20);
  assert.deepEqual(decodeBytes(iconv.encode(big5, 'big5')), { text: big5, encoding: 'Big5' });
});

test('decodeBytes refuses binary data, invalid bytes in every candidate, and broken UTF-8', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0xff, 0x13]);
  assert.throws(() => decodeBytes(png), DecodeError);
  assert.throws(() => decodeBytes(Buffer.concat([iconv.encode('年度报告', 'gbk'), Buffer.from([0xff, 0xff, 0x41])])), /GB18030/);
  // One byte cut out of a UTF-8 report: an error naming the line, never GBK mojibake.
  const utf8 = Buffer.from(SAMPLE, 'utf8');
  const at = utf8.indexOf(Buffer.from('总体情况', 'utf8'));
  const broken = Buffer.concat([utf8.subarray(0, at + 1), utf8.subarray(at + 2)]);
  assert.throws(() => decodeBytes(broken), /UTF-8 with \d invalid byte sequence\(s\), the first at byte \d+ \(line 5\)/);
  // UTF-16 with an odd number of bytes.
  assert.throws(() => decodeBytes(Buffer.concat([BOM_LE, iconv.encode('年度报告', 'utf-16le'), Buffer.from([0x41])])), /odd number of bytes/);
});

test('check: every encoding gives the findings of the UTF-8 file and names the encoding (JSON and text)', () => {
  withDir((dir) => {
    writeFileSync(join(dir, 'utf8.nianbao.md'), SAMPLE);
    writeFileSync(join(dir, 'utf8-ext.nianbao.md'), SAMPLE_EXT);
    for (const [name, , bytes] of VARIANTS) writeFileSync(join(dir, `${name}.nianbao.md`), bytes);
    const reference = JSON.parse(run('--format', 'json', join(dir, 'utf8.nianbao.md')).stdout)[0];
    const referenceExt = JSON.parse(run('--format', 'json', join(dir, 'utf8-ext.nianbao.md')).stdout)[0];
    assert.equal(reference.encoding, undefined, 'plain UTF-8 is not named');
    assert.ok(reference.findings.length >= 3, 'the sample has findings');
    for (const [name, encoding, , text] of VARIANTS) {
      const file = join(dir, `${name}.nianbao.md`);
      const json = run('--format', 'json', file);
      assert.equal(json.status, 1, json.stderr);
      const [entry] = JSON.parse(json.stdout);
      assert.equal(entry.file, file);
      assert.equal(entry.encoding, encoding, name);
      assert.deepEqual(withoutFile(entry), withoutFile(text === SAMPLE ? reference : referenceExt), name);
      // Text: the lines of the UTF-8 file, the summary line naming the encoding.
      const utf8File = join(dir, text === SAMPLE ? 'utf8.nianbao.md' : 'utf8-ext.nianbao.md');
      for (const [locale, note] of [['en', ` (${encoding})`], ['zh', `（${encoding}）`]]) {
        const plain = run('--locale', locale, file);
        assert.equal(plain.status, 1);
        const expected = run('--locale', locale, utf8File).stdout.split(utf8File).join(file).replace(/\n$/, `${note}\n`);
        assert.equal(plain.stdout, expected);
      }
    }
  });
});

test('extract: the same tables from every encoding, the encoding named', () => {
  withDir((dir) => {
    writeFileSync(join(dir, 'utf8.nianbao.md'), SAMPLE);
    const reference = JSON.parse(run('extract', join(dir, 'utf8.nianbao.md')).stdout)[0];
    for (const [name, encoding, bytes, text] of VARIANTS) {
      if (text !== SAMPLE) continue;
      const file = join(dir, `${name}.nianbao.md`);
      writeFileSync(file, bytes);
      const result = run('extract', file);
      assert.equal(result.status, 0, result.stderr);
      const [entry] = JSON.parse(result.stdout);
      assert.equal(entry.encoding, encoding);
      assert.deepEqual(withoutFile(entry), withoutFile(reference));
      const csv = run('extract', '--format', 'csv', file);
      assert.equal(csv.stdout.split('\n').length, run('extract', '--format', 'csv', join(dir, 'utf8.nianbao.md')).stdout.split('\n').length);
    }
  });
});

test('an undecodable file is exit code 2 naming it, in check and extract, and the other files are still checked', () => {
  withDir((dir) => {
    const bad = join(dir, 'b-broken.txt');
    writeFileSync(bad, Buffer.concat([iconv.encode('年度报告', 'gbk'), Buffer.from([0xff, 0xff, 0x41, 0xff])]));
    const binary = join(dir, 'c-image.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const good = join(dir, 'a-good.nianbao.md');
    writeFileSync(good, SAMPLE);
    for (const args of [[], ['--format', 'json'], ['--exit-zero'], ['extract'], ['extract', '--format', 'csv']]) {
      const result = run(...args, dir);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.ok(result.stderr.includes(`cannot decode: ${bad}`), result.stderr);
      assert.ok(result.stderr.includes(`cannot decode: ${binary}`), result.stderr);
      assert.ok(result.stdout.includes(good), 'the readable file is still reported');
    }
    const json = JSON.parse(run('--format', 'json', dir).stdout) as Json[];
    assert.deepEqual(json.map((e) => [e.file, typeof e.error]), [[good, 'undefined'], [bad, 'string'], [binary, 'string']]);
  });
});

test('many files: the JSON written file by file is one valid array, in name order', () => {
  withDir((dir) => {
    const count = 400;
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `r${String(i).padStart(4, '0')}.nianbao.md`), SAMPLE);
    const result = run('--format', 'json', dir);
    assert.equal(result.status, 1, result.stderr);
    const entries = JSON.parse(result.stdout) as Json[];
    assert.equal(entries.length, count);
    assert.deepEqual(entries[count - 1].findings, entries[0].findings);
    assert.deepEqual(entries.map((e) => e.file), entries.map((e) => e.file).sort());
    // Empty input is still an array.
    const empty = join(dir, 'empty');
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(empty);
    assert.equal(run('--format', 'json', empty).stdout, '[]\n');
    assert.equal(run('extract', empty).stdout, '[]\n');
  });
});

test('looksMisdecoded: GBK bytes read as UTF-8 or Windows-1252, and nothing else', () => {
  const gbk = iconv.encode(SAMPLE, 'gbk');
  assert.equal(looksMisdecoded(gbk.toString('utf8')), true);
  assert.equal(looksMisdecoded(iconv.decode(gbk, 'windows-1252')), true);
  assert.equal(looksMisdecoded(gbk.toString('latin1')), true);
  assert.equal(looksMisdecoded(SAMPLE), false);
  assert.equal(looksMisdecoded('Plain English notes, café, naïve, résumé — nothing Chinese here.\n'.repeat(5)), false);
  assert.equal(looksMisdecoded('会议纪要\n今天讨论了三件事。\n'), false);
});
