// The disk's files as every command and the language server read and write them: a path that is
// not a regular file (a FIFO, a device, a folder) or is larger than anything it could be is refused
// from its stat, before it is opened; nothing is written through a link or onto a device.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { chmod, lstat, open, readdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';
import { MAX_REFERAT_BYTES } from '../archive/reader';
import type { LocalizedText } from '../i18n/locale';
import { MAX_SOURCE_BYTES, MAX_SOURCE_FILES, type SourceFile } from '../import/bundle';

/**
 * A published source (a PDF with its appendices, a saved page) larger than this is not read: pdf.js
 * holds a file several times over in memory. The largest published minutes seen are near 60 MB.
 */
export const MAX_IMPORT_SOURCE_BYTES = 256 * 1024 * 1024;

/** How large a file may be, and what it is said to be too large for. */
export interface SizeLimit {
  readonly bytes: number;
  readonly what: LocalizedText;
}

/** A referat (or referat.yaml): the archive's own limit, so the editor and the command line agree. */
export const REFERAT_LIMIT: SizeLimit = { bytes: MAX_REFERAT_BYTES, what: { da: 'et referat', en: 'a referat' } };
export const IMPORT_SOURCE_LIMIT: SizeLimit = { bytes: MAX_IMPORT_SOURCE_BYTES, what: { da: 'en kilde til import', en: 'an import source' } };

/** Opening never waits for a FIFO's writer (a regular file ignores the flag); Windows has none. */
const NO_WAIT = constants.O_RDONLY | ((constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0);

export type FileRead =
  | { readonly ok: true; readonly bytes: Buffer; readonly stats: Stats }
  | {
      readonly ok: false;
      /** `missing`: not there (ENOENT, ENOTDIR); `refused`: there, but not a file to read; `failed`: the system said no. */
      readonly kind: 'missing' | 'refused' | 'failed';
      readonly problem: LocalizedText;
      readonly stats?: Stats;
      readonly code?: string;
    };

/** What is wrong with reading this path as a file, from its stat alone; undefined when nothing is. */
export function refusal(stats: Stats, limit: SizeLimit): LocalizedText | undefined {
  const kind = notAFile(stats);
  if (kind) return kind;
  if (stats.size <= limit.bytes) return undefined;
  const size = megabytes(stats.size);
  const most = megabytes(limit.bytes);
  return {
    da: `filen fylder ${size} MB, for meget til ${limit.what.da} (højst ${most} MB)`,
    en: `the file is ${size} MB, too large for ${limit.what.en} (at most ${most} MB)`,
  };
}

/** A folder, a FIFO, a device or a socket said as what it is; undefined for a regular file. */
export function notAFile(stats: Stats): LocalizedText | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return { da: 'er en mappe, ikke en fil', en: 'is a folder, not a file' };
  if (stats.isFIFO()) return { da: 'er en navngiven pipe (FIFO), ikke en fil', en: 'is a named pipe (FIFO), not a file' };
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return { da: 'er en enhed, ikke en fil', en: 'is a device, not a file' };
  if (stats.isSocket()) return { da: 'er en socket, ikke en fil', en: 'is a socket, not a file' };
  return { da: 'er ikke en almindelig fil', en: 'is not a regular file' };
}

const megabytes = (bytes: number): number => Math.ceil(bytes / (1024 * 1024));

/** A failed system call said plainly. */
export function fsProblem(e: unknown): LocalizedText {
  const code = errorCode(e);
  if (code === 'ENOENT') return { da: 'filen eller mappen findes ikke', en: 'no such file or folder' };
  if (code === 'ENOTDIR') return { da: 'en del af stien er en fil, ikke en mappe', en: 'a part of the path is a file, not a folder' };
  if (code === 'EACCES' || code === 'EPERM') return { da: 'adgang nægtet', en: 'permission denied' };
  if (code === 'EISDIR') return { da: 'er en mappe, ikke en fil', en: 'is a folder, not a file' };
  return { da: `kan ikke læses (${code ?? String(e)})`, en: `cannot read (${code ?? String(e)})` };
}

