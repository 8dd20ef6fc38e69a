// Loads Mozilla's pdf.js (pdfjs-dist, legacy build: plain Node, no browser) into whatever bundle
// uses the reader. Bundled with esbuild to CommonJS it needs four things done for it:
//  - its "worker" runs on this thread: pdf.worker.mjs is bundled too and, when evaluated, sets
//    `globalThis.pdfjsWorker`, which pdf.js uses before it would import a worker file by URL;
//  - at load it makes one `new DOMMatrix()` (for canvas rendering, never used for text), which
//    Node 20 does not have and which pdf.js would take from the optional @napi-rs/canvas package
//    that a bundle does not ship: a stand-in class is there during the load only;
//  - at load it adds a method to `Response.prototype` where it lacks one; Node makes its web
//    `Response` when first touched, by loading its whole HTTP client (undici, a twentieth of a
//    read): a stand-in is there during the load only, where the global has not been made yet;
//  - at load it warns on stderr that it found no canvas: silenced, the CLI's and the language
//    server's stderr is the user's;
//  - its core-js polyfills replace, for the whole thread, four built-ins that Node 20 has and that
//    fail only a conformance edge pdf.js never meets (`push()` on an array whose length is read-only, JSON
//    with its source text): Array.prototype.push, JSON.parse, JSON.stringify and
//    Function.prototype.toString become JavaScript. push alone was a tenth of an import's time
//    (in pdf.js and in our layout), and JSON is every message of a language server that read a
//    PDF on its own thread: Node's own are put back once pdf.js is loaded. What core-js adds (Promise.withResolvers and
//    the like) stays, pdf.js needs it.
//  - with its fonts "disabled" (the default where there is no FontFace, as in Node) it compiles
//    the outline of every glyph it shows into a path and posts it to this side, for drawing on a
//    canvas: a tenth of a read, never used for text. A FontFace that loads nothing and a document
//    whose font set takes it make pdf.js take each font as loaded and build no outlines; the
//    stand-in is this thread's FontFace from the first read on (a thread that has a real one keeps
//    it, and pdf.js its own way).
// Both modules are evaluated on the first read, not when a bundle starts: 3 MB of code that an
// import of HTML or JSON never needs. The CMaps come from the host (the import never reads a disk).
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

export type Pdfjs = typeof PdfjsModule;

let loaded: Pdfjs | undefined;

/** The built-ins core-js replaces though Node's own serve pdf.js: where each is, and its name. */
const KEPT_BUILTINS: readonly (readonly [object, string])[] = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

/** A font face that loads nothing: pdf.js shows no glyph, it reads their text. */
class FontFaceStandIn {
  readonly loaded: Promise<FontFaceStandIn> = Promise.resolve(this);
  constructor(readonly family: string) {}
}

/** The document pdf.js adds font faces to (its `ownerDocument`): a font set that keeps none. */
const FONTLESS_DOCUMENT = { fonts: { add: (): void => undefined, delete: (): void => undefined } };

/** What `getDocument` is given for its fonts: loaded as faces that load nothing where the stand-in is this thread's FontFace. */
export function fontOptions(): { disableFontFace: boolean; ownerDocument?: Document } {
  const standIn = (globalThis as { FontFace?: unknown }).FontFace === FontFaceStandIn;
  return standIn ? { disableFontFace: false, ownerDocument: FONTLESS_DOCUMENT as unknown as Document } : { disableFontFace: true };
}

export function loadPdfjs(): Pdfjs {
  if (loaded) return loaded;
  const g = globalThis as { DOMMatrix?: unknown; FontFace?: unknown };
  g.FontFace ??= FontFaceStandIn;
  const standIn = g.DOMMatrix === undefined;
  if (standIn) g.DOMMatrix = class DOMMatrix {};
  // Node's own, made on first use (an accessor until then): taken aside untouched.
  const response = Object.getOwnPropertyDescriptor(globalThis, 'Response');
  const lazyResponse = response?.get !== undefined && response.configurable === true;
  if (lazyResponse) Object.defineProperty(globalThis, 'Response', { configurable: true, writable: true, value: class Response {} });
  /* eslint-disable no-console -- pdf.js's warning about a canvas it never needs would reach the user's stderr */
  const warn = console.warn;
  console.warn = () => undefined;
  const builtins = KEPT_BUILTINS.map(([owner, name]) => [owner, name, Object.getOwnPropertyDescriptor(owner, name)] as const);
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- evaluated on the first PDF, not when the bundle loads */
    const lib = require('pdfjs-dist/legacy/build/pdf.mjs') as Pdfjs;
    require('pdfjs-dist/legacy/build/pdf.worker.mjs');
    /* eslint-enable @typescript-eslint/no-require-imports */
    loaded = lib;
    return lib;
  } finally {
    for (const [owner, name, descriptor] of builtins) if (descriptor) Object.defineProperty(owner, name, descriptor);
    console.warn = warn;
    /* eslint-enable no-console */
    if (standIn) delete g.DOMMatrix;
    if (lazyResponse) Object.defineProperty(globalThis, 'Response', response);
  }
}

/** Where a CMap comes from: the host reads Adobe's packed CMap of that name (`UniJIS-UCS2-H.bcmap`). */
export type CMapSource = (name: string) => Promise<Uint8Array>;

interface BinaryRequest {
  readonly kind: string;
  readonly filename: string;
}

/** pdf.js's `BinaryDataFactory`: CMaps from the host, nothing else (no fetch, no URLs). */
export function binaryDataFactory(cMaps: CMapSource | undefined): new (urls: unknown) => { fetch(request: BinaryRequest): Promise<Uint8Array> } {
  return class CMapFiles {
    constructor(_urls: unknown) {}
    async fetch({ kind, filename }: BinaryRequest): Promise<Uint8Array> {
      if (kind !== 'cMapUrl' || !cMaps) throw new Error(`no ${kind} data for ${filename}`);
      return cMaps(filename.replace(/^.*[\\/]/, ''));
    }
  };
}
