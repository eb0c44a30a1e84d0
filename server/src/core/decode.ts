// Bytes → text for the command line (check and extract), and the editor's hint for a report opened with the
// wrong encoding. Reports are written in UTF-8, UTF-16 (Word's “Unicode text”) or, on Chinese Windows, in
// GBK/GB18030; Big5 is the one other Chinese encoding accepted.
//
// Order: a byte-order mark decides; then UTF-16 without a mark (its zero bytes fall on one parity); then
// “valid UTF-8 is UTF-8”; then the detector (chardet) ranks GB18030 and Big5, and the first one that decodes
// without a replacement character wins. Anything else (invalid bytes in every candidate, binary data, a
// UTF-8 file with a few broken bytes) is a DecodeError naming what is wrong, never a guess.

import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import type { Localized } from './schema';
import { message } from './messages';

/** The encoding a file was read with, as named to the user. GBK: GB18030 bytes without four-byte sequences. */
export type EncodingName = 'UTF-8' | 'UTF-8 with BOM' | 'UTF-16LE' | 'UTF-16BE' | 'GBK' | 'GB18030' | 'Big5';

export interface Decoded {
  text: string;
  encoding: EncodingName;
}

export class DecodeError extends Error {}

/** Bytes the detector looks at: enough for its statistics, cheap on a 20 MB file. */
const DETECTOR_SAMPLE = 64 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeBytes(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length === 0) return { text: '', encoding: 'UTF-8' };

  // 1. A byte-order mark.
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    const text = strictUtf8(buffer.subarray(3));
    if (text === null) throw new DecodeError(`以 UTF-8 BOM 开头，但含有无效的 UTF-8 字节（第 ${firstInvalidUtf8(buffer) + 1} 字节）/ starts with a UTF-8 BOM but holds invalid UTF-8 (byte ${firstInvalidUtf8(buffer) + 1})`);
    return { text: plainText(text, 'UTF-8'), encoding: 'UTF-8 with BOM' };
  }
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: plainText(utf16(buffer.subarray(2), 'utf-16le', 'UTF-16LE'), 'UTF-16LE'), encoding: 'UTF-16LE' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: plainText(utf16(buffer.subarray(2), 'utf-16be', 'UTF-16BE'), 'UTF-16BE'), encoding: 'UTF-16BE' };

  // 2. UTF-16 without a mark: ASCII characters (digits, line breaks, table bars) put their zero byte on one side.
  const parity = utf16Parity(buffer);
  if (parity) {
    const encoding = parity === 'le' ? 'UTF-16LE' : 'UTF-16BE';
    return { text: plainText(utf16(buffer, parity === 'le' ? 'utf-16le' : 'utf-16be', encoding), encoding), encoding };
  }

  // 3. Valid UTF-8 is UTF-8.
  const text = strictUtf8(buffer);
  if (text !== null) return { text: plainText(text, 'UTF-8'), encoding: 'UTF-8' };

  // A UTF-8 file with a few broken bytes (a truncated copy, a bad merge) must not be read as GBK mojibake.
  const { valid, invalid } = utf8Sequences(buffer);
  if (valid >= 8 * invalid) {
    const at = firstInvalidUtf8(buffer);
    throw new DecodeError(`UTF-8 文件中有 ${invalid} 处无效字节（首处在第 ${at + 1} 字节，第 ${lineAtByte(buffer, at)} 行）/ UTF-8 with ${invalid} invalid byte sequence(s), the first at byte ${at + 1} (line ${lineAtByte(buffer, at)})`);
  }

  // 4. The legacy Chinese encodings, ranked by the detector.
  const errors: string[] = [];
  for (const candidate of legacyCandidates(buffer)) {
    const decoded = iconv.decode(buffer, candidate);
    const problem = textProblem(decoded) ?? (decoded.includes('\uFFFD') ? `${countOf(decoded, '\uFFFD')} 处无效字节 / invalid bytes` : null);
    if (problem === null) {
      const encoding: EncodingName = candidate === 'big5' ? 'Big5' : hasFourByteGb18030(buffer) ? 'GB18030' : 'GBK';
      return { text: decoded, encoding };
    }
    errors.push(`${candidate === 'big5' ? 'Big5' : 'GB18030'}：${problem}`);
  }
  throw new DecodeError(`无法识别编码（不是 UTF-8、UTF-16、GBK/GB18030 或 Big5 文本；${errors.join('；')}）/ unknown encoding: not UTF-8, UTF-16, GBK/GB18030 or Big5 text`);
}

function strictUtf8(buffer: Buffer): string | null {
  try {
    return utf8.decode(buffer);
  } catch {
    return null;
  }
}

function utf16(buffer: Buffer, iconvName: 'utf-16le' | 'utf-16be', name: EncodingName): string {
  if (buffer.length % 2 !== 0) throw new DecodeError(`${name} 文件的字节数为奇数，文件不完整 / ${name} with an odd number of bytes (truncated)`);
  const text = iconv.decode(buffer, iconvName, { stripBOM: false });
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) throw new DecodeError(`${name} 文本中有不成对的代理项 / ${name} with unpaired surrogates`);
  return text;
}

/** The text, or a DecodeError when it is binary data rather than text. */
function plainText(text: string, name: string): string {
  const problem = textProblem(text);
  if (problem) throw new DecodeError(`${problem}（按 ${name} 读取）/ binary data, not text (read as ${name})`);
  return text;
}

