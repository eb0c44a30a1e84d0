// The Word reader: .docx files generated here with the `docx` package from the example draft and from every
// seed report (title, section headings as Heading styles, prose, and the three tables in the official layout with
// merged header cells and row-group cells, table 三 split in two with its header rows repeated) read back through
// readDocx → parseReport → extractTables exactly as the original text; and files that are not a readable Word
// document give a ReaderError with a Chinese message, never another exception, and never hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { extractTables } from '../../server/src/core/extract';
import { parseReport } from '../../server/src/core/parse';
import { computeLineStarts } from '../../server/src/core/text';
import { MAX_DOCUMENT_XML_BYTES, readDocx } from '../../server/src/readers/docx';
import { ReaderError } from '../../server/src/readers/types';
import { REPO_ROOT, SEED_NAMES, readSeed } from '../support/seeds';
import { toDocx } from '../support/sources';

const SAMPLE = join(REPO_ROOT, 'samples', 'example-2024.nianbao.md');
const sources: [string, () => string][] = [['samples/example-2024.nianbao.md', () => readFileSync(SAMPLE, 'utf8')], ...SEED_NAMES.map((n) => [`seed ${n}`, () => readSeed(n)] as [string, () => string])];

for (const [name, read] of sources) {
  test(`docx from ${name}: readDocx → parseReport → extractTables equals the original text's tables`, async () => {
    const source = read();
    const expected = extractTables(parseReport(source));
    for (const id of ['table2', 'table3', 'table4'] as const) assert.ok(expected.tables[id], `fixture: ${id} of ${name} is read from the text`);
    const converted = readDocx(await toDocx(source));
    const got = extractTables(parseReport(converted.text));
    assert.deepEqual(got, expected, converted.text);
    assert.equal(converted.places.length, computeLineStarts(converted.text).length);
  });
}

// ---------------------------------------------------------------------------------------------------------
// What the draft looks like

