import { DiagnosticSeverity, type CancellationToken, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { localize, type Locale } from '../i18n/locale';
import { Protocol, type FindingsSummary } from '../protocol';
import type { Diagnostic as ReferatDiagnostic } from '../rules/types';
import { toLspDiagnostic } from '../service/languageService';
import { commonPrefix, commonSuffix, computeLineStarts, firstAtOrAbove } from '../syntax/lexer';
import { readReferatText } from '../node/nodeWorkspace';
import { openReferat, safe, type ServerContext } from './context';
import { safeRequest } from './requestParams';

const isYaml = (uri: string): boolean => uri.endsWith('/referat.yaml');

/** Where findings follow saving, a pause this long in her typing is used to make them ahead of the save. */
const PREPARE_AFTER_MS = 300;
/**
 * A save that changed what the rules see of the archive checks the open documents again once saves
 * pause this long: a save that comes sooner is checked with the archive as it now is anyway, and
 * must not wait behind a check of the text it replaces.
 */
const RECHECK_AFTER_SAVES_MS = 250;

/** referat.yaml's mistakes, each at its line and column. */
async function publishConfigProblems({ connection, service }: ServerContext, doc: TextDocument): Promise<void> {
  const path = service.pathOf(doc.uri);
  if (!path) return;
  const problems = await service.configProblems(path, doc.getText());
  const diagnostics = problems.map((p) => ({
    range: p.range,
    severity: DiagnosticSeverity.Error,
    source: 'referat',
    code: 'referat-yaml',
    message: localize(p.message, service.locale),
  }));
  await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
}

/**
 * Findings of an earlier text of a document placed in its text now, as an editor moves its marks:
 * the lines before the first changed line keep theirs, the lines after the last are shifted by the
 * lines added or removed, and between them a finding stays on its line where no line was added or
 * removed there (a word retyped), else it is left out until the next check.
 */
export function placedInText(diagnostics: readonly Diagnostic[], from: string, to: string): Diagnostic[] {
  if (from === to) return [...diagnostics];
  // Where the texts start and stop differing, by native comparisons, and the lines by their offsets:
  // a long referat's two texts are not split into lines at every placing.
  const same = commonPrefix(from, to);
  const sameEnd = commonSuffix(from, to, same);
  const a = computeLineStarts(from);
  const b = computeLineStarts(to);
  // The lines wholly before the first difference, and the lines wholly after the last one in both texts.
  const head = firstAtOrAbove(a, same + 1) - 1;
  const tailFrom = from.length - sameEnd;
  let tail = a.length - firstAtOrAbove(a, tailFrom);
  if (a[a.length - tail] === tailFrom && !isLineStart(b, to.length - sameEnd)) tail--;
  const shift = b.length - a.length;
  const changedEnd = a.length - tail;
  const lineOf = (line: number): number | undefined => (line < head ? line : line >= changedEnd ? line + shift : shift === 0 ? line : undefined);
  const lineLength = (line: number): number => {
    const next = b[line + 1];
    if (next === undefined) return to.length - (b[line] ?? to.length);
    const breakLength = to.charCodeAt(next - 1) === 10 && to.charCodeAt(next - 2) === 13 ? 2 : 1;
    return next - breakLength - b[line]!;
  };
  const at = (line: number, character: number): { line: number; character: number } => ({ line, character: Math.min(character, lineLength(line)) });
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const start = lineOf(d.range.start.line);
    const end = lineOf(d.range.end.line);
    if (start === undefined || end === undefined || end - start !== d.range.end.line - d.range.start.line || end >= b.length) continue;
    out.push({ ...d, range: { start: at(start, d.range.start.character), end: at(end, d.range.end.character) } });
  }
  return out;
}

const isLineStart = (starts: readonly number[], offset: number): boolean => starts[firstAtOrAbove(starts, offset)] === offset;

/** `run` once calls of `soon` pause for `ms`; `now` runs it at once, in place of one pending. */
function whenPaused(run: () => Promise<void>, ms: number): { soon: () => void; now: () => Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  const now = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    return run();
  };
  return {
    soon: () => {
      clearTimeout(timer);
      timer = setTimeout(() => void now(), ms);
    },
    now,
  };
}

