import type { ArchiveIndex } from '../archive/index';
import { holdsReferat } from '../archive/summary';
import type { SummaryResult, SummaryCache, SummaryReader } from '../archive/reader';
import { localize, type LocalizedText, type Locale } from '../i18n/locale';
import { yieldToHost, type Workspace } from '../workspace/workspace';

/** How a complete index came about, for the log and the `referat/indexed` notification. */
export interface IndexReport {
  readonly files: number;
  readonly referater: number;
  readonly ms: number;
  /** Files unchanged since the last session, taken from the cache. */
  readonly reused: number;
  readonly cachedCount: number;
  /** How long each step took, in words for the log. */
  readonly phases: readonly LocalizedText[];
}

export interface IndexerHost {
  readonly workspace: Workspace;
  readonly reader: SummaryReader;
  /** The summaries of the last session for these roots; none where the host keeps no cache. */
  readonly cache?: (roots: readonly string[]) => SummaryCache;
  readonly toUri: (path: string) => string;
  readonly log: (message: string) => void;
  readonly locale: () => Locale;
}

const CHUNK = 25;

interface IndexRun {
  done: number;
  total: number;
  readonly finished: Promise<IndexReport>;
}

/**
 * Builds the archive of every referat in the workspace roots and keeps it current. Reading starts
 * as soon as the roots are known and goes on silently; whoever shows progress attaches to it.
 */
export class ArchiveIndexer {
  private run: IndexRun | undefined;
  private onProgress: ((done: number, total: number) => void) | undefined;
  /** Cancelled by `dispose`: reading stops between batches, and nothing more is taken into the archive. */
  private readonly stopped = { isCancellationRequested: false };

  constructor(
    private readonly archive: ArchiveIndex,
    private readonly host: IndexerHost,
  ) {}

  /** Starts reading the archive (once); `finished` says when it is complete. */
  start(roots: readonly string[]): void {
    if (this.run) return;
    const counts = { done: 0, total: 0 };
    const run: IndexRun = Object.assign(counts, { finished: Promise.resolve().then(() => this.read(roots, counts)) });
    // Awaited by `finished()`; until then a failure must not count as unhandled.
    run.finished.catch(() => undefined);
    this.run = run;
  }

  /** Progress from now on, and where it stands already. */
  reportTo(onProgress: (done: number, total: number) => void): void {
    this.onProgress = onProgress;
    if (this.run) onProgress(this.run.done, this.run.total);
  }

  finished(): Promise<IndexReport> | undefined {
    return this.run?.finished;
  }

  /** The cache of a complete index, until it is saved. */
  private unsaved: SummaryCache | undefined;

  private saveCache(): void {
    const cache = this.unsaved;
    this.unsaved = undefined;
    if (!cache) return;
    try {
      cache.save();
    } catch (e) {
      this.host.log(`referat: could not save the index cache ${cache.file}: ${String(e)}`);
    }
  }

  /** No more reading: a run under way stops at its next batch and takes in nothing more; a complete index not yet kept is kept now. */
  dispose(): void {
    this.saveCache();
    this.stopped.isCancellationRequested = true;
    this.onProgress = undefined;
    this.skippedFor.clear();
  }

  /** Why each file was last passed over: a file saved again for the same reason is not logged again (a new file, keystroke by keystroke). */
  private readonly skippedFor = new Map<string, string>();

  private skipped(path: string, why: LocalizedText): void {
    const text = localize(why, this.host.locale());
    if (this.skippedFor.get(path) === text) return;
    this.skippedFor.set(path, text);
    this.host.log(`referat: ${localize({ da: 'sprang over', en: 'skipped' }, this.host.locale())} ${path}: ${text}`);
  }

  /** A file read (here or on a worker thread) taken into the archive; kept in the cache when given. */
  take(r: SummaryResult, cache?: SummaryCache): void {
    if (this.stopped.isCancellationRequested) return;
    const uri = this.host.toUri(r.path);
    switch (r.outcome.kind) {
      case 'gone':
        this.archive.delete(uri);
        this.skippedFor.delete(r.path);
        return;
      case 'skipped':
        this.archive.delete(uri);
        this.skipped(r.path, r.outcome.reason);
        return;
      case 'summary': {
        const { summary } = r.outcome;
        cache?.put(r.path, r.size, r.mtimeMs, summary);
        if (holdsReferat(summary)) {
          this.archive.set(uri, summary);
          this.skippedFor.delete(r.path);
        } else {
          this.archive.delete(uri);
          this.skipped(r.path, { da: 'ikke et referat (ingen REFERAT-titel og ingen punkter)', en: 'not a referat (no REFERAT title and no items)' });
        }
      }
    }
  }

  /** One file created or changed on disk, read again. */
  async fileChanged(path: string): Promise<void> {
    if (this.stopped.isCancellationRequested) return;
    await this.host.reader.read([path], (results) => results.forEach((r) => this.take(r)), this.stopped);
  }

  private async read(roots: readonly string[], run: { done: number; total: number }): Promise<IndexReport> {
    const started = Date.now();
    const report = (): void => this.onProgress?.(run.done, run.total);
    let files: string[] = [];
    for (const root of roots) files = files.concat(await this.host.workspace.listReferater(root));
    run.total = files.length;
    const phases: LocalizedText[] = [];
    let lap = started;
    const phase = (name: LocalizedText): void => {
      const now = Date.now();
      phases.push({ da: `${name.da} ${now - lap} ms`, en: `${name.en} ${now - lap} ms` });
      lap = now;
    };
    phase({ da: 'listet', en: 'list' });
    const cache = this.host.cache?.(roots);
    const cachedCount = cache?.load() ?? 0;
    let reused = 0;

    // Files unchanged since the last session come from the cache (a first session has none).
    const toRead: string[] = cachedCount === 0 ? files : [];
    for (let i = 0; cachedCount > 0 && i < files.length && !this.stopped.isCancellationRequested; i += CHUNK) {
      for (const f of files.slice(i, i + CHUNK)) {
        const unchanged = cache!.lookup(f);
        if (unchanged) {
          this.take(unchanged);
          reused++;
          run.done++;
        } else toRead.push(f);
      }
      report();
      await yieldToHost();
    }

    // The rest are read and summarised, on worker threads where the host has them.
    phase({ da: 'fra cachen', en: 'cached' });
    let taking = 0;
    const { threads } = await this.host.reader.read(
      toRead,
      (results) => {
        const t = performance.now();
        for (const result of results) this.take(result, cache);
        run.done += results.length;
        report();
        taking += performance.now() - t;
      },
      this.stopped,
    );
    phase(threads > 0 ? { da: `læst på ${threads} tråde`, en: `read on ${threads} worker threads` } : { da: 'læst', en: 'read' });
    phases.push({ da: `heraf ${Math.round(taking)} ms til at tage resultaterne ind`, en: `of which ${Math.round(taking)} ms taking results in` });
    // A disposed service's index is incomplete: it is not kept for the next session. A complete
    // one is kept after the report of it is out (its JSON is a tenth of a first session's index).
    if (cache && !this.stopped.isCancellationRequested) {
      cache.retain(new Set(files));
      this.unsaved = cache;
      void yieldToHost().then(() => this.saveCache());
    }
    return { files: files.length, referater: this.archive.size, ms: Date.now() - started, reused, cachedCount, phases };
  }
}
