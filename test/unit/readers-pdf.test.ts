// The PDF reader (server/src/readers/pdf.ts): the two real published PDFs of ../shared/real read from their
// structure (text items and ruling lines) into a draft whose tables 二, 三 and 四 equal the figures read by eye, cell
// for cell, and whose error and warning findings are exactly the known defects; PDFs that cannot be read (no text
// layer, encrypted, empty, not a PDF) give a clear ReaderError, and no file makes the reader hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runChecks } from '../../server/src/core/checks';
import { extractTables } from '../../server/src/core/extract';
import { parseReport } from '../../server/src/core/parse';
import { positionOf } from '../../server/src/core/text';
import { convertRaw, readPdf } from '../../server/src/readers/pdf';
import type { RawPage } from '../../server/src/readers/pdf-worker';
import { ReaderError } from '../../server/src/readers/types';
import { compareFindings, compareTables, report, type FindingLite, type Truth } from '../support/real';
import { REPO_ROOT } from '../support/seeds';
import { ENCRYPTED, NO_TEXT, ONE_LINE } from '../support/sources';

const REAL_DIR = resolve(REPO_ROOT, '..', 'shared', 'real');

// Defect lines in truth.json are lines of the extraction texts; a key absent from `lines` matches by kind only.
const PDF_KEY = 'report.pdf';

for (const folder of ['huaian-2024', 'hongze-2023']) {
  test(`real PDF ${folder}/report.pdf: tables as read by eye, findings as the known defects`, async (t) => {
    const bytes = new Uint8Array(readFileSync(resolve(REAL_DIR, folder, 'report.pdf')));
    const truth = JSON.parse(readFileSync(resolve(REAL_DIR, folder, 'truth.json'), 'utf8')) as Truth;
    const started = performance.now();
    const converted = await readPdf(bytes);
    const ms = performance.now() - started;
    t.diagnostic(`${folder}/report.pdf read in ${ms.toFixed(0)} ms`);

    const lines = converted.text.split('\n');
    assert.equal(converted.places.length, lines.length, 'one place per line');
    lines.forEach((line, i) => {
      const place = converted.places[i];
      if (line.trim() === '' || /^\|[-|: ]+\|$/.test(line)) assert.equal(place, null, `line ${i + 1} is made by the reader: ${line}`);
      else assert.ok(place && place.page !== undefined && place.page >= 1, `line ${i + 1} has its page: ${line}`);
      if (line.startsWith('|') && place) assert.ok(place.table !== undefined && place.row !== undefined, `table line ${i + 1} has its table and row`);
    });
    assert.ok(!/^[-—–－]\s*\d+\s*[-—–－]$/m.test(converted.text), 'no page numbers in the draft');

    const model = parseReport(converted.text);
    const tables = compareTables(truth, extractTables(model), []);
    const findings: FindingLite[] = runChecks(model, { locale: 'zh' }).map((f) => ({
      code: f.code,
      severity: f.severity,
      line: positionOf(model.lineStarts, f.span.start).line + 1,
      message: f.message,
    }));
    const checks = compareFindings(truth, PDF_KEY, findings, []);
    const problems = [...tables.problems, ...checks.problems];
    assert.ok(problems.length === 0, report(`${folder}/report.pdf`, problems));
    assert.equal(model.title?.year, truth.year);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Hand-written PDFs

async function rejectsWith(promise: Promise<unknown>, zh: RegExp): Promise<ReaderError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof ReaderError, `a ReaderError, got ${String(e)}`);
    assert.match(e.zh, zh);
    assert.ok(e.en.length > 0);
    return e;
  }
  assert.fail('expected a ReaderError');
}

test('a PDF without a text layer: the scanned-PDF error', async () => {
  const e = await rejectsWith(readPdf(NO_TEXT), /图片型 PDF/);
  assert.equal(e.zh, '图片型 PDF，无法读取文字，请提供文字版');
  assert.equal(e.en, 'Scanned PDF without a text layer: provide a text PDF');
});

test('an encrypted PDF that the empty password does not open: a clear error', async () => {
  await rejectsWith(readPdf(ENCRYPTED), /加密/);
});

test('an empty file, random bytes, a truncated PDF: clear errors', async () => {
  await rejectsWith(readPdf(new Uint8Array(0)), /文件为空/);
  let seed = 7;
  const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
  await rejectsWith(readPdf(random), /不是 PDF/);
  const withHeader = new Uint8Array([...Buffer.from('%PDF-1.7\n', 'latin1'), ...random]);
  await rejectsWith(readPdf(withHeader), /PDF/);
  const real = new Uint8Array(readFileSync(resolve(REAL_DIR, 'hongze-2023', 'report.pdf')));
  await rejectsWith(readPdf(real.subarray(0, 2000)), /PDF/);
});