test('docx: title first, section headings as ##, sub-headings and prose as plain lines', async () => {
  const converted = readDocx(await toDocx(readSeed('003_bd5764f2f2266ecc.txt')));
  const lines = converted.text.split('\n');
  assert.match(lines[0], /^# .*2023 ?年政府信息公开工作年度报告$/);
  const headings = lines.filter((l) => l.startsWith('## '));
  assert.deepEqual(
    headings.map((h) => h.slice(3, 5)),
    ['一、', '二、', '三、', '四、', '五、', '六、'],
  );
  // A Heading 2 that is not a section heading stays a plain line.
  assert.ok(lines.some((l) => /^[（(]一[)）]/.test(l)));
  assert.ok(!lines.some((l) => /^#+ [（(]/.test(l)));
});

test('docx: merged cells — gridSpan gives empty fields after the text, vMerge continue an empty field; every row as wide as the table', async () => {
  const converted = readDocx(await toDocx(readFileSync(SAMPLE, 'utf8'), null));
  const lines = converted.text.split('\n');
  const table3Rows = lines.filter((l) => l.startsWith('|') && !l.startsWith('| ---') && l.split('|').length - 2 === 10);
  assert.equal(table3Rows.length, 3 + 25, "table 三: 3 header rows and 25 rows of figures, 10 fields each");
  const cells = (l: string) => l.slice(1, -1).split('|').map((c) => c.trim());
  const header = table3Rows.map(cells).slice(0, 3);
  assert.deepEqual(header[0], ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', '']);
  assert.deepEqual(header[1], ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
  assert.deepEqual(header[2], ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']);
  const r1 = table3Rows.map(cells).find((c) => c[1] === '（一）予以公开')!;
  assert.equal(r1[0], '三、本年度办理结果');
  const r2 = table3Rows.map(cells).find((c) => c[1].startsWith('（二）部分公开'))!;
  assert.equal(r2[0], '', 'the row-group cell is written in its first row only');
  const r3_2 = table3Rows.map(cells).find((c) => c[2] === '2.其他法律行政法规禁止公开')!;
  assert.deepEqual(r3_2.slice(0, 2), ['', '']);
  // Every pipe row of every table has its table's width.
  const widths = new Set(lines.filter((l) => l.startsWith('|')).map((l) => l.split('|').length));
  assert.ok(widths.size <= 3, `pipe rows of at most three widths (4, 10, 15 fields): ${[...widths].join(', ')}`);
});

test('docx: a table split across a page break with repeated header rows is one table, the header not repeated', async () => {
  const converted = readDocx(await toDocx(readFileSync(SAMPLE, 'utf8'), 'r4_1'));
  const text = converted.text;
  assert.equal(text.split('申请人情况').length - 1, 1, 'the header row is written once');
  assert.equal(text.split('商业企业').length - 1, 1);
  // One pipe table: no blank line between its first and last row.
  const first = text.indexOf('| （本列数据的勾稽关系');
  const last = text.indexOf('四、结转下年度继续办理');
  assert.ok(first >= 0 && last > first);
  assert.ok(!text.slice(first, last).includes('\n\n'), 'the two parts join into one pipe table');
  // The rows of the second part keep their own source place (table 3 of the document, 1-based rows).
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('1.本机关不掌握相关政府信息'));
  assert.deepEqual(converted.places[at], { table: 3, row: 4 });
});

test('docx: places — paragraphs and table rows where the user finds them, |---| made by the reader', async () => {
  const converted = readDocx(await toDocx(readFileSync(SAMPLE, 'utf8'), null));
  const lines = converted.text.split('\n');
  assert.equal(converted.places.length, lines.length);
  assert.deepEqual(converted.places[0], { paragraph: 1 });
  const heading = lines.findIndex((l) => l === '## 一、总体情况');
  assert.ok(converted.places[heading]?.paragraph! > 1);
  lines.forEach((l, i) => {
    if (/^\|( --- \|)+$/.test(l)) assert.equal(converted.places[i], null);
    else if (l.startsWith('| 规章')) assert.deepEqual(converted.places[i], { table: 1, row: 3 });
  });
});

test('docx: the source comment goes first only when the file name is given, and the draft still reads the same', async () => {
  const bytes = await toDocx(readFileSync(SAMPLE, 'utf8'));
  const plain = readDocx(bytes);
  const named = readDocx(bytes, { fileName: '示例报告.docx' });
  assert.ok(!plain.text.startsWith('<!--'));
  assert.equal(named.text.split('\n')[0], '<!-- 来源：示例报告.docx -->');
  assert.equal(named.places[0], null);
  assert.deepEqual(extractTables(parseReport(named.text)), extractTables(parseReport(plain.text)));
});

test('docx: Chinese style names (标题 1 with styleId 1) are headings; w:tab, w:br and entities are read', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>
<w:p><w:r><w:t>某某局</w:t></w:r></w:p>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>2024年政府信息公开工作年度报告</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="1"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">一、总体情况</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>（一）主动公开</w:t></w:r></w:p>
<w:p><w:r><w:t>甲&amp;乙</w:t><w:tab/><w:t>丙</w:t><w:br/><w:t>丁</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>
<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:t>框</w:t></mc:Choice><mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
</w:body></w:document>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style></w:styles>`;
  const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(document), 'word/styles.xml': strToU8(styles) });
  const converted = readDocx(bytes);
  assert.deepEqual(converted.text.split('\n'), ['# 某某局2024年政府信息公开工作年度报告', '', '## 一、总体情况', '', '（一）主动公开', '', '甲&乙\t丙', '丁', '', '框', '']);
});

// ---------------------------------------------------------------------------------------------------------
// Files that cannot be read

function assertReaderError(read: () => unknown, pattern: RegExp): void {
  assert.throws(read, (e: unknown) => {
    assert.ok(e instanceof ReaderError, `a ReaderError, not ${String(e)}`);
    assert.match(e.zh, /[\u4e00-\u9fff]/);
    assert.match(e.zh, pattern);
    return true;
  });
}

test('docx: an empty file is a ReaderError', () => {
  assertReaderError(() => readDocx(new Uint8Array(0)), /为空/);
});

test('docx: a corrupt zip is a ReaderError (truncated, bytes overwritten, not a zip, an old .doc)', async () => {
  const good = await toDocx(readFileSync(SAMPLE, 'utf8'));
  assertReaderError(() => readDocx(good.slice(0, Math.floor(good.length / 2))), /损坏|无法解压/);
  const overwritten = good.slice();
  // The compressed main document's bytes garbled in place: the central directory still lists it.
  const at = findBytes(overwritten, strToU8('word/document.xml'));
  for (let i = at + 40; i < at + 2000 && i < overwritten.length; i++) overwritten[i] = (overwritten[i] * 31 + 7) & 0xff;
  assertReaderError(() => readDocx(overwritten), /损坏|无法解压|没有正文/);
  assertReaderError(() => readDocx(strToU8('这不是 Word 文档')), /不是有效的 Word 文档/);
  assertReaderError(() => readDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])), /\.doc|另存为/);
});

function findBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

test('docx: a zip without word/document.xml is a ReaderError', () => {
  const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
  assertReaderError(() => readDocx(xlsx), /没有正文|word\/document\.xml/);
});

test('docx: a document whose main part is named elsewhere by _rels/.rels is read', async () => {
  const parts = unzipSync(await toDocx(readFileSync(SAMPLE, 'utf8')));
  parts['word/main.xml'] = parts['word/document.xml'];
  delete parts['word/document.xml'];
  parts['_rels/.rels'] = strToU8(
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>',
  );
  const converted = readDocx(zipSync(parts));
  assert.ok(extractTables(parseReport(converted.text)).tables.table3);
});

test('docx: 50 MB files — random bytes, a 50 MB image beside the report, a 60 MB document.xml — within seconds', async () => {
  const started = Date.now();
  const random = randomBytes(50 * 1024 * 1024);
  random[0] = 0x50;
  random[1] = 0x4b;
  assertReaderError(() => readDocx(random), /损坏|无法解压/);

  // A report with a 50 MB picture (stored, not compressible): the picture is never inflated; the report reads.
  const source = readFileSync(SAMPLE, 'utf8');
  const parts = unzipSync(await toDocx(source));
  const withImage = zipSync({ ...parts, 'word/media/image1.png': [randomBytes(50 * 1024 * 1024), { level: 0 }] });
  assert.ok(withImage.length > 50 * 1024 * 1024);
  const t0 = Date.now();
  const converted = readDocx(withImage);
  assert.deepEqual(extractTables(parseReport(converted.text)), extractTables(parseReport(source)));
  assert.ok(Date.now() - t0 < 5000, `read in ${Date.now() - t0} ms`);

  // A main document above the limit (highly compressible, so the file is small): a clear size error, not inflated.
  const paragraph = '<w:p><w:r><w:t>依申请公开工作稳步推进，答复及时规范。</w:t></w:r></w:p>';
  const huge = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph.repeat(Math.ceil((MAX_DOCUMENT_XML_BYTES + 1024 * 1024) / paragraph.length))}</w:body></w:document>`;
  const bomb = zipSync({ 'word/document.xml': strToU8(huge) });
  assertReaderError(() => readDocx(bomb), /过大/);
  assert.ok(Date.now() - started < 20000, `all in ${Date.now() - started} ms`);
});

test('docx: reading stays linear — a 20 MB document.xml of paragraphs and table rows reads in seconds', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraph = '<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>依申请公开工作稳步推进，答复及时规范。</w:t></w:r></w:p>';
  const row = `<w:tr>${'<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc>'.repeat(10)}</w:tr>`;
  const chunk = `${paragraph.repeat(50)}<w:tbl>${row.repeat(20)}</w:tbl>`;
  const body = chunk.repeat(Math.ceil((20 * 1024 * 1024) / chunk.length));
  const bytes = zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>某局2024年政府信息公开工作年度报告</w:t></w:r></w:p>${body}</w:body></w:document>`) });
  const t0 = Date.now();
  const converted = readDocx(bytes);
  const ms = Date.now() - t0;
  assert.ok(converted.text.startsWith('# 某局2024年政府信息公开工作年度报告'));
  assert.ok(ms < 15000, `read in ${ms} ms`);
});
