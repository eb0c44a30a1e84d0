// Golden tests: the complete model of each of the five published reports, written out by hand from the
// seed text. A seed read wrong anywhere (a cell, a row, a section, the title, a claim, a year) fails here.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ClaimKind, ReportModel, TableId, YearRefKind } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { readSeed, type SeedName } from '../support/seeds';

interface Golden {
  title: { body: string; year: number; text: string };
  sections: { heading: string; subHeadings: string[] }[];
  table2: Record<string, number[]>;
  table3: Record<string, number[]>;
  table4: Record<string, number[]>;
  /** kind, the number claimed (null for statements); for percentages also numerator and denominator. */
  claims: [ClaimKind, number | null, ...number[]][];
  /** year, kind, and the text just around it (to tell which mention it is). */
  years: [number, YearRefKind, string][];
}

const SECTION_HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const GENERAL = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'];

function sections(sub1: string[], sub5: string[]): Golden['sections'] {
  return SECTION_HEADINGS.map((heading, i) => ({ heading, subHeadings: i === 0 ? sub1 : i === 4 ? sub5 : [] }));
}

const ZERO2 = { rules: [0, 0, 0], normative: [0, 0, 0], licensing: [0], penalty: [0], compulsion: [0], fees: [0] };
const Z7 = [0, 0, 0, 0, 0, 0, 0];
const nat = (n: number) => [n, 0, 0, 0, 0, 0, n];
const ZERO3: Record<string, number[]> = {
  new: Z7, carried: Z7, r1: Z7, r2: Z7,
  r3_1: Z7, r3_2: Z7, r3_3: Z7, r3_4: Z7, r3_5: Z7, r3_6: Z7, r3_7: Z7, r3_8: Z7,
  r4_1: Z7, r4_2: Z7, r4_3: Z7,
  r5_1: Z7, r5_2: Z7, r5_3: Z7, r5_4: Z7, r5_5: Z7,
  r6_1: Z7, r6_2: Z7, r6_3: Z7, r7: Z7, forward: Z7,
};
const ZERO4 = { review: [0, 0, 0, 0, 0], direct: [0, 0, 0, 0, 0], after: [0, 0, 0, 0, 0] };

