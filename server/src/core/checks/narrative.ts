// Figures in the prose against the tables they restate; stated rates against their parts; fees.

import type { Cell, Claim, ReportModel } from '../model';
import type { Locale } from '../i18n';
import { message } from '../messages';
import { TABLE3_ROWS } from '../schema';
import { columnName, rowName, TABLE3_ORGANISATION_COLUMNS, tableValues, type TableValues } from '../values';
import { finding, type Finding, type Related } from './rules';

/**
 * One way of reading a claim: the table figure it would restate. Its name in both languages is data (like the
 * schema's); `items`: a result group summed over its numbered sub-rows (the catalog says so).
 */
export interface Reading {
  zh: string;
  en: string;
  items?: number;
  value: number;
  cells: Cell[];
}

function reading(values: TableValues, keys: [string, string][], zh: string, en: string, items?: number): Reading | null {
  const value = values.sum(keys);
  return value === null ? null : { zh, en, ...(items === undefined ? {} : { items }), value, cells: values.cellsOf(keys) };
}

/** What a reading is, in the locale. */
const nameOf = (r: Reading, locale: Locale): string => message(locale, 'narrative.reading', { name: r[locale], items: r.items });
const named = (readings: Reading[], locale: Locale) => readings.map((r) => ({ label: nameOf(r, locale), value: r.value }));

const total = (rowId: string): [string, string][] => [[rowId, 'total']];
const columnsOf = (rowIds: string[], columns: string[]): [string, string][] => rowIds.flatMap((r) => columns.map((c): [string, string] => [r, c]));

/** The numbered sub-rows of a result group of table 三 (（三） → 1.–8.). */
const subRows = (group: string): string[] => TABLE3_ROWS.filter((r) => r.group === group && r.numeric).map((r) => r.id);
const totalsOf = (rowIds: string[]): [string, string][] => rowIds.map((r): [string, string] => [r, 'total']);

/** A result group's total: the sum of its sub-rows' 总计, or the single （六） row of the 2019 layout. */
function groupReading(t3: TableValues, group: 'r3' | 'r4' | 'r5' | 'r6', zh: string, en: string): Reading | null {
  if (group === 'r6' && t3.table.sixSingle) return reading(t3, total('r6'), zh, en);
  const rows = subRows(group);
  return reading(t3, totalsOf(rows), zh, en, rows.length);
}

/** The readings a table-三 claim accepts; any one matching is enough. */
function table3Readings(claim: Claim, t3: TableValues, model: ReportModel): Reading[] {
  const list: (Reading | null)[] = [];
  switch (claim.kind) {
    case 'disclosed':
      list.push(reading(t3, total('r1'), '（一）予以公开', '(1) disclosed'));
      // A report that does not give 部分公开 a figure of its own may count it in 予以公开.
      if (!model.claims.some((c) => c.kind === 'partly-disclosed')) {
        list.push(reading(t3, [...total('r1'), ...total('r2')], '（一）予以公开加（二）部分公开', '(1) disclosed plus (2) partly disclosed'));
      }
      break;
    case 'partly-disclosed':
      list.push(reading(t3, total('r2'), '（二）部分公开', '(2) partly disclosed'));
      break;
    case 'refused':
      list.push(groupReading(t3, 'r3', '（三）不予公开', '(3) refused'));
      break;
    case 'unavailable':
      list.push(groupReading(t3, 'r4', '（四）无法提供', '(4) cannot be provided'));
      break;
    case 'not-processed':
      list.push(groupReading(t3, 'r5', '（五）不予处理', '(5) not handled'));
      break;
    case 'other-processed':
      list.push(groupReading(t3, 'r6', '（六）其他处理', '(6) other outcomes'));
      break;
    case 'received':
      list.push(reading(t3, total('new'), '本年新收（第一项）', 'received this year (item 1)'));
      list.push(reading(t3, [...total('new'), ...total('carried')], '本年新收加上年结转（第一项＋第二项）', 'received plus carried over (items 1 + 2)'));
      break;
    case 'new':
      list.push(reading(t3, total('new'), '本年新收（第一项）', 'received this year (item 1)'));
      break;
    case 'carried-over':
      list.push(reading(t3, total('carried'), '上年结转（第二项）', 'carried over (item 2)'));
      break;
    case 'handled':
      list.push(reading(t3, total('r7'), '办理结果总计（（七）总计）', 'results total ((7) total)'));
      break;
    case 'carried-forward':
      list.push(reading(t3, total('forward'), '结转下年度继续办理（第四项）', 'carried forward (item 4)'));
      break;
    case 'natural-person':
      list.push(reading(t3, [['new', 'natural']], '自然人本年新收', 'new applications from individuals'));
      list.push(reading(t3, columnsOf(['new', 'carried'], ['natural']), '自然人新收加结转', 'individuals, new plus carried over'));
      break;
    case 'legal-person':
      list.push(reading(t3, columnsOf(['new'], TABLE3_ORGANISATION_COLUMNS), '法人或其他组织本年新收', 'new applications from organisations'));
      list.push(reading(t3, columnsOf(['new', 'carried'], TABLE3_ORGANISATION_COLUMNS), '法人或其他组织新收加结转', 'organisations, new plus carried over'));
      break;
    default:
      break;
  }
  return list.filter((r): r is Reading => r !== null);
}

