// The import on Node: a source file read from disk, its minutes read by the import's readers (with
// pdf.js's CMaps from beside this bundle), and the result as plain data, so it crosses from a worker
// thread as it is.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocalizedText } from '../i18n/locale';
import { importSource, type ImportResult } from '../import/index';
import { IMPORT_SOURCE_LIMIT, readFileSafely } from './files';

/** One source file imported, or why its file could not be read. */
export type FileImport = { readonly path: string; readonly result: ImportResult } | { readonly path: string; readonly problem: LocalizedText };

/** The source read from disk (a FIFO, a device, a folder or a file over the limit refused from its stat), then its minutes. */
export async function importFile(path: string): Promise<FileImport> {
  const read = await readFileSafely(path, IMPORT_SOURCE_LIMIT);
  if (!read.ok) return { path, problem: read.problem };
  return { path, result: await importSource(path, read.bytes, { cMap: readCMap }) };
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
