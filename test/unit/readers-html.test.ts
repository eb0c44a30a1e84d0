// The web-page reader: the real published page ../shared/real/shuyang-fgj-2023/page.html read with readHtml reads
// back through parseReport as its truth.json (tables cell for cell, findings exactly the known defects); the same
// page in GB2312/GBK (declared or not) and UTF-16 reads the same; rowspan/colspan, the article body, the title;
// and pages that cannot be read give a ReaderError with a Chinese message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { runChecks } from '../../server/src/core/checks';
import { extractTables } from '../../server/src/core/extract';
import { parseReport } from '../../server/src/core/parse';
import { computeLineStarts, positionOf } from '../../server/src/core/text';
import { MAX_HTML_BYTES, MAX_HTML_MARKUP, readHtml } from '../../server/src/readers/html';
import { ReaderError } from '../../server/src/readers/types';
import { compareFindings, compareTables, report, type FindingLite, type Truth } from '../support/real';
import { REPO_ROOT } from '../support/seeds';

const SHUYANG = resolve(REPO_ROOT, '..', 'shared', 'real', 'shuyang-fgj-2023');
const page = () => readFileSync(join(SHUYANG, 'page.html'));
const truth = () => JSON.parse(readFileSync(join(SHUYANG, 'truth.json'), 'utf8')) as Truth;

function findingsOf(text: string): FindingLite[] {
  const model = parseReport(text);
  return runChecks(model, { locale: 'zh' }).map((f) => ({
    code: f.code,
    severity: f.severity,
    line: positionOf(model.lineStarts, f.span.start).line + 1,
    message: f.message,
    table: f.code === 'table.unreadable' ? model.unreadable.find((u) => u.span.start === f.span.start && u.span.end === f.span.end)?.table : undefined,
  }));
}

function assertAsTruth(text: string, key: string): void {
  const t = truth();
  const tables = compareTables(t, extractTables(parseReport(text)), []);
  const findings = compareFindings(t, 'page.html', findingsOf(text), []);
  const problems = [...tables.problems, ...findings.problems];
  assert.ok(problems.length === 0, `${report(key, problems)}\n--- draft ---\n${text}`);
}

test('html: the real page shuyang-fgj-2023/page.html reads as its truth — tables 二, 三, 四 cell for cell, findings the known defects', () => {
  const converted = readHtml(page());
  assertAsTruth(converted.text, 'shuyang-fgj-2023/page.html');
  const model = parseReport(converted.text);
  assert.equal(model.title?.body, '沭阳县发展和改革局');
  assert.equal(model.title?.year, 2023);
  // The one required defect is found: the 2019 label 规范性文件 in table 二.
  assert.ok(findingsOf(converted.text).some((f) => f.code === 'structure.outdated-format'));
});

test('html: the article body only — no navigation, page header, meta table or script text; the title from the <h1> outside the body', () => {
  const { text } = readHtml(page());
  const lines = text.split('\n');
  assert.equal(lines[0], '# 沭阳县发展和改革局2023年政府信息公开年度报告');
  for (const furniture of ['繁體版', '无障碍', '首页', '走进沭阳', '索引号', '发布机构', 'websiteId', 'function time', '请输入关键词']) {
    assert.ok(!text.includes(furniture), `page furniture “${furniture}” is not in the draft`);
  }
  assert.ok(text.includes('2023年度，县发展和改革局政府信息公开未发生收费情况。'));
  assert.ok(text.includes('2024年1月17日'));
});

test('html: places — each paragraph and table row where it is in the page, |---| rows made by the reader', () => {
  const converted = readHtml(page());
  const lines = converted.text.split('\n');
  assert.equal(converted.places.length, computeLineStarts(converted.text).length);
  const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
  assert.deepEqual(converted.places[at('根据《中华人民共和国政府信息公开条例》')], { paragraph: 1 });
  assert.deepEqual(converted.places[at('| 规范性文件 |')], { table: 1, row: 4 });
  assert.deepEqual(converted.places[at('| 一、本年新收政府信息公开申请数量')], { table: 2, row: 4 });
  assert.equal(converted.places[at('| 一、本年新收政府信息公开申请数量') - 3], null, 'the |---| row of table 三');
});

