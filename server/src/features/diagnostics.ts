// Findings → LSP diagnostics.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/checks/rules';
import type { ReportModel } from '../core/model';
import { toRange } from './convert';

export const DIAGNOSTIC_SOURCE = 'nianbao';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(findings: Finding[], model: ReportModel, uri: string): Diagnostic[] {
  return findings.map((f) => ({
    range: toRange(model, f.span),
    severity: SEVERITIES[f.severity],
    code: f.code,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    relatedInformation: f.related.length > 0 ? f.related.map((r) => ({ location: { uri, range: toRange(model, r.span) }, message: r.message })) : undefined,
  }));
}