const REVIEW_TOTAL: [string, string][] = [['review', 'total']];
const LITIGATION_TOTAL: [string, string][] = [['direct', 'total'], ['after', 'total']];

function relatedOf(readings: Reading[], locale: Locale): Related[] {
  const seen = new Set<Cell>();
  const result: Related[] = [];
  for (const r of readings) {
    for (const cell of r.cells) {
      if (seen.has(cell)) continue;
      seen.add(cell);
      // A reading summed over several cells names each cell, so that "行政诉讼总计：5" and "：1" are not both shown as the total.
      const part = r.cells.length > 1 ? message(locale, 'place', { row: rowName(cell.table, cell.rowId), column: columnName(cell.table, cell.columnId) }) : null;
      result.push({ span: cell.span, message: message(locale, 'narrative.related', { reading: nameOf(r, locale), part, raw: cell.raw }) });
    }
  }
  return result;
}

function mismatch(claim: Claim, readings: Reading[], locale: Locale, table: 'table3' | 'table4'): Finding {
  return finding(
    'narrative.count-mismatch',
    claim.span,
    message(locale, 'narrative.count-mismatch', { phrase: claim.phrase, table, readings: named(readings, locale) }),
    {
      severity: readings.length === 1 ? 'error' : 'warning',
      related: relatedOf(readings, locale),
      fixes: readings.length === 1 ? [{ title: message(locale, 'fix.narrative-figure', { value: readings[0].value }), edits: [{ span: claim.span, newText: String(readings[0].value) }], preferred: false }] : [],
    },
  );
}

function checkTable4Claim(claim: Claim, t4: TableValues, locale: Locale): Finding | null {
  const review = reading(t4, REVIEW_TOTAL, '行政复议总计', 'reconsideration total');
  const litigation = reading(t4, LITIGATION_TOTAL, '行政诉讼总计（直接起诉＋复议后起诉）', 'litigation total (direct + after reconsideration)');
  if (!review || !litigation) return null;
  if (claim.kind === 'review' || claim.kind === 'litigation') {
    const r = claim.kind === 'review' ? review : litigation;
    return claim.number!.value === r.value ? null : mismatch(claim, [r], locale, 'table4');
  }
  if (claim.kind === 'review-and-litigation') {
    const claimed = claim.number!.value;
    const both = review.value + litigation.value;
    if (claimed === both) return null;
    if (claimed !== review.value && claimed !== litigation.value) {
      const combined: Reading = { zh: '两者合计', en: 'both together', value: both, cells: [...review.cells, ...litigation.cells] };
      return mismatch(claim, [review, litigation, combined], locale, 'table4');
    }
    const direct = t4.num('direct', 'total');
    const after = t4.num('after', 'total');
    return finding(
      'narrative.ambiguous-count',
      claim.span,
      message(locale, 'narrative.ambiguous-count', {
        phrase: claim.phrase,
        review: review.value,
        litigation: litigation.value,
        direct,
        after,
        both,
        claimed,
        matches: claimed === review.value ? 'review' : 'litigation',
      }),
      { related: relatedOf([review, litigation], locale) },
    );
  }
  return null;
}

