// What `referat import` is to read, planned from the disk before a source is read: files, and
// folders a meeting system wrote (each one source). Apart from the import's readers (dist/import.js,
// 4 MB of pdf.js and the rest): a command whose threads do the reading loads them on this thread
// only to tell a meeting system's XML, where a folder holds one.
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { LocalizedText } from '../i18n/locale';
import { fsProblem, IMPORT_SOURCE_LIMIT, readFileSafely, refusal } from './files';

/** Whether a file is a meeting system's export, from the readers, loaded on the first XML file. */
async function systemExport(): Promise<(name: string, bytes: Uint8Array) => boolean> {
  return (await import('./importer')).isSystemExport;
}

/** What the import is to read: files, and folders that are a meeting system's export (each read as one source). */
export interface PlannedImport {
  readonly sources: string[];
  readonly problems: { readonly path: string; readonly problem: LocalizedText }[];
}

/**
 * The sources in what she named: a file as it is; a folder that holds a meeting system's export (its
 * XML, with the PDFs and enclosures it names) as one source; another folder searched, sub-folders too,
 * for files of the kinds given (`pdf`, `xml`, …), in name order.
 */
export async function planImport(paths: readonly string[], extensions: readonly string[]): Promise<PlannedImport> {
  const sources: string[] = [];
  const problems: PlannedImport['problems'] = [];
  for (const path of paths) {
    try {
      const s = await stat(path);
      if (!s.isDirectory()) {
        // A FIFO, a device or a file too large is said at once, before any thread starts.
        const problem = refusal(s, IMPORT_SOURCE_LIMIT);
        if (problem) problems.push({ path, problem });
        else sources.push(path);
        continue;
      }
      const before = sources.length;
      await walk(path, extensions, sources);
      if (sources.length === before) problems.push({ path, problem: noFiles(extensions) });
    } catch (e) {
      problems.push({ path, problem: fsProblem(e) });
    }
  }
  return { sources, problems };
}

async function walk(dir: string, extensions: readonly string[], out: string[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (!e.isFile() || extname(e.name).toLowerCase() !== '.xml') continue;
    const read = await readFileSafely(join(dir, e.name), IMPORT_SOURCE_LIMIT);
    if (read.ok && (await systemExport())(e.name, read.bytes)) {
      out.push(dir);
      return;
    }
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, extensions, out);
    else if (e.isFile() && extensions.includes(extname(e.name).slice(1).toLowerCase())) out.push(p);
  }
}

function noFiles(extensions: readonly string[]): LocalizedText {
  const kinds = extensions.map((x) => `*.${x}`).join(', ');
  return { da: `ingen filer at importere i mappen (${kinds})`, en: `no files to import in this folder (${kinds})` };
}
