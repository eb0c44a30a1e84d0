// The command disclosureReport.server.importReport: a PDF, web page or Word file becomes a `<name>.nianbao.md`
// draft beside it, whose diagnostics over LSP are the report's real defects.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serversFor } from '../support/lsp';
import { REPO_ROOT } from '../support/seeds';

const REAL_DIR = resolve(REPO_ROOT, '..', 'shared', 'real');
const servers = serversFor({ zh: 'zh-cn', en: 'en' });
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Result = { uri?: string; error?: string };
const importFile = (path: string, client = servers.zh): Promise<Result> =>
  client.request('workspace/executeCommand', { command: 'disclosureReport.server.importReport', arguments: [pathToFileURL(path).toString()] });

test('a published PDF: the draft beside it, named for the source, and its diagnostics are the report’s real defects', async () => {
  const pdf = join(dir, '洪泽区 2023.pdf');
  copyFileSync(join(REAL_DIR, 'hongze-2023', 'report.pdf'), pdf);
  const result = await importFile(pdf);
  const draft = join(dir, '洪泽区 2023.nianbao.md');
  assert.deepEqual(result, { uri: pathToFileURL(draft).toString() });
  const text = readFileSync(draft, 'utf8');
  assert.equal(text.split('\n')[0], '<!-- 来源：洪泽区 2023.pdf（由 nianbao 转换；请对照原件核对） -->');
  servers.zh.notify('textDocument/didOpen', { textDocument: { uri: result.uri, languageId: 'disclosure-report', version: 1, text } });
  const published = await servers.zh.diagnosticsFor(result.uri!);
  assert.deepEqual(
    published.diagnostics.map((d: { code: string }) => d.code),
    ['structure.government-duties', 'structure.row-label', 'structure.outdated-format', 'table4.group-total', 'table4.group-total'],
  );
});

test('a published web page: its table rows in the draft as the page has them', async () => {
  const html = join(dir, 'shuyang.html');
  copyFileSync(join(REAL_DIR, 'shuyang-fgj-2023', 'page.html'), html);
  const result = await importFile(html);
  assert.ok(result.uri, result.error);
  const text = readFileSync(join(dir, 'shuyang.nianbao.md'), 'utf8');
  assert.ok(text.split('\n').includes('| 一、本年新收政府信息公开申请数量 |  |  | 26 |  |  |  |  |  | 26 |'));
});

test('what cannot be imported: a clear message in the client’s language, no draft written', async () => {
  const broken = join(dir, 'broken.docx');
  writeFileSync(broken, 'PK\u0003\u0004 not really a zip');
  assert.deepEqual(await importFile(broken), { error: '无法导入 broken.docx：Word 文件已损坏，无法解压（invalid zip data）' });
  assert.equal(existsSync(join(dir, 'broken.nianbao.md')), false);
  const notes = join(dir, 'notes.txt');
  writeFileSync(notes, '会议纪要');
  assert.deepEqual(await importFile(notes, servers.en), { error: 'Unsupported file type: notes.txt (.docx .pdf .html .htm .shtml can be imported)' });
  const empty = join(dir, 'empty.pdf');
  writeFileSync(empty, '');
  assert.deepEqual(await importFile(empty, servers.en), { error: 'Cannot import empty.pdf: The file is empty' });
});
