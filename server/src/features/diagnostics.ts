import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Diagnostic, Severity } from '../rules/types';

/** The one conversion of a rule's severity to LSP's. */
const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as LSP's diagnostic: what the language server publishes and a code action names. */
export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return { range: d.range, severity: LSP_SEVERITY[d.severity], code: d.code, source: 'referat', message: d.message };
}