function checkStatement(claim: Claim, model: ReportModel, locale: Locale): Finding | null {
  if (claim.kind === 'none-received') {
    const t3 = tableValues(model, 'table3');
    const received = t3 && reading(t3, total('new'), '本年新收（第一项）', 'received this year (item 1)');
    if (!received || received.value === 0) return null;
    return finding(
      'narrative.count-mismatch',
      claim.span,
      message(locale, 'narrative.none-received', { phrase: claim.phrase, received: received.value }),
      { severity: 'error', related: relatedOf([received], locale) },
    );
  }
  if (claim.kind === 'no-corrected') {
    const t4 = tableValues(model, 'table4');
    if (!t4) return null;
    const readings: (Reading | null)[] = [];
    if (/复议/.test(claim.phrase) && /纠错|纠正|撤销|确认违法|被改变|被变更/.test(claim.phrase)) {
      readings.push(reading(t4, [['review', 'corrected']], '行政复议结果纠正', 'reconsideration corrected'));
    }
    if (/诉讼|起诉/.test(claim.phrase) && /败诉|纠错|纠正|撤销|确认违法/.test(claim.phrase)) {
      readings.push(reading(t4, [['direct', 'corrected'], ['after', 'corrected']], '行政诉讼结果纠正（直接起诉＋复议后起诉）', 'litigation corrected (direct + after reconsideration)'));
    }
    const nonZero = readings.filter((r): r is Reading => r !== null && r.value !== 0);
    if (nonZero.length === 0) return null;
    return finding(
      'narrative.count-mismatch',
      claim.span,
      message(locale, 'narrative.table4-statement', { phrase: claim.phrase, readings: named(nonZero, locale) }),
      { severity: 'error', related: relatedOf(nonZero, locale) },
    );
  }
  if (claim.kind === 'no-review-litigation') {
    const t4 = tableValues(model, 'table4');
    if (!t4) return null;
    const readings: Reading[] = [];
    if (claim.phrase.includes('复议')) readings.push(...[reading(t4, REVIEW_TOTAL, '行政复议总计', 'reconsideration total')].filter((r): r is Reading => r !== null));
    if (claim.phrase.includes('诉讼')) readings.push(...[reading(t4, LITIGATION_TOTAL, '行政诉讼总计', 'litigation total')].filter((r): r is Reading => r !== null));
    const nonZero = readings.filter((r) => r.value !== 0);
    if (nonZero.length === 0) return null;
    return finding(
      'narrative.count-mismatch',
      claim.span,
      message(locale, 'narrative.table4-statement', { phrase: claim.phrase, readings: named(nonZero, locale) }),
      { severity: 'error', related: relatedOf(nonZero, locale) },
    );
  }
  return null;
}

/** Rounds a ratio to the decimals written, the way a report author would. */
function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor + 1e-9) / factor;
}

/**
 * "予以公开 1362 件（占 43.7%）" with no total in the sentence: the share of the applications the table counts,
 * read as （七）总计, 一 or 一＋二. Any of them matching at the precision written is enough.
 */
function checkShare(claim: Claim, t3: TableValues | null, locale: Locale): Finding | null {
  if (!t3) return null;
  const stated = claim.number!;
  const numerator = claim.numerator!;
  const wholes = [
    reading(t3, total('r7'), '办理结果总计（（七）总计）', 'results total ((7) total)'),
    reading(t3, total('new'), '本年新收（第一项）', 'received this year (item 1)'),
    reading(t3, [...total('new'), ...total('carried')], '本年新收加上年结转（第一项＋第二项）', 'received plus carried over (items 1 + 2)'),
  ].filter((r): r is Reading => r !== null && r.value > 0);
  // Equal wholes are one reading, named once.
  const distinct = wholes.filter((r, i) => wholes.findIndex((o) => o.value === r.value) === i);
  if (distinct.length === 0) return null;
  const fixed = (exact: number) => roundTo(exact, stated.decimals).toFixed(stated.decimals);
  const rates = distinct.map((r) => ({ r, exact: (numerator.value / r.value) * 100 }));
  if (rates.some(({ exact }) => Math.abs(roundTo(exact, stated.decimals) - stated.value) < 1e-9)) return null;
  const shares = rates.map(({ r, exact }) => ({ label: nameOf(r, locale), value: r.value, expected: fixed(exact) }));
  return finding(
    'narrative.percent',
    claim.span,
    message(locale, 'narrative.share', { phrase: claim.phrase, numerator: numerator.value, shares, raw: stated.raw }),
    {
      related: [
        { span: numerator.span, message: message(locale, 'narrative.numerator', { raw: numerator.raw }) },
        ...relatedOf(distinct, locale),
      ],
      fixes:
        distinct.length === 1
          ? [{ title: message(locale, 'fix.percent', { value: fixed(rates[0].exact) }), edits: [{ span: claim.span, newText: fixed(rates[0].exact) }], preferred: false }]
          : [],
    },
  );
}

