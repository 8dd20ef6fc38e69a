import { FileChangeType, SymbolKind, type DocumentLink, type Location, type SymbolInformation } from 'vscode-languageserver/node';
import { containsPosition, type Position } from '../syntax/range';
import { formatDanishDate } from '../model/dates';
import { locate } from '../features/locate';
import { IndexCache } from '../workspace/indexCache';
import type { ScanResult } from '../workspace/scanFile';
import { ServerContext, safe, toPath, toUri } from './context';
import { Protocol, type CaseHistoryEntry, type IndexedParams } from '../protocol';

const CHUNK = 25;


/** The archive of every referat in the workspace folders: built at start, kept current. */
export function registerArchive(
  ctx: ServerContext,
  revalidateAll: () => Promise<void>,
): { startIndex(): void; indexWorkspace(): Promise<void>; caseHistory(args: readonly unknown[]): CaseHistoryEntry[] } {
  const { connection } = ctx;

  const indexFile = async (path: string): Promise<void> => {
    await ctx.workspace.scanOutlines([path], (results) => results.forEach((r) => take(r)));
  };

  /** A file read and scanned (here or on a worker thread) taken into the archive. */
  const take = (r: ScanResult, cache?: IndexCache): void => {
    const uri = toUri(r.path);
    switch (r.outcome.kind) {
      case 'gone':
        ctx.archive.delete(uri);
        return;
      case 'skipped':
        ctx.archive.delete(uri);
        ctx.log(`referat: skipped ${r.path}: ${r.outcome.reason}`);
        return;
      case 'summary': {
        const { summary } = r.outcome;
        cache?.put(r.path, r.size, r.mtimeMs, summary);
        if (summary.titled || summary.punkter.length > 0) ctx.archive.set(uri, summary);
        else {
          ctx.archive.delete(uri);
          ctx.log(`referat: skipped ${r.path}: not a referat (no REFERAT title and no punkter) / ikke et referat (ingen REFERAT-titel og ingen punkter)`);
        }
      }
    }
  };

  /**
   * The index is read from the moment the server knows its folders (at initialize), silently: no
   * message may reach the client before it has the initialize result, and the client's round
   * trips until `initialized` are time the disk and the worker threads can use.
   */
  interface IndexRun {
    readonly started: number;
    done: number;
    total: number;
    progress?: { report(percentage: number, message: string): void };
    readonly finished: Promise<{ files: string[]; reused: number; cachedCount: number; phases: string[]; cache: IndexCache }>;
  }
  let run: IndexRun | undefined;
  const report = (r: IndexRun): void => r.progress?.report(Math.round((100 * r.done) / Math.max(1, r.total)), `${r.done}/${r.total}`);

  const read = async (r: IndexRun) => {
    let files: string[] = [];
    for (const root of ctx.roots) files = files.concat(await ctx.workspace.listReferater(root));
    r.total = files.length;
    const phases: string[] = [];
    let lap = r.started;
    const phase = (name: string): void => {
      const now = Date.now();
      phases.push(`${name} ${now - lap} ms`);
      lap = now;
    };
    phase('list');
    const cache = new IndexCache(ctx.cacheDir, ctx.roots);
    const cachedCount = cache.load();
    let reused = 0;

    // Files unchanged since the last session come from the cache (a first session has none).
    const toRead: string[] = cachedCount === 0 ? files : [];
    for (let i = 0; cachedCount > 0 && i < files.length; i += CHUNK) {
      for (const f of files.slice(i, i + CHUNK)) {
        const unchanged = cache.lookup(f);
        if (unchanged) {
          take(unchanged);
          reused++;
          r.done++;
        } else toRead.push(f);
      }
      report(r);
      await new Promise((resolve) => setImmediate(resolve));
    }

    // The rest are read and scanned, on worker threads where there are many.
    phase('cached');
    let taking = 0;
    const { threads } = await ctx.workspace.scanOutlines(toRead, (results) => {
      const t = performance.now();
      for (const result of results) take(result, cache);
      r.done += results.length;
      report(r);
      taking += performance.now() - t;
    });
    phase(threads > 0 ? `read on ${threads} worker threads` : 'read');
    phases.push(`of which ${Math.round(taking)} ms taking results in`);
    return { files, reused, cachedCount, phases, cache };
  };

  const startIndex = (): void => {
    if (run) return;
    const r: IndexRun = { started: Date.now(), done: 0, total: 0, finished: Promise.resolve().then(() => read(r)) };
    // Awaited in indexWorkspace; until then a failure must not count as unhandled.
    r.finished.catch(() => undefined);
    run = r;
  };

  /** Shows the index's progress once the client is ready, and finishes it: log, cache, diagnostics. */
  const indexWorkspace = async (): Promise<void> => {
    startIndex();
    const r = run!;
    // A client that refuses the progress token still gets its index, only without the bar.
    const progress = await connection.window.createWorkDoneProgress().catch(() => ({ begin: () => undefined, report: () => undefined, done: () => undefined }));
    progress.begin(ctx.locale === 'da' ? 'Referat: indekserer arkivet' : 'Referat: indexing the archive', 0, undefined, false);
    r.progress = progress;
    report(r);
    let outcome: Awaited<IndexRun['finished']>;
    try {
      outcome = await r.finished;
    } catch (e) {
      ctx.log(`referat: the archive could not be indexed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return;
    } finally {
      progress.done();
    }
    const { files, reused, cachedCount, phases, cache } = outcome;
    ctx.archiveChanged();
    const ms = Date.now() - r.started;
    ctx.log(`referat: indexed ${ctx.archive.size} referater of ${files.length} files in ${ms} ms (${reused} unchanged since the last session, from ${cachedCount} cached; ${phases.join(', ')})`);
    const indexed: IndexedParams = { files: files.length, referater: ctx.archive.size, ms, reused };
    await connection.sendNotification(Protocol.indexedNotification, indexed);
    cache.retain(new Set(files));
    try {
      cache.save();
    } catch (e) {
      ctx.log(`referat: could not save the index cache ${cache.file}: ${String(e)}`);
    }
    await revalidateAll();
  };

  connection.onDidChangeWatchedFiles(
    safe(ctx, 'didChangeWatchedFiles', undefined, async (params) => {
      let archive = false;
      let config = false;
      for (const change of params.changes) {
        const path = toPath(change.uri);
        if (!path) continue;
        if (path.endsWith('referat.yaml')) config = true;
        else if (path.endsWith('.referat')) {
          archive = true;
          if (change.type === FileChangeType.Deleted) ctx.archive.delete(change.uri);
          else await indexFile(path);
        }
      }
      if (config) ctx.configChanged();
      if (archive) ctx.archiveChanged();
      if (config || archive) await revalidateAll();
    }),
  );

  // An open document's saved text is what the archive should know.
  ctx.documents.onDidSave((e) => {
    if (!e.document.uri.endsWith('.referat')) return;
    ctx.archive.setText(e.document.uri, e.document.getText());
    ctx.archiveChanged();
  });

  const earlierAt = (uri: string, position: Position) => {
    const doc = ctx.documents.get(uri);
    if (!doc) return undefined;
    const { punkt } = locate(ctx.referat(doc), position.line);
    return punkt?.sections.find((s) => s.earlier && containsPosition(s.earlier.range, position))?.earlier;
  };

  const resolve = (e: NonNullable<ReturnType<typeof earlierAt>>): Location | undefined => {
    if (!e.date?.date || !e.body) return undefined;
    const meeting = ctx.archive.meeting(e.body, e.date.date);
    if (!meeting) return undefined;
    const target = meeting.punkter.find((p) => p.number === e.punktNumber);
    const range = target?.headingRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { uri: meeting.uri, range };
  };

  connection.onDefinition(
    safe(ctx, 'definition', null as Location | null, (params) => {
      const e = earlierAt(params.textDocument.uri, params.position);
      return (e && resolve(e)) ?? null;
    }),
  );

  connection.onDocumentLinks(
    safe(ctx, 'documentLink', [] as DocumentLink[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isReferat(doc.uri)) return [];
      const links: DocumentLink[] = [];
      for (const p of ctx.referat(doc).punkter) {
        for (const s of p.sections) {
          if (!s.earlier) continue;
          const loc = resolve(s.earlier);
          if (loc) links.push({ range: s.earlier.range, target: `${loc.uri}#L${loc.range.start.line + 1}`, tooltip: ctx.locale === 'da' ? 'Åbn det tidligere møde' : 'Open the earlier meeting' });
        }
      }
      return links;
    }),
  );

  const journalAt = (uri: string, position: Position): string | undefined => {
    const doc = ctx.documents.get(uri);
    if (!doc) return undefined;
    const { punkt } = locate(ctx.referat(doc), position.line);
    const j = punkt?.journal;
    return j?.kind === 'valid' && containsPosition(j.journal.range, position) ? j.journal.text : undefined;
  };

  connection.onReferences(
    safe(ctx, 'references', [] as Location[], (params) => {
      const journal = journalAt(params.textDocument.uri, params.position);
      if (!journal) return [];
      const seen = new Set<string>();
      const out: Location[] = [];
      for (const h of ctx.archive.caseHistory(journal)) {
        if (!params.context.includeDeclaration && h.uri === params.textDocument.uri) continue;
        const key = `${h.uri}#${h.punkt.headingRange.start.line}`;
        if (!seen.has(key)) {
          seen.add(key);
          out.push({ uri: h.uri, range: h.punkt.headingRange });
        }
      }
      return out;
    }),
  );

  connection.onWorkspaceSymbol(
    safe(ctx, 'workspaceSymbol', [] as SymbolInformation[], (params) =>
      ctx.archive.symbols(params.query, 500).map((s) => ({ name: s.name, kind: SymbolKind.Module, location: { uri: s.uri, range: s.range }, containerName: s.detail })),
    ),
  );

  /** Sagshistorik: a journal number, or a document and a position on one. */
  const caseHistory = (args: readonly unknown[]): CaseHistoryEntry[] => {
    const [first, second] = args;
    const journal = typeof first === 'string' && !first.includes(':') ? first : typeof first === 'string' && second ? journalAt(first, second as Position) : undefined;
    if (!journal) return [];
    return ctx.archive.caseHistory(journal).map((h) => ({
      uri: h.uri,
      line: h.punkt.headingRange.start.line,
      body: h.body,
      ...(h.date ? { date: formatDanishDate(h.date), isoDate: `${h.date.year}-${String(h.date.month).padStart(2, '0')}-${String(h.date.day).padStart(2, '0')}` } : {}),
      number: h.punkt.number,
      title: h.punkt.title,
      closed: h.punkt.closed,
      ...(h.punkt.beslutning ? { beslutning: h.punkt.beslutning } : {}),
    }));
  };

  return { startIndex, indexWorkspace, caseHistory };
}
