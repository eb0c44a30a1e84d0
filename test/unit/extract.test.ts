// `nianbao extract`: the figures of tables 二, 三 and 四 as JSON and CSV, run as a real process (dist/cli.js),
// and extractTables over a model with （六）其他处理 as one row or a table left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { extractTables } from '../../server/src/core/extract';
import { parseReport } from '../../server/src/core/parse';
import { REPO_ROOT } from '../support/seeds';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });

// A small complete draft with figures of its own: 行政强制 written as a dash (blank), an “x” in 8.属于行政查询事项
// (not a number), an empty field in 4.无正当理由大量反复申请, and row 3.要求提供公开出版物 left out.
const FIXTURE = `# 北山县交通运输局2023年政府信息公开工作年度报告

## 一、总体情况

本局依法做好政府信息公开工作。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
| --- | --- | --- | --- |
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 2 | 1 | 9 |

| 第二十条第（五）项 | |
| --- | --- |
| 信息内容 | 本年处理决定数量 |
| 行政许可 | 154 |

| 第二十条第（六）项 | |
| --- | --- |
| 信息内容 | 本年处理决定数量 |
| 行政处罚 | 27 |
| 行政强制 | — |

| 第二十条第（八）项 | |
| --- | --- |
| 信息内容 | 本年收费金额（单位：万元） |
| 行政事业性收费 | 3.75 |

## 三、收到和处理政府信息公开申请情况

（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）

| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| 一、本年新收政府信息公开申请数量 | 40 | 2 | 0 | 1 | 0 | 0 | 43 |
| 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
| 三、本年度办理结果 | | | | | | | |
| （一）予以公开 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |
| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 4 | 0 | 0 | 0 | 0 | 0 | 4 |
| （三）不予公开 | | | | | | | |
| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.保护第三方合法权益 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 8.属于行政查询事项 | 0 | 0 | 0 | x | 0 | 0 | 0 |
| （四）无法提供 | | | | | | | |
| 1.本机关不掌握相关政府信息 | 6 | 1 | 0 | 1 | 0 | 0 | 8 |
| 2.没有现成信息需要另行制作 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （五）不予处理 | | | | | | | |
| 1.信访举报投诉类申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.无正当理由大量反复申请 | 0 | 0 | | 0 | 0 | 0 | 0 |
| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （六）其他处理 | | | | | | | |
| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （七）总计 | 36 | 2 | 0 | 1 | 0 | 0 | 39 |
| 四、结转下年度继续办理 | 7 | 0 | 0 | 0 | 0 | 0 | 7 |

## 四、政府信息公开行政复议、行政诉讼情况

| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| 1 | 0 | 1 | 0 | 2 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |

## 五、存在的主要问题及改进情况

部分栏目更新不够及时，下一步建立更新台账。

## 六、其他需要报告的事项

本局 2023 年度未收取信息处理费。
`;