export const errorCode = (e: unknown): string | undefined => (e as { code?: string } | undefined)?.code;

function failure(e: unknown, stats?: Stats): FileRead {
  const code = errorCode(e);
  const kind = code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'failed';
  return { ok: false, kind, problem: fsProblem(e), ...(code ? { code } : {}), ...(stats ? { stats } : {}) };
}

/**
 * A regular file's bytes, up to the limit: stat first, so a FIFO or a device is never opened; then
 * opened without waiting and stat'ed again, in case the path changed in between. Never throws.
 */
export function readFileSafelySync(path: string, limit: SizeLimit): FileRead {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (e) {
    return failure(e);
  }
  const before = refusal(stats, limit);
  if (before) return { ok: false, kind: 'refused', problem: before, stats };
  let fd: number;
  try {
    fd = openSync(path, NO_WAIT);
  } catch (e) {
    return failure(e, stats);
  }
  try {
    stats = fstatSync(fd);
    const now = refusal(stats, limit);
    if (now) return { ok: false, kind: 'refused', problem: now, stats };
    const bytes = Buffer.allocUnsafeSlow(stats.size);
    let n = 0;
    for (let r = 1; n < stats.size && r > 0; n += r) r = readSync(fd, bytes, n, stats.size - n, n);
    // A file cut short while being read: what is there is read; a file grown meanwhile, up to its stat'ed size.
    return { ok: true, bytes: bytes.subarray(0, n), stats };
  } catch (e) {
    return failure(e, stats);
  } finally {
    closeSync(fd);
  }
}

/** `readFileSafelySync` without holding the thread: for the language server and the import. */
export async function readFileSafely(path: string, limit: SizeLimit): Promise<FileRead> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (e) {
    return failure(e);
  }
  const before = refusal(stats, limit);
  if (before) return { ok: false, kind: 'refused', problem: before, stats };
  let handle;
  try {
    handle = await open(path, NO_WAIT);
  } catch (e) {
    return failure(e, stats);
  }
  try {
    stats = await handle.stat();
    const now = refusal(stats, limit);
    if (now) return { ok: false, kind: 'refused', problem: now, stats };
    const bytes = Buffer.allocUnsafeSlow(stats.size);
    let n = 0;
    for (let r = 1; n < stats.size && r > 0; n += r) r = (await handle.read(bytes, n, stats.size - n, n)).bytesRead;
    return { ok: true, bytes: bytes.subarray(0, n), stats };
  } catch (e) {
    return failure(e, stats);
  } finally {
    await handle.close();
  }
}

/** The two paths name one file: the same spelling, a link to it, a hard link, another case on a disk that ignores case. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a, { bigint: true }), stat(b, { bigint: true })]);
    if (x.dev === y.dev && x.ino === y.ino && x.ino !== 0n) return true;
    // A file system without inode numbers gives 0: there the links are followed to compare the paths.
    const [ra, rb] = await Promise.all([realpath(a), realpath(b)]);
    return ra === rb;
  } catch {
    // One of them does not exist (or cannot be seen): they are not one file.
    return false;
  }
}

export type WriteResult =
  { readonly ok: true } | { readonly ok: false; readonly kind: 'exists' } | { readonly ok: false; readonly kind: 'refused'; readonly problem: LocalizedText };

export interface WriteOptions {
  /** Replace an existing file, or a link's own entry; never a folder, FIFO or device. */
  readonly force: boolean;
  /**
   * Asked of a file being replaced at the last moment, the new text written beside it: false when it
   * is no longer what the command read (another command or an editor saved it meanwhile), and then
   * nothing is replaced.
   */
  readonly stillAsRead?: () => boolean;
}

type Inspected = { readonly ok: true; readonly existing?: Stats } | Exclude<WriteResult, { ok: true }>;

/** Whether a command may write here, asked before it does its work; `writeFileSafely` asks again. */
export async function mayWrite(target: string, options: WriteOptions): Promise<WriteResult> {
  const inspected = await inspect(target, options);
  return inspected.ok ? { ok: true } : inspected;
}