test('html: the page in GB2312 (declared), in GBK without a declaration, and in UTF-16 with a BOM reads the same', () => {
  const utf8 = readHtml(page()).text;
  const source = page().toString('utf8');
  const declared = iconv.encode(source.replace(/<meta charset="utf-8"\s*\/?>/gi, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gb18030');
  assert.ok(!declared.includes(Buffer.from('charset="utf-8"')));
  assert.equal(readHtml(declared).text, utf8);
  const undeclared = iconv.encode(source.replace(/<meta charset="utf-8"\s*\/?>/gi, ''), 'gbk');
  assert.equal(readHtml(undeclared).text, utf8);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(source, 'utf16le')]);
  assert.equal(readHtml(utf16).text, utf8);
  // Declared UTF-8 but saved as GBK (the page was converted, its meta was not): detected as GB18030.
  const mislabelled = iconv.encode(source, 'gbk');
  assert.equal(readHtml(mislabelled).text, utf8);
});

test('html: rowspan and colspan expanded — text in the first row and column, empty fields where the merge covers, empty cells kept', () => {
  const html = `<html><head><meta charset="utf-8"><title>某局2024年政府信息公开工作年度报告_某局</title></head><body>
  <div class="content">
  <p>一、总体情况</p><p>本年度工作正常。</p>
  <table>
    <thead><tr><th rowspan="2">事项</th><th colspan="2">数量</th><th>备注</th></tr>
    <tr><th>甲</th><th>乙|丙</th><th></th></tr></thead>
    <tbody>
    <tr><td rowspan="3">合计</td><td>1</td><td>2</td><td rowspan="9">注</td></tr>
    <tr><td>3</td><td></td></tr>
    <tr><td colspan="2">5</td></tr>
    </tbody>
  </table>
  </div></body></html>`;
  const converted = readHtml(Buffer.from(html));
  const rows = converted.text
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
  assert.deepEqual(rows, [
    ['事项', '数量', '', '备注'],
    ['---', '---', '---', '---'],
    ['', '甲', '乙｜丙', ''],
    ['合计', '1', '2', '注'],
    ['', '3', '', ''],
    ['', '5', '', ''],
  ]);
  // No body marker of a report but 总体情况: the title still comes from <title>.
  assert.equal(converted.text.split('\n')[0], '# 某局2024年政府信息公开工作年度报告');
});

