// The reviewer's page (`nianbao check --format html -o review.html <folder>`) as a reviewer sees it: the real CLI
// process writes it, Debian's Chromium opens it from file:// with every request but the page itself refused, and
// the report table, its sorting, a wrong cell of table 三 and a prose finding's sentence are checked exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { editorTestOptions, missingFile, repoRoot, testOutput, waitFor } from './helpers';

const chromiumPath = '/usr/bin/chromium';
const cliJs = path.join(repoRoot, 'dist', 'cli.js');
const WAIT_MS = 30_000;

const missing = missingFile(chromiumPath, 'Chromium') ?? missingFile(cliJs, 'dist/cli.js (node esbuild.mjs)');
const options = editorTestOptions(missing);

/** `text` with `from` replaced by `to`; `from` must be there (else the draft would silently stay as it was). */
function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `not in the draft: ${from}`);
  return text.replace(from, to);
}

// The sample with its deliberate mistakes corrected: a report with no findings.
const sample = readFileSync(path.join(repoRoot, 'samples', 'example-2024.nianbao.md'), 'utf8');
const clean = [
  ['采用率 90%', '采用率 92%'],
  ['截至 2023 年', '截至 2024 年'],
  ['申请 136 件', '申请 135 件'],
  ['3.危及三安全一稳定', '3.危及“三安全一稳定”'],
  ['| 31 | 1 | 1 | 0 | 0 | 0 | 32 |', '| 30 | 1 | 1 | 0 | 0 | 0 | 32 |'],
].reduce((text, [from, to]) => replaced(text, from, to), sample);

/**
 * The total of （一）予以公开 written 44 (43 is right: table3.row-total, and table3.result-total on （七）总计's total),
 * and the rate 90% (46 ÷ 50 is 92%) in the prose.
 */
const broken = replaced(replaced(clean, '| 40 | 2 | 0 | 0 | 1 | 0 | 43 |', '| 40 | 2 | 0 | 0 | 1 | 0 | 44 |'), '采用率 92%', '采用率 90%');
/** Only a warning: a year left over from last year's report. */
const warned = replaced(clean, '截至 2024 年', '截至 2023 年');

// A name with < & > shows that file names are escaped.
const FILES: Record<string, string> = {
  'broken.nianbao.md': broken,
  'clean <&>.nianbao.md': clean,
  'notes.txt': '会议纪要\n\n今天讨论了网站改版的安排。\n',
  'warned.nianbao.md': warned,
};

const ROW_TOTAL = '“（一）予以公开”行的总计应为 43（六类申请人之和），实为 44；请核对各列数值或将总计改为 43';
const RESULT_TOTAL = '“总计”列的（七）总计应为 108（（一）至（六）各项之和），实为 107；请核对办理结果各项或将总计改为 108';

