// npm run bench: parse and check times per seed and for a 1 MB document of concatenated reports,
// next to one plain regex pass over the same text (the floor any reader of the text pays).

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runChecks } from '../server/src/core/checks';
import { parseReport } from '../server/src/core/parse';

const SEEDS = resolve(__dirname, '..', '..', 'shared', 'seeds');
const TARGET_MS = 300;

/** Median time of fn in milliseconds, repeated for about TARGET_MS. */
function time(fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  const until = performance.now() + TARGET_MS;
  while (performance.now() < until || samples.length < 5) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** One regex pass that touches every number and every line, as a baseline. */
function regexPass(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\d+|\n/g)) count++;
  return count;
}

function row(name: string, text: string): string {
  const parse = time(() => parseReport(text));
  const check = time(() => runChecks(parseReport(text), { locale: 'zh' }));
  const regex = time(() => regexPass(text));
  return [name.padEnd(28), `${(text.length / 1024).toFixed(1)} KB`.padStart(10), `${parse.toFixed(3)} ms`.padStart(12), `${check.toFixed(3)} ms`.padStart(12), `${regex.toFixed(3)} ms`.padStart(12), `${(parse / regex).toFixed(1)}×`.padStart(8)].join(' ');
}

const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join(SEEDS, f), 'utf8'));
console.log(['document'.padEnd(28), 'size'.padStart(10), 'parse'.padStart(12), 'parse+check'.padStart(12), 'regex pass'.padStart(12), 'ratio'.padStart(8)].join(' '));
files.forEach((f, i) => console.log(row(f, texts[i])));
let big = '';
while (big.length < 1024 * 1024) big += texts[big.length % texts.length] + '\n';
console.log(row('concatenated (1 MB)', big));