/** Why decoded text is not plain text (NUL or many control characters), or null. */
function textProblem(text: string): string | null {
  let controls = 0;
  const length = Math.min(text.length, 1 << 20);
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return '含有 NUL 字节，是二进制文件 / holds NUL bytes';
    if (c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 26) controls++;
  }
  return controls > 0 && controls * 1000 > length ? `含有 ${controls} 个控制字符，是二进制文件 / control characters` : null;
}

/** 'le' or 'be' when the zero bytes of an even-length buffer sit on one side, as in UTF-16 text with ASCII in it. */
function utf16Parity(buffer: Buffer): 'le' | 'be' | null {
  if (buffer.length % 2 !== 0 || buffer.length < 4) return null;
  const length = Math.min(buffer.length, DETECTOR_SAMPLE);
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < length; i += 2) {
    if (buffer[i] === 0) even++;
    if (buffer[i + 1] === 0) odd++;
  }
  const units = length / 2;
  // At least one code unit in twenty is ASCII, and (almost) no zero byte on the other side.
  if (odd >= units / 20 && even * 20 <= odd) return 'le';
  if (even >= units / 20 && odd * 20 <= even) return 'be';
  return null;
}

/** Well-formed multi-byte UTF-8 sequences and invalid bytes (a byte that starts no well-formed sequence). */
function utf8Sequences(buffer: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < buffer.length; ) {
    const length = utf8SequenceAt(buffer, i);
    if (length === 0) {
      invalid++;
      i++;
    } else {
      if (length > 1) valid++;
      i += length;
    }
  }
  return { valid, invalid };
}

function firstInvalidUtf8(buffer: Buffer): number {
  for (let i = 0; i < buffer.length; ) {
    const length = utf8SequenceAt(buffer, i);
    if (length === 0) return i;
    i += length;
  }
  return buffer.length;
}

/** The length of the well-formed UTF-8 sequence at i, or 0. */
function utf8SequenceAt(b: Buffer, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

function lineAtByte(buffer: Buffer, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (buffer[i] === 10) line++;
  return line;
}

/**
 * GB18030 first (what Chinese Windows writes), Big5 first only when the detector is confident of it: on a short
 * text the detector's guesses are weak, and GBK bytes are what a mainland report is made of.
 */
function legacyCandidates(buffer: Buffer): ('gb18030' | 'big5')[] {
  const matches = analyse(buffer.subarray(0, DETECTOR_SAMPLE));
  const confidence = (name: string) => matches.find((m) => m.name === name)?.confidence ?? 0;
  const big5 = confidence('Big5');
  return big5 >= 50 && big5 > confidence('GB18030') ? ['big5', 'gb18030'] : ['gb18030', 'big5'];
}

/** Whether GB18030 bytes use its four-byte form (characters outside GBK), which GBK readers cannot take. */
function hasFourByteGb18030(buffer: Buffer): boolean {
  for (let i = 0; i < buffer.length; i++) {
    const c = buffer[i];
    if (c < 0x81 || c === 0xff) continue;
    const next = buffer[i + 1];
    if (next >= 0x30 && next <= 0x39) return true;
    i++;
  }
  return false;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

// ---- The editor: text that looks like GBK bytes read with another encoding. ----

/** The catalog's `encoding.mojibake` in both locales (for callers that pick with `tr`; new code: `message(locale, 'encoding.mojibake')`). */
export const MISDECODED_MESSAGE: Localized = { zh: message('zh', 'encoding.mojibake'), en: message('en', 'encoding.mojibake') };

/**
 * Whether text looks like GBK/GB18030 bytes decoded as UTF-8 (replacement characters where the Chinese should be)
 * or as Latin-1/Windows-1252 (accented Latin letters and no Chinese; re-encoding them gives valid GB18030).
 */
export function looksMisdecoded(text: string): boolean {
  const sample = text.length > DETECTOR_SAMPLE ? text.slice(0, DETECTOR_SAMPLE) : text;
  let replacement = 0;
  let latin = 0;
  let cjk = 0;
  let nonAscii = 0;
  /** Non-ASCII characters next to another one: each GBK character is two bytes ≥ 0x81, so mojibake comes in runs. */
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (sample.charCodeAt(i - 1) >= 0x80 || sample.charCodeAt(i + 1) >= 0x80) paired++;
    if (c === 0xfffd) replacement++;
    else if (c <= 0xff || (c >= 0x152 && c <= 0x2dc) || (c >= 0x2013 && c <= 0x2122)) latin++;
    else if (c >= 0x3400 && c <= 0x9fff) cjk++;
  }
  if (nonAscii < 8) return false;
  // As UTF-8: each GBK character becomes one or two U+FFFD.
  if (replacement >= 8 && replacement * 4 >= nonAscii) return true;
  // As Windows-1252/Latin-1: two accented letters per Chinese character, no Chinese left.
  if ((latin + replacement) * 10 >= nonAscii * 9 && cjk * 20 < nonAscii && paired * 10 >= nonAscii * 9) {
    const bytes = iconv.encode(sample, 'windows-1252');
    const decoded = iconv.decode(bytes, 'gb18030');
    let recovered = 0;
    for (let i = 0; i < decoded.length; i++) {
      const c = decoded.charCodeAt(i);
      if (c >= 0x4e00 && c <= 0x9fff) recovered++;
    }
    return recovered * 3 >= latin;
  }
  return false;
}
