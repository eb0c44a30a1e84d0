// The long fuzz run of test/protocol/fuzz.test.ts: the same harness (test/support/fuzz.ts, bundled on the fly),
// in chunks of operations, each with its own seed and a fresh server, until the operations are done or the time
// cap is reached. Needs `node esbuild.mjs` first (the server under test is dist/server.js).
//   node scripts/fuzz-long.mjs [--operations 1000000] [--seed 1] [--chunk 20000] [--minutes 600] [--max-failures 20] [--live]
// The server is a copy of dist/server.js taken at start (a rebuild during the run changes nothing); --live runs
// dist/server.js itself.
// Prints progress, every failure (seed, operation, text, response) and a summary; exit code 1 on any failure.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}
const operations = option('operations', 1_000_000);
const firstSeed = option('seed', 1);
const chunk = option('chunk', 20_000);
const minutes = option('minutes', 600);
const maxFailures = option('max-failures', 20);

/**
 * The server under test, frozen: dist/server.js (a self-contained bundle) and the sample are copied to a
 * temporary root beside a link to ../shared, so that a rebuild of dist/ during a long run changes nothing.
 */
function snapshotRoot() {
  const base = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-root-'));
  const root = join(base, 'main');
  mkdirSync(join(root, 'dist'), { recursive: true });
  mkdirSync(join(root, 'samples'), { recursive: true });
  copyFileSync(join(ROOT, 'dist', 'server.js'), join(root, 'dist', 'server.js'));
  copyFileSync(join(ROOT, 'samples', 'example-2024.nianbao.md'), join(root, 'samples', 'example-2024.nianbao.md'));
  symlinkSync(resolve(ROOT, '..', 'shared'), join(base, 'shared'));
  return { base, root };
}

/** test/support/fuzz.ts as CommonJS; its REPO_ROOT (test/support/seeds.ts) is computed from __dirname, set here. */
async function loadFuzz(root) {
  const built = await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'support', 'fuzz.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    define: { __dirname: JSON.stringify(join(root, 'out', 'test', 'support')) },
  });
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-'));
  try {
    const file = join(dir, 'fuzz.cjs');
    writeFileSync(file, built.outputFiles[0].text);
    return createRequire(import.meta.url)(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const frozen = process.argv.includes('--live') ? { base: null, root: ROOT } : snapshotRoot();
const { runFuzz, formatFailure } = await loadFuzz(frozen.root);
console.log(`server under test: ${join(frozen.root, 'dist', 'server.js')}${frozen.base ? ' (a copy of dist/server.js made now; --live to use dist/ itself)' : ''}`);
const started = Date.now();
const deadline = started + minutes * 60_000;
const totals = { operations: 0, requests: 0, changes: 0, settles: 0, settlesWithDiagnostics: 0, fixAllApplied: 0, libraryDivergences: 0, restarts: 0, chunks: 0 };
const failures = [];
let libraryExample;
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

for (let seed = firstSeed; totals.operations < operations && Date.now() < deadline && failures.length < maxFailures; seed++) {
  const result = await runFuzz({
    seed,
    operations: Math.min(chunk, operations - totals.operations),
    deadline,
    maxFailures: Math.min(5, maxFailures - failures.length),
    onFailure: (f) => {
      failures.push(f);
      console.log(`\nFAILURE\n${formatFailure(f)}\n`);
    },
  });
  totals.chunks++;
  for (const key of ['operations', 'requests', 'changes', 'settles', 'settlesWithDiagnostics', 'fixAllApplied', 'libraryDivergences', 'restarts']) totals[key] += result[key];
  libraryExample ??= result.libraryDivergenceExample;
  console.log(`${elapsed()}: seed ${seed} done (${result.operations} operations, ${result.failures} failures); total ${totals.operations} operations, ${failures.length} failures`);
}

const seconds = (Date.now() - started) / 1000;
console.log(`\nSUMMARY ${JSON.stringify({ ...totals, failures: failures.length, seconds: Math.round(seconds), operationsPerSecond: Math.round(totals.operations / seconds) })}`);
if (libraryExample) console.log(`TextDocument.update disagreed with the splice ${totals.libraryDivergences} times, e.g. ${JSON.stringify(libraryExample).slice(0, 600)}`);
if (frozen.base) rmSync(frozen.base, { recursive: true, force: true });
process.exitCode = failures.length > 0 ? 1 : 0;