/** A quick fix offered for findings of a document's text: its edits, and how much longer they make the text. */
interface OfferedFix {
  readonly diagnostics: readonly Diagnostic[];
  readonly edits: readonly TextEdit[];
  readonly growth: number;
}

/** Whether two findings are one: the client sends back those it was given. */
const sameFinding = (a: Diagnostic, b: Diagnostic): boolean =>
  a.code === b.code && a.message === b.message && JSON.stringify(a.range) === JSON.stringify(b.range);

/** What the quick fixes of the code actions offered for the document's text would do to it. */
function offeredFixes(doc: TextDocument, actions: readonly CodeAction[]): OfferedFix[] {
  const out: OfferedFix[] = [];
  for (const a of actions) {
    const changes = a.edit?.changes;
    const edits = changes?.[doc.uri];
    // Only a fix of this document alone, for findings it names.
    if (!a.diagnostics?.length || !edits || Object.keys(changes).length !== 1 || a.command) continue;
    const growth = edits.reduce((n, e) => n + e.newText.length - (doc.offsetAt(e.range.end) - doc.offsetAt(e.range.start)), 0);
    out.push({ diagnostics: a.diagnostics, edits, growth });
  }
  return out;
}

/**
 * The quick fixes last offered per document, with the text they were offered for: where findings
 * follow saving, the next edit that is one of them takes the findings it mends away at once (she
 * sees the fix work), and the save brings the findings of the text as it then is.
 */
function quickFixMemory(): {
  offer: (doc: TextDocument, actions: readonly CodeAction[]) => void;
  forget: (uri: string) => void;
  /** Where the edit that made `doc` is a fix offered for the text the shown findings stand in: the others, placed in its text. */
  remaining: (doc: TextDocument, shown: { readonly diagnostics: readonly Diagnostic[]; readonly text: string } | undefined) => Diagnostic[] | undefined;
} {
  const offered = new Map<string, { readonly text: string; readonly fixes: readonly OfferedFix[] }>();
  return {
    // Asked at every move of the cursor in VS Code: the open document's own line offsets measure the edits.
    offer(doc, actions) {
      const fixes = offeredFixes(doc, actions);
      if (fixes.length > 0) offered.set(doc.uri, { text: doc.getText(), fixes });
      else offered.delete(doc.uri);
    },
    forget: (uri) => offered.delete(uri),
    remaining(doc, shown) {
      const was = offered.get(doc.uri);
      offered.delete(doc.uri);
      if (!was || !shown) return undefined;
      const text = doc.getText();
      const before = TextDocument.create(doc.uri, doc.languageId, 0, was.text);
      // Told by the length first: nearly every edit is no fix offered, and is passed over at once.
      const fix = was.fixes.find((f) => was.text.length + f.growth === text.length && TextDocument.applyEdits(before, [...f.edits]) === text);
      if (!fix || shown.text !== was.text) return undefined;
      const left = shown.diagnostics.filter((d) => !fix.diagnostics.some((f) => sameFinding(d, f)));
      return left.length === shown.diagnostics.length ? undefined : placedInText(left, was.text, text);
    },
  };
}

/** What the other handlers ask of the findings' publisher. */
interface Diagnostics {
  revalidateAll: () => Promise<void>;
  /** Checks the open documents again once saves and changes pause: for what changes while she works (the archive, the spelling count). */
  revalidateSoon: () => void;
  /** Files changed on disk: an open referat the editor reloaded from one is a saved text, checked as a save is. */
  changedOnDisk: (uris: readonly string[]) => void;
  fixesOffered: (doc: TextDocument, actions: readonly CodeAction[]) => void;
}

/** After the watcher's report of a change on disk, the files are read once reports pause: not in a save's way. */
const DISK_READ_AFTER_MS = 250;