/** Runs the real CLI in the folder (files named as a reviewer types them); errors found: exit code 1. */
function writePage(folder: string, file: string, locale: 'zh' | 'en'): void {
  const run = spawnSync(process.execPath, [cliJs, 'check', '--format', 'html', '--locale', locale, '--no-progress', '-o', file, '.'], { cwd: folder, encoding: 'utf8' });
  assert.equal(run.status, 1, `exit code ${run.status}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}

/** The report table's rows as shown: each row's cells' text. */
async function reportRows(page: Page): Promise<string[][]> {
  const rows = await page.locator('#reports tbody tr').all();
  return Promise.all(rows.map(async (row) => (await row.locator('td').allTextContents()).map((text) => text.trim())));
}

function dataFiles(page: Page): Promise<(string | null)[]> {
  return page.locator('#reports tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-file')));
}

/** Clicks a column heading's sort button and waits until the heading says the new order. */
async function sortBy(page: Page, column: string, order: 'ascending' | 'descending'): Promise<void> {
  const heading = page.locator('#reports thead th', { has: page.getByRole('button', { name: column, exact: true }) });
  await heading.getByRole('button').click();
  await waitFor(`${column} sorted ${order}`, () => heading.getAttribute('aria-sort'), (sort) => sort === order, WAIT_MS);
}

test('review page: the CLI writes one offline page with the sortable report table, the marked cells and the sentences', options, async () => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-review-'));
  const reportsDir = path.join(dir, 'reports');
  mkdirSync(reportsDir);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(reportsDir, name), text);
  const htmlFile = path.join(dir, 'review.html');
  let browser: Browser | undefined;
  try {
    writePage(reportsDir, htmlFile, 'zh');

    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, offline: true });
    const pageUrl = pathToFileURL(htmlFile).href;
    // Nothing but the page itself may be fetched: the page is self-contained.
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url() === pageUrl ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pageUrl);
    try {
      const wrongCell = page.locator('#report-0 td.cell[data-table="table3"][data-row="r1"][data-column="total"]');
      await wrongCell.waitFor({ timeout: WAIT_MS });
      assert.deepEqual(requests, [pageUrl]);
      assert.deepEqual(errors, []);

      assert.equal(await page.locator('h1').textContent(), '审查报告');
      assert.equal(await page.locator('#totals').textContent(), '共 2 个错误，2 个警告');
      // Every file, in the run's order, with its counts and status (no counts for the file that is no report).
      assert.deepEqual(await dataFiles(page), ['broken.nianbao.md', 'clean <&>.nianbao.md', 'notes.txt', 'warned.nianbao.md']);
      assert.deepEqual(await reportRows(page), [
        ['broken.nianbao.md', '示例区人民政府办公室', '2024', '2', '1', '有错误'],
        ['clean <&>.nianbao.md', '示例区人民政府办公室', '2024', '0', '0', '通过'],
        ['notes.txt', '—', '—', '—', '—', '未检查'],
        ['warned.nianbao.md', '示例区人民政府办公室', '2024', '0', '1', '有警告'],
      ]);
      assert.equal(await page.locator('#reports tr[data-file="broken.nianbao.md"] a').getAttribute('href'), '#report-0');
      assert.equal(await page.locator('#report-0').getAttribute('data-file'), 'broken.nianbao.md');

      // The wrong total of （一）予以公开 in table 三 as published, marked, with its message; the column total too.
      assert.equal((await wrongCell.textContent())?.trim(), '44');
      assert.deepEqual((await wrongCell.getAttribute('class'))?.split(' ').sort(), ['cell', 'sev-error', 'wrong']);
      assert.equal(await wrongCell.getAttribute('title'), ROW_TOTAL);
      const columnTotal = page.locator('#report-0 td.cell[data-table="table3"][data-row="r7"][data-column="total"]');
      assert.equal(await columnTotal.getAttribute('title'), RESULT_TOTAL);
      assert.deepEqual(await page.locator('#report-0 td.cell.wrong').evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-row')}/${c.getAttribute('data-column')}`)), ['r1/total', 'r7/total']);
      assert.equal(await page.locator('#report-0-grid-table3 th[colspan="5"]', { hasText: '法人或其他组织' }).count(), 1);
      assert.equal(await page.locator('#report-1 td.cell.wrong').count(), 0);

      // The findings list: the prose finding with its sentence, the figure marked; table findings without one.
      const findings = page.locator('#report-0 li.finding');
      assert.deepEqual(await findings.evaluateAll((items) => items.map((item) => item.getAttribute('data-code'))), ['narrative.percent', 'table3.row-total', 'table3.result-total']);
      const percent = page.locator('#report-0 li.finding[data-code="narrative.percent"]');
      assert.equal(await percent.locator(':scope > .where').textContent(), '7:83');
      assert.equal(await percent.locator(':scope > .message').textContent(), '比率应为 92%（46 ÷ 50 = 92.00%），实写 90%；请核对');
      assert.equal(await percent.locator('blockquote.sentence').textContent(), '向市公开办报送政务信息 50 条，采用信息 46 条，采用率 90%。');
      assert.equal(await percent.locator('blockquote.sentence mark').textContent(), '90');
      assert.equal(await page.locator('#report-0 li.finding[data-code="table3.row-total"] blockquote').count(), 0);
      const warnedSentence = page.locator('#report-3 li.finding[data-code="year.mismatch"] blockquote.sentence');
      assert.equal(await warnedSentence.textContent(), '（二）依申请公开：截至 2023 年 12 月 31 日，本办共收到政府信息公开申请 135 件，其中上年结转 5 件；');
      assert.equal(await warnedSentence.locator('mark').textContent(), '2023');

      // A click on the wrong cell shows its finding in the list.
      await wrongCell.click();
      await waitFor('the row-total finding to be revealed', () => page.locator('li.finding.revealed').evaluateAll((items) => items.map((item) => item.id)), (ids) => ids.length > 0, WAIT_MS);
      assert.deepEqual(await page.locator('li.finding.revealed').evaluateAll((items) => items.map((item) => item.getAttribute('data-code'))), ['table3.row-total']);

      // Sorting: errors, most first; again, fewest first (the unchecked file below every report); file names A→Z.
      await sortBy(page, '错误', 'descending');
      assert.deepEqual(await dataFiles(page), ['broken.nianbao.md', 'clean <&>.nianbao.md', 'warned.nianbao.md', 'notes.txt']);
      await sortBy(page, '错误', 'ascending');
      assert.deepEqual(await dataFiles(page), ['notes.txt', 'clean <&>.nianbao.md', 'warned.nianbao.md', 'broken.nianbao.md']);
      await sortBy(page, '警告', 'descending');
      assert.deepEqual(await dataFiles(page), ['broken.nianbao.md', 'warned.nianbao.md', 'clean <&>.nianbao.md', 'notes.txt']);
      await sortBy(page, '文件', 'ascending');
      assert.deepEqual(await dataFiles(page), ['broken.nianbao.md', 'clean <&>.nianbao.md', 'notes.txt', 'warned.nianbao.md']);
      await sortBy(page, '文件', 'descending');
      assert.deepEqual(await dataFiles(page), ['warned.nianbao.md', 'notes.txt', 'clean <&>.nianbao.md', 'broken.nianbao.md']);

      mkdirSync(testOutput, { recursive: true });
      await page.screenshot({ path: path.join(testOutput, 'review-html.png'), fullPage: true });

      // In English: the page's own words, the messages as the CLI localised them.
      writePage(reportsDir, htmlFile, 'en');
      await page.goto(pageUrl);
      await wrongCell.waitFor({ timeout: WAIT_MS });
      assert.equal(await page.locator('h1').textContent(), 'Review');
      assert.equal(await page.locator('#totals').textContent(), '2 error(s), 2 warning(s) in all');
      assert.deepEqual(await page.locator('#reports thead th').allTextContents(), ['File', 'Body', 'Year', 'Errors', 'Warnings', 'Status']);
      assert.deepEqual((await reportRows(page)).map((row) => row[5]), ['errors', 'passed', 'not a report', 'warnings']);
      assert.equal(
        await wrongCell.getAttribute('title'),
        'The total of row “（一）予以公开” should be 43 (the sum of the six applicant columns) but is 44; check the columns or change the total to 43',
      );
      assert.deepEqual(requests, [pageUrl, pageUrl]);
      assert.deepEqual(errors, []);
    } catch (error) {
      mkdirSync(testOutput, { recursive: true });
      await page.screenshot({ path: path.join(testOutput, 'review-html-failure.png'), fullPage: true });
      const seen = await page.locator('#reports').innerText().catch((e: Error) => `(no #reports: ${e.message})`);
      throw new Error(`${(error as Error).message}\nrequests: ${JSON.stringify(requests)}\npage errors: ${JSON.stringify(errors)}\nthe report table:\n${seen}`);
    }
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
