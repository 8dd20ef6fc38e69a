// Bundles the extension client, the language server, the CLI and the tests with esbuild.
// Tests are bundled too, so they run on plain node whatever module format a dependency ships.
// Run as a script it builds everything (npm run build, CI); scripts/test/test.mjs imports it to build
// only what one test file needs (its own bundle, and the product bundles whose inputs changed).
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, realpathSync, statSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const root = new URL('../..', import.meta.url).pathname;

export function findTests(dir = join(root, 'test')) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'vscode-suite') continue;
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// Patches of pdf.js's worker side, each applied to an exact piece of its code: a pdfjs-dist
// update that changes one fails the build here, to have the patch looked at again.
//  - pdf.js fetches the page tree's other pages ahead while it looks for one, and leaves those
//    promises without a handler: in a damaged file they reject, and Node ends the process for an
//    unhandled rejection. Where a page is needed its promise is awaited again, so a handler that
//    ignores is enough.
//  - pdf.js inflates every compressed stream (content, fonts, pictures) through a web
//    DecompressionStream: on Node a zlib stream behind web streams, with promise turns and a
//    thread-pool round trip per stream, a quarter of the time the bench's PDFs take. Node's zlib
//    inflates the same bytes at once, with the same zlib, and fails where the web stream fails (a
//    cut-off or damaged stream; trailing bytes are ignored by both), so pdf.js falls back to its
//    own decoder exactly where it did. Its output is copied to a buffer of its own, as pdf.js's
//    was: pdf.js hands a font's buffer to its other side whole.
//  - what a page draws besides its text, told by the pass that reads its text: for each font, by
//    the name it is loaded as (every font that fails to load is "g_font_error", each a new object),
//    how often it was shown and how many glyphs that gave (a font that gives none has lost its text),
//    and whether it paints a picture (an image XObject or an inline image, in the page or in a
//    form it draws). pdf.js's text pass reads every operator already and skips these; the reader
//    otherwise made the page's whole operator list a second time for them, an eighth of a read.
//    The page's last text item carries them (`type: "referatDrawing"`); the reader takes it off.
//  - the text pass asks for the current glyph's place twice per glyph, and made it of three new
//    arrays and two calls to a matrix product that sees both plain and typed arrays (a tenth of each
//    import thread). It is the same two products written out, term for term: one array, the same
//    numbers to the last bit.
//  - a font of two-byte codes, as nearly every PDF of minutes embeds, is read through pdf.js's
//    identity CMap: its repair visited all 65,536 codes to keep those below the font's number of
//    glyphs. It visits those alone, in the same order: the same mapping.
//  - a stream unpacks to at most MAX_PDF_STREAM_BYTES, by Node's zlib and by pdf.js's own decoders
//    (their buffer's growth): a 4 MB file whose content stream is 4 GB of spaces took 10 GB of
//    memory and two minutes; now the page is given up as damaged at the limit.
//  - the text pass copies its text state at every `q` and at every change of font: the copy was made
//    with the state it copies as its prototype, so nested saves made chains of prototypes, and every
//    state once copied became a prototype that V8 guards: each later write to its font or matrices
//    threw away the compiled code that read states. Every field of a text state is its own (the
//    class declares them all, and nothing adds another), so the copy holds the same values with the
//    class's own prototype.
/** The most bytes one stream of a PDF unpacks to: a page's content, a font. A stream of 4 GB of spaces deflates to 4 MB. */
const MAX_PDF_STREAM_BYTES = 128 * 1024 * 1024;
const PDFJS_PATCHES = [
  {
    from: `  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }`,
    to: `  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }
    if (requested > ${MAX_PDF_STREAM_BYTES}) {
      throw new FormatError("A stream unpacks to more than ${MAX_PDF_STREAM_BYTES} bytes");
    }`,
  },
  {
    from: `  clone() {
    const clone = Object.assign(Object.create(this), this);
    clone.textMatrix = this.textMatrix.slice();`,
    to: `  clone() {
    const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);
    clone.textMatrix = this.textMatrix.slice();`,
  },
  {
    from: `      properties.cMap.forEach(function (charCode, cid) {
        if (typeof cid === "string") {
          cid = convertCidString(charCode, cid, true);
        }
        if (cid > 0xffff) {
          throw new FormatError("Max size of CID is 65,535");
        }`,
    to: `      const eachCid = isCidToGidMapEmpty && properties.cMap instanceof IdentityCMap
        ? visit => { for (let code = 0, below = Math.min(numGlyphs, 0x10000); code < below; code++) visit(code, code); }
        : visit => properties.cMap.forEach(visit);
      eachCid(function (charCode, cid) {
        if (typeof cid === "string") {
          cid = convertCidString(charCode, cid, true);
        }
        if (cid > 0xffff) {
          throw new FormatError("Max size of CID is 65,535");
        }`,
  },
  {
    from: `          tsm[3] *= glyphHeight * textState.fontMatrix[3];
        }
      }
      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));`,
    to: `          tsm[3] *= glyphHeight * textState.fontMatrix[3];
        }
      }
      const t = textState.textMatrix;
      const c = textState.ctm;
      const m0 = t[0] * tsm[0] + t[2] * tsm[1];
      const m1 = t[1] * tsm[0] + t[3] * tsm[1];
      const m2 = t[0] * tsm[2] + t[2] * tsm[3];
      const m3 = t[1] * tsm[2] + t[3] * tsm[3];
      const m4 = t[0] * tsm[4] + t[2] * tsm[5] + t[4];
      const m5 = t[1] * tsm[4] + t[3] * tsm[5] + t[5];
      return [c[0] * m0 + c[2] * m1, c[1] * m0 + c[3] * m1, c[0] * m2 + c[2] * m3, c[1] * m2 + c[3] * m3, c[0] * m4 + c[2] * m5 + c[4], c[1] * m4 + c[3] * m5 + c[5]];`,
  },
  {
    from: 'pageDictCache.put(lastKid, xref.fetchAsync(lastKid));',
    to: 'const ahead = xref.fetchAsync(lastKid); ahead.catch(() => {}); pageDictCache.put(lastKid, ahead);',
  },
  {
    from: `const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    try {
      const {
        readable,
        writable
      } = new DecompressionStream(name);`,
    to: `const bytes = this.stream.isAsync ? await this.stream.asyncGetBytes() : this.stream.getBytes();
    const nodeZlib = name === "deflate" ? globalThis.process?.getBuiltinModule?.("zlib") : undefined;
    if (nodeZlib) {
      try {
        return { decompressed: new Uint8Array(nodeZlib.inflateSync(bytes, { maxOutputLength: ${MAX_PDF_STREAM_BYTES} })), compressed: bytes };
      } catch (error) {
        // Past the limit the stream is given up, not unpacked again by pdf.js's slower decoder to the same limit.
        if (error?.code === "ERR_BUFFER_TOO_LARGE") throw new FormatError("A stream unpacks to more than ${MAX_PDF_STREAM_BYTES} bytes");
        return { decompressed: null, compressed: bytes };
      }
    }
    try {
      const {
        readable,
        writable
      } = new DecompressionStream(name);`,
  },
  {
    from: `    prevRefs = null,
    intersector = null
  }) {
    if (stream.isAsync) {`,
    to: `    prevRefs = null,
    intersector = null,
    referatDrawing = null
  }) {
    const ownDrawing = referatDrawing === null;
    referatDrawing ??= { fonts: new Map(), pictures: false };
    const referatDrawn = () => {
      if (!ownDrawing) return;
      let lostFonts = 0;
      for (const f of referatDrawing.fonts.values()) if (f.glyphs === 0) lostFonts = Math.max(lostFonts, f.shows);
      textContent.items.push({ type: "referatDrawing", lostShows: lostFonts, pictures: referatDrawing.pictures });
    };
    if (stream.isAsync) {`,
  },
  {
    from: `      const glyphs = font.charsToGlyphs(chars);
      const scale = textState.fontMatrix[0] * textState.fontSize;`,
    to: `      const glyphs = font.charsToGlyphs(chars);
      const shownAs = textState.loadedName || font;
      const shown = referatDrawing.fonts.get(shownAs) ?? { shows: 0, glyphs: 0 };
      shown.shows++;
      shown.glyphs += glyphs.length;
      referatDrawing.fonts.set(shownAs, shown);
      const scale = textState.fontMatrix[0] * textState.fontSize;`,
  },
  {
    from: `          case OPS.paintXObject:
            flushTextContentItem();
            xobjs ??= resources.get("XObject") || Dict.empty;`,
    to: `          case OPS.endInlineImage:
            referatDrawing.pictures = true;
            break;
          case OPS.paintXObject:
            flushTextContentItem();
            xobjs ??= resources.get("XObject") || Dict.empty;`,
  },
  {
    from: `                const globalImage = self.globalImageCache.getData(xobj, self.pageIndex);
                if (globalImage) {
                  resolveXObject();`,
    to: `                const globalImage = self.globalImageCache.getData(xobj, self.pageIndex);
                if (globalImage) {
                  referatDrawing.pictures = true;
                  resolveXObject();`,
  },
  {
    from: `              if (type.name !== "Form") {
                emptyXObjectCache.set(name, dict.objId, true);`,
    to: `              if (type.name !== "Form") {
                if (type.name === "Image") {
                  referatDrawing.pictures = true;
                }
                emptyXObjectCache.set(name, dict.objId, true);`,
  },
  {
    from: `                keepWhiteSpace,
                prevRefs: seenRefs
              }).then(function () {`,
    to: `                keepWhiteSpace,
                prevRefs: seenRefs,
                referatDrawing
              }).then(function () {`,
  },
  {
    from: `      flushTextContentItem();
      enqueueChunk();
      resolve();
    }).catch(reason => {
      if (reason instanceof AbortException) {
        return;
      }
      if (this.options.ignoreErrors) {
        warn(\`getTextContent - ignoring errors during "\${task.name}" \` + \`task: "\${reason}".\`);
        flushTextContentItem();
        enqueueChunk();`,
    to: `      flushTextContentItem();
      referatDrawn();
      enqueueChunk();
      resolve();
    }).catch(reason => {
      if (reason instanceof AbortException) {
        return;
      }
      if (this.options.ignoreErrors) {
        warn(\`getTextContent - ignoring errors during "\${task.name}" \` + \`task: "\${reason}".\`);
        flushTextContentItem();
        referatDrawn();
        enqueueChunk();`,
  },
];
// Patches of pdf.js's display side, likewise.
//  - on Node pdf.js's two sides run in one thread and pass their messages through a port that
//    copies each (structuredClone): a page's text, sent in chunks of hundreds of items, was copied
//    whole, a twentieth of an import thread. A text chunk crosses as it is: the worker side makes
//    each item anew and never touches one it sent again, and sets the chunk's own lists anew after
//    sending it, so the chunk is copied one level deep. Every other message is copied as before.
const PDFJS_DISPLAY_PATCHES = [
  {
    from: `  postMessage(obj, transfer) {
    const event = {
      data: structuredClone(obj, transfer ? {
        transfer
      } : null)
    };`,
    to: `  postMessage(obj, transfer) {
    const chunk = obj?.stream === StreamKind.ENQUEUE && !transfer?.length ? obj.chunk : undefined;
    const textChunk = chunk !== null && typeof chunk === "object" && Array.isArray(chunk.items) && typeof chunk.styles === "object";
    const event = {
      data: textChunk ? { ...obj, chunk: { ...chunk } } : structuredClone(obj, transfer ? {
        transfer
      } : null)
    };`,
  },
];
const patched =
  (patches) =>
  async ({ path }) => {
    let source = await readFile(path, 'utf8');
    for (const { from, to } of patches) {
      if (source.split(from).length !== 2) throw new Error(`pdfjs-patches: "${from.split('\n')[0]}" is not in ${path} once any more; review the patch`);
      source = source.replace(from, () => to);
    }
    return { contents: source, loader: 'js' };
  };