/**
 * Open referater whose file changed on disk, not by her save (a copy over it, a checkout, another
 * program): VS Code reloads such a file into the editor, and says so in a change, before or after the
 * watcher reports it. Where the editor's text is then the file's, it is a saved text: `validate` checks
 * it (findings follow saving), not the text last saved, whose findings would stand in the new text.
 */
function reloadsFromDisk(
  ctx: ServerContext,
  savedText: Map<string, string>,
  validate: (doc: TextDocument) => Promise<void>,
): {
  reloaded: (doc: TextDocument) => boolean;
  changed: (uris: readonly string[]) => void;
  /** The files reported read now, where any are: before the open documents are checked again. */
  settle: () => Promise<void>;
  forget: (uri: string) => void;
} {
  // What an open referat's file held when it was last read after a report, until the editor's text is that.
  const onDisk = new Map<string, string>();
  const reported = new Set<string>();
  const reloaded = (doc: TextDocument): boolean => {
    const disk = onDisk.get(doc.uri);
    if (disk === undefined || disk !== doc.getText()) return false;
    onDisk.delete(doc.uri);
    savedText.set(doc.uri, disk);
    return true;
  };
  const read = whenPaused(
    safe(ctx, 'didChangeWatchedFiles', undefined, async () => {
      const uris = [...reported];
      reported.clear();
      for (const uri of uris) {
        const path = openReferat(ctx, uri) ? ctx.service.pathOf(uri) : undefined;
        if (!path) continue;
        let decoded;
        try {
          decoded = await readReferatText(path);
        } catch {
          // Gone or unreadable: the editor keeps its text, and its findings stand.
          continue;
        }
        const doc = decoded.ok ? ctx.documents.get(uri) : undefined;
        if (!decoded.ok || !doc || savedText.get(uri) === decoded.text) continue;
        onDisk.set(uri, decoded.text);
        if (reloaded(doc)) await validate(doc);
      }
    }),
    DISK_READ_AFTER_MS,
  );
  return {
    reloaded,
    changed: (uris) => {
      if (ctx.validation.trigger === 'onType') return;
      for (const uri of uris) if (openReferat(ctx, uri)) reported.add(uri);
      if (reported.size > 0) read.soon();
    },
    settle: async () => {
      if (reported.size > 0) await read.now();
    },
    forget: (uri) => {
      onDisk.delete(uri);
      reported.delete(uri);
    },
  };
}

