// Formatting: Markdown pipe tables get their pipes aligned (CJK characters count double). Cell text is
// kept as written, so no value changes; a second run changes nothing. Tab and PDF layouts are left alone.

import type { TextEdit } from 'vscode-languageserver';
import type { ReportModel } from '../core/model';
import { isPipeLine, parsePipeLine, renderPipeTable } from '../core/pipeTable';
import { lineEndOf } from '../core/text';
import { toRange } from './convert';

export function provideFormatting(model: ReportModel): TextEdit[] {
  const { text, lineStarts } = model;
  const lineText = (line: number): string => text.slice(lineStarts[line], lineEndOf(text, lineStarts, line));
  const edits: TextEdit[] = [];
  let line = 0;
  while (line < lineStarts.length) {
    if (!isPipeLine(lineText(line))) {
      line++;
      continue;
    }
    const first = line;
    while (line < lineStarts.length && isPipeLine(lineText(line))) line++;
    const original = Array.from({ length: line - first }, (_, i) => lineText(first + i));
    const indent = /^[ \t]*/.exec(original[0])![0];
    const formatted = renderPipeTable(original.map(parsePipeLine), indent);
    formatted.forEach((newText, i) => {
      if (newText === original[i]) return;
      const at = first + i;
      edits.push({ range: toRange(model, { start: lineStarts[at], end: lineEndOf(text, lineStarts, at) }), newText });
    });
  }
  return edits;
}