const pdfjsPatches = {
  name: 'pdfjs-patches',
  setup(b) {
    b.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, patched(PDFJS_PATCHES));
    b.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, patched(PDFJS_DISPLAY_PATCHES));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  loader: { '.tsv': 'text', '.css': 'text' },
  // pdfkit's ESM build reads import.meta.url when it loads, which a CJS bundle leaves empty; its
  // CJS build is the one for these bundles (its only data files are fonts the renderer never uses),
  // and fontkit's CJS build is the one it requires, so the bundle holds one copy of fontkit.
  alias: { pdfkit: './node_modules/pdfkit/js/pdfkit.js', fontkit: './node_modules/fontkit/dist/main.cjs' },
  // Identifies the build, so the archive's cache of summaries is never read by another build.
  define: {
    __REFERAT_BUILD__: JSON.stringify(`${Date.now().toString(36)}`),
    __REFERAT_VERSION__: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
  },
  plugins: [pdfjsPatches],
};

// The PDF renderer (pdfkit, fontkit: 2.4 MB) is its own bundle, dist/pdf.js, which the language
// server and the CLI load beside them on the first PDF: bundled into them it would cost every
// `referat check` about 50 ms of start-up for nothing. It is required (not imported) as the
// CommonJS file it is, so Node's module loader finds it the same way in VS Code's runtime.
const pdfBesideMe = {
  name: 'pdf-beside-me',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/render\/pdf$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith(join('server', 'src', 'service', 'languageService.ts'))
        ? { path: './pdf.js', external: true }
        : undefined,
    );
  },
};
// The import's readers (pdf.js and htmlparser2: about 4 MB) are a bundle of their own too,
// dist/import.js, loaded beside the CLI and the language server on the first import, and by the
// import's worker threads (dist/importWorker.js).
const importBesideMe = {
  name: 'import-beside-me',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/(?:node\/)?importer$/ }, (args) =>
      args.kind === 'dynamic-import' || args.importer.endsWith(join('server', 'src', 'node', 'importWorker.ts'))
        ? { path: './import.js', external: true }
        : undefined,
    );
  },
};
// referat.yaml's reader and writer (the yaml library and ajv: about 0.5 MB) are a bundle of their own,
// dist/config.js, loaded on the first referat.yaml: a check of a folder without one never compiles them.
const configBesideMe = {
  name: 'config-beside-me',
  setup(b) {
    b.onResolve({ filter: /^(?:\.|\.\.\/config)\/yamlConfig$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: './config.js', external: true } : undefined,
    );
  },
};
const besidePdf = { plugins: [pdfjsPatches, pdfBesideMe, importBesideMe, configBesideMe], supported: { 'dynamic-import': false } };

