// The title block: issuing body and report year in every form a title is published in (year first, body first,
// broken over lines, the body on a line of its own above or below, spaced out, among page numbers and blank lines),
// with exact spans; and text that merely mentions a report is not read as a title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReport } from '../../server/src/core/parse';

interface Expected {
  body: string | null;
  year: number;
  /** The source text under bodySpan, yearSpan and span. */
  bodyText: string | null;
  yearText: string;
  titleText: string;
}

function readTitle(text: string): Expected & { isReport: boolean } {
  const model = parseReport(text);
  const title = model.title;
  assert.ok(title, `no title read in ${JSON.stringify(text)}`);
  return {
    isReport: model.isReport,
    body: title.body,
    year: title.year!,
    bodyText: title.bodySpan ? text.slice(title.bodySpan.start, title.bodySpan.end) : null,
    yearText: text.slice(title.yearSpan!.start, title.yearSpan!.end),
    titleText: text.slice(title.span.start, title.span.end),
  };
}

const CASES: [string, string, Expected][] = [
  [
    'year first, body between the year and 政府信息公开',
    '2024年淮安市人民政府政府信息公开工作年度报告\n\n一、总体情况\n',
    { body: '淮安市人民政府', year: 2024, bodyText: '淮安市人民政府', yearText: '2024', titleText: '2024年淮安市人民政府政府信息公开工作年度报告' },
  ],
  [
    'year first, a 办公厅',
    '2019年上海市人民政府办公厅政府信息公开工作年度报告\n',
    { body: '上海市人民政府办公厅', year: 2019, bodyText: '上海市人民政府办公厅', yearText: '2019', titleText: '2019年上海市人民政府办公厅政府信息公开工作年度报告' },
  ],
  [
    'year first, the body\'s 政府 shared with 政府信息公开',
    '2023年某县人民政府信息公开工作年度报告\n',
    { body: '某县人民政府', year: 2023, bodyText: '某县人民政府', yearText: '2023', titleText: '2023年某县人民政府信息公开工作年度报告' },
  ],
  [
    'body first, no 工作, prose after',
    '沭阳县发展和改革局2023年政府信息公开年度报告\n根据《中华人民共和国政府信息公开条例》要求，现向社会公布。\n一、总体情况\n',
    { body: '沭阳县发展和改革局', year: 2023, bodyText: '沭阳县发展和改革局', yearText: '2023', titleText: '沭阳县发展和改革局2023年政府信息公开年度报告' },
  ],
  [
    'body on the line above',
    '淮安市洪泽区人民政府\n2023年政府信息公开工作年度报告\n',
    { body: '淮安市洪泽区人民政府', year: 2023, bodyText: '淮安市洪泽区人民政府', yearText: '2023', titleText: '淮安市洪泽区人民政府\n2023年政府信息公开工作年度报告' },
  ],
  [
    'split as 年度…工作 / 年度报告, body above',
    '某县民政局\n2023年度政府信息公开工作\n年度报告\n',
    { body: '某县民政局', year: 2023, bodyText: '某县民政局', yearText: '2023', titleText: '某县民政局\n2023年度政府信息公开工作\n年度报告' },
  ],
  [
    'page number and blank lines around, "2023 年"',
    '- 1 -\n\n洪泽区人民政府\n\n2023 年政府信息公开工作年度报告\n\n本报告由淮安市洪泽区人民政府办公室根据《条例》编制。\n',
    { body: '洪泽区人民政府', year: 2023, bodyText: '洪泽区人民政府', yearText: '2023', titleText: '洪泽区人民政府\n\n2023 年政府信息公开工作年度报告' },
  ],
  [
    'PDF layout indentation',
    '                洪泽区人民政府\n      2023 年政府信息公开工作年度报告\n\n   本报告由区政府办公室编制。\n',
    { body: '洪泽区人民政府', year: 2023, bodyText: '洪泽区人民政府', yearText: '2023', titleText: '洪泽区人民政府\n      2023 年政府信息公开工作年度报告' },
  ],
  [
    'body on the line below',
    '\n2023 年政府信息公开工作年度报告\n洪泽区人民政府\n\n本报告由区政府办公室编制。\n',
    { body: '洪泽区人民政府', year: 2023, bodyText: '洪泽区人民政府', yearText: '2023', titleText: '2023 年政府信息公开工作年度报告\n洪泽区人民政府' },
  ],
  [
    'spaced out character by character',
    '洪 泽 区 人 民 政 府\n2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告\n',
    { body: '洪泽区人民政府', year: 2023, bodyText: '洪 泽 区 人 民 政 府', yearText: '2 0 2 3', titleText: '洪 泽 区 人 民 政 府\n2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告' },
  ],
  [
    'the body itself broken over two lines',
    '淮安市洪泽区人民\n政府2023年政府信息公开工作年度报告\n',
    { body: '淮安市洪泽区人民政府', year: 2023, bodyText: '淮安市洪泽区人民\n政府', yearText: '2023', titleText: '淮安市洪泽区人民\n政府2023年政府信息公开工作年度报告' },
  ],
  [
    'year in Chinese numerals',
    '二〇二三年度某市统计局政府信息公开工作年度报告\n',
    { body: '某市统计局', year: 2023, bodyText: '某市统计局', yearText: '二〇二三', titleText: '二〇二三年度某市统计局政府信息公开工作年度报告' },
  ],
  [
    'full-width digits, CRLF',
    '某市统计局２０２３年政府信息公开工作年度报告\r\n\r\n一、总体情况\r\n',
    { body: '某市统计局', year: 2023, bodyText: '某市统计局', yearText: '２０２３', titleText: '某市统计局２０２３年政府信息公开工作年度报告' },
  ],
  [
    'a banner line above a title that names its own body',
    '某市人民政府\n某市交通运输局2023年政府信息公开工作年度报告\n',
    { body: '某市交通运输局', year: 2023, bodyText: '某市交通运输局', yearText: '2023', titleText: '某市交通运输局2023年政府信息公开工作年度报告' },
  ],
  [
    'Markdown heading in bold',
    '# **某局 2023 年政府信息公开工作年度报告**\n',
    { body: '某局', year: 2023, bodyText: '某局', yearText: '2023', titleText: '某局 2023 年政府信息公开工作年度报告' },
  ],
  [
    'form feed, page furniture, a note in brackets, broken inside 政府信息公开工作',
    '\f- 2 -\n第 1 页 共 9 页\n某县应急管理局\n2024年政府信息公开\n工作年度报告（全文）\n',
    { body: '某县应急管理局', year: 2024, bodyText: '某县应急管理局', yearText: '2024', titleText: '某县应急管理局\n2024年政府信息公开\n工作年度报告（全文）' },
  ],
  [
    'a line above that is not an organ is left out; no body',
    '政务公开专栏\n2023年政府信息公开工作年度报告\n本报告由某局编制。\n',
    { body: null, year: 2023, bodyText: null, yearText: '2023', titleText: '2023年政府信息公开工作年度报告' },
  ],
  [
    'a site name above is not the body',
    '某市人民政府门户网站\n2023年政府信息公开工作年度报告\n',
    { body: null, year: 2023, bodyText: null, yearText: '2023', titleText: '2023年政府信息公开工作年度报告' },
  ],
];

for (const [name, text, expected] of CASES) {
  test(`title: ${name}`, () => {
    assert.deepEqual(readTitle(text), { isReport: true, ...expected });
  });
}

test('title: the seeds\' one-line and wrapped titles keep their spans', () => {
  const text = '\n老城区人民政府办公室2024年政府信息公开工作年\n度报告\n\n一、总体情况\n';
  const model = parseReport(text);
  assert.deepEqual(model.title, {
    body: '老城区人民政府办公室',
    bodySpan: { start: 1, end: 11 },
    year: 2024,
    yearSpan: { start: 11, end: 15 },
    span: { start: 1, end: 29 },
  });
});

test('not a title: a notice, a sentence, a line that only mentions the report', () => {
  for (const text of [
    '关于报送2023年政府信息公开工作年度报告的通知\n各单位：\n',
    '现将2023年政府信息公开工作\n年度报告\n',
    '根据要求，现将2023年政府信息公开工作年度报告公布如下。\n',
    '2023年政府信息公开工作年度报告的编制说明\n',
  ]) {
    const model = parseReport(text);
    assert.equal(model.title, null, JSON.stringify(text));
    assert.equal(model.isReport, false, JSON.stringify(text));
  }
});
