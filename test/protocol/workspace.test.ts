// The workspace over LSP: the server indexes the reports in its workspace folders without opening them, checks an
// open report against last year's (same body, year − 1), and follows file events, edits of last year's file and
// renames. And a 200-report workspace: how long indexing takes and how much memory the server holds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, type PublishedDiagnostics } from '../support/lsp';
import { readSeed, replaceNth, SEEDS_DIR } from '../support/seeds';

const SEED_2023 = '003_bd5764f2f2266ecc.txt';
const SEED_2024 = '000_c09face178877b87.txt';
const LAST_YEAR_20 = replaceNth(readSeed(SEED_2023), '四、结转下年度继续办理\t\t23\t0\t0\t0\t0\t0\t23', '四、结转下年度继续办理\t\t20\t0\t0\t0\t0\t0\t20');
const uriOf = (path: string) => pathToFileURL(path).href;

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A server whose workspace is folder (workspace/didChangeWatchedFiles with dynamic registration, as VS Code). */
async function serverFor(folder: string): Promise<LspClient> {
  const client = new LspClient();
  await client.request('initialize', {
    processId: process.pid,
    rootUri: uriOf(folder),
    workspaceFolders: [{ uri: uriOf(folder), name: 'ws' }],
    locale: 'zh-cn',
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  client.notify('initialized', {});
  return client;
}

async function indexed(client: LspClient): Promise<Json> {
  for (;;) {
    const status = await client.request('nianbao/index', { wait: true });
    if (status.ready) return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const codes = (d: PublishedDiagnostics) => d.diagnostics.map((x: Json) => x.code).filter((c: string) => c.startsWith('crossyear.'));
const hasCodes = (...expected: string[]) => (d: PublishedDiagnostics) => JSON.stringify(codes(d)) === JSON.stringify(expected);

/** The (line, character) range of the n-th occurrence of find after `within` in text. */
function rangeIn(text: string, find: string, n: number, within: number) {
  let at = within;
  for (let i = 0; i <= n; i++) at = text.indexOf(find, i === 0 ? at : at + 1);
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  const line = before.length - 1;
  return { start: { line, character: before[line].length }, end: { line, character: before[line].length + find.length } };
}

test('seeds 003 and 000 in one workspace folder: exactly one crossyear.in-force on 000, no carry-over (23 = 23)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  copyFileSync(join(SEEDS_DIR, SEED_2023), join(dir, SEED_2023));
  copyFileSync(join(SEEDS_DIR, SEED_2024), join(dir, SEED_2024));
  const client = await serverFor(dir);
  try {
    const status = await indexed(client);
    assert.equal(status.reports, 2);
    const uri = uriOf(join(dir, SEED_2024));
    client.open(uri, readSeed(SEED_2024));
    const published = await client.diagnosticsFor(uri, hasCodes('crossyear.in-force'));
    assert.deepEqual(
      published.diagnostics.map((d: Json) => [d.code, d.severity]),
      [['crossyear.in-force', 2]],
    );
    const text2023 = readSeed(SEED_2023);
    assert.deepEqual(published.diagnostics[0].relatedInformation, [
      { location: { uri: uriOf(join(dir, SEED_2023)), range: rangeIn(text2023, '10', 0, text2023.indexOf('行政规范性文件\t2\t0\t10')) }, message: '2023 年报告：行政规范性文件现行有效件数 10' },
    ]);
  } finally {
    assert.equal(await client.close(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('carry-over: related location in last year\'s file, quick fix, hover; edits, renames and deletion of last year\'s file update it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  const lastPath = join(dir, '2023', 'report.txt');
  mkdirSync(join(dir, '2023'));
  writeFileSync(lastPath, LAST_YEAR_20);
  const thisPath = join(dir, '2024.nianbao.md');
  copyFileSync(join(SEEDS_DIR, SEED_2024), thisPath);
  const client = await serverFor(dir);
  try {
    await indexed(client);
    assert.ok(client.serverRequests.some((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('workspace/didChangeWatchedFiles')));
    const uri = uriOf(thisPath);
    const text = readSeed(SEED_2024);
    client.open(uri, text);
    const published = await client.diagnosticsFor(uri, hasCodes('crossyear.in-force', 'crossyear.carry-over', 'crossyear.carry-over'));
    const carry = published.diagnostics.filter((d: Json) => d.code === 'crossyear.carry-over');
    const carriedAt = text.indexOf('二、上年结转政府信息公开申请数量 23');
    const forwardAt = LAST_YEAR_20.indexOf('四、结转下年度继续办理\t\t20');
    assert.deepEqual(
      carry.map((d: Json) => [d.severity, d.range, d.message, d.relatedInformation]),
      [
        [1, rangeIn(text, '23', 0, carriedAt), '二、上年结转（自然人）为 23，而 2023 年报告（report.txt）的“四、结转下年度继续办理”为 20：两者应相等', [{ location: { uri: uriOf(lastPath), range: rangeIn(LAST_YEAR_20, '20', 0, forwardAt) }, message: '2023 年报告：四、结转下年度继续办理（自然人）20' }]],
        [1, rangeIn(text, '23', 1, carriedAt), '二、上年结转（总计）为 23，而 2023 年报告（report.txt）的“四、结转下年度继续办理”为 20：两者应相等', [{ location: { uri: uriOf(lastPath), range: rangeIn(LAST_YEAR_20, '20', 1, forwardAt) }, message: '2023 年报告：四、结转下年度继续办理（总计）20' }]],
      ],
    );

    // The quick fix sets this year's cell to last year's figure.
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: carry[0].range, context: { diagnostics: [carry[0]] } });
    const fix = actions.find((a: Json) => a.title === '将此格改为 20（2023 年报告的结转下年度数）');
    assert.ok(fix, JSON.stringify(actions.map((a: Json) => a.title)));
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics.map((d: Json) => d.code), ['crossyear.carry-over']);
    assert.deepEqual(fix.edit, { changes: { [uri]: [{ range: carry[0].range, newText: '20' }] } });

    // Hover on the cell: last year's figure and its file.
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: carry[0].range.start });
    assert.match(hover.contents.value, /\*\*上年报告\*\*：2023 年“四、结转下年度继续办理”（自然人）为 20 · \[report\.txt\]\(file:\/\/.*\/2023\/report\.txt#L\d+\)/);

    // Last year's file changed on disk (its 结转 back to 23): the finding goes.
    writeFileSync(lastPath, readSeed(SEED_2023));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(lastPath), type: 2 }] });
    await client.diagnosticsFor(uri, hasCodes('crossyear.in-force'));

    // Last year's file opened and edited in the editor (not saved): the open text wins, this year's report is checked again.
    client.open(uriOf(lastPath), readSeed(SEED_2023));
    client.notify('textDocument/didChange', {
      textDocument: { uri: uriOf(lastPath), version: 2 },
      contentChanges: [{ text: LAST_YEAR_20 }],
    });
    await client.diagnosticsFor(uri, hasCodes('crossyear.in-force', 'crossyear.carry-over', 'crossyear.carry-over'));
    // Closed without saving: the disk (23) again.
    client.notify('textDocument/didClose', { textDocument: { uri: uriOf(lastPath) } });
    await client.diagnosticsFor(uri, hasCodes('crossyear.in-force'));

    // An event for a file that did not change reads nothing again.
    writeFileSync(lastPath, LAST_YEAR_20);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(lastPath), type: 2 }] });
    await client.diagnosticsFor(uri, hasCodes('crossyear.in-force', 'crossyear.carry-over', 'crossyear.carry-over'));
    const before = await client.request('nianbao/index', { wait: true });
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(lastPath), type: 2 }] });
    const after = await client.request('nianbao/index', { wait: true });
    assert.equal(after.reads, before.reads, 'an unchanged file is not read again');
    assert.equal(after.unchanged, before.unchanged + 1);

    // Renamed (a delete and a create): the related information follows the file.
    const renamed = join(dir, '2023', 'renamed.txt');
    renameSync(lastPath, renamed);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(lastPath), type: 3 }, { uri: uriOf(renamed), type: 1 }] });
    const moved = await client.diagnosticsFor(uri, (d) => d.diagnostics.some((x: Json) => x.code === 'crossyear.carry-over' && x.relatedInformation[0].location.uri === uriOf(renamed)));
    assert.deepEqual(codes(moved), ['crossyear.in-force', 'crossyear.carry-over', 'crossyear.carry-over']);

    // Renamed out of the report sources (.bak), then deleted: the findings go.
    renameSync(renamed, `${renamed}.bak`);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(renamed), type: 3 }, { uri: uriOf(`${renamed}.bak`), type: 1 }] });
    await client.diagnosticsFor(uri, hasCodes());
    renameSync(`${renamed}.bak`, renamed);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(renamed), type: 1 }] });
    await client.diagnosticsFor(uri, hasCodes('crossyear.in-force', 'crossyear.carry-over', 'crossyear.carry-over'));
    unlinkSync(renamed);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(renamed), type: 3 }] });
    await client.diagnosticsFor(uri, hasCodes());
    // Without last year's report the hover says so.
    const alone = await client.request('textDocument/hover', { textDocument: { uri }, position: carry[0].range.start });
    assert.match(alone.contents.value, /工作区中未找到 2023 年的报告/);
  } finally {
    assert.equal(await client.close(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two files claiming the same body and year with other figures: a crossyear.duplicate-report warning on each', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ws-'));
  const texts: Record<string, string> = { 'a.txt': readSeed(SEED_2024), 'b.txt': replaceNth(readSeed(SEED_2024), '行政规范性文件 0 0 0', '行政规范性文件 0 0 10') };
  for (const [name, text] of Object.entries(texts)) writeFileSync(join(dir, name), text);
  const client = await serverFor(dir);
  try {
    await indexed(client);
    for (const [self, other] of [['a.txt', 'b.txt'], ['b.txt', 'a.txt']]) {
      client.open(uriOf(join(dir, self)), texts[self]);
      const published = await client.diagnosticsFor(uriOf(join(dir, self)), hasCodes('crossyear.duplicate-report'));
      assert.deepEqual(published.diagnostics[0].relatedInformation.map((r: Json) => r.location.uri), [uriOf(join(dir, other))]);
    }
  } finally {
    assert.equal(await client.close(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A report of body n for year: the seed with its body renamed (and, for 2023, seed 003's figures). */
function generated(n: number, year: 2023 | 2024): string {
  const names = '甲乙丙丁戊己庚辛壬癸';
  const body = `示例${names[Math.floor((n - 1) / 10)]}${names[(n - 1) % 10]}区人民政府办公室`;
  return year === 2023 ? readSeed(SEED_2023).replace(/老城区人民政府办公室/g, body) : readSeed(SEED_2024).replace(/老城区人民政府办公室/g, body);
}

test('a workspace of 200 reports (100 bodies × 2 years): index time and server memory', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-ws200-'));
  for (let n = 1; n <= 100; n++) {
    mkdirSync(join(dir, `body-${n}`));
    writeFileSync(join(dir, `body-${n}`, '2023.txt'), generated(n, 2023));
    writeFileSync(join(dir, `body-${n}`, '2024.txt'), generated(n, 2024));
  }
  const started = performance.now();
  const client = await serverFor(dir);
  try {
    const status = await indexed(client);
    const wall = performance.now() - started;
    assert.equal(status.reports, 200);
    assert.equal(status.reads, 200);
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${client.process.pid}/status`, 'utf8'))![1]);
    t.diagnostic(`index of 200 reports: ${status.millis.toFixed(0)} ms in the server (${wall.toFixed(0)} ms from spawn to ready); server VmRSS ${(rss / 1024).toFixed(1)} MB`);
    assert.ok(status.millis < 60_000, 'sanity bound');
    // A report opened there is checked against its body's last year, not any other body's.
    const uri = uriOf(join(dir, 'body-57', '2024.txt'));
    client.open(uri, generated(57, 2024));
    const published = await client.diagnosticsFor(uri, hasCodes('crossyear.in-force'));
    assert.match(published.diagnostics[0].relatedInformation[0].location.uri, /body-57\/2023\.txt$/);
  } finally {
    assert.equal(await client.close(), 0);
    rmSync(dir, { recursive: true, force: true });
  }
});
