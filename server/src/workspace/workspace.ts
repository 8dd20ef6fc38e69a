/**
 * The files the language service sees, injected by its host: the real file system in the
 * language server and the command line (`node/nodeWorkspace.ts`), a map in memory in tests or a
 * host without a disk. Nothing in the core touches a file system except through this.
 *
 * Paths are the host's own absolute paths, with `/` or the platform's separator.
 */
export interface ListOptions {
  /** A folder below the one listed that could not be read, and why (the system's code, `EACCES`). */
  readonly unreadable?: (folder: string, code: string) => void;
}

export interface Workspace {
  /**
   * Every `*.referat` below a folder (hidden folders and node_modules skipped), sorted; a link to a
   * file counts as the file. A folder that cannot be read is passed over, and told to `unreadable`.
   */
  listReferater(folder: string, options?: ListOptions): Promise<string[]>;
  /** The file's bytes; rejects when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
  /**
   * Something that changes whenever the file may have changed (its size, modification time and
   * inode on a disk), undefined for no such file; optional. With it the watcher's report of a save
   * the service already has is told without reading the file again.
   */
  fingerprint?(path: string): Promise<string | undefined>;
}

/** What happened to a file on disk (a referat or a referat.yaml), as a host's file watcher reports it. */
export type WorkspaceChangeKind = 'created' | 'changed' | 'deleted';

export interface WorkspaceChange {
  readonly kind: WorkspaceChangeKind;
  /** The file's `file:` URI, as documents are named. */
  readonly uri: string;
  /**
   * The text as the editor just saved it, where the host has it: the archive takes it without
   * reading the disk. A document the editor holds as a referat is taken whatever its name.
   */
  readonly text?: string;
}

/** The folder a path is in, with either separator. */
export function parentFolder(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut <= 0) return cut === 0 ? path.slice(0, 1) : path;
  // `C:\` and `/` are their own parents.
  if (/^[A-Za-z]:$/.test(path.slice(0, cut))) return path.slice(0, cut + 1);
  return path.slice(0, cut);
}

export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? `${folder}${name}` : `${folder}${sep}${name}`;
}

/** Lets the host's event loop run (other requests, I/O) between batches of work. */
export function yieldToHost(): Promise<void> {
  // setImmediate where the host has it (Node): a timer would wait at least a millisecond each time.
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
