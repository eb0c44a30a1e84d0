// Layout robustness as properties: tables 二, 三 and 四 read to the same cell values under layout noise.
// For each seed report and each extractor text of ../shared/real (*/*.txt), many seeded variants of each
// mutation of test/support/mutations.ts (a page number or a running header at a page break inside a table,
// a blank line after every line, a row label of table 三 wrapped over two lines in both PDF forms, a row
// label without its numbering, zeros left blank in a tab or pipe row) are parsed, and every cell value —
// table id, row id, column id → number | blank | nan — must equal the original text's (a zero left blank
// is expected as 'blank'; a table the original lacks must stay absent). Spans are not compared.
// A failure names the mutation, the file, the variant's seed, the lines touched and the first differing
// cells; MUTATION_PLANS[mutation](text, prng(seed)) reproduces the variant.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { CellValue } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse';
import { cellValues, type CellValues } from '../support/layouts';
import { DETERMINISTIC, modelOf, MUTATION_NAMES, MUTATION_PLANS, MUTATIONS, notApplicable, tableRegions, titleLine, type MutationName, type Plan } from '../support/mutations';
import { prng } from '../support/random';
import { readSeed, REPO_ROOT, SEED_NAMES } from '../support/seeds';

/** Variants per file and mutation (one for a mutation that draws nothing from the rng). */
const VARIANTS = 20;
const BASE_SEED = 20_240_611;

const REAL_DIR = resolve(REPO_ROOT, '..', 'shared', 'real');

function realFiles(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  for (const folder of readdirSync(REAL_DIR).sort()) {
    const dir = join(REAL_DIR, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) if (file.endsWith('.txt')) files.push({ name: `real/${folder}/${file}`, text: readFileSync(join(dir, file), 'utf8') });
  }
  return files;
}

const FILES = [...SEED_NAMES.map((name) => ({ name: `seeds/${name}`, text: readSeed(name) })), ...realFiles()];

