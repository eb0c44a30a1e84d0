// Never wrong, never stuck: a seeded fuzz run over the real server (dist/server.js over stdio) through every
// seed report, every text of ../shared/real and the sample. See test/support/fuzz.ts for the operations and the
// six invariants; a failure prints the seed, the operation index, the text and the offending response.
// A long run: node scripts/fuzz-long.mjs [--operations N] [--seed S] [--minutes M].

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFailure, runFuzz, type FuzzFailure } from '../support/fuzz';

/** Fixed, so that a failure reproduces; NIANBAO_FUZZ_SEED / NIANBAO_FUZZ_OPERATIONS override for a local hunt. */
const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? 20240531);
const OPERATIONS = Number(process.env.NIANBAO_FUZZ_OPERATIONS ?? 10000);

test(`fuzz over the real server: seed ${SEED}, ${OPERATIONS} operations`, { timeout: 170_000 }, async () => {
  const failures: FuzzFailure[] = [];
  const result = await runFuzz({ seed: SEED, operations: OPERATIONS, onFailure: (f) => failures.push(f), maxFailures: 5, deadline: Date.now() + 110_000 });
  const report = failures.map(formatFailure).join('\n\n');
  assert.equal(failures.length, 0, `${failures.length} invariant(s) broken:\n\n${report}`);
  // The run covered what it promises (a deadline cut is a failure too: the budget is two minutes in CI).
  assert.equal(result.operations, OPERATIONS, `only ${result.operations} of ${OPERATIONS} operations within the time budget`);
  assert.deepEqual(result.unopened, [], 'every corpus text is opened');
  assert.ok(result.settles > 20 && result.fixAllApplied > 0 && result.requests > OPERATIONS / 2, JSON.stringify(result));
});
