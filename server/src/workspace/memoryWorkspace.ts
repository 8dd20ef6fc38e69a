import type { Workspace } from './workspace';

/** A workspace held in memory: for tests, and for a host with no disk of its own. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, Uint8Array>();
  /** Writes so far: each write gives its file a new fingerprint. */
  private writes = 0;
  private readonly written = new Map<string, number>();

  constructor(files: Readonly<Record<string, string | Uint8Array>> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.written.set(path, ++this.writes);
  }

  delete(path: string): void {
    this.files.delete(path);
    this.written.delete(path);
  }

  fingerprint(path: string): Promise<string | undefined> {
    const n = this.written.get(path);
    return Promise.resolve(n === undefined ? undefined : String(n));
  }

  listReferater(folder: string): Promise<string[]> {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    const found = [...this.files.keys()]
      .filter(
        (p) =>
          p.startsWith(prefix) &&
          p.endsWith('.referat') &&
          !p
            .slice(prefix.length)
            .split('/')
            .some((part) => part.startsWith('.') || part === 'node_modules'),
      )
      .sort();
    return Promise.resolve(found);
  }

  readFile(path: string): Promise<Uint8Array> {
    const bytes = this.files.get(path);
    return bytes ? Promise.resolve(bytes) : Promise.reject(Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' }));
  }

  exists(path: string): Promise<boolean> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return Promise.resolve(this.files.has(path) || [...this.files.keys()].some((p) => p.startsWith(prefix)));
  }
}