/** FNV-1a: a variant's seed depends on its file, mutation and number only, not on the order of the files. */
function seedOf(file: string, mutation: MutationName, variant: number): number {
  let h = 0x811c9dc5 ^ BASE_SEED;
  for (const ch of `${file}|${mutation}|${variant}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}

const variantCount = (mutation: MutationName): number => (DETERMINISTIC.has(mutation) ? 1 : VARIANTS);

// ---------------------------------------------------------------------------------------------------
// Reporting

const show = (v: CellValue | undefined): string => (v === undefined ? 'absent' : v.kind === 'number' ? String(v.value) : v.kind);

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.kind === b.kind && (a.kind !== 'number' || (b.kind === 'number' && a.value === b.value));
}

/** The differences between expected and actual cell values, table by table, row by row, in a stable order. */
function differences(expected: CellValues, actual: CellValues): string[] {
  const out: string[] = [];
  for (const table of ['table2', 'table3', 'table4'] as const) {
    const e = expected[table];
    const a = actual[table];
    if (!e && !a) continue;
    if (!e || !a) {
      out.push(`${table}: ${e ? `present (${Object.keys(e).length} rows)` : 'absent'} → ${a ? `present (${Object.keys(a).length} rows)` : 'absent'}`);
      continue;
    }
    const rowIds = [...new Set([...Object.keys(e), ...Object.keys(a)])];
    for (const rowId of rowIds) {
      if (!e[rowId] || !a[rowId]) {
        const cells = (r: Record<string, CellValue>) => Object.entries(r).map(([c, v]) => `${c}=${show(v)}`).join(' ');
        out.push(`${table}/${rowId}: ${e[rowId] ? `row [${cells(e[rowId])}]` : 'no row'} → ${a[rowId] ? `row [${cells(a[rowId])}]` : 'no row'}`);
        continue;
      }
      for (const columnId of [...new Set([...Object.keys(e[rowId]), ...Object.keys(a[rowId])])]) {
        if (!sameValue(e[rowId][columnId], a[rowId][columnId])) out.push(`${table}/${rowId}/${columnId}: ${show(e[rowId][columnId])} → ${show(a[rowId][columnId])}`);
      }
    }
  }
  return out;
}

const clip = (line: string): string => JSON.stringify(line.length > 90 ? `${line.slice(0, 90)}…` : line);

/** The lines of the original that the plan touched, and the lines that stand there in the mutated text. */
function touchedLines(original: string, mutated: string, plan: Plan): string {
  const before = original.split('\n');
  const after = mutated.split('\n');
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const removed = before.slice(head, before.length - tail);
  const added = after.slice(head, after.length - tail);
  const listed = (lines: string[], from: number) =>
    lines.slice(0, 4).map((l, i) => `      ${from + i + 1}: ${clip(l)}`).join('\n') + (lines.length > 4 ? `\n      … ${lines.length - 4} more` : '');
  const touched = plan.lines.length > 6 ? `${plan.lines.length} lines` : plan.lines.map((l) => l + 1).join(', ');
  return [
    `    lines touched (1-based, original): ${touched}`,
    `    original lines ${head + 1}–${head + removed.length}:${removed.length ? `\n${listed(removed, head)}` : ' (none: insertion)'}`,
    `    mutated lines ${head + 1}–${head + added.length}:${added.length ? `\n${listed(added, head)}` : ' (none)'}`,
  ].join('\n');
}

function expectedAfter(original: CellValues, plan: Plan): CellValues {
  const expected: CellValues = structuredClone(original);
  for (const key of plan.blanked) {
    const row = expected[key.table]?.[key.rowId];
    if (row) row[key.columnId] = { kind: 'blank' };
  }
  return expected;
}

// ---------------------------------------------------------------------------------------------------
// The properties

/** Runs at registration; a parser that throws on an original fails that file's tests instead of the whole file. */
function attempt<T>(run: () => T): { value?: T; error?: unknown } {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

for (const file of FILES) {
  const original = attempt(() => cellValues(parseReport(file.text)));

  for (const mutation of MUTATION_NAMES) {
    const applicability = attempt(() => notApplicable(mutation, file.text));
    const reason = applicability.error === undefined ? applicability.value : null;
    test(`${file.name} · ${mutation}: same cell values`, reason ? { skip: reason } : {}, () => {
      if (original.error !== undefined) throw original.error;
      if (applicability.error !== undefined) throw applicability.error;
      const originalValues = original.value!;
      const failures: string[] = [];
      const count = variantCount(mutation);
      for (let i = 0; i < count; i++) {
        const seed = seedOf(file.name, mutation, i);
        const plan = MUTATION_PLANS[mutation](file.text, prng(seed));
        assert.ok(plan, `${mutation} found nothing to act on in ${file.name}`);
        let actual: CellValues;
        try {
          actual = cellValues(parseReport(plan.text));
        } catch (error) {
          failures.push(`  variant #${i} (seed ${seed}): ${plan.note}\n${touchedLines(file.text, plan.text, plan)}\n    parser threw: ${(error as Error).stack}`);
          continue;
        }
        const diff = differences(expectedAfter(originalValues, plan), actual);
        if (diff.length === 0) continue;
        failures.push(
          [
            `  variant #${i} (seed ${seed}): ${plan.note}`,
            touchedLines(file.text, plan.text, plan),
            `    ${diff.length} differing cell(s), expected → actual:`,
            ...diff.slice(0, 8).map((d) => `      ${d}`),
            ...(diff.length > 8 ? [`      … ${diff.length - 8} more`] : []),
          ].join('\n'),
        );
      }
      if (failures.length > 0) {
        assert.fail(
          `${mutation} on ${file.name}: ${failures.length}/${count} variants read different cell values` +
            ` (reproduce: MUTATION_PLANS['${mutation}'](text, prng(seed)))\n${failures.slice(0, 3).join('\n')}` +
            (failures.length > 3 ? `\n  … and ${failures.length - 3} more variants` : ''),
        );
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------
// Self-tests: a property over mutations that mutate nothing, or mutate outside the tables, cannot fail.

test('the corpus: five seeds and the extractor texts of ../shared/real', () => {
  assert.equal(FILES.filter((f) => f.name.startsWith('seeds/')).length, 5);
  assert.ok(FILES.filter((f) => f.name.startsWith('real/')).length >= 1, `no */*.txt under ${REAL_DIR}`);
  // Each original reads its tables (else most mutations have nothing to act on and the properties are vacuous).
  for (const file of FILES) assert.ok(Object.keys(modelOf(file.text).tables).length > 0, `${file.name}: no table read`);
});

/** Which mutation can act on each seed: pinned, so that an eligibility rule gone too strict shows here. */
const APPLICABLE_ON_SEEDS: Record<MutationName, readonly string[]> = {
  'page-number': SEED_NAMES,
  'running-header': SEED_NAMES,
  'blank-lines': SEED_NAMES,
  'wrap-label-head-alone': SEED_NAMES,
  'wrap-label-tail-alone': SEED_NAMES,
  'drop-numbering': SEED_NAMES,
  // 000 and 001 are space-aligned (PDF text): a blank cell cannot be written there.
  'zero-to-blank': ['002_400582c34393c453.txt', '003_bd5764f2f2266ecc.txt', '004_eedfd0bd79a0644a.txt'],
};

for (const mutation of MUTATION_NAMES) {
  test(`self-test ${mutation}: changes the text of every variant, only inside a table region, and applies where expected`, () => {
    const applied = SEED_NAMES.filter((name) => notApplicable(mutation, readSeed(name)) === null);
    assert.deepEqual(applied, [...APPLICABLE_ON_SEEDS[mutation]], `${mutation}: seeds it can act on`);

    for (const file of FILES) {
      if (notApplicable(mutation, file.text) !== null) {
        assert.equal(MUTATION_PLANS[mutation](file.text, prng(1)), null, `${file.name}: not applicable, yet a plan`);
        assert.equal(MUTATIONS[mutation](file.text, prng(1)), file.text, `${file.name}: not applicable, yet changed`);
        continue;
      }
      const model = modelOf(file.text);
      const regions = tableRegions(model);
      const texts = new Set<string>();
      for (let i = 0; i < variantCount(mutation); i++) {
        const seed = seedOf(file.name, mutation, i);
        const plan = MUTATION_PLANS[mutation](file.text, prng(seed));
        assert.ok(plan, `${file.name} #${i}: no plan`);
        assert.notEqual(plan.text, file.text, `${file.name} #${i} (seed ${seed}): ${mutation} left the text unchanged`);
        assert.equal(MUTATIONS[mutation](file.text, prng(seed)), plan.text, `${file.name} #${i}: the plain function and the plan differ`);
        assert.equal(MUTATION_PLANS[mutation](file.text, prng(seed))!.text, plan.text, `${file.name} #${i}: not deterministic`);
        texts.add(plan.text);
        if (mutation === 'blank-lines') {
          assert.equal(plan.text.split('\n').length, 2 * file.text.split('\n').length - 1);
          assert.equal(plan.text.replace(/\n\n/g, '\n'), file.text);
          continue;
        }
        // Only lines inside a table region are touched; for an insertion, the break lies inside the region.
        const insertion = mutation === 'page-number' || mutation === 'running-header';
        for (const line of plan.lines) {
          const inside = regions.some((r) => line >= r.firstLine && (insertion ? line < r.lastLine : line <= r.lastLine));
          assert.ok(inside, `${file.name} #${i}: ${mutation} touched line ${line + 1}, outside every table region ${JSON.stringify(regions)}`);
        }
        // Nothing but whitespace, line breaks, the inserted line, the numbering or the zeros changes.
        const strip = (s: string) => s.replace(/\s/gu, '');
        switch (mutation) {
          case 'wrap-label-head-alone':
          case 'wrap-label-tail-alone': {
            // The label's characters and the line's cells are all still there, in a different arrangement.
            assert.equal(plan.text.split('\n').length, file.text.split('\n').length + 1);
            const sorted = (s: string) => [...strip(s).replace(/[|]/g, '')].sort().join('');
            assert.equal(sorted(plan.text), sorted(file.text), `${file.name} #${i}: characters lost or added`);
            break;
          }
          case 'drop-numbering':
            assert.ok(strip(plan.text).length < strip(file.text).length);
            assert.equal(plan.text.split('\n').length, file.text.split('\n').length);
            break;
          case 'zero-to-blank':
            assert.ok(plan.blanked.length > 0);
            assert.equal(plan.text.length, file.text.length - plan.blanked.length);
            assert.equal(plan.text.split('\n').length, file.text.split('\n').length);
            break;
          default: {
            // One line inserted right after the touched line: a page number, or the title line.
            const before = file.text.split('\n');
            const after = plan.text.split('\n');
            assert.equal(after.length, before.length + 1);
            const at = plan.lines[0] + 1;
            assert.deepEqual([...after.slice(0, at), ...after.slice(at + 1)], before);
            if (mutation === 'running-header') assert.equal(after[at], titleLine(file.text));
            else assert.match(after[at], /^(?:-\d+-|- \d+ -|— \d+ —|第 \d+ 页|\d+\/\d+|第\d+页 共\d+页)$/);
          }
        }
      }
      // On a seed every mutation has many places to act (a real text may have a single eligible row).
      if (!DETERMINISTIC.has(mutation) && file.name.startsWith('seeds/')) {
        assert.ok(texts.size > 1, `${file.name}: all ${variantCount(mutation)} variants of ${mutation} are the same text`);
      }
    }
  });
}
