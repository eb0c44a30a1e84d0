// Incremental use: after a one-character edit applied the way the server applies it (TextDocument.update
// with a ranged change), the model equals a fresh read of the same text built by plain string slicing;
// after undoing the edit it equals the seed's model again. ~200 random edits per seed, seeded PRNG.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseReport } from '../../server/src/core/parse';
import { EDIT_ALPHABET, prng, randomInt } from '../support/random';
import { readSeed, SEED_NAMES } from '../support/seeds';

const EDITS_PER_SEED = 200;

for (const [index, name] of SEED_NAMES.entries()) {
  test(`${name}: ${EDITS_PER_SEED} one-character edits, incremental = fresh, undo = original`, () => {
    const seed = readSeed(name);
    const original = parseReport(seed);
    const random = prng(100 + index);
    const doc = TextDocument.create('file:///report.nianbao.md', 'disclosure-report', 1, seed);
    let version = 1;
    for (let i = 0; i < EDITS_PER_SEED; i++) {
      const text = doc.getText();
      const at = randomInt(random, text.length + 1);
      const op = randomInt(random, 3);
      const ch = EDIT_ALPHABET[randomInt(random, EDIT_ALPHABET.length)];
      // insert | delete | replace one character at `at`
      const end = op === 0 ? at : Math.min(text.length, at + 1);
      const inserted = op === 1 ? '' : ch;
      const removed = text.slice(at, end);
      const fresh = text.slice(0, at) + inserted + text.slice(end);
      const what = `edit #${i}: ${['insert', 'delete', 'replace'][op]} ${JSON.stringify(inserted)} at ${at}`;

      TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(end) }, text: inserted }], ++version);
      assert.equal(doc.getText(), fresh, what);
      assert.deepEqual(parseReport(doc.getText()), parseReport(fresh), what);

      const undoEnd = at + inserted.length;
      TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(undoEnd) }, text: removed }], ++version);
      assert.equal(doc.getText(), seed, `undo ${what}`);
      assert.deepEqual(parseReport(doc.getText()), original, `undo ${what}`);
    }
  });
}