// The tests read PDFs back with pdf.js from node_modules (a dynamic import: the library finds its
// own files), but test the import's reader as it is bundled, patched, through its require.
const pdfjsInspectorExternal = {
  name: 'pdfjs-inspector-external',
  setup(b) {
    b.onResolve({ filter: /^pdfjs-dist\// }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

// The spell checker reads its dictionary at run time, beside the bundles (too big to inline
// into every bundle and parse at each start); its licence and notice travel with it.
function copyDictionary() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  rmSync(join(root, 'dist/spelling'), { recursive: true, force: true });
  cpSync(join(root, 'server/data/spelling'), join(root, 'dist/spelling'), { recursive: true });
  writeFileSync(join(root, 'dist/spelling/da_DK.stems'), sortedStems(readFileSync(join(root, 'server/data/spelling/da_DK.dic'), 'utf8')));
}

/**
 * The .dic's stems, lower-cased, sorted by UTF-16 code units, one a line: the suggestions rank
 * a word of the dictionary above a compound with them (server/src/spelling/suggest.ts), and
 * sorting 170,000 strings there would cost 0.2 s and 50 MB of garbage at the first suggestion.
 */
function sortedStems(dic) {
  const stems = new Set();
  for (const line of dic.split('\n').slice(1)) {
    const stem = line.split('/')[0].trim().toLowerCase();
    if (stem !== '') stems.add(stem);
  }
  return [...stems].sort().join('\n') + '\n';
}

// While parts are being written in parallel an entry point may not exist yet; say so, don't fail.
export const bundles = [
  { name: 'client', entry: 'client/src/extension.ts', options: { external: ['vscode'] } },
  // The language server, the command line and each worker thread run from a launcher of their own
  // (dist/server.js, dist/cli.js, dist/*Worker.js: `buildLaunchers` below), which runs the bundle with V8's code cache.
  { name: 'server-main', entry: 'server/src/lsp/main.ts', options: besidePdf, launcher: 'server' },
  { name: 'summaryWorker-main', entry: 'server/src/node/summaryWorker.ts', options: {}, launcher: 'summaryWorker' },
  { name: 'cli-main', entry: 'server/src/cli/main.ts', options: besidePdf, launcher: 'cli' },
  { name: 'checkWorker-main', entry: 'server/src/cli/checkWorker.ts', options: besidePdf, launcher: 'checkWorker' },
  // The PDF renderer, loaded at run time by the two above (and checked as a bundle by the tests).
  { name: 'pdf', entry: 'server/src/render/pdf.ts', options: {}, beside: true },
  // The import's readers, loaded at run time by the CLI and the server, and its worker threads.
  { name: 'import', entry: 'server/src/node/importer.ts', options: {}, beside: true },
  { name: 'importWorker-main', entry: 'server/src/node/importWorker.ts', options: besidePdf, launcher: 'importWorker' },
  // The language server's PDF exports, on a thread of their own (hover never waits for one).
  { name: 'pdfWorker-main', entry: 'server/src/node/pdfWorker.ts', options: besidePdf, launcher: 'pdfWorker' },
  // referat.yaml's reader and writer, loaded at run time by the bundles above that read it.
  { name: 'config', entry: 'server/src/config/yamlConfig.ts', options: {}, beside: true },
].filter((b) => existsSync(join(root, b.entry)) || console.warn(`build: ${b.entry} does not exist yet, skipped`));

// Each bundle's input files, as esbuild read them, so a later run can tell whether it is stale.
const inputsDir = join(root, 'dist/.inputs');
function buildBundle(b) {
  return build({ ...common, entryPoints: { [b.name]: b.entry }, outdir: 'dist', ...b.options, metafile: true }).then((r) => {
    mkdirSync(inputsDir, { recursive: true });
    writeFileSync(join(inputsDir, `${b.name}.json`), JSON.stringify(Object.keys(r.metafile.inputs)));
  });
}

/** The tests as bundles under out/, each beside where its source is (out/test/unit/x.test.js). */
export function buildTests(entries) {
  return build({
    ...common,
    entryPoints: entries.map((p) => (p.startsWith(root) ? p.slice(root.length) : p)),
    outdir: 'out',
    outbase: '.',
    sourcemap: 'inline',
    // Libraries that find their own files at run time stay in node_modules.
    external: ['vscode', 'playwright-core'],
    plugins: [pdfjsPatches, pdfjsInspectorExternal],
    metafile: true,
  });
}

// Hunspell in WebAssembly (870 KB, mostly the binary as base64) beside the dictionary, read on
// the first spell check, so no bundle parses it at start.
const buildHunspell = () =>
  build({ ...common, entryPoints: { 'spelling/hunspell-asm': 'node_modules/hunspell-asm/dist/cjs/index.js' }, outdir: 'dist', sourcemap: false });

// The PDF reader's Adobe CMaps (fonts in predefined CJK encodings), found beside the bundle at run
// time: pdf.js reads them as files, they are not code to bundle.
function copyCmaps() {
  if (existsSync(join(root, 'node_modules/pdfjs-dist/cmaps'))) {
    cpSync(join(root, 'node_modules/pdfjs-dist/cmaps'), join(root, 'dist/pdfjs/cmaps'), { recursive: true });
  }
}

/**
 * The launchers (server/src/node/launch.ts): each is told the bundle it runs, and a hash of the content
 * of every bundle that runs through one (its own, and those loaded `beside` it), which names each
 * bundle's code cache, so a cache is never taken for another build. Made again whenever a bundle is.
 */
function buildLaunchers() {
  const hashes = {};
  for (const b of bundles.filter((x) => x.launcher || x.beside)) {
    const file = join(root, 'dist', `${b.name}.js`);
    if (existsSync(file)) hashes[`${b.name}.js`] = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  }
  return Promise.all(
    bundles
      .filter((b) => b.launcher)
      .map((b) =>
        build({
          ...common,
          entryPoints: { [b.launcher]: 'server/src/node/launch.ts' },
          outdir: 'dist',
          sourcemap: false,
          banner: { js: '#!/usr/bin/env node' },
          define: { ...common.define, REFERAT_BUNDLE: JSON.stringify(`${b.name}.js`), REFERAT_BUNDLE_HASHES: JSON.stringify(hashes) },
          // The package's bin entries (`npx referat`, `referat-language-server`): esbuild writes plain
          // files, and npm does not mark the root package's own bins executable.
        }).then(() => chmodSync(join(root, 'dist', `${b.launcher}.js`), 0o755)),
      ),
  );
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : undefined);

// The core as a library for other hosts (package.json `exports`): an ES module beside the PDF
// renderer it loads on the first PDF, and its declarations from tsc (tsconfig.lib.json).
export const library = { name: 'referat', entry: 'server/src/core.ts', options: {} };
function buildLibrary() {
  const bundle = build({
    ...common,
    entryPoints: { [library.name]: library.entry },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // yaml's node build (CommonJS) requires node's process and buffer: an ES module has no require.
    banner: { js: "import { createRequire as __referatRequire } from 'node:module';\nconst require = __referatRequire(import.meta.url);" },
    sourcemap: false,
    plugins: [pdfjsPatches, pdfBesideMe],
    metafile: true,
  }).then((r) => {
    mkdirSync(inputsDir, { recursive: true });
    writeFileSync(join(inputsDir, `${library.name}.json`), JSON.stringify(Object.keys(r.metafile.inputs)));
  });
  return Promise.all([bundle, buildDeclarations()]);
}

/**
 * tsc writes one .d.ts per module into dist/types; they are ES modules there (a package.json says
 * so), so their relative imports get the `.js` a `nodenext` reader needs. A declaration that names
 * node's or VS Code's types would make every user install them: the build fails instead.
 */
async function buildDeclarations() {
  const types = join(root, 'dist/types');
  rmSync(types, { recursive: true, force: true });
  const tsc = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
    child.on('close', resolve);
  });
  if (tsc !== 0) throw new Error('build: tsc -p tsconfig.lib.json failed');
  writeFileSync(join(types, 'package.json'), '{ "type": "module" }\n');
  for (const file of findFiles(types, '.d.ts')) {
    const text = readFileSync(file, 'utf8');
    const forbidden = /\b(?:NodeJS\.|Buffer\b)|from '(?:node:[^']*|vscode)'/.exec(text);
    if (forbidden) throw new Error(`build: ${file} names ${forbidden[0]}: the library's types must not need node's or VS Code's`);
    const withExtensions = text.replace(/((?:from|import\() ?')(\.\.?\/[^']*)'/g, (whole, before, spec) => {
      const target = join(dirname(file), spec);
      if (existsSync(`${target}.d.ts`)) return `${before}${spec}.js'`;
      if (existsSync(join(target, 'index.d.ts'))) return `${before}${spec}/index.js'`;
      throw new Error(`build: ${file} imports ${spec}, which has no declaration`);
    });
    writeFileSync(file, withExtensions);
  }
}

