// The import on Node: a source file read from disk, its minutes read by the import's readers (with
// pdf.js's CMaps from beside this bundle), and the result as plain data, so it crosses from a worker
// thread as it is.
import { existsSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LocalizedText } from '../i18n/locale';
import { importFolder, importSource, sourceFolder, type ImportResult } from '../import/index';
import { normaliseName } from '../import/bundle';
import { IMPORT_SOURCE_LIMIT, readFileSafely, readFileSafelySync, readSourceFolder } from './files';

/** For the import's plan (`importPlan.ts`), which loads this bundle only to tell a meeting system's XML. */
export { isSystemExport } from '../import/index';

/** One source file imported, or why its file could not be read. */
export type FileImport = { readonly path: string; readonly result: ImportResult } | { readonly path: string; readonly problem: LocalizedText };

/**
 * The source read from disk (a FIFO, a device or a file over the limit refused from its stat), then
 * its minutes; a folder is read as one source, the folder a meeting system writes.
 */
export async function importFile(path: string): Promise<FileImport> {
  if ((await stat(path).catch(() => undefined))?.isDirectory()) {
    const folder = await readSourceFolder(path);
    if (!folder.ok) return { path, problem: folder.problem };
    return { path, result: await importFolder(sourceFolder(folder.files), { cMap: readCMap }) };
  }
  const read = await readFileSafely(path, IMPORT_SOURCE_LIMIT);
  if (!read.ok) return { path, problem: read.problem };
  return { path, result: await importSource(path, read.bytes, { cMap: readCMap, find: beside(path) }) };
}

let cMapDir: string | undefined | null = null;

/**
 * Adobe's CMaps: `pdfjs/cmaps` beside the running bundle (the build copies them there), else
 * pdfjs-dist's own (tests, which run from source bundles elsewhere).
 */
export function defaultCMapDir(): string | undefined {
  if (cMapDir !== null) return cMapDir;
  const beside = join(__dirname, 'pdfjs', 'cmaps');
  if (existsSync(beside)) return (cMapDir = beside);
  try {
    return (cMapDir = join(require.resolve('pdfjs-dist/package.json'), '..', 'cmaps'));
  } catch {
    return (cMapDir = undefined);
  }
}

/** A CMap by its file name, from a folder of them. */
export function cMapReader(dir: string | undefined): (name: string) => Promise<Uint8Array> {
  return async (name) => {
    if (!dir || !/^[\w.-]+\.bcmap$/.test(name)) throw new Error(`no CMap ${name}`);
    return new Uint8Array(await readFile(join(dir, name)));
  };
}

const readCMap = (name: string): Promise<Uint8Array> => cMapReader(defaultCMapDir())(name);

/**
 * The files beside a source, as an export names them (`Files_1863_3687982/3687981.xml`, `1552823.PDF`):
 * looked up without regard to case or Unicode normalisation by their path from the source's folder, else by their name alone
 * beside it; links are not followed, nothing above the folder is reached.
 */
function beside(path: string): (name: string) => Uint8Array | undefined {
  const dir = dirname(path);
  return (name) => {
    const wanted = normaliseName(name);
    if (wanted === '') return undefined;
    for (const rel of [wanted, wanted.slice(wanted.lastIndexOf('/') + 1)]) {
      const found = caseless(dir, rel);
      const read = found ? readFileSafelySync(found, IMPORT_SOURCE_LIMIT) : undefined;
      if (read?.ok) return read.bytes;
    }
    return undefined;
  };
}

function caseless(dir: string, rel: string): string | undefined {
  let current = dir;
  const parts = rel.split('/');
  for (let i = 0; i < parts.length; i++) {
    // Without regard to case, nor to Unicode normalisation (a Mac's `å` is `a` and a ring).
    const part = parts[i]!.normalize('NFC').toLowerCase();
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const last = i === parts.length - 1;
    const entry = entries.find((e) => e.name.normalize('NFC').toLowerCase() === part && (last ? e.isFile() : e.isDirectory()));
    if (!entry) return undefined;
    current = join(current, entry.name);
  }
  return current;
}
