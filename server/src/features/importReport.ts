// 导入年度报告: a Word document, PDF or web page turned into a `<name>.nianbao.md` draft beside it (never over an
// existing draft: readers/index.ts draftPath), so that the
// author can check, fix and edit it in the editor. The client only asks and opens the result.

import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DecodeError } from '../core/decode';
import type { Locale } from '../core/i18n';
import { message } from '../core/messages';
import { draftPath, readFailure, readSource, sourceKind } from '../readers';

export type ImportResult = { uri: string } | { error: string };

/** Reads the file at a file: URI and writes its draft beside it; the draft's URI, or what went wrong, for the user. */
export async function importReport(uri: string, locale: Locale): Promise<ImportResult> {
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return { error: message(locale, 'import.not-local', { uri }) };
  }
  const kind = sourceKind(path);
  if (kind === null || kind === 'text') {
    return { error: message(locale, 'import.unsupported', { file: basename(path) }) };
  }
  try {
    const source = await readSource(readFileSync(path), path);
    const draft = draftPath(path);
    writeFileSync(draft, source.text);
    return { uri: pathToFileURL(draft).toString() };
  } catch (error) {
    const failure = readFailure(error, locale) ?? (error instanceof DecodeError || error instanceof Error ? error.message : String(error));
    return { error: message(locale, 'import.failed', { file: basename(path), failure }) };
  }
}