function checkPercent(claim: Claim, t3: TableValues | null, locale: Locale): Finding | null {
  if (!claim.denominator) return checkShare(claim, t3, locale);
  const stated = claim.number!;
  const numerator = claim.numerator!;
  const denominator = claim.denominator;
  if (denominator.value === 0) return null;
  const exact = (numerator.value / denominator.value) * 100;
  const expected = roundTo(exact, stated.decimals);
  if (Math.abs(expected - stated.value) < 1e-9) return null;
  const expectedText = expected.toFixed(stated.decimals);
  return finding(
    'narrative.percent',
    claim.span,
    message(locale, 'narrative.percent', { expected: expectedText, numerator: numerator.value, denominator: denominator.value, exact: exact.toFixed(2), raw: stated.raw }),
    {
      related: [
        { span: numerator.span, message: message(locale, 'narrative.numerator', { raw: numerator.raw }) },
        { span: denominator.span, message: message(locale, 'narrative.denominator', { raw: denominator.raw }) },
      ],
      fixes: [{ title: message(locale, 'fix.percent', { value: expectedText }), edits: [{ span: claim.span, newText: expectedText }], preferred: false }],
    },
  );
}

function checkFees(model: ReportModel, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  const none = model.claims.find((c) => c.kind === 'fee-none');
  for (const amount of model.claims.filter((c) => c.kind === 'fee-amount' && c.number!.value > 0)) {
    if (!none) continue;
    findings.push(
      finding(
        'narrative.fee',
        amount.span,
        message(locale, 'narrative.fee', { amount: amount.number!.raw, phrase: none.phrase }),
        { related: [{ span: none.span, message: none.phrase }] },
      ),
    );
  }
  const t3 = tableValues(model, 'table3');
  const lapsed = t3?.num('r6_2', 'total');
  const sixth = model.sections.find((s) => s.number === 6);
  if (t3 && lapsed && lapsed > 0) {
    const sixthText = sixth ? model.text.slice(sixth.bodySpan.start, sixth.bodySpan.end) : '';
    if (!/处理费|收费/.test(sixthText)) {
      const cell = t3.cell('r6_2', 'total')!;
      findings.push(
        finding(
          'narrative.fee',
          cell.span,
          message(locale, 'narrative.fee-lapsed', { lapsed }),
        ),
      );
    }
  }
  return findings;
}

/** What a reading is, in the locale (the name the findings use). */
export const readingName = nameOf;

/**
 * The table figures a claim with a number restates, as the checks read it (any one matching is enough): for the
 * hover on a prose figure. [] for claims that restate no table figure (rates, fees) or when the table is not read.
 */
export function claimReadings(claim: Claim, model: ReportModel): Reading[] {
  if (!claim.number || claim.kind === 'percent' || claim.kind === 'fee-amount') return [];
  if (claim.kind === 'review' || claim.kind === 'litigation' || claim.kind === 'review-and-litigation') {
    const t4 = tableValues(model, 'table4');
    const review = t4 && reading(t4, REVIEW_TOTAL, '行政复议总计', 'reconsideration total');
    const litigation = t4 && reading(t4, LITIGATION_TOTAL, '行政诉讼总计（直接起诉＋复议后起诉）', 'litigation total (direct + after reconsideration)');
    if (!review || !litigation) return [];
    if (claim.kind === 'review') return [review];
    if (claim.kind === 'litigation') return [litigation];
    return [review, litigation, { zh: '两者合计', en: 'both together', value: review.value + litigation.value, cells: [...review.cells, ...litigation.cells] }];
  }
  const t3 = tableValues(model, 'table3');
  return t3 ? table3Readings(claim, t3, model) : [];
}

export function checkNarrative(model: ReportModel, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  const t3 = tableValues(model, 'table3');
  const t4 = tableValues(model, 'table4');
  for (const claim of model.claims) {
    let problem: Finding | null = null;
    if (claim.kind === 'percent') problem = checkPercent(claim, t3, locale);
    else if (claim.kind === 'review' || claim.kind === 'litigation' || claim.kind === 'review-and-litigation') problem = t4 && checkTable4Claim(claim, t4, locale);
    else if (claim.kind === 'none-received' || claim.kind === 'no-review-litigation' || claim.kind === 'no-corrected') problem = checkStatement(claim, model, locale);
    else if (claim.number && t3) {
      const readings = table3Readings(claim, t3, model);
      if (readings.length > 0 && !readings.some((r) => r.value === claim.number!.value)) problem = mismatch(claim, readings, locale, 'table3');
    }
    if (problem) findings.push(problem);
  }
  findings.push(...checkFees(model, locale));
  return findings;
}