const GOLDEN: Record<SeedName, Golden> = {
  '000_c09face178877b87.txt': {
    title: { body: '老城区人民政府办公室', year: 2024, text: '老城区人民政府办公室2024年政府信息公开工作年\n度报告' },
    sections: sections(GENERAL, ['（一）基层政务公开领域信息公开不全面', '（二）重大行政决策事项意见征集、建议提案答复工作不规范', '（三）信息公开存在滞后现象', '（一）加快完善老城区基层政务公开标准化规范化建设工作', '（二）加强学习', '（三）根据信息公开工作要求']),
    table2: ZERO2,
    table3: {
      new: nat(450), carried: nat(23), r1: nat(52), r2: Z7,
      r3_1: Z7, r3_2: Z7, r3_3: Z7, r3_4: nat(93), r3_5: nat(6), r3_6: nat(7), r3_7: nat(4), r3_8: Z7,
      r4_1: nat(83), r4_2: nat(65), r4_3: Z7,
      r5_1: Z7, r5_2: Z7, r5_3: Z7, r5_4: Z7, r5_5: Z7,
      r6_1: nat(152), r6_2: Z7, r6_3: nat(3), r7: nat(465), forward: nat(8),
    },
    table4: ZERO4,
    claims: [['percent', 95.4, 289, 303], ['received', 473], ['carried-forward', 8], ['no-review-litigation', null], ['fee-none', null]],
    years: [[2024, 'self', '公开：2024年，我'], [2024, 'self', '原则，2024年共收'], [2024, 'self', '确性。2024年，我'], [2024, 'self', '单位 2024年度未']],
  },
  '001_f0cbcda3827e0aad.txt': {
    title: { body: '涧西区人民政府办公室', year: 2024, text: '涧西区人民政府办公室2024年政府信息公开工作年\n度报告' },
    sections: sections(['（一）主动公开政府信息的情况', '（二）依申请政府信息公开情况', '（三）政府信息管理情况', '（四）平台建设的情况', '（五）监督保障的情况'], ['（一）工作中存在的主要问题', '（二）具体解决办法和改进措施']),
    table2: ZERO2,
    table3: ZERO3,
    table4: ZERO4,
    claims: [['fee-none', null]],
    years: [[2024, 'self', '况\n\n2024年，我'], [2024, 'self', '情况\n2024年，我'], [2024, 'self', '标准，2024年度未']],
  },
  '002_400582c34393c453.txt': {
    title: { body: '老城区翠云峰街道办事处', year: 2024, text: '老城区翠云峰街道办事处 2024 年政府信息公开工作 年度报告' },
    sections: sections(GENERAL.map((h) => (h === '（三）政府信息管理' ? '（三）政府信息管理情况' : h)), []),
    table2: { ...ZERO2, penalty: [14] },
    table3: { ...ZERO3, new: nat(2), r3_7: nat(1), r7: nat(1), forward: nat(1) },
    table4: { ...ZERO4, review: [0, 0, 1, 0, 1] },
    claims: [['received', 2], ['handled', 1], ['carried-forward', 1], ['review', 1], ['fee-none', null]],
    years: [[2024, 'self', '况\n\n2024 年，'], [2024, 'self', '实效。2024 年全'], [2024, 'as-of', '截至 2024 年 '], [2024, 'self', '我办 2024 年度']],
  },
  '003_bd5764f2f2266ecc.txt': {
    title: { body: '老城区人民政府办公室', year: 2023, text: '老城区人民政府办公室 2023 年政府信息公开工作年度报告' },
    sections: sections(GENERAL, ['（一）存在问题', '（二）改进措施']),
    table2: { ...ZERO2, normative: [2, 0, 10] },
    table3: {
      new: nat(148), carried: nat(1), r1: nat(36), r2: Z7,
      r3_1: Z7, r3_2: Z7, r3_3: Z7, r3_4: nat(13), r3_5: nat(9), r3_6: nat(7), r3_7: Z7, r3_8: nat(11),
      r4_1: nat(31), r4_2: Z7, r4_3: nat(8),
      r5_1: Z7, r5_2: Z7, r5_3: Z7, r5_4: Z7, r5_5: nat(6),
      r6_1: Z7, r6_2: Z7, r6_3: nat(5), r7: nat(126), forward: nat(23),
    },
    table4: { review: [3, 2, 0, 0, 5], direct: [4, 0, 0, 1, 5], after: [0, 0, 0, 1, 1] },
    claims: [['percent', 93, 475, 512], ['received', 149], ['handled', 126], ['carried-forward', 23], ['review-and-litigation', 5], ['fee-none', null]],
    years: [[2023, 'self', '公开：2023 年，'], [2023, 'self', '3%。2023 年度'], [2023, 'as-of', '截至 2023 年 '], [2023, 'self', '单位 2023 年度']],
  },
  '004_eedfd0bd79a0644a.txt': {
    title: { body: '洛龙区行政审批和政务信息管理局', year: 2024, text: '洛龙区行政审批和政务信息管理局 2024 年政府信息公开工作年度报告' },
    sections: sections(GENERAL.map((h) => (h === '（二）依申请公开' ? '（二）依申请公开办理' : h)), []),
    table2: ZERO2,
    table3: ZERO3,
    table4: ZERO4,
    claims: [['none-received', null], ['fee-none', null]],
    years: [[2024, 'self', '公开：2024 年以'], [2024, 'self', '见》，2024 年我'], [2024, 'self', '单位 2024 年度']],
  },
};

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

function rowsOf(model: ReportModel, id: TableId): Record<string, number[]> {
  const table = model.tables[id];
  assert.ok(table, `${id} not read`);
  assert.deepEqual(table.missingRows, [], `${id} missing rows`);
  const rows: Record<string, number[]> = {};
  for (const row of table.rows) {
    assert.deepEqual(row.extraCells, [], `${id}/${row.rowId} extra cells`);
    rows[row.rowId] = row.cells.map((c) => {
      assert.equal(c.value.kind, 'number', `${id}/${row.rowId}/${c.columnId} is ${c.value.kind} (${JSON.stringify(c.raw)})`);
      return c.value.kind === 'number' ? c.value.value : NaN;
    });
  }
  return rows;
}