/** Publishes findings on open and save (or as you type), clears them on close; referat.yaml's mistakes too. */
export function registerDiagnostics(ctx: ServerContext): Diagnostics {
  const timers = new Map<string, NodeJS.Timeout>();
  const { connection, documents, service } = ctx;
  // The text each open document's findings were last made from. Checked again for new knowledge (the
  // dictionary, the archive, referat.yaml, settings), it is that text that is checked when findings
  // follow saving: what is being typed is not checked before it is saved.
  const lastChecked = new Map<string, TextDocument>();
  // What was last published per document: a version's findings are published once, again only when they change.
  // Compared as JSON only when a version is published again: a new version's findings are not serialised twice.
  const published = new Map<string, { version: number; found: readonly ReferatDiagnostic[]; diagnostics: readonly Diagnostic[]; text: string }>();
  // Each open document's text as it was opened or last saved: where findings follow saving, an edit
  // that brings the text back to it (Undo to the save, Revert File) is the saved text, and is shown at once.
  const savedText = new Map<string, string>();
  const fixes = quickFixMemory();
  const publish = (doc: TextDocument, shown: { found: readonly ReferatDiagnostic[]; diagnostics: readonly Diagnostic[]; text: string }): Promise<void> => {
    published.set(doc.uri, { version: doc.version, ...shown });
    return connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [...shown.diagnostics] });
  };

  const validate = safe(ctx, 'diagnostics', undefined, async (doc: TextDocument, { again = false }: { readonly again?: boolean } = {}) => {
    if (isYaml(doc.uri)) return publishConfigProblems(ctx, doc);
    if (!openReferat(ctx, doc.uri)) return;
    // The manager updates its document in place: the text is kept as it is now.
    const checking = again ? doc : TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
    if (!again) lastChecked.set(doc.uri, checking);
    const found = await service.findings(checking);
    // A newer text may have been checked meanwhile, or the document closed: publish only the latest.
    if (lastChecked.get(doc.uri) !== checking) return;
    // The saved text checked again while she has typed since (findings follow saving): its findings are shown where their lines are now.
    const now = again ? documents.get(doc.uri) : undefined;
    const typed = now !== undefined && now.version !== checking.version && now.getText() !== checking.getText() ? now : undefined;
    const version = typed?.version ?? checking.version;
    const last = published.get(doc.uri);
    // The service's findings of a version are one object while nothing they depend on changed.
    if (!typed && last?.version === version && last.found === found) return;
    const diagnostics = shownOf(placed(found, checking, typed), ctx.service.locale);
    // Alike findings of the same version are not sent again; nor, while she types, findings placed where the editor shows them already.
    if ((last?.version === version || (typed && last)) && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics)) return;
    await publish(typed ?? checking, { found, diagnostics, text: (typed ?? checking).getText() });
  });

  const disk = reloadsFromDisk(ctx, savedText, (doc) => validate(doc));
  const recheck = whenPaused(async (): Promise<void> => {
    // A file the editor reloaded is its saved text now: read first, not checked again as the text saved before.
    await disk.settle();
    for (const doc of documents.all()) {
      const checked = ctx.validation.trigger === 'onType' ? undefined : lastChecked.get(doc.uri);
      await (checked ? validate(checked, { again: true }) : validate(doc));
    }
  }, RECHECK_AFTER_SAVES_MS);
  const revalidateAll = recheck.now;

  const prepare = preparer(ctx);
  const later = (uri: string, ms: number, run: () => void): void => void timers.set(uri, setTimeout(run, ms));

  documents.onDidOpen((e) => {
    const { uri, version } = e.document;
    savedText.set(uri, e.document.getText());
    // What her first save needs of the text is made while she reads, after its findings; an edit since has its own preparation.
    void validate(e.document).then(() => documents.get(uri)?.version === version && later(uri, PREPARE_AFTER_MS, () => void prepare.save(uri, version)));
  });
  const saved = safe(ctx, 'didSave', undefined, async (doc: TextDocument) => {
    if (isYaml(doc.uri)) {
      await service.workspaceChanged([{ kind: 'changed', uri: doc.uri }]);
      await revalidateAll();
      return;
    }
    savedText.set(doc.uri, doc.getText());
    // Her findings first. The saved text is what the archive should know: the service notes the save at once
    // (the watcher's report of it comes next) and makes its summary once these findings are out. What the
    // archive learns matters to the other open referater (and to hers where it refers to its own meeting):
    // they are checked again when it changed what the rules see.
    const published = validate(doc);
    const archived = openReferat(ctx, doc.uri) ? service.workspaceChanged([{ kind: 'changed', uri: doc.uri, text: doc.getText() }]) : undefined;
    await published;
    if (await archived) recheck.soon();
  });
  documents.onDidSave((e) => void saved(e.document));
  documents.onDidChangeContent((e) => {
    const doc = e.document;
    service.forget(doc.uri);
    if (isYaml(doc.uri)) {
      void validate(doc);
      return;
    }
    clearTimeout(timers.get(doc.uri));
    if (ctx.validation.trigger !== 'onType') {
      // Back to the text as saved, or reloaded from a file changed on disk: its findings, not those of a text typed since, are what is true.
      if (doc.getText() === savedText.get(doc.uri) || disk.reloaded(doc)) {
        void validate(doc);
        return;
      }
      // A quick fix applied: the findings it mends go at once.
      const shown = published.get(doc.uri);
      const left = fixes.remaining(doc, shown);
      if (shown && left) void publish(doc, { ...shown, diagnostics: left, text: doc.getText() });
      // Findings follow saving: they are made while she pauses, and shown when she saves.
      later(doc.uri, PREPARE_AFTER_MS, () => void prepare.findings(doc));
      return;
    }
    if (ctx.validation.debounceMs <= 0) void validate(doc);
    else later(doc.uri, ctx.validation.debounceMs, () => void validate(doc));
  });
  documents.onDidClose((e) => {
    const { uri } = e.document;
    clearTimeout(timers.get(uri));
    for (const memory of [timers, lastChecked, published, savedText]) memory.delete(uri);
    for (const forget of [disk.forget, fixes.forget, (u: string) => service.forget(u)]) forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });
  registerFindingsRequest(ctx);
  return {
    revalidateAll,
    revalidateSoon: recheck.soon,
    changedOnDisk: disk.changed,
    fixesOffered: (doc, actions) => {
      if (ctx.validation.trigger !== 'onType') fixes.offer(doc, actions);
    },
  };
}