function findFiles(dir, suffix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findFiles(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : [],
  );
}

/** A bundle is stale when it is missing, or a file it was built from (or this script) is newer. */
function isStale(b) {
  const out = mtime(join(root, 'dist', `${b.name}.${b === library ? 'mjs' : 'js'}`));
  const record = join(inputsDir, `${b.name}.json`);
  if (out === undefined || !existsSync(record)) return true;
  const inputs = [...JSON.parse(readFileSync(record, 'utf8')), 'scripts/build/build.mjs', 'package.json'];
  return inputs.some((p) => (mtime(join(root, p)) ?? Infinity) > out);
}

/** Builds the product bundles (dist/) whose inputs changed since they were built; returns their names. */
export async function buildStaleProducts() {
  const stale = bundles.filter(isStale);
  const dictionary = join(root, 'dist/spelling/da_DK.stems');
  const dictionaryStale = (mtime(dictionary) ?? 0) < (mtime(join(root, 'server/data/spelling/da_DK.dic')) ?? Infinity);
  const hunspellMissing = dictionaryStale || !existsSync(join(root, 'dist/spelling/hunspell-asm.js'));
  if (dictionaryStale) copyDictionary();
  // The declarations are made from every module the types reach, the PDF renderer's too.
  const declarations = mtime(join(root, 'dist/types/core.d.ts')) ?? 0;
  const libraryStale = isStale(library) || findFiles(join(root, 'server/src'), '.ts').some((p) => statSync(p).mtimeMs > declarations);
  await Promise.all([...stale.map(buildBundle), ...(hunspellMissing ? [buildHunspell()] : []), ...(libraryStale ? [buildLibrary()] : [])]);
  if (!existsSync(join(root, 'dist/pdfjs/cmaps'))) copyCmaps();
  // The launchers are made again with any bundle (the hashes), or when one is older than its own source.
  const launcherStale = (b) =>
    (mtime(join(root, 'dist', `${b.launcher}.js`)) ?? 0) <
    Math.max(mtime(join(root, 'server/src/node/launch.ts')) ?? Infinity, mtime(join(root, 'scripts/build/build.mjs')) ?? 0);
  if (stale.length > 0 || bundles.some((b) => b.launcher && launcherStale(b))) await buildLaunchers();
  return [...stale, ...(libraryStale ? [library] : [])].map((b) => b.name);
}

async function buildAll() {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  copyDictionary();
  await Promise.all([
    ...bundles.map(buildBundle),
    buildHunspell(),
    buildLibrary(),
    // The core as a library, and the tests' LSP client, for the benchmarks.
    build({ ...common, entryPoints: { core: 'server/src/core.ts', lspClient: 'test/protocol/lspClient.ts' }, outdir: 'out/bench', sourcemap: false }),
    buildTests(findTests()),
  ]);
  copyCmaps();
  await buildLaunchers();
}

if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) await buildAll();