for (const [name, golden] of Object.entries(GOLDEN) as [SeedName, Golden][]) {
  const text = readSeed(name);
  const model = parseReport(text);

  test(`${name}: title`, () => {
    const title = model.title!;
    assert.ok(title, 'title not read');
    assert.equal(title.body, golden.title.body);
    assert.equal(title.year, golden.title.year);
    assert.equal(slice(text, title.bodySpan!), golden.title.body);
    assert.equal(slice(text, title.yearSpan!), String(golden.title.year));
    assert.equal(slice(text, title.span), golden.title.text);
    assert.equal(model.isReport, true);
  });

  test(`${name}: sections, headings, bodies and sub-headings`, () => {
    assert.deepEqual(model.sectionIssues, []);
    assert.deepEqual(
      model.sections.map((s) => ({ heading: s.headingText, subHeadings: s.subHeadings.map((h) => h.marker + h.text) })),
      golden.sections,
    );
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    model.sections.forEach((s, i) => {
      assert.equal(slice(text, s.headingSpan), s.headingText, `heading ${s.number} range`);
      // The body runs from the line after the heading to the line of the next heading (or the end).
      assert.equal(s.bodySpan.start, text.indexOf('\n', s.headingSpan.end) + 1, `body ${s.number} start`);
      const next = model.sections[i + 1];
      assert.equal(s.bodySpan.end, next ? text.lastIndexOf('\n', next.headingSpan.start) + 1 : text.length, `body ${s.number} end`);
      for (const h of s.subHeadings) {
        assert.ok(h.span.start >= s.bodySpan.start && h.span.end <= s.bodySpan.end, `${h.marker} inside section ${s.number}`);
        assert.equal(slice(text, h.span).replace(/\s/g, '').replace(/[(]/g, '（').replace(/[)]/g, '）'), (h.marker + h.text).replace(/\s/g, ''));
      }
    });
  });

  test(`${name}: tables 二, 三, 四, every cell`, () => {
    assert.deepEqual(rowsOf(model, 'table2'), golden.table2);
    assert.deepEqual(rowsOf(model, 'table3'), golden.table3);
    assert.deepEqual(rowsOf(model, 'table4'), golden.table4);
    // Row order is the format's order.
    assert.deepEqual(model.tables.table3!.rows.map((r) => r.rowId), Object.keys(ZERO3));
    assert.deepEqual(model.unreadable, []);
    assert.ok(model.balanceNote, 'balance note');
    assert.match(slice(text, model.balanceNote), /^[（(]本列数据的勾稽关系为：第一项加第二项之和，等\n?于第三项加第四项之和[）)]$/);
  });

  test(`${name}: claims and years`, () => {
    assert.deepEqual(
      model.claims.map((c) => [c.kind, c.number?.value ?? null, ...(c.kind === 'percent' ? [c.numerator!.value, c.denominator!.value] : [])]),
      golden.claims,
    );
    for (const c of model.claims) {
      if (c.number) {
        assert.deepEqual(c.span, c.number.valueSpan);
        assert.equal(slice(text, c.number.span).replace(/\s/g, ''), c.number.raw.replace(/\s/g, ''));
      } else {
        assert.equal(slice(text, c.span).replace(/\n/g, ''), c.phrase);
      }
    }
    // Each year with the text around it as written, so that the right mention is pinned.
    assert.deepEqual(
      model.years.map((y, i) => {
        const context = golden.years[i]?.[2] ?? '';
        const from = y.span.start - context.indexOf(String(y.year));
        return [y.year, y.kind, text.slice(from, from + context.length), slice(text, y.span)];
      }),
      golden.years.map(([year, kind, context]) => [year, kind, context, String(year)]),
    );
  });
}
