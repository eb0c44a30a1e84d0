// One line per real report text (../shared/real): cells read exactly per table, false findings, defects found.
// Judges as test/unit/real-corpus.test.ts does (the same test/support/real.ts), but over the built CLI's JSON, so
// only `node esbuild.mjs` is needed first.
//   node scripts/corpus-report.mjs [-v] [filter...]
//   -v: also list every problem (the test's assertion message); filter: only files whose folder/file contains it.
// Not the judge: table.unreadable findings carry no table in the CLI's JSON, so they are credited to the allowed
// unreadable tables in order; the test attributes them exactly.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REAL_DIR = resolve(ROOT, '..', 'shared', 'real');
const CLI = join(ROOT, 'dist', 'cli.js');

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const filters = args.filter((a) => a !== '-v');

/** test/support/real.ts, bundled on the fly (a few milliseconds) so that the script and the test share it. */
async function loadReal() {
  const built = await esbuild.build({ entryPoints: [join(ROOT, 'test', 'support', 'real.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
  try {
    const file = join(dir, 'real.cjs');
    writeFileSync(file, built.outputFiles[0].text);
    return createRequire(file)(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** UNREADABLE_TABLES as written in the test: 'folder/file': ['tableN', …] entries, comment lines skipped. */
function allowList() {
  const source = readFileSync(join(ROOT, 'test', 'unit', 'real-corpus.test.ts'), 'utf8');
  const block = /UNREADABLE_TABLES[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source);
  if (!block) throw new Error('UNREADABLE_TABLES not found in test/unit/real-corpus.test.ts');
  const body = block[1].split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');
  const result = {};
  for (const m of body.matchAll(/['"]([^'"]+)['"]\s*:\s*\[([^\]]*)\]/g)) result[m[1]] = [...m[2].matchAll(/table[234]/g)].map((t) => t[0]);
  return result;
}

function cliJson(cliArgs) {
  const result = spawnSync(process.execPath, [CLI, ...cliArgs], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LANG: 'C' } });
  if (result.status !== 0) throw new Error(`node dist/cli.js ${cliArgs.slice(0, 3).join(' ')} … exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const real = await loadReal();
const allowed = allowList();
const files = real.corpusFiles(REAL_DIR).filter((f) => filters.length === 0 || filters.some((s) => f.key.includes(s)));
if (files.length === 0) {
  console.error(`no corpus files${filters.length ? ` matching ${filters.join(' ')}` : ''} under ${REAL_DIR}`);
  process.exit(2);
}
const paths = files.map((f) => f.path);
const extracted = cliJson(['extract', '--format', 'json', ...paths]);
const checked = cliJson(['--format', 'json', '--locale', 'zh', '--exit-zero', ...paths]);

const width = Math.max(...files.map((f) => f.key.length));
let passing = 0;
files.forEach((file, i) => {
  const allowedTables = allowed[file.key] ?? [];
  const got = extracted[i];
  const tables = real.compareTables(file.truth, got, allowedTables);
  // Credit table.unreadable findings to the allowed tables that were left out, one each, in order.
  const unreadFor = allowedTables.filter((id) => got.tables[id] === null);
  const findings = checked[i].findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    line: f.range.start.line + 1,
    message: f.message,
    table: f.code === 'table.unreadable' ? unreadFor.shift() : undefined,
  }));
  const checks = real.compareFindings(file.truth, file.file, findings, allowedTables);
  const problems = [...tables.problems, ...checks.problems];
  if (problems.length === 0) passing++;
  const cells = real.TABLE_IDS.map((id) => {
    const [x, y] = tables.exact[id];
    const name = `t${id.slice(-1)}`;
    if (got.tables[id] === null) return `${name} ${allowedTables.includes(id) ? 'unread' : 'NULL'}`.padEnd(11);
    return `${name} ${x}/${y}`.padEnd(11);
  });
  const six = got.tables.table3 === null ? '-' : got.tables.table3.sixSingle === file.truth.sixSingle ? 'ok' : 'NO';
  const fmt = got.format === file.truth.format ? 'ok' : got.format;
  const flags = [checked[i].isReport ? '' : 'not-a-report', problems.length === 0 ? 'PASS' : `${problems.length} problem(s)`].filter(Boolean).join(' ');
  console.log(
    `${file.key.padEnd(width)}  ${cells.join(' ')} six ${six.padEnd(2)} fmt ${fmt.padEnd(4)} false ${String(checks.falseFindings.length).padEnd(3)} defects ${checks.defects[0]}/${checks.defects[1]}  ${flags}`,
  );
  if (verbose && problems.length > 0) console.log(problems.map((p) => `    - ${p}`).join('\n'));
});
console.log(`${passing}/${files.length} pass`);
