// Any file a report comes in, read into the text the parser reads: plain text in whatever encoding (core/decode.ts),
// or a Word document, PDF or web page converted to a Markdown draft by its reader, with the place in the source of
// every line of the draft (so that a finding can say “第 3 页 表 1 第 5 行”, not a line of a text the user never saw).

import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { decodeBytes, type EncodingName } from '../core/decode';
import type { Locale } from '../core/i18n';
import { readDocx } from './docx';
import { readHtml } from './html';
import { readPdf } from './pdf';
import { ReaderError, type ConvertedReport, type SourcePlace } from './types';

export { ReaderError, type SourcePlace } from './types';

export type SourceKind = 'text' | 'docx' | 'pdf' | 'html';

export interface SourceText {
  kind: SourceKind;
  /** The text as read; for a converted file, the draft exactly as `convert` writes it (its first line names the source). */
  text: string;
  /** The encoding of a text file. */
  encoding?: EncodingName;
  /** For a converted file: the place in the source of each line of `text`. */
  places?: (SourcePlace | null)[];
}

const KINDS: Record<string, SourceKind> = {
  '.txt': 'text',
  '.md': 'text',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
};

/** The kind of source a file name says, or null for files that are not reports' sources. */
export function sourceKind(fileName: string): SourceKind | null {
  return KINDS[extname(fileName).toLowerCase()] ?? null;
}

/** Reads a file's bytes as its name says; a file that cannot be read throws ReaderError or DecodeError. */
export async function readSource(bytes: Uint8Array, fileName: string): Promise<SourceText> {
  const kind = sourceKind(fileName) ?? 'text';
  if (kind === 'text') {
    const decoded = decodeBytes(bytes);
    return { kind, text: decoded.text, encoding: decoded.encoding };
  }
  const converted: ConvertedReport = kind === 'docx' ? readDocx(bytes) : kind === 'html' ? readHtml(bytes) : await readPdf(bytes);
  // The draft's first line says where it came from; findings on the file and on its draft then share their lines.
  return { kind, text: `<!-- 来源：${basename(fileName)}（由 nianbao 转换；请对照原件核对） -->\n${converted.text}`, places: [null, ...converted.places] };
}

/**
 * Where a converted file's draft goes: `<name>.nianbao.md` beside it, or `<name> (2).nianbao.md` and so on when
 * that exists already — an edited draft is never overwritten by importing its source again.
 */
export function draftPath(fileName: string): string {
  const stem = join(dirname(fileName), basename(fileName, extname(fileName)));
  let path = `${stem}.nianbao.md`;
  for (let n = 2; existsSync(path); n++) path = `${stem} (${n}).nianbao.md`;
  return path;
}

/** Where a line of a converted file is in its source, said the way a reader of the source finds it. */
export function describePlace(place: SourcePlace | null | undefined, locale: Locale): string | null {
  if (!place) return null;
  const parts: string[] = [];
  if (locale === 'zh') {
    if (place.page) parts.push(`第 ${place.page} 页`);
    if (place.table) parts.push(`表格 ${place.table}${place.row ? ` 第 ${place.row} 行` : ''}${place.column ? ` 第 ${place.column} 列` : ''}`);
    else if (place.paragraph) parts.push(`第 ${place.paragraph} 段`);
    return parts.length > 0 ? parts.join(' ') : null;
  }
  if (place.page) parts.push(`page ${place.page}`);
  if (place.table) parts.push(`table ${place.table}${place.row ? ` row ${place.row}` : ''}${place.column ? ` column ${place.column}` : ''}`);
  else if (place.paragraph) parts.push(`paragraph ${place.paragraph}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** A reader's failure as the message for the user: in one language, or both (the command line's messages). */
export function readFailure(error: unknown, locale: Locale | 'both'): string | null {
  if (!(error instanceof ReaderError)) return null;
  return locale === 'both' ? `${error.zh} / ${error.en}` : locale === 'zh' ? error.zh : error.en;
}
