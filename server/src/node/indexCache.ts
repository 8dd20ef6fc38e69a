import { mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ReferatSummary } from '../archive/summary';
import type { SummaryResult, SummaryCache } from '../archive/reader';

declare const __REFERAT_BUILD__: string | undefined;

/** Every build has its own cache format: a new server never reads what an older one summarised. */
const BUILD = typeof __REFERAT_BUILD__ === 'string' ? __REFERAT_BUILD__ : 'dev';

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly summary: ReferatSummary;
}

/**
 * The archive's summaries of its files from the last session, reused for every file whose size and
 * modification time are unchanged, so a warm start reads only what changed.
 */
export class IndexCache implements SummaryCache {
  private entries = new Map<string, Entry>();
  private dirty = false;
  readonly file: string;

  constructor(cacheDir: string | undefined, roots: readonly string[]) {
    const base = cacheDir ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'referat');
    const key = createHash('sha1').update(roots.join('\n')).digest('hex').slice(0, 16);
    this.file = join(base, `index-${key}.json`);
  }

  load(): number {
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as { build: string; entries: [string, Entry][] };
      if (data.build === BUILD && Array.isArray(data.entries)) this.entries = new Map(data.entries);
    } catch {
      this.entries = new Map();
    }
    return this.entries.size;
  }

  /** The file's summary from the last session, if the file is unchanged since. */
  lookup(path: string): SummaryResult | undefined {
    const e = this.entries.get(path);
    if (!e) return undefined;
    try {
      const s = statSync(path);
      return e.size === s.size && e.mtimeMs === s.mtimeMs
        ? { path, size: e.size, mtimeMs: e.mtimeMs, outcome: { kind: 'summary', summary: e.summary } }
        : undefined;
    } catch {
      return undefined;
    }
  }

  put(path: string, size: number, mtimeMs: number, summary: ReferatSummary): void {
    this.entries.set(path, { size, mtimeMs, summary });
    this.dirty = true;
  }

  /** Keeps only the files that still exist. */
  retain(paths: ReadonlySet<string>): void {
    for (const p of this.entries.keys()) {
      if (!paths.has(p)) {
        this.entries.delete(p);
        this.dirty = true;
      }
    }
  }

  save(): void {
    if (!this.dirty) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ build: BUILD, entries: [...this.entries] }));
    renameSync(tmp, this.file);
    this.dirty = false;
  }
}
