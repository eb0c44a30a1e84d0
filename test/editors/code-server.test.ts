// The packaged extension (nianbao.vsix, installed with --install-extension) in a real VS Code (code-server 4.96.4 =
// VS Code 1.96) driven through Debian's Chromium: diagnostics in the Problems panel, a hover, a quick fix and
// importing a PDF, as a user would see them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { editorTestOptions, missingFile, repoRoot, seed003, seed003Diagnostics, testOutput, waitFor } from './helpers';
import { newReportText } from '../../server/src/core/template';

const codeServerEntry = path.join(repoRoot, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = '/usr/bin/chromium';
const WAIT_MS = 60_000;

const missing = missingFile(codeServerEntry, 'code-server 4.96.4') ?? missingFile(chromiumPath, 'Chromium');
const options = editorTestOptions(missing);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const vsix = path.join(repoRoot, 'nianbao.vsix');

/** Installs the packaged extension (`npm run package`, run by `npm test` first) as a user would: --install-extension. */
function installExtension(extensionsDir: string, userData: string): void {
  assert.ok(existsSync(vsix), `${vsix} is missing — run: npm run package`);
  const result = spawnSync(process.execPath, [codeServerEntry, '--extensions-dir', extensionsDir, '--user-data-dir', userData, '--install-extension', vsix], { encoding: 'utf8' });
  assert.equal(result.status, 0, `code-server --install-extension failed:\n${result.stdout}\n${result.stderr}`);
  assert.match(result.stdout, /was successfully installed/, result.stdout);
}

interface Session {
  page: Page;
  workspace: string;
  log: () => string;
}

/**
 * Starts code-server on a free port with fresh user-data and extensions dirs, the workspace holding
 * `files`, and a headless Chromium on it; always stops both afterwards.
 */
async function withCodeServer(files: Record<string, string | Buffer>, run: (session: Session) => Promise<void>, settings: Record<string, unknown> = {}): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'nianbao-code-server-'));
  const workspace = path.join(root, 'workspace');
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  mkdirSync(workspace);
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(workspace, name), content);
  // No workspace-trust dialog, and no Welcome page taking the editor area.
  writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', ...settings }),
  );
  installExtension(extensions, userData);

  const port = await freePort();
  let output = '';
  let codeServer: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    codeServer = spawn(
      process.execPath,
      [
        codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData,
        '--config', path.join(root, 'config.yaml'), // not ~/.config/code-server
        '--extensions-dir', extensions, '--disable-telemetry', '--disable-update-check', workspace,
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] }, // own process group: its children are stopped with it
    );
    codeServer.stdout?.on('data', (chunk) => (output += chunk));
    codeServer.stderr?.on('data', (chunk) => (output += chunk));
    const log = () => `code-server output:\n${output}`;
    await waitFor(
      'code-server to answer /healthz',
      () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false),
      (ok) => ok,
      WAIT_MS,
      () => log(),
    );

    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS });
    await run({ page, workspace, log });
  } finally {
    await browser?.close();
    if (codeServer?.pid !== undefined && codeServer.exitCode === null) {
      const exited = new Promise((resolve) => codeServer?.once('exit', resolve));
      process.kill(-codeServer.pid, 'SIGTERM');
      const timer = setTimeout(() => codeServer?.pid !== undefined && process.kill(-codeServer.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(root, { recursive: true, force: true });
  }
}

/** innerText of all elements matching `selector` (the workbench keeps several hover widgets), or a note that there is none. */
function textOf(page: Page, selector: string): Promise<string> {
  return page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.innerText).join('\\n') || '(no ${selector})'`,
  );
}

function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(testOutput, { recursive: true });
  return page.screenshot({ path: path.join(testOutput, `code-server-${name}.png`) });
}

/** Quick Open (Ctrl+P) the file and wait until its text is in the editor. */
async function openFile(page: Page, name: string, firstLineText: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ timeout: WAIT_MS });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: WAIT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: firstLineText }).waitFor({ timeout: WAIT_MS });
}

/** Opens the Problems panel (Ctrl+Shift+M) and waits until its text satisfies `done`. */
async function waitForProblems(page: Page, what: string, done: (text: string) => boolean): Promise<string> {
  if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
  return waitFor(`the Problems panel to show ${what}`, () => textOf(page, '.markers-panel'), done, WAIT_MS, (text) => text);
}

const seedText = readFileSync(seed003, 'utf8');
/** The server's titles for the fix of a total (zh / en). */
const QUICK_FIX_TITLE = /^\s*(将总计改为|将此格改为|Change the total to|Change this cell to) 126\b/;
const TITLE = '老城区人民政府办公室 2023 年政府信息公开工作年度报告';

/** Runs `body` and reports its wall-clock time through `report` (the test's t.diagnostic). */
async function timed(report: (message: string) => void, name: string, body: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await body();
  } finally {
    report(`code-server ${name} wall clock: ${Date.now() - started} ms`);
  }
}

test('code-server: seed 003 shows the ambiguous-count warning in the Problems panel', options, async (t) => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  await timed((message) => t.diagnostic(message), 'diagnostics', () =>
    withCodeServer({ '003.txt': seedText }, async ({ page, log }) => {
      try {
        await openFile(page, '003.txt', TITLE);
        const [expected] = seed003Diagnostics('en'); // VS Code sends locale en
        const problems = await waitForProblems(page, expected.code, (text) => text.includes(expected.code));
        await screenshot(page, 'problems');
        // Pinned: the one problem of seed 003 (rule codes as the panel lists them), its message and position.
        const codes = [...problems.matchAll(/\b(?:table3|table4|table|narrative|structure|year)\.[a-z-]+/g)].map((m) => m[0]);
        assert.deepEqual(codes, [expected.code], problems);
        assert.ok(problems.includes(expected.message), `message ${expected.message} not in:\n${problems}`);
        const { line, character } = expected.range.start;
        assert.ok(problems.includes(`[Ln ${line + 1}, Col ${character + 1}]`), problems);
      } catch (error) {
        await screenshot(page, 'problems-failure');
        throw new Error(`${(error as Error).message}\n${log()}`);
      }
    }),
  );
});

test('code-server: hovering “三安全一稳定” cites 第十四条', options, async (t) => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  const lineNumber = seedText.split('\n').findIndex((line) => line.includes('三安全一稳定')) + 1;
  await timed((message) => t.diagnostic(message), 'hover', () =>
    withCodeServer({ '003.txt': seedText }, async ({ page, log }) => {
      try {
        await openFile(page, '003.txt', TITLE);
        // Ctrl+G reveals the line; the mouse then rests on the first character of the phrase.
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input.input').fill(`:${lineNumber}`);
        await page.keyboard.press('Enter');
        const line = page.locator('.monaco-editor .view-line', { hasText: '三安全一稳定' });
        await line.waitFor({ timeout: WAIT_MS });
        // The centre of the phrase's first character, measured with a DOM Range over its text node.
        const box = await page.evaluate(`(() => {
          const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => l.textContent.includes('三安全'));
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent.indexOf('三安全');
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          return null;
        })()`);
        assert.ok(box, 'the text 三安全一稳定 is not rendered as one text node');
        const { x, y } = box as { x: number; y: number };
        // A hover asked for before the language server is up stays empty, so the mouse re-enters the
        // text every 2 s until a hover shows.
        let lastMove = 0;
        const readHover = async () => {
          const text = await textOf(page, '.monaco-hover:not(.hidden)');
          if (!text.includes('第十四条') && Date.now() - lastMove > 2_000) {
            await page.mouse.move(0, 0);
            await page.mouse.move(x, y);
            lastMove = Date.now();
          }
          return text;
        };
        const hover = await waitFor('a hover citing 第十四条', readHover, (text) => text.includes('第十四条'), WAIT_MS, (text) => text);
        // The hover fades in: the screenshot waits until its animation has finished.
        await page.waitForFunction(
          "document.getAnimations().every((a) => !(a.effect && a.effect.target && a.effect.target.closest && a.effect.target.closest('.monaco-hover')))",
          undefined,
          { timeout: WAIT_MS },
        );
        await screenshot(page, 'hover');
        assert.match(hover, /第十四条/);
      } catch (error) {
        await screenshot(page, 'hover-failure');
        throw new Error(`${(error as Error).message}\n${log()}`);
      }
    }),
  );
});

test('code-server: quick fix repairs a broken 总计 cell', options, async (t) => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  const totalRow = /^\(七\) 总计\t\t126\t0\t0\t0\t0\t0\t126\t$/m;
  assert.match(seedText, totalRow);
  const broken = seedText.replace(totalRow, '(七) 总计\t\t126\t0\t0\t0\t0\t0\t127\t');
  // The rendered row, whitespace collapsed; inlay hints may follow the cells, so only the 总计 cell is compared.
  const renderedRow = (page: Page) =>
    page.evaluate(`[...document.querySelectorAll('.monaco-editor .view-line')].map(l => l.textContent.replace(/\\s+/g, ' ').trim()).find(l => l.startsWith('(七) 总计')) ?? '(row not rendered)'`) as Promise<string>;
  const showsTotal = (value: number) => (row: string) => new RegExp(`^\\(七\\) 总计 126 0 0 0 0 0 ${value}(?!\\d)`).test(row);
  await timed((message) => t.diagnostic(message), 'quick fix', () =>
    withCodeServer({ '003-broken.txt': broken }, async ({ page, log }) => {
      try {
        await openFile(page, '003-broken.txt', TITLE);
        await waitForProblems(page, 'a table 三 error', (text) => /table3\./.test(text));
        // Selecting the error in the Problems panel and pressing Enter puts the cursor on the broken cell.
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'table3.' }).first().click();
        await page.keyboard.press('Enter');
        await waitFor('the broken row in the editor', () => renderedRow(page), showsTotal(127), WAIT_MS, (row) => row);
        await page.keyboard.press('Control+.');
        // code-server's UI (and so the server's locale) is English here: accept the zh or en titles.
        const action = page.locator('.action-widget .monaco-list-row', { hasText: QUICK_FIX_TITLE }).first();
        await waitFor(`a quick fix titled ${QUICK_FIX_TITLE}`, () => textOf(page, '.action-widget'), (text) => text.split('\n').some((line) => QUICK_FIX_TITLE.test(line)), WAIT_MS, (text) => text);
        await screenshot(page, 'quick-fix-menu');
        // The action list blocks clicks until the mouse has moved over it, so move first, then click.
        const row = await action.boundingBox();
        assert.ok(row, 'the quick fix row has no box');
        await page.mouse.move(row.x + row.width / 2, row.y + row.height / 2);
        await page.mouse.click(row.x + row.width / 2, row.y + row.height / 2);
        await waitFor('the repaired row', () => renderedRow(page), showsTotal(126), WAIT_MS, (row) => row);
        const problems = await waitForProblems(page, 'no table 三 error', (text) => !/table3\./.test(text));
        await screenshot(page, 'quick-fix-done');
        assert.doesNotMatch(problems, /table3\./);
      } catch (error) {
        await screenshot(page, 'quick-fix-failure');
        const problems = await textOf(page, '.markers-panel');
        throw new Error(`${(error as Error).message}\nProblems panel:\n${problems}\n${log()}`);
      }
    }),
  );
});

test('code-server: 导入年度报告 on a published PDF opens a draft whose Problems panel shows the report’s real defects', options, async (t) => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  const pdf = readFileSync(path.join(repoRoot, '..', 'shared', 'real', 'hongze-2023', 'report.pdf'));
  // The defects truth.json lists for this report, as the rule codes the panel shows.
  const defects = ['structure.government-duties', 'structure.row-label', 'structure.outdated-format', 'table4.group-total', 'table4.group-total'];
  await timed((message) => t.diagnostic(message), 'import', () =>
    withCodeServer({ 'hongze.pdf': pdf, 'notes.txt': '会议纪要\n' }, async ({ page, log }) => {
      try {
        // code-server lists the extension's commands once it is active: a text file opened activates it.
        await openFile(page, 'notes.txt', '会议纪要');
        // The extension's contributions are there once the command palette lists its command.
        await page.keyboard.press('Control+Shift+P');
        const palette = page.locator('.quick-input-widget input.input');
        await palette.waitFor({ timeout: WAIT_MS });
        await palette.fill('>Import annual report');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Import annual report' }).first().waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Shift+E');
        const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'hongze.pdf' }).first();
        await row.waitFor({ timeout: WAIT_MS });
        await row.click({ button: 'right' });
        // code-server's UI is English: the command's English title.
        const item = page.locator('.monaco-menu .action-item', { hasText: 'Import annual report' }).first();
        await item.waitFor({ timeout: WAIT_MS });
        // The menu takes a click only after the mouse has moved over the item (as the quick-fix list does), and
        // now and then not even then: while the menu is still open, the item is hovered and chosen again (Enter).
        const box = await item.boundingBox();
        assert.ok(box, 'the menu item has no box');
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const draftShown = () => page.locator('.monaco-editor .view-lines', { hasText: '来源：hongze.pdf' }).isVisible();
        let chosen = Date.now();
        await waitFor(
          'the draft of hongze.pdf in the editor',
          async () => {
            // A menu that closed has taken the choice: choosing again would import twice.
            if (!(await draftShown()) && (await item.isVisible()) && Date.now() - chosen > 2_000) {
              chosen = Date.now();
              await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
              await page.keyboard.press('Enter');
            }
            return draftShown();
          },
          (shown) => shown,
          WAIT_MS,
        );
        // A maximized panel shows every problem with its related cells (the list renders only what fits).
        await page.keyboard.press('Control+Shift+M');
        await page.keyboard.press('Control+Shift+P');
        await palette.fill('>View: Toggle Maximized Panel');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Toggle Maximized Panel' }).first().waitFor({ timeout: WAIT_MS });
        await page.keyboard.press('Enter');
        const problems = await waitForProblems(page, 'the five defects', (text) => (text.match(/\btable4\.group-total\b/g) ?? []).length === 2 && defects.every((code) => text.includes(code)));
        await screenshot(page, 'import');
        const codes = [...problems.matchAll(/\b(?:table3|table4|table|narrative|structure|year|encoding)\.[a-z-]+/g)].map((m) => m[0]);
        assert.deepEqual([...codes].sort(), [...defects].sort(), problems);
      } catch (error) {
        await screenshot(page, 'import-failure');
        throw new Error(`${(error as Error).message}\nProblems panel:\n${await textOf(page, '.markers-panel')}\n${log()}`);
      }
    }),
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Status bar, report preview, and (when the settings exist) the Chinese UI and the CodeLens.

/** A clean draft (the template passes every check) and the same draft with one wrong total in table 三. */
const cleanDraft = newReportText({ year: 2024, body: '某某区人民政府办公室' });
const DRAFT_TITLE = '某某区人民政府办公室2024年政府信息公开工作年度报告';
const brokenLines = cleanDraft.split('\n');
/** The row 一、本年新收… of table 三 (0-based line), whose 总计 is set to 1 where the six columns add up to 0. */
const brokenLine = brokenLines.findIndex((line) => line.startsWith('| 一、本年新收'));
brokenLines[brokenLine] = brokenLines[brokenLine].replace(/0(\s*\|\s*)$/, '1$1');
const brokenDraft = brokenLines.join('\n');
const brokenColumn = brokenLines[brokenLine].lastIndexOf('1');

const STATUS_PROBLEMS = /✗ (\d+) errors? · (\d+) warnings?/;

function statusBar(page: Page): Promise<string> {
  return textOf(page, '.statusbar-item');
}

test('code-server: the status bar counts a broken draft’s errors and shows ✓ on a clean one', options, async (t) => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  assert.ok(brokenLine > 0 && brokenColumn > 0, 'the template has no row 一 in table 三');
  await timed((message) => t.diagnostic(message), 'status bar', () =>
    withCodeServer({ 'broken.nianbao.md': brokenDraft, 'clean.nianbao.md': cleanDraft, 'notes.txt': '会议纪要\n' }, async ({ page, log }) => {
      try {
        await openFile(page, 'broken.nianbao.md', DRAFT_TITLE);
        const broken = await waitFor('the status bar to count errors', () => statusBar(page), (text) => Number(STATUS_PROBLEMS.exec(text)?.[1] ?? 0) > 0, WAIT_MS, (text) => text);
        await screenshot(page, 'status-broken');
        // The draft's two findings: the row total and the balance of the 总计 column.
        assert.match(broken, /✗ 2 errors · 0 warnings/, broken);
        await openFile(page, 'clean.nianbao.md', DRAFT_TITLE);
        const clean = await waitFor('the status bar to show ✓', () => statusBar(page), (text) => text.includes('✓ Annual report') && !STATUS_PROBLEMS.test(text), WAIT_MS, (text) => text);
        await screenshot(page, 'status-clean');
        assert.doesNotMatch(clean, /✗/);
        // A file that is no report: no item.
        await openFile(page, 'notes.txt', '会议纪要');
        await waitFor('the status bar item to hide', () => statusBar(page), (text) => !text.includes('Annual report') && !STATUS_PROBLEMS.test(text), WAIT_MS, (text) => text);
      } catch (error) {
        await screenshot(page, 'status-failure');
        throw new Error(`${(error as Error).message}\n${log()}`);
      }
    }),
  );
});

test('code-server: the report preview marks the wrong total, reveals it on click and follows the typing', options, async (t) => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  await timed((message) => t.diagnostic(message), 'preview', () =>
    withCodeServer({ 'broken.nianbao.md': brokenDraft }, async ({ page, log }) => {
      try {
        await openFile(page, 'broken.nianbao.md', DRAFT_TITLE);
        await waitFor('the findings', () => statusBar(page), (text) => STATUS_PROBLEMS.test(text), WAIT_MS, (text) => text);
        // The editor-title button of the report language (its English title here).
        const button = page.locator('.editor-actions .action-label[aria-label^="Preview report"]').first();
        await button.waitFor({ timeout: WAIT_MS });
        await button.click();
        // The webview's page sits in an iframe inside the webview's iframe.
        const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
        const cell = (extra = '') => frame.locator(`td.cell${extra}[data-table="table3"][data-row="new"][data-column="total"]`);
        await cell('.wrong').waitFor({ timeout: WAIT_MS });
        // Tables 二, 三 and 四, table 三 with its merged header.
        for (const id of ['table2', 'table3', 'table4']) await frame.locator(`#grid-${id}`).waitFor({ timeout: WAIT_MS });
        assert.equal(await frame.locator('#grid-table3 th[colspan="5"]', { hasText: '法人或其他组织' }).count(), 1);
        assert.equal(await frame.locator('#grid-table3 td.label[rowspan]', { hasText: '三、本年度办理结果' }).count(), 1);
        assert.equal(await frame.locator('td.cell.wrong').count(), 2, 'the total and the balance of the 总计 column');
        const title = (await cell('.wrong').getAttribute('title')) ?? '';
        assert.match(title, /一、本年新收政府信息公开申请数量/, title);
        assert.equal((await cell().textContent())?.trim(), '1');
        // The side bar closed (Ctrl+B) and the cell scrolled into view: the screenshot shows the marked cell.
        await page.keyboard.press('Control+B');
        await frame.locator('h2#table3').evaluate((heading) => heading.scrollIntoView());
        await screenshot(page, 'preview');
        // A click puts the selection on the cell in the draft…
        await cell().click();
        // The cursor is at the selection's end, after the figure.
        const position = `Ln ${brokenLine + 1}, Col ${brokenColumn + 2} (1 selected)`;
        await waitFor(`the selection at ${position}`, () => statusBar(page), (text) => text.includes(position), WAIT_MS, (text) => text);
        // …and typing over it updates the preview: the cell is 0 and no longer marked.
        await page.keyboard.type('0');
        await waitFor('the preview to follow the edit', async () => ({ text: (await cell().textContent())?.trim(), wrong: await frame.locator('td.cell.wrong').count() }), (v) => v.text === '0' && v.wrong === 0, WAIT_MS);
        await waitFor('the status bar to show ✓', () => statusBar(page), (text) => text.includes('✓ Annual report'), WAIT_MS, (text) => text);
        await screenshot(page, 'preview-fixed');
      } catch (error) {
        await screenshot(page, 'preview-failure');
        throw new Error(`${(error as Error).message}\n${log()}`);
      }
    }),
  );
});

