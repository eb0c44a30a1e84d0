// CodeLens above tables 三 and 四 (at their first line): whether the table adds up — table 三's 勾稽关系 per column
// (一 + 二 = （七） + 四, and （七） = （一）…（六）), table 四's group totals — and 修正全部合计 when fix-all has an
// edit in that table (the command disclosureReport.fixAllTotals, which the client registers, with the document's URI).

import type { CodeLens } from 'vscode-languageserver';
import { fixAllTotals } from '../core/fixAll';
import type { Locale } from '../core/i18n';
import { message } from '../core/messages';
import type { ReportModel, Table } from '../core/model';
import { equationsOf } from '../core/schema';
import { lineEndOf, lineOf } from '../core/text';
import { sides, TableValues } from '../core/values';
import { toRange } from './convert';

/** The client's command 修正全部合计 (it asks the server to apply the edit). */
export const CLIENT_FIX_ALL_COMMAND = 'disclosureReport.fixAllTotals';

/**
 * How many lines of a table do not add up: table 三's columns whose balance (一 + 二 = （七） + 四) or （七） total
 * fails, table 四's groups whose 总计 fails (the format's equations, schema.ts; lines that cannot be summed count not).
 */
export function linesOff(table: Table): number {
  const values = new TableValues(table);
  const ids = table.id === 'table3' ? ['balance', 'result-total'] : ['group-total'];
  const off = new Set<string>();
  for (const eq of equationsOf(table)) {
    if (!ids.includes(eq.id)) continue;
    const both = sides(values, eq);
    if (both && both.left !== both.right) off.add(eq.line);
  }
  return off.size;
}

export function provideCodeLenses(model: ReportModel, uri: string, locale: Locale): CodeLens[] {
  const lenses: CodeLens[] = [];
  let fixes: ReturnType<typeof fixAllTotals> | null = null;
  for (const table of [model.tables.table3, model.tables.table4]) {
    if (!table) continue;
    const line = lineOf(model.lineStarts, table.span.start);
    const range = toRange(model, { start: model.lineStarts[line], end: lineEndOf(model.text, model.lineStarts, line) });
    const off = linesOff(table);
    const title =
      table.id === 'table3'
        ? off === 0 ? message(locale, 'lens.balance-ok') : message(locale, 'lens.balance-off', { count: off })
        : off === 0 ? message(locale, 'lens.groups-ok') : message(locale, 'lens.groups-off', { count: off });
    // A lens only to read: no command to run (an empty command, which VS Code shows as plain text).
    lenses.push({ range, command: { title, command: '' } });
    fixes ??= fixAllTotals(model);
    if (fixes.some((e) => e.span.start >= table.span.start && e.span.start < table.span.end)) {
      lenses.push({ range, command: { title: message(locale, 'fix.all-totals'), command: CLIENT_FIX_ALL_COMMAND, arguments: [uri] } });
    }
  }
  return lenses;
}