/**
 * Work made ahead while she reads or pauses, kept, not published: the findings of the text as it is
 * now (a save of this version publishes them at once), and what the save needs of it (the archive's summary).
 */
function preparer(ctx: ServerContext): { findings: (doc: TextDocument) => Promise<void>; save: (uri: string, version: number) => Promise<void> } {
  return {
    findings: safe(ctx, 'diagnostics', undefined, async (doc: TextDocument) => {
      if (!openReferat(ctx, doc.uri)) return;
      const now = TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
      await ctx.service.findings(now);
      await ctx.service.prepareSave(now);
    }),
    save: safe(ctx, 'diagnostics', undefined, async (uri: string, version: number) => {
      const doc = openReferat(ctx, uri);
      if (doc?.version !== version) return;
      await ctx.service.prepareSave(doc);
      await ctx.service.prepareEdits(doc);
    }),
  };
}

/** Before an export: the findings of the text as it is now, whatever the validation trigger. */
function registerFindingsRequest(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Protocol.findingsRequest,
    safeRequest(ctx, 'findings', null as FindingsSummary | null, ['uri'], (params: { uri: string }, token?: CancellationToken) => {
      const doc = openReferat(ctx, params.uri);
      return doc ? ctx.service.findingsSummary(doc, token) : null;
    }),
  );
}

/** The findings as LSP's diagnostics, where the editor shows their lines: in the text typed since, where there is one. */
function placed(found: readonly ReferatDiagnostic[], checking: TextDocument, typed: TextDocument | undefined): Diagnostic[] {
  const diagnostics = found.map(toLspDiagnostic);
  return typed ? placedInText(diagnostics, checking.getText(), typed.getText()) : diagnostics;
}

/**
 * At most this many findings of one kind that is not an error are shown per document: a referat of
 * 40,000 punkter none of which is in its table of contents gave 120,000 warnings, seconds to send and
 * more than the editor lists. Errors are all shown (a CPR number, a closed punkt read as open).
 */
export const SHOWN_PER_KIND = 500;

/** The findings shown: every error, the first SHOWN_PER_KIND of each other kind, and one line saying how many more. */
export function shownOf(diagnostics: readonly Diagnostic[], locale: Locale): Diagnostic[] {
  const count = new Map<string, number>();
  const out: Diagnostic[] = [];
  const hidden = new Map<string, { first: Diagnostic; n: number }>();
  for (const d of diagnostics) {
    const kind = String(d.code ?? '');
    if (d.severity === DiagnosticSeverity.Error) {
      out.push(d);
      continue;
    }
    const n = (count.get(kind) ?? 0) + 1;
    count.set(kind, n);
    if (n <= SHOWN_PER_KIND) out.push(d);
    else {
      const h = hidden.get(kind);
      if (h) h.n++;
      else hidden.set(kind, { first: d, n: 1 });
    }
  }
  for (const [kind, { first, n }] of hidden)
    out.push({
      range: first.range,
      severity: DiagnosticSeverity.Information,
      code: kind,
      source: 'referat',
      message: localize(
        {
          da: `${n} fund mere af samme slags (${kind}) vises ikke her; referat check viser dem alle.`,
          en: `${n} more findings of the same kind (${kind}) are not shown here; referat check lists them all.`,
        },
        locale,
      ),
    });
  return out;
}
