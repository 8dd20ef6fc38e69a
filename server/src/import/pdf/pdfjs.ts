// Loads Mozilla's pdf.js (pdfjs-dist, legacy build: plain Node, no browser) into whatever bundle
// uses the reader. Bundled with esbuild to CommonJS it needs three things done for it:
//  - its "worker" runs on this thread: pdf.worker.mjs is bundled too and, when evaluated, sets
//    `globalThis.pdfjsWorker`, which pdf.js uses before it would import a worker file by URL;
//  - at load it makes one `new DOMMatrix()` (for canvas rendering, never used for text), which
//    Node 20 does not have and which pdf.js would take from the optional @napi-rs/canvas package
//    that a bundle does not ship: a stand-in class is there during the load only;
//  - at load it warns on stderr that it found no canvas: silenced, the CLI's and the language
//    server's stderr is the user's.
// Both modules are evaluated on the first read, not when a bundle starts: 3 MB of code that a
// language server without PDFs never needs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

export type Pdfjs = typeof PdfjsModule;

let loaded: Pdfjs | undefined;

export function loadPdfjs(): Pdfjs {
  if (loaded) return loaded;
  const g = globalThis as { DOMMatrix?: unknown };
  const standIn = g.DOMMatrix === undefined;
  if (standIn) g.DOMMatrix = class DOMMatrix {};
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const lib = require('pdfjs-dist/legacy/build/pdf.mjs') as Pdfjs;
    require('pdfjs-dist/legacy/build/pdf.worker.mjs');
    loaded = lib;
    return lib;
  } finally {
    console.warn = warn;
    if (standIn) delete g.DOMMatrix;
  }
}

/**
 * Where the Adobe CMaps are: `pdfjs/cmaps` beside the running bundle (the build copies them
 * there), else pdfjs-dist's own. They are needed only for fonts in a predefined CJK encoding;
 * without them such a font's text is lost. The 14 standard fonts' data is not needed for text:
 * pdf.js has their metrics built in.
 */
export function defaultCMapDir(): string | undefined {
  const beside = join(__dirname, 'pdfjs', 'cmaps');
  if (existsSync(beside)) return beside;
  try {
    return join(require.resolve('pdfjs-dist/package.json'), '..', 'cmaps');
  } catch {
    return undefined;
  }
}

interface BinaryRequest {
  readonly kind: string;
  readonly filename: string;
}

/** pdf.js's `BinaryDataFactory`: CMaps read from a folder, nothing else (no fetch, no URLs). */
export function binaryDataFactory(cMapDir: string | undefined): new (urls: unknown) => { fetch(request: BinaryRequest): Promise<Uint8Array> } {
  return class CMapFiles {
    constructor(_urls: unknown) {}
    async fetch({ kind, filename }: BinaryRequest): Promise<Uint8Array> {
      if (kind !== 'cMapUrl' || !cMapDir) throw new Error(`no ${kind} data for ${filename}`);
      return new Uint8Array(await readFile(join(cMapDir, basename(filename))));
    }
  };
}