function withFixture<T>(name: string, body: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-extract-'));
  try {
    const file = join(dir, name);
    writeFileSync(file, FIXTURE);
    return body(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const zeros = (n: number) => Array<number>(n).fill(0);

const TABLE2 = {
  columns: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额（单位：万元）'],
  rows: [
    { id: 'rules', label: '规章', cells: [0, 0, 0] },
    { id: 'normative', label: '行政规范性文件', cells: [2, 1, 9] },
    { id: 'licensing', label: '行政许可', cells: [154] },
    { id: 'penalty', label: '行政处罚', cells: [27] },
    { id: 'compulsion', label: '行政强制', cells: [null] },
    { id: 'fees', label: '行政事业性收费', cells: [3.75] },
  ],
};

const TABLE3_ROWS = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', cells: [40, 2, 0, 1, 0, 0, 43] },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量', cells: [3, 0, 0, 0, 0, 0, 3] },
  { id: 'r1', label: '（一）予以公开', cells: [20, 1, 0, 0, 0, 0, 21] },
  { id: 'r2', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', cells: [4, 0, 0, 0, 0, 0, 4] },
  { id: 'r3_1', label: '1.属于国家秘密', cells: zeros(7) },
  { id: 'r3_2', label: '2.其他法律行政法规禁止公开', cells: zeros(7) },
  { id: 'r3_3', label: '3.危及“三安全一稳定”', cells: zeros(7) },
  { id: 'r3_4', label: '4.保护第三方合法权益', cells: [2, 0, 0, 0, 0, 0, 2] },
  { id: 'r3_5', label: '5.属于三类内部事务信息', cells: zeros(7) },
  { id: 'r3_6', label: '6.属于四类过程性信息', cells: zeros(7) },
  { id: 'r3_7', label: '7.属于行政执法案卷', cells: zeros(7) },
  { id: 'r3_8', label: '8.属于行政查询事项', cells: [0, 0, 0, null, 0, 0, 0] },
  { id: 'r4_1', label: '1.本机关不掌握相关政府信息', cells: [6, 1, 0, 1, 0, 0, 8] },
  { id: 'r4_2', label: '2.没有现成信息需要另行制作', cells: [1, 0, 0, 0, 0, 0, 1] },
  { id: 'r4_3', label: '3.补正后申请内容仍不明确', cells: zeros(7) },
  { id: 'r5_1', label: '1.信访举报投诉类申请', cells: [2, 0, 0, 0, 0, 0, 2] },
  { id: 'r5_2', label: '2.重复申请', cells: zeros(7) },
  { id: 'r5_3', label: '3.要求提供公开出版物', cells: Array<null>(7).fill(null) },
  { id: 'r5_4', label: '4.无正当理由大量反复申请', cells: [0, 0, null, 0, 0, 0, 0] },
  { id: 'r5_5', label: '5.要求行政机关确认或重新出具已获取信息', cells: zeros(7) },
  { id: 'r6_1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', cells: [1, 0, 0, 0, 0, 0, 1] },
  { id: 'r6_2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', cells: zeros(7) },
  { id: 'r6_3', label: '3.其他', cells: zeros(7) },
  { id: 'r7', label: '（七）总计', cells: [36, 2, 0, 1, 0, 0, 39] },
  { id: 'forward', label: '四、结转下年度继续办理', cells: [7, 0, 0, 0, 0, 0, 7] },
];

const TABLE3 = { sixSingle: false, columns: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], rows: TABLE3_ROWS };

const TABLE4 = {
  columns: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  rows: [
    { id: 'review', label: '行政复议', cells: [1, 0, 1, 0, 2] },
    { id: 'direct', label: '未经复议直接起诉', cells: [0, 0, 0, 1, 1] },
    { id: 'after', label: '复议后起诉', cells: [0, 0, 0, 0, 0] },
  ],
};

test('extract as JSON: every numeric row in format order, null for blank, not a number and not found', () => {
  withFixture('beishan.nianbao.md', (file) => {
    const result = run('extract', file);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.deepEqual(JSON.parse(result.stdout), [
      { file, body: '北山县交通运输局', year: 2023, format: '2021', tables: { table2: TABLE2, table3: TABLE3, table4: TABLE4 } },
    ]);
    // --format json is the default; errors in the draft do not change the exit code.
    const explicit = run('extract', '--format', 'json', file);
    assert.equal(explicit.status, 0);
    assert.equal(explicit.stdout, result.stdout);
    // A folder: the same files as check, in name order, a text that is no report with every table null.
    const notes = join(dirname(file), 'notes.txt');
    writeFileSync(notes, '会议纪要\n今天讨论了三件事。\n');
    const folder = run('extract', dirname(file));
    assert.equal(folder.status, 0, folder.stderr);
    assert.deepEqual(JSON.parse(folder.stdout), [
      ...JSON.parse(result.stdout),
      { file: notes, body: null, year: null, format: '2021', tables: { table2: null, table3: null, table4: null } },
    ]);
  });
});

test('extract as CSV: one line per row, empty fields for null, RFC 4180 quoting', () => {
  // A comma and quotes in the file name, so that the file field must be quoted.
  withFixture('北山,"交通".md', (file) => {
    const result = run('extract', '--format', 'csv', file);
    assert.equal(result.status, 0, result.stderr);
    const quoted = `"${file.replace(/"/g, '""')}"`;
    assert.ok(quoted.includes('北山,""交通"".md"'));
    const lines = result.stdout.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines[0], 'file,body,year,format,table,row_id,row_label,c1,c2,c3,c4,c5,c6,c7');
    const prefix = `${quoted},北山县交通运输局,2023,2021,`;
    assert.deepEqual(
      lines.slice(1).map((line) => {
        assert.ok(line.startsWith(prefix), line);
        return line.slice(prefix.length);
      }),
      [
        'table2,rules,规章,0,0,0,,,,',
        'table2,normative,行政规范性文件,2,1,9,,,,',
        'table2,licensing,行政许可,154,,,,,,',
        'table2,penalty,行政处罚,27,,,,,,',
        'table2,compulsion,行政强制,,,,,,,',
        'table2,fees,行政事业性收费,3.75,,,,,,',
        'table3,new,一、本年新收政府信息公开申请数量,40,2,0,1,0,0,43',
        'table3,carried,二、上年结转政府信息公开申请数量,3,0,0,0,0,0,3',
        'table3,r1,（一）予以公开,20,1,0,0,0,0,21',
        'table3,r2,（二）部分公开（区分处理的，只计这一情形，不计其他情形）,4,0,0,0,0,0,4',
        'table3,r3_1,1.属于国家秘密,0,0,0,0,0,0,0',
        'table3,r3_2,2.其他法律行政法规禁止公开,0,0,0,0,0,0,0',
        'table3,r3_3,3.危及“三安全一稳定”,0,0,0,0,0,0,0',
        'table3,r3_4,4.保护第三方合法权益,2,0,0,0,0,0,2',
        'table3,r3_5,5.属于三类内部事务信息,0,0,0,0,0,0,0',
        'table3,r3_6,6.属于四类过程性信息,0,0,0,0,0,0,0',
        'table3,r3_7,7.属于行政执法案卷,0,0,0,0,0,0,0',
        'table3,r3_8,8.属于行政查询事项,0,0,0,,0,0,0',
        'table3,r4_1,1.本机关不掌握相关政府信息,6,1,0,1,0,0,8',
        'table3,r4_2,2.没有现成信息需要另行制作,1,0,0,0,0,0,1',
        'table3,r4_3,3.补正后申请内容仍不明确,0,0,0,0,0,0,0',
        'table3,r5_1,1.信访举报投诉类申请,2,0,0,0,0,0,2',
        'table3,r5_2,2.重复申请,0,0,0,0,0,0,0',
        'table3,r5_3,3.要求提供公开出版物,,,,,,,',
        'table3,r5_4,4.无正当理由大量反复申请,0,0,,0,0,0,0',
        'table3,r5_5,5.要求行政机关确认或重新出具已获取信息,0,0,0,0,0,0,0',
        'table3,r6_1,1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,1,0,0,0,0,0,1',
        'table3,r6_2,2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请,0,0,0,0,0,0,0',
        'table3,r6_3,3.其他,0,0,0,0,0,0,0',
        'table3,r7,（七）总计,36,2,0,1,0,0,39',
        'table3,forward,四、结转下年度继续办理,7,0,0,0,0,0,7',
        'table4,review,行政复议,1,0,1,0,2,,',
        'table4,direct,未经复议直接起诉,0,0,0,1,1,,',
        'table4,after,复议后起诉,0,0,0,0,0,,',
      ],
    );
  });
});

