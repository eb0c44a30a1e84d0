// The parser never throws and returns in bounded time, whatever the text: empty, garbage, truncated or
// mangled seeds, very large or very long-lined input. CRLF line endings read the same as LF.
// Random inputs come from a seeded PRNG, so a failure names a reproducible case.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReportModel } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { cellValues } from '../support/layouts';
import { EDIT_ALPHABET, prng, randomInt } from '../support/random';
import { readSeed, SEED_NAMES } from '../support/seeds';

/** Parses, checking that it does not throw and that every range in the model lies inside the text. */
function parseChecked(text: string, what: string): ReportModel {
  let model: ReportModel;
  try {
    model = parseReport(text);
  } catch (error) {
    assert.fail(`${what}: threw ${(error as Error).stack}`);
  }
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object' || typeof value === 'string') return;
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') {
      assert.ok(o.start >= 0 && o.start <= o.end && o.end <= text.length, `${what}: range ${path} ${o.start}-${o.end} outside 0-${text.length}`);
      return;
    }
    for (const [key, child] of Object.entries(o)) if (key !== 'text' && key !== 'lineStarts') visit(child, `${path}.${key}`);
  };
  visit(model, 'model');
  return model;
}

function timed<T>(limitMs: number, what: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  const elapsed = performance.now() - start;
  assert.ok(elapsed < limitMs, `${what}: ${elapsed.toFixed(0)} ms (limit ${limitMs} ms)`);
  return result;
}

const SEEDS = SEED_NAMES.map((name) => ({ name, text: readSeed(name) }));

test('empty text, only newlines, only whitespace', () => {
  for (const text of ['', '\n', '\n'.repeat(10_000), '\r\n'.repeat(1000), '\r'.repeat(100), ' \t\u3000'.repeat(1000)]) {
    const model = parseChecked(text, JSON.stringify(text.slice(0, 8)));
    assert.equal(model.isReport, false);
    assert.deepEqual(model.tables, {});
    assert.deepEqual(model.sections, []);
  }
});

test('random Unicode and random bytes decoded as UTF-8', () => {
  const random = prng(1);
  for (let i = 0; i < 300; i++) {
    const length = randomInt(random, 400);
    let text = '';
    for (let j = 0; j < length; j++) text += String.fromCharCode(randomInt(random, 0x10000));
    parseChecked(text, `unicode #${i}`);
    const bytes = Buffer.from(Array.from({ length }, () => randomInt(random, 256)));
    parseChecked(bytes.toString('utf8'), `bytes #${i}`);
  }
});

for (const { name, text } of SEEDS) {
  test(`${name}: truncated at 200 random points`, () => {
    const random = prng(2);
    for (let i = 0; i < 200; i++) {
      const at = randomInt(random, text.length + 1);
      parseChecked(text.slice(0, at), `truncated at ${at}`);
    }
  });

  test(`${name}: random characters deleted and inserted`, () => {
    const random = prng(3);
    for (let i = 0; i < 200; i++) {
      let mangled = text;
      const edits = 1 + randomInt(random, 20);
      for (let j = 0; j < edits; j++) {
        const at = randomInt(random, mangled.length + 1);
        const ch = EDIT_ALPHABET[randomInt(random, EDIT_ALPHABET.length)];
        mangled = random() < 0.5 ? mangled.slice(0, at) + mangled.slice(at + 1 + randomInt(random, 3)) : mangled.slice(0, at) + ch + mangled.slice(at);
      }
      parseChecked(mangled, `case #${i}`);
    }
  });

  test(`${name}: CRLF line endings give the same cell values as LF`, () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const model = parseChecked(crlf, 'CRLF');
    assert.deepEqual(cellValues(model), cellValues(parseReport(text)));
    assert.deepEqual(model.sections.map((s) => s.headingText), parseReport(text).sections.map((s) => s.headingText));
    for (const cell of Object.values(model.tables).flatMap((t) => t.rows.flatMap((r) => r.cells))) {
      assert.equal(crlf.slice(cell.span.start, cell.span.end), cell.raw);
    }
  });
}

test('a 1 MB concatenation of the seeds', () => {
  let big = '';
  for (let i = 0; big.length < 1_000_000; i++) big += SEEDS[i % SEEDS.length].text + '\n';
  const model = timed(3000, '1 MB', () => parseChecked(big, '1 MB'));
  assert.equal(model.title?.body, '老城区人民政府办公室');
});

test('extremely long lines', () => {
  const cases: [string, string][] = [
    ['100k numbers on one line', '0 '.repeat(100_000)],
    ['1M characters of text on one line', '一、总体情况\n' + '规章'.repeat(500_000)],
    ['30k label-number pairs in table 三', '三、收到和处理政府信息公开申请情况\n' + '规章 1 '.repeat(30_000)],
    ['30k pipe rows in table 二', '二、主动公开政府信息情况\n' + '| 规章 | 1 | 2 | 3 |\n'.repeat(30_000)],
    // Once overflowed the stack (fields.push(...fields of the line)): the CLI crashed, the server stopped answering.
    ['one table line of 125,000 tab fields (245 KB)', '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量' + '\t1'.repeat(125_000)],
    ['100k values after table 四', '四、政府信息公开行政复议、行政诉讼情况\n行政复议\n' + '1 '.repeat(100_000)],
    ['500k brackets', '（'.repeat(500_000)],
    ['500k pipes', '|'.repeat(500_000)],
    ['30k sentences with claims', '本年共收到政府信息公开申请 5 件，采用率 50%。'.repeat(30_000)],
  ];
  // Linear work: each case takes well under a second; the limit leaves room for a loaded machine.
  for (const [what, text] of cases) timed(4000, what, () => parseChecked(text, what));
});
