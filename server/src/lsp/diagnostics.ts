import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Severity } from '../rules/types';
import type { ConfigProblem } from '../config/referatYaml';
import { ServerContext, safe, toPath } from './context';
import { Protocol, type FindingsSummary } from '../protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLsp(d: Diagnostic): LspDiagnostic {
  return { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: 'referat', message: d.message };
}

export function configProblemToLsp(p: ConfigProblem, ctx: ServerContext): LspDiagnostic {
  return { range: p.range, severity: DiagnosticSeverity.Error, source: 'referat', code: 'referat-yaml', message: p.message[ctx.locale] };
}

const isYaml = (uri: string): boolean => uri.endsWith('/referat.yaml');

/** Publishes findings on open and save (or as you type), and clears them on close. */
export function registerDiagnostics(ctx: ServerContext): { validate(doc: TextDocument): Promise<void>; revalidateAll(): Promise<void> } {
  const timers = new Map<string, NodeJS.Timeout>();

  const validate = safe(ctx, 'diagnostics', undefined, async (doc: TextDocument) => {
    if (isYaml(doc.uri)) {
      const path = toPath(doc.uri);
      if (!path) return;
      const parsed = await ctx.loadConfig(path, doc.getText());
      await ctx.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: parsed.problems.map((p) => configProblemToLsp(p, ctx)) });
      return;
    }
    if (!ctx.isReferat(doc.uri)) return;
    const found = await ctx.diagnostics(doc);
    // A newer version may have arrived while this one was checked; publish only the newest.
    if (ctx.documents.get(doc.uri)?.version !== doc.version) return;
    await ctx.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: found.map(toLsp) });
  });

  const revalidateAll = async (): Promise<void> => {
    ctx.invalidateChecks();
    for (const doc of ctx.documents.all()) await validate(doc);
  };

  ctx.documents.onDidOpen((e) => void validate(e.document));
  ctx.documents.onDidSave((e) => {
    if (isYaml(e.document.uri)) {
      ctx.configChanged();
      void revalidateAll();
    } else void validate(e.document);
  });
  ctx.documents.onDidChangeContent((e) => {
    const doc = e.document;
    ctx.forget(doc.uri);
    if (isYaml(doc.uri)) {
      void validate(doc);
      return;
    }
    if (ctx.settings.trigger !== 'onType') return;
    clearTimeout(timers.get(doc.uri));
    if (ctx.settings.debounceMs <= 0) void validate(doc);
    else timers.set(doc.uri, setTimeout(() => void validate(doc), ctx.settings.debounceMs));
  });
  ctx.documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    ctx.forget(e.document.uri);
    void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
  // Before an export: the findings of the text as it is now, whatever the validation trigger.
  ctx.connection.onRequest(
    Protocol.findingsRequest,
    safe(ctx, 'findings', null as FindingsSummary | null, async (params: { uri?: unknown }) => {
      const doc = typeof params?.uri === 'string' ? ctx.documents.get(params.uri) : undefined;
      if (!doc || !ctx.isReferat(doc.uri)) return null;
      const found = await ctx.diagnostics(doc);
      const errors = found.filter((d) => d.severity === 'error');
      return { errors: errors.length, warnings: found.filter((d) => d.severity === 'warning').length, firstErrors: errors.slice(0, 3).map((d) => ({ line: d.range.start.line, message: d.message })) };
    }),
  );
  return { validate, revalidateAll };
}