test('html: the article is found beside navigation, a sidebar of related reports and a layout table', () => {
  const report = readFileSync(join(REPO_ROOT, 'samples', 'example-2024.nianbao.md'), 'utf8');
  // The sample draft as a web page: each line a paragraph, each pipe table an HTML table.
  const body: string[] = [];
  let table: string[] = [];
  const flushTable = () => {
    if (table.length > 0) body.push(`<table border="1">${table.join('')}</table>`);
    table = [];
  };
  for (const line of report.split('\n')) {
    if (line.startsWith('|')) {
      if (/^\|\s*-/.test(line)) continue;
      table.push(`<tr>${line.slice(1, -1).split('|').map((c) => `<td>${c.trim()}</td>`).join('')}</tr>`);
      continue;
    }
    flushTable();
    if (line.startsWith('# ')) continue;
    if (line.startsWith('## ')) body.push(`<h3>${line.slice(3)}</h3>`);
    else if (line.trim() !== '' && !line.startsWith('<!--')) body.push(`<p style="text-indent:2em">${line}</p>`);
  }
  flushTable();
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例区政府门户网站</title><script>var a = "一、总体情况";</script></head>
  <body><header><div>示例区人民政府 首页 政务公开</div></header>
  <nav><ul><li>二、主动公开政府信息情况</li><li>网站地图</li></ul></nav>
  <table width="100%"><tr><td class="left"><div class="sidebar"><h4>相关报告</h4><ul><li><a href="#">示例区人民政府办公室2023年政府信息公开工作年度报告</a></li></ul></div></td>
  <td class="main"><div class="crumb">当前位置：首页 &gt; 年度报告</div>
  <h1 class="title">示例区人民政府办公室2024年政府信息公开工作年度报告</h1>
  <div class="info">发布时间：2025-01-20 来源：区政府办</div>
  <div id="content">${body.join('\n')}</div>
  <div class="share">分享到：微信</div></td></tr></table>
  <footer>版权所有 示例区人民政府</footer></body></html>`;
  const converted = readHtml(Buffer.from(html));
  const lines = converted.text.split('\n');
  assert.equal(lines[0], '# 示例区人民政府办公室2024年政府信息公开工作年度报告');
  for (const furniture of ['网站地图', '相关报告', '2023年政府信息公开', '当前位置', '分享到', '版权所有', 'var a']) assert.ok(!converted.text.includes(furniture), furniture);
  assert.deepEqual(extractTables(parseReport(converted.text)), extractTables(parseReport(report)));
  // Section headings in <h3> become ## headings.
  assert.ok(lines.includes('## 一、总体情况'));
});

test('html: the source comment goes first when the file name is given, and the draft reads the same', () => {
  const named = readHtml(page(), { fileName: 'page.html' });
  assert.equal(named.text.split('\n')[0], '<!-- 来源：page.html -->');
  assert.equal(named.places[0], null);
  assertAsTruth(named.text, 'shuyang-fgj-2023/page.html (named)');
});

function assertReaderError(read: () => unknown, pattern: RegExp): void {
  assert.throws(read, (e: unknown) => {
    assert.ok(e instanceof ReaderError, `a ReaderError, not ${String(e)}`);
    assert.match(e.zh, /[\u4e00-\u9fff]/);
    assert.match(e.zh, pattern);
    return true;
  });
}

test('html: an empty file, a page without text, binary data and a 50 MB page are ReaderErrors, within seconds', () => {
  assertReaderError(() => readHtml(new Uint8Array(0)), /为空/);
  assertReaderError(() => readHtml(Buffer.from('<html><body><script>var x = 1;</script></body></html>')), /没有找到正文/);
  assertReaderError(() => readHtml(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00, 0x81])), /编码|正文/);
  const t0 = Date.now();
  const big = Buffer.alloc(50 * 1024 * 1024, '<p>依申请公开工作稳步推进。</p>\n');
  assert.ok(big.length > MAX_HTML_BYTES);
  assertReaderError(() => readHtml(big), /过大/);
  assert.ok(Date.now() - t0 < 5000);
});

test('html: a page near the size limit (the real page with an inline image and scripts) reads in seconds, as its truth', () => {
  const source = page().toString('utf8');
  const image = `<img src="data:image/png;base64,${Buffer.alloc(6 * 1024 * 1024, 7).toString('base64')}">`;
  const scripts = `<script>${'var x = "一、总体情况 <p>";\n'.repeat(30000)}</script>`;
  const html = source.replace('<ucapcontent>', `<ucapcontent>${image}`).replace('</body>', `${scripts}</body>`);
  assert.ok(Buffer.byteLength(html) > 8 * 1024 * 1024 && Buffer.byteLength(html) < MAX_HTML_BYTES);
  const t0 = Date.now();
  const converted = readHtml(Buffer.from(html));
  const ms = Date.now() - t0;
  assertAsTruth(converted.text, 'shuyang-fgj-2023/page.html (9 MB)');
  assert.ok(ms < 5000, `read in ${ms} ms`);
});

test('html: a page of nothing but table cells near the markup limit reads within seconds; above it, a clear size error', () => {
  const row = '<tr><td>1.属于国家秘密</td><td>0</td><td></td><td>0</td></tr>';
  const chunk = `<p>依申请公开工作稳步推进，答复及时规范。</p><table>${row.repeat(20)}</table>`;
  const html = `<html><head><meta charset="utf-8"></head><body><h1>某局2024年政府信息公开工作年度报告</h1><div>${chunk.repeat(Math.floor((MAX_HTML_MARKUP - 4096) / chunk.length))}</div></body></html>`;
  assert.ok(html.length <= MAX_HTML_MARKUP);
  const t0 = Date.now();
  const converted = readHtml(Buffer.from(html));
  const ms = Date.now() - t0;
  assert.ok(converted.text.startsWith('# 某局2024年政府信息公开工作年度报告'));
  assert.ok(ms < 15000, `read in ${ms} ms`);
  const t1 = Date.now();
  assertReaderError(() => readHtml(Buffer.from(html.replace('<div>', `<div>${chunk.repeat(100)}`))), /过大/);
  assert.ok(Date.now() - t1 < 3000);
});
