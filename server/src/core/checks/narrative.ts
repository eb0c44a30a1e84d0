// Figures in the prose against the tables they restate; stated rates against their parts; fees.

import type { Cell, Claim, ReportModel } from '../model';
import type { Locale } from '../i18n';
import { TABLE3_ROWS } from '../schema';
import { columnName, rowName, TABLE3_ORGANISATION_COLUMNS, tableValues, type TableValues } from '../values';
import { finding, type Finding, type Related } from './rules';

/** One way of reading a claim: the table figure it would restate. */
interface Reading {
  zh: string;
  en: string;
  value: number;
  cells: Cell[];
}

function reading(values: TableValues, keys: [string, string][], zh: string, en: string): Reading | null {
  const value = values.sum(keys);
  return value === null ? null : { zh, en, value, cells: values.cellsOf(keys) };
}

const total = (rowId: string): [string, string][] => [[rowId, 'total']];
const columnsOf = (rowIds: string[], columns: string[]): [string, string][] => rowIds.flatMap((r) => columns.map((c): [string, string] => [r, c]));

/** The numbered sub-rows of a result group of table 三 (（三） → 1.–8.). */
const subRows = (group: string): string[] => TABLE3_ROWS.filter((r) => r.group === group && r.numeric).map((r) => r.id);
const totalsOf = (rowIds: string[]): [string, string][] => rowIds.map((r): [string, string] => [r, 'total']);

/** A result group's total: the sum of its sub-rows' 总计, or the single （六） row of the 2019 layout. */
function groupReading(t3: TableValues, group: 'r3' | 'r4' | 'r5' | 'r6', zh: string, en: string): Reading | null {
  if (group === 'r6' && t3.table.sixSingle) return reading(t3, total('r6'), zh, en);
  const rows = subRows(group);
  return reading(t3, totalsOf(rows), `${zh}（1–${rows.length} 项合计）`, `${en} (items 1–${rows.length} together)`);
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
      const part = r.cells.length > 1 ? `${rowName(cell.table, cell.rowId)} / ${columnName(cell.table, cell.columnId)}` : null;
      const message = locale === 'zh' ? `${r.zh}${part ? `中的“${part}”` : ''}：${cell.raw}` : `${r.en}${part ? `, part “${part}”` : ''}: ${cell.raw}`;
      result.push({ span: cell.span, message });
    }
  }
  return result;
}

function mismatch(claim: Claim, readings: Reading[], locale: Locale, source: string): Finding {
  const described = readings.map((r) => (locale === 'zh' ? `${r.zh}为 ${r.value}` : `${r.en} is ${r.value}`)).join(locale === 'zh' ? '，' : '; ');
  return finding(
    'narrative.count-mismatch',
    claim.span,
    locale === 'zh'
      ? `正文“${claim.phrase}”与${source}不符：${described}；请核对正文或表格`
      : `“${claim.phrase}” contradicts ${source === '表三' ? 'table 3' : 'table 4'}: ${described}; check the text or the table`,
    {
      severity: readings.length === 1 ? 'error' : 'warning',
      related: relatedOf(readings, locale),
      fixes: readings.length === 1 ? [{ title: locale === 'zh' ? `将正文数字改为 ${readings[0].value}（按表格）` : `Change the figure to ${readings[0].value} (as in the table)`, edits: [{ span: claim.span, newText: String(readings[0].value) }], preferred: false }] : [],
    },
  );
}