async function inspect(target: string, options: WriteOptions): Promise<Inspected> {
  let existing: Stats;
  try {
    existing = await lstat(target);
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { ok: true };
    return { ok: false, kind: 'refused', problem: writeProblem(e) };
  }
  if (existing.isSymbolicLink()) {
    // A link to a device or a folder (`/dev/stdout`) is not a file to replace, even with --force.
    const pointed = await stat(target).catch(() => undefined);
    if (pointed && !pointed.isFile())
      return {
        ok: false,
        kind: 'refused',
        problem: { da: 'er et symbolsk link til noget, der ikke er en fil', en: 'is a symbolic link to something that is not a file' },
      };
  } else {
    const kind = notAFile(existing);
    if (kind) return { ok: false, kind: 'refused', problem: kind };
  }
  return options.force ? { ok: true, existing } : { ok: false, kind: 'exists' };
}

/**
 * Writes a file the command makes, never through what is already there: without `force` an
 * existing name (a file, a link, even a broken one) is left alone; with it, a regular file or a
 * symbolic link is replaced as a name (a temporary file in the same folder renamed over it), so a
 * link's target, a hard link's other name, or a file outside the folder is never written.
 */
export async function writeFileSafely(target: string, data: string | Uint8Array, options: WriteOptions): Promise<WriteResult> {
  const inspected = await inspect(target, options);
  if (!inspected.ok) return inspected;
  const { existing } = inspected;
  if (existing === undefined) return createNew(target, data);
  return replace(target, data, existing.isSymbolicLink() ? undefined : existing.mode & 0o7777, options.stillAsRead);
}

async function createNew(target: string, data: string | Uint8Array): Promise<WriteResult> {
  let handle;
  try {
    // `wx`: a name that appeared a moment ago (a file, a link) is not written over, nor through.
    handle = await open(target, 'wx');
  } catch (e) {
    if (errorCode(e) === 'EEXIST') return { ok: false, kind: 'exists' };
    return { ok: false, kind: 'refused', problem: writeProblem(e) };
  }
  try {
    await handle.writeFile(data);
    await handle.close();
    return { ok: true };
  } catch (e) {
    // A disk that filled up midway: no half-written file is left with the name.
    await handle.close().catch(() => undefined);
    await unlink(target).catch(() => undefined);
    return { ok: false, kind: 'refused', problem: writeProblem(e) };
  }
}

/** What is said when a file changed while a command worked on it. */
const CHANGED_MEANWHILE: LocalizedText = {
  da: 'filen blev ændret, mens kommandoen arbejdede (gemt i en editor, eller en anden kommando på samme fil); intet er skrevet: kør kommandoen igen',
  en: 'the file changed while the command worked on it (saved in an editor, or another command on the same file); nothing was written: run the command again',
};

async function replace(target: string, data: string | Uint8Array, mode: number | undefined, stillAsRead?: () => boolean): Promise<WriteResult> {
  // node:crypto is loaded on the first replacement, not at every start of the CLI (about 8 ms).
  const { randomBytes } = await import('node:crypto');
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    // The file replaced keeps who may read it.
    if (mode !== undefined) await chmod(temporary, mode);
    // Asked with nothing awaited between it and the rename: no other save on this process can come between.
    if (stillAsRead && !stillAsRead()) {
      await unlink(temporary).catch(() => undefined);
      return { ok: false, kind: 'refused', problem: CHANGED_MEANWHILE };
    }
    await rename(temporary, target);
    return { ok: true };
  } catch (e) {
    await unlink(temporary).catch(() => undefined);
    return { ok: false, kind: 'refused', problem: writeProblem(e) };
  }
}

