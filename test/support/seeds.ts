// The five published reports, read from ../shared/seeds beside the clone (never copied into the project).

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SEEDS_DIR = resolve(REPO_ROOT, '..', 'shared', 'seeds');

export const SEED_NAMES = [
  '000_c09face178877b87.txt',
  '001_f0cbcda3827e0aad.txt',
  '002_400582c34393c453.txt',
  '003_bd5764f2f2266ecc.txt',
  '004_eedfd0bd79a0644a.txt',
] as const;

export type SeedName = (typeof SEED_NAMES)[number];

export function readSeed(name: SeedName): string {
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}

/** Replaces the n-th occurrence (0-based) of `find` in text; throws when it is not there, so a fixture cannot silently miss. */
export function replaceNth(text: string, find: string, replacement: string, n = 0): string {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(find, at + 1);
    if (at < 0) throw new Error(`fixture: occurrence ${n} of ${JSON.stringify(find)} not found`);
  }
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}
