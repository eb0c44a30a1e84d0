// A small seeded PRNG (mulberry32) so that random tests are deterministic and failures reproduce.

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

/** Characters that matter to the parser (separators, digits, brackets, headings) and some that do not. */
export const EDIT_ALPHABET = [...' \n\t|#0123456789０１一二三四五六（）()、，。：:总计年度报告行政复议—-\r\u3000a'];