function writeProblem(e: unknown): LocalizedText {
  const code = errorCode(e);
  if (code === 'ENOENT') return { da: 'mappen findes ikke', en: 'no such folder' };
  if (code === 'ENOTDIR') return { da: 'en del af stien er en fil, ikke en mappe', en: 'a part of the path is a file, not a folder' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return { da: 'adgang nægtet; kan ikke skrive filen', en: 'permission denied; cannot write the file' };
  if (code === 'EISDIR') return { da: 'er en mappe, ikke en fil', en: 'is a folder, not a file' };
  return { da: `kan ikke skrive filen (${code ?? String(e)})`, en: `cannot write the file (${code ?? String(e)})` };
}

/** How many files, and how many bytes in all, a folder read as one source may hold: the import's limits for a zip. */
export const SOURCE_FOLDER_LIMIT = { files: MAX_SOURCE_FILES, bytes: MAX_SOURCE_BYTES } as const;

export type FolderRead = { readonly ok: true; readonly files: SourceFile[] } | { readonly ok: false; readonly problem: LocalizedText };

/**
 * A folder's files (in sub-folders too, `/`-separated names, in name order) for the import, as a
 * meeting system wrote them: links, devices, FIFOs and hidden files skipped, each file read through
 * `readFileSafely`, and no more than SOURCE_FOLDER_LIMIT. Never throws.
 */
export async function readSourceFolder(dir: string): Promise<FolderRead> {
  const files: SourceFile[] = [];
  let total = 0;
  const tooMuch = (): LocalizedText => ({
    da: `mappen rummer mere end ${SOURCE_FOLDER_LIMIT.files} filer eller ${megabytes(SOURCE_FOLDER_LIMIT.bytes)} MB; vælg mødets egen mappe`,
    en: `the folder holds more than ${SOURCE_FOLDER_LIMIT.files} files or ${megabytes(SOURCE_FOLDER_LIMIT.bytes)} MB; choose the meeting's own folder`,
  });
  const walk = async (sub: string): Promise<LocalizedText | undefined> => {
    const entries = await readdir(join(dir, sub), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const name = sub === '' ? e.name : `${sub}/${e.name}`;
      // The entry's own type, a link's not its target's: a link is not followed out of the folder.
      if (e.isDirectory()) {
        const problem = await walk(name);
        if (problem) return problem;
        continue;
      }
      if (!e.isFile()) continue;
      if (files.length >= SOURCE_FOLDER_LIMIT.files) return tooMuch();
      const read = await readFileSafely(join(dir, name), IMPORT_SOURCE_LIMIT);
      if (!read.ok) return { da: `${name}: ${read.problem.da}`, en: `${name}: ${read.problem.en}` };
      total += read.bytes.length;
      if (total > SOURCE_FOLDER_LIMIT.bytes) return tooMuch();
      files.push({ name, bytes: read.bytes });
    }
    return undefined;
  };
  try {
    const problem = await walk('');
    return problem ? { ok: false, problem } : { ok: true, files };
  } catch (e) {
    return { ok: false, problem: fsProblem(e) };
  }
}

/**
 * A path as the disk spells it, where the disk spells a name in another Unicode normalisation than
 * the one given: `å` typed as one character (NFC) for a file a Mac wrote as `a` and a ring (NFD), as
 * macOS's zips and folders have them, or the other way round. Each part not found as given is looked
 * up among its folder's entries by its NFC form. The path as given where it exists, or where no
 * spelling of it does (the reader then says it is missing).
 */
export function spelledOnDisk(path: string): string {
  if (!/[^\p{ASCII}]/u.test(path) || lstatSync(path, { throwIfNoEntry: false }) !== undefined) return path;
  const root = parse(path).root;
  const parts = path.slice(root.length).split(sep === '\\' ? /[\\/]+/ : /\/+/);
  let current = root;
  for (const part of parts) {
    if (part === '') continue;
    const direct = current === '' ? part : join(current, part);
    if (lstatSync(direct, { throwIfNoEntry: false }) !== undefined) {
      current = direct;
      continue;
    }
    const wanted = part.normalize('NFC');
    let entries: string[];
    try {
      entries = readdirSync(current === '' ? '.' : current);
    } catch {
      return path;
    }
    const found = entries.find((e) => e.normalize('NFC') === wanted);
    if (found === undefined) return path;
    current = current === '' ? found : join(current, found);
  }
  return current;
}