function checkTable4Claim(claim: Claim, t4: TableValues, locale: Locale): Finding | null {
  const review = reading(t4, REVIEW_TOTAL, '行政复议总计', 'reconsideration total');
  const litigation = reading(t4, LITIGATION_TOTAL, '行政诉讼总计（直接起诉＋复议后起诉）', 'litigation total (direct + after reconsideration)');
  if (!review || !litigation) return null;
  if (claim.kind === 'review' || claim.kind === 'litigation') {
    const r = claim.kind === 'review' ? review : litigation;
    return claim.number!.value === r.value ? null : mismatch(claim, [r], locale, '表四');
  }
  if (claim.kind === 'review-and-litigation') {
    const claimed = claim.number!.value;
    const both = review.value + litigation.value;
    if (claimed === both) return null;
    if (claimed !== review.value && claimed !== litigation.value) {
      const combined: Reading = { zh: '两者合计', en: 'both together', value: both, cells: [...review.cells, ...litigation.cells] };
      return mismatch(claim, [review, litigation, combined], locale, '表四');
    }
    const direct = t4.num('direct', 'total');
    const after = t4.num('after', 'total');
    return finding(
      'narrative.ambiguous-count',
      claim.span,
      locale === 'zh'
        ? `“${claim.phrase}”把行政复议和行政诉讼并在一起，含义不明：表四中行政复议 ${review.value} 件，行政诉讼 ${litigation.value} 件（直接起诉 ${direct} 件、复议后起诉 ${after} 件），合计 ${both} 件；${claimed} 件只与${claimed === review.value ? '行政复议' : '行政诉讼'}相符，请分别写明复议和诉讼的件数`
        : `“${claim.phrase}” lumps reconsideration and litigation together: table 4 has ${review.value} reconsideration and ${litigation.value} litigation cases (${direct} direct, ${after} after reconsideration), ${both} in all; ${claimed} matches only ${claimed === review.value ? 'reconsideration' : 'litigation'}, so state each kind separately`,
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
      locale === 'zh'
        ? `正文称“${claim.phrase}”，但表三本年新收为 ${received.value} 件；请核对正文或表格`
        : `The text says “${claim.phrase}” but table 3 shows ${received.value} received; check the text or the table`,
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
      locale === 'zh'
        ? `正文称“${claim.phrase}”，但表四${nonZero.map((r) => `${r.zh}为 ${r.value} 件`).join('，')}；请核对正文或表格`
        : `The text says “${claim.phrase}” but table 4 shows ${nonZero.map((r) => `${r.en} ${r.value}`).join(', ')}; check the text or the table`,
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
      locale === 'zh'
        ? `正文称“${claim.phrase}”，但表四${nonZero.map((r) => `${r.zh}为 ${r.value} 件`).join('，')}；请核对正文或表格`
        : `The text says “${claim.phrase}” but table 4 shows ${nonZero.map((r) => `${r.en} ${r.value}`).join(', ')}; check the text or the table`,
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
  const described = rates
    .map(({ r, exact }) => {
      const expected = fixed(exact);
      return locale === 'zh' ? `占${r.zh} ${r.value} 的 ${expected}%` : `${expected}% of ${r.en}, ${r.value}`;
    })
    .join(locale === 'zh' ? '，' : '; ');
  return finding(
    'narrative.percent',
    claim.span,
    locale === 'zh'
      ? `正文“${claim.phrase}”与表三不符：${numerator.value} 件应为${described}，实写 ${stated.raw}；请核对`
      : `“${claim.phrase}” does not match table 3: ${numerator.value} is ${described}, but ${stated.raw} is written; check it`,
    {
      related: [
        { span: numerator.span, message: locale === 'zh' ? `分子：${numerator.raw}` : `Numerator: ${numerator.raw}` },
        ...relatedOf(distinct, locale),
      ],
      fixes:
        distinct.length === 1
          ? [{ title: locale === 'zh' ? `改为 ${fixed(rates[0].exact)}%` : `Change to ${fixed(rates[0].exact)}%`, edits: [{ span: claim.span, newText: fixed(rates[0].exact) }], preferred: false }]
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
    locale === 'zh'
      ? `比率应为 ${expectedText}%（${numerator.value} ÷ ${denominator.value} = ${exact.toFixed(2)}%），实写 ${stated.raw}；请核对`
      : `The rate should be ${expectedText}% (${numerator.value} ÷ ${denominator.value} = ${exact.toFixed(2)}%) but ${stated.raw} is written; check it`,
    {
      related: [
        { span: numerator.span, message: locale === 'zh' ? `分子：${numerator.raw}` : `Numerator: ${numerator.raw}` },
        { span: denominator.span, message: locale === 'zh' ? `分母：${denominator.raw}` : `Denominator: ${denominator.raw}` },
      ],
      fixes: [{ title: locale === 'zh' ? `改为 ${expectedText}%` : `Change to ${expectedText}%`, edits: [{ span: claim.span, newText: expectedText }], preferred: false }],
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
        locale === 'zh'
          ? `此处写明收取信息处理费 ${amount.number!.raw}，与“${none.phrase}”矛盾；请核对`
          : `A fee of ${amount.number!.raw} is stated here, contradicting “${none.phrase}”; check it`,
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
          locale === 'zh'
            ? `表三有 ${lapsed} 件申请因逾期未缴纳信息处理费而不再处理，但第六部分未说明信息处理费的收取情况；请在“六、其他需要报告的事项”中写明`
            : `Table 3 shows ${lapsed} request(s) lapsed for an unpaid processing fee, but section 6 says nothing about fees; state the fees collected there`,
        ),
      );
    }
  }
  return findings;
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
      if (readings.length > 0 && !readings.some((r) => r.value === claim.number!.value)) problem = mismatch(claim, readings, locale, '表三');
    }
    if (problem) findings.push(problem);
  }
  findings.push(...checkFees(model, locale));
  return findings;
}