test('a text PDF written by hand is read', async () => {
  const converted = await readPdf(ONE_LINE);
  assert.match(converted.text, /Annual report 2024/);
  assert.deepEqual(converted.places[0], { page: 1 });
});

test('the limits: reading stops with an error instead of hanging or filling memory', async () => {
  const real = new Uint8Array(readFileSync(resolve(REAL_DIR, 'huaian-2024', 'report.pdf')));
  await rejectsWith(readPdf(real, { timeoutMs: 1 }), /超时/);
  await rejectsWith(readPdf(real, { maxChars: 100 }), /文字过多/);
});

test('a 50 MB file that is not a readable PDF: a clear error, in bounded time', async () => {
  let seed = 11;
  const big = new Uint8Array(50 * 1024 * 1024);
  for (let i = 0; i < big.length; i++) big[i] = (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16;
  big.set(Buffer.from('%PDF-1.7\n', 'latin1'));
  const started = performance.now();
  await rejectsWith(readPdf(big), /PDF/);
  assert.ok(performance.now() - started < 65_000);
});

// ---------------------------------------------------------------------------------------------------------------
// Layout over plain data: a ruled table cut by a page break, its header repeated on the next page.

function hRule(y: number, x1: number, x2: number) {
  return { x1, y1: y, x2, y2: y };
}
function vRule(x: number, y1: number, y2: number) {
  return { x1: x, y1, x2: x, y2 };
}
const item = (s: string, x: number, y: number, h = 10) => ({ s, x, y, w: Array.from(s).length * h * (/^[\x20-\x7e]+$/.test(s) ? 0.5 : 1), h });

test('layout: cells by their boxes, a merged box, a table across pages with a repeated header, page numbers', () => {
  // Columns 50 | 150 | 250 | 350; rows every 20 points.
  const page = (rows: { y: number; cells: string[] }[], extraItems: ReturnType<typeof item>[], merged = false): RawPage => {
    const top = rows[0].y;
    const bottom = rows[rows.length - 1].y + 20;
    const segments = [...rows.map((r) => hRule(r.y, 50, 350)), hRule(bottom, 50, 350), vRule(50, top, bottom), vRule(350, top, bottom)];
    // Column rules; in the merged page the second row is one box over all three columns (no rule inside it).
    for (const x of [150, 250]) {
      if (merged) segments.push(vRule(x, top, top + 20), vRule(x, top + 40, bottom));
      else segments.push(vRule(x, top, bottom));
    }
    const items = [...extraItems];
    for (const r of rows) r.cells.forEach((c, i) => c !== '' && items.push(item(c, [55, 155, 255][i], r.y + 15)));
    return { width: 400, height: 600, items, segments };
  };
  const first = page(
    [
      { y: 400, cells: ['项目', '数量', '合计'] },
      { y: 420, cells: ['合并的一格内容跨过两列的文字', '', ''] },
      { y: 440, cells: ['甲', '1', '1'] },
    ],
    [item('标题', 50, 100, 20), item('一、总体情况', 50, 200), item('正文 2024 年', 50, 230), item('- 1 -', 190, 580)],
    true,
  );
  const second = page(
    [
      { y: 50, cells: ['项目', '数量', '合计'] },
      { y: 70, cells: ['乙', '2', '2'] },
    ],
    [item('- 2 -', 190, 580), item('二、主动公开政府信息情况', 50, 200)],
  );
  const { text, places } = convertRaw({ pages: [first, second], skippedPages: 0 });
  const lines = text.split('\n');
  assert.deepEqual(
    lines.filter((l) => l.startsWith('|')),
    ['| 项目 | 数量 | 合计 |', '| --- | --- | --- |', '| 合并的一格内容跨过两列的文字 |  |  |', '| 甲 | 1 | 1 |', '| 乙 | 2 | 2 |'],
  );
  assert.ok(!text.includes('- 1 -') && !text.includes('- 2 -'), text);
  assert.ok(lines.includes('## 一、总体情况') && lines.includes('## 二、主动公开政府信息情况'), text);
  assert.ok(lines.includes('正文 2024 年'), text);
  const row = lines.indexOf('| 乙 | 2 | 2 |');
  assert.deepEqual(places[row], { page: 2, table: 1, row: 4 });
  assert.equal(places[lines.indexOf('| --- | --- | --- |')], null);
});