/** Settings and features another change brings: their tests run once they are there. */
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes?: { configuration?: { properties?: Record<string, unknown> } } };
const hasLanguageSetting = Object.prototype.hasOwnProperty.call(manifest.contributes?.configuration?.properties ?? {}, 'disclosureReport.language');
const hasCodeLens = existsSync(path.join(repoRoot, 'server', 'src', 'features', 'codeLens.ts'));
const zhSettings = hasLanguageSetting ? { 'disclosureReport.language': 'zh' } : {};

/** Reveals line `lineNumber` (1-based) with Ctrl+G. */
async function goToLine(page: Page, lineNumber: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input.input').fill(`:${lineNumber}`);
  await page.keyboard.press('Enter');
}

test('code-server: "disclosureReport.language": "zh" gives a Chinese Problems panel and a Chinese hover', { ...options, skip: options.skip || (!hasLanguageSetting && 'no disclosureReport.language setting in package.json') }, async (t) => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  const lineNumber = seedText.split('\n').findIndex((line) => line.includes('三安全一稳定')) + 1;
  await timed((message) => t.diagnostic(message), 'zh', () =>
    withCodeServer({ '003.txt': seedText }, async ({ page, log }) => {
      try {
        await openFile(page, '003.txt', TITLE);
        const [expected] = seed003Diagnostics('zh');
        const problems = await waitForProblems(page, 'the Chinese message', (text) => text.includes(expected.message));
        await screenshot(page, 'problems-zh');
        assert.ok(problems.includes(expected.code), problems);
        await page.keyboard.press('Control+Shift+M'); // the panel closed again: the hover has room
        await goToLine(page, lineNumber);
        await page.locator('.monaco-editor .view-line', { hasText: '三安全一稳定' }).waitFor({ timeout: WAIT_MS });
        const box = (await page.evaluate(`(() => {
          const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((l) => l.textContent.includes('三安全'));
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent.indexOf('三安全');
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          return null;
        })()`)) as { x: number; y: number } | null;
        assert.ok(box, 'the text 三安全一稳定 is not rendered as one text node');
        let lastMove = 0;
        const readHover = async () => {
          const text = await textOf(page, '.monaco-hover:not(.hidden)');
          if (!text.includes('第十四条') && Date.now() - lastMove > 2_000) {
            await page.mouse.move(0, 0);
            await page.mouse.move(box.x, box.y);
            lastMove = Date.now();
          }
          return text;
        };
        const hover = await waitFor('a Chinese hover', readHover, (text) => text.includes('第十四条') && text.includes('依据'), WAIT_MS, (text) => text);
        await page.waitForFunction(
          "document.getAnimations().every((a) => !(a.effect && a.effect.target && a.effect.target.closest && a.effect.target.closest('.monaco-hover')))",
          undefined,
          { timeout: WAIT_MS },
        );
        await screenshot(page, 'hover-zh');
        assert.match(hover, /《政府信息公开条例》/);
        assert.doesNotMatch(hover, /\bBasis\b/);
      } catch (error) {
        await screenshot(page, 'zh-failure');
        throw new Error(`${(error as Error).message}\n${log()}`);
      }
    }, zhSettings),
  );
});

test('code-server: a CodeLens “勾稽关系” shows above table 三', { ...options, skip: options.skip || (!hasCodeLens && 'no CodeLens (server/src/features/codeLens.ts)') }, async (t) => {
  assert.ok(!missing, `${missing} — run: bash scripts/setup-test-env.sh`);
  const lines = seedText.split('\n');
  const tableLine = lines.findIndex((line) => line.includes('勾稽关系')) + 1;
  await timed((message) => t.diagnostic(message), 'codelens', () =>
    withCodeServer({ '003.txt': seedText }, async ({ page, log }) => {
      try {
        await openFile(page, '003.txt', TITLE);
        await goToLine(page, Math.max(1, tableLine));
        const lens = await waitFor('a CodeLens with 勾稽关系', () => textOf(page, '.monaco-editor .codelens-decoration'), (text) => text.includes('勾稽关系'), WAIT_MS, (text) => text);
        await screenshot(page, 'codelens');
        assert.match(lens, /勾稽关系/);
      } catch (error) {
        await screenshot(page, 'codelens-failure');
        throw new Error(`${(error as Error).message}\n${log()}`);
      }
    }, zhSettings),
  );
});