test('check is the default command and can be named', () => {
  withFixture('beishan.nianbao.md', (file) => {
    const implicit = run('--format', 'json', file);
    const explicit = run('check', '--format', 'json', file);
    assert.equal(implicit.status, 1);
    assert.equal(explicit.status, 1);
    assert.equal(explicit.stdout, implicit.stdout);
    assert.ok((JSON.parse(explicit.stdout)[0].findings as { code: string }[]).some((f) => f.code === 'table.not-a-number'));
  });
});

test('extract: exit code 2 on bad arguments or a path that cannot be read, naming the path', () => {
  withFixture('beishan.nianbao.md', (file) => {
    const badFormat = run('extract', '--format', 'text', file);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format 只能是 json 或 csv/);
    assert.equal(badFormat.stdout, '');
    const unknown = run('extract', '--exit-zero', file);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option: --exit-zero/);
    const noPath = run('extract', '--format', 'csv');
    assert.equal(noPath.status, 2);
    assert.match(noPath.stderr, /nianbao extract/);
    const missingPath = join(tmpdir(), 'nianbao-no-such-folder');
    const missing = run('extract', file, missingPath);
    assert.equal(missing.status, 2);
    assert.ok(missing.stderr.includes(`cannot read: ${missingPath}`), missing.stderr);
    assert.equal(missing.stdout, '');
  });
});

test('extractTables: （六）其他处理 as one row takes the place of its three sub-rows', () => {
  const model = parseReport(FIXTURE);
  const table3 = model.tables.table3!;
  const first = table3.rows.find((r) => r.rowId === 'r6_1')!;
  // The model as the parser gives it for the 2019 layout: row 'r6' in the sub-rows' place, sixSingle set.
  table3.rows = table3.rows.filter((r) => !r.rowId.startsWith('r6_'));
  table3.rows.splice(table3.rows.findIndex((r) => r.rowId === 'r7'), 0, { ...first, rowId: 'r6', canonicalLabel: '（六）其他处理' });
  table3.sixSingle = true;
  const six = { id: 'r6', label: '（六）其他处理', cells: [1, 0, 0, 0, 0, 0, 1] };
  const rows = [...TABLE3_ROWS.filter((r) => !r.id.startsWith('r6_'))];
  rows.splice(rows.findIndex((r) => r.id === 'r7'), 0, six);
  assert.deepEqual(extractTables(model).tables.table3, { ...TABLE3, sixSingle: true, rows });
});

test('extractTables: a table not found is null; no title gives null body and year', () => {
  // Section 四 in words only, and the title line gone.
  const withoutTable4 = FIXTURE.replace(/(## 四、[^\n]*\n)[\s\S]*?(\n## 五)/, '$1\n本年度未发生政府信息公开行政复议、行政诉讼案件。\n$2');
  assert.ok(!withoutTable4.includes('结果维持'));
  const text = withoutTable4.slice(withoutTable4.indexOf('\n') + 1);
  const extracted = extractTables(parseReport(text));
  assert.equal(extracted.body, null);
  assert.equal(extracted.year, null);
  assert.equal(extracted.tables.table4, null);
  assert.deepEqual(extracted.tables.table2, TABLE2);
});
