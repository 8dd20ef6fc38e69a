// The import on Node: a source file read from disk, its minutes read by the import's readers (with
// pdf.js's CMaps from beside this bundle), and the result as plain data, so it crosses from a worker
// thread as it is.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalizedText } from '../i18n/locale';
import { importSource, type ImportResult } from '../import/index';

/** One source file imported, or why its file could not be read. */
export type FileImport = { readonly path: string; readonly result: ImportResult } | { readonly path: string; readonly problem: LocalizedText };

/** Larger than any minutes: a file this size is something else, and is not read into memory. */
const MAX_BYTES = 512 * 1024 * 1024;

export async function importFile(path: string): Promise<FileImport> {
  let bytes: Uint8Array;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return { path, problem: { da: 'er en mappe', en: 'is a folder' } };
    if (s.size > MAX_BYTES) return { path, problem: { da: 'filen er for stor til at være et referat', en: 'the file is too large to be minutes' } };
    bytes = await readFile(path);
  } catch (e) {
    return { path, problem: fsProblem(e) };
  }
  return { path, result: await importSource(path, bytes, { cMap: readCMap }) };
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

function fsProblem(e: unknown): LocalizedText {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return { da: 'filen findes ikke', en: 'no such file' };
  if (code === 'EACCES' || code === 'EPERM') return { da: 'adgang nægtet', en: 'permission denied' };
  return { da: `kan ikke læses (${code ?? String(e)})`, en: `cannot read (${code ?? String(e)})` };
}
