// Acceptance over real published reports (../shared/real): for every extraction text of every report, tables 二,
// 三 and 四 read cell for cell as the truth.json figures read by eye, and the error and warning findings exactly the
// report's known defects (each required defect found at its line, no false finding).
// scripts/corpus-report.mjs prints the same comparison as one line per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runChecks } from '../../server/src/core/checks';
import { extractTables } from '../../server/src/core/extract';
import type { TableId } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { positionOf } from '../../server/src/core/text';
import { compareFindings, compareTables, corpusFiles, report, type FindingLite } from '../support/real';
import { REPO_ROOT } from '../support/seeds';

const REAL_DIR = resolve(REPO_ROOT, '..', 'shared', 'real');

/**
 * Tables that an extraction text may declare unreadable (left out of the model with one table.unreadable note (information))
 * instead of reading them: 'folder/file' → tables. Exhaustive: every other table must be read right, and a
 * table.unreadable finding about it is a false finding. scripts/corpus-report.mjs reads this constant.
 */
const UNREADABLE_TABLES: Record<string, TableId[]> = {
  // Column-major figures whose column order is not the table's: 总计 comes before 其他 (21 … 0 0 0 0 0 21 | 0 0 0 …),
  // so table 三 has no reading that every row total confirms; table 二's 规章/行政规范性文件 block (0 0 0 5 0 5) then has
  // no proven order either (row by row: 5 0 5; column by column: 0 5 5).
  'hongze-2023/pdfminer.txt': ['table2', 'table3'],
  // Labels written after their figures, and figures of rows interleaved (21 0 0 0 0 0 21 before 一、本年新收…;
  // 0 21 0 0 … under （七）总计): which row a run of figures belongs to is not in the text.
  'hongze-2023/pdftotext.txt': ['table3'],
  // The fifteen figures in five pieces between header words (72 64 178 37 | 结果 … | 12 1 1 6 | 总计 351 | 13 4 8 1 26 | 总计 20):
  // which group each piece belongs to is not in the text.
  'huaian-2024/pdftotext.txt': ['table4'],
};

const files = corpusFiles(REAL_DIR);

test('the corpus is there: every folder has a truth and extraction texts', () => {
  assert.ok(files.length > 0, `no extraction texts under ${REAL_DIR}`);
  for (const key of Object.keys(UNREADABLE_TABLES)) assert.ok(files.some((f) => f.key === key), `UNREADABLE_TABLES names ${key}, which is not in the corpus`);
});

for (const corpusFile of files) {
  test(`real report ${corpusFile.key}: tables as read by eye, findings as the known defects`, () => {
    const allowed = UNREADABLE_TABLES[corpusFile.key] ?? [];
    const model = parseReport(readFileSync(corpusFile.path, 'utf8'));
    const tables = compareTables(corpusFile.truth, extractTables(model), allowed);
    const findings: FindingLite[] = runChecks(model, { locale: 'zh' }).map((f) => ({
      code: f.code,
      severity: f.severity,
      line: positionOf(model.lineStarts, f.span.start).line + 1,
      message: f.message,
      // A table.unreadable finding is about the table of the unreadable region it reports.
      table: f.code === 'table.unreadable' ? model.unreadable.find((u) => u.span.start === f.span.start && u.span.end === f.span.end)?.table : undefined,
    }));
    const checks = compareFindings(corpusFile.truth, corpusFile.file, findings, allowed);
    const problems = [...tables.problems, ...checks.problems];
    assert.ok(problems.length === 0, report(corpusFile.key, problems));
  });
}
