// Bundles the extension client, the language server, the CLI and the tests with esbuild.
// Tests are bundled too, so they run on plain node whatever module format a dependency ships.
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const root = new URL('..', import.meta.url).pathname;

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'vscode-suite') continue;
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

// pdf.js fetches the page tree's other pages ahead while it looks for one, and leaves those
// promises without a handler: in a damaged file they reject, and Node ends the process for an
// unhandled rejection. Where a page is needed its promise is awaited again, so a handler that
// ignores is enough. The exact line is required: a pdfjs-dist update that changes it fails the
// build here, to have the patch looked at again.
const pdfjsPatches = {
  name: 'pdfjs-patches',
  setup(b) {
    b.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async ({ path }) => {
      const from = 'pageDictCache.put(lastKid, xref.fetchAsync(lastKid));';
      const source = await readFile(path, 'utf8');
      if (!source.includes(from)) throw new Error(`pdfjs-patches: "${from}" is not in ${path} any more; review the patch`);
      const to = 'const ahead = xref.fetchAsync(lastKid); ahead.catch(() => {}); pageDictCache.put(lastKid, ahead);';
      return { contents: source.replace(from, to), loader: 'js' };
    });
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
  // Identifies the build, so the archive's cache of summaries is never read by another build.
  define: { __REFERAT_BUILD__: JSON.stringify(`${Date.now().toString(36)}`) },
  plugins: [pdfjsPatches],
};

rmSync(join(root, 'out'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });

// While parts are being written in parallel an entry point may not exist yet; say so, don't fail.
const bundles = [
  { name: 'client', entry: 'client/src/extension.ts', options: { external: ['vscode'] } },
  { name: 'server', entry: 'server/src/lsp/main.ts', options: { banner: { js: '#!/usr/bin/env node' } } },
  { name: 'indexWorker', entry: 'server/src/workspace/outlineWorker.ts', options: {} },
  { name: 'cli', entry: 'server/src/cli/main.ts', options: { banner: { js: '#!/usr/bin/env node' } } },
  { name: 'checkWorker', entry: 'server/src/cli/checkWorker.ts', options: {} },
  { name: 'pdfWorker', entry: 'server/src/import/pdf/worker.ts', options: {} },
].filter((b) => existsSync(join(root, b.entry)) || console.warn(`build: ${b.entry} does not exist yet, skipped`));

await Promise.all([
  ...bundles.map((b) => build({ ...common, entryPoints: { [b.name]: b.entry }, outdir: 'dist', ...b.options })),
  // The core as a library, for the in-process benchmark.
  build({ ...common, entryPoints: { core: 'server/src/core.ts' }, outdir: 'out/bench', sourcemap: false }),
  build({
    ...common,
    entryPoints: findTests(join(root, 'test')).map((p) => p.slice(root.length)),
    outdir: 'out',
    outbase: '.',
    sourcemap: 'inline',
    // Libraries that find their own files at run time stay in node_modules.
    external: ['vscode', 'playwright-core'],
  }),
]);

// The PDF reader's Adobe CMaps (fonts in predefined CJK encodings), found beside the bundle at run
// time: pdf.js reads them as files, they are not code to bundle.
if (existsSync(join(root, 'node_modules/pdfjs-dist/cmaps'))) {
  cpSync(join(root, 'node_modules/pdfjs-dist/cmaps'), join(root, 'dist/pdfjs/cmaps'), { recursive: true });
}

// The package's bin entries run as commands (`npx referat`, `referat-language-server`): esbuild
// writes plain files, and npm does not mark the root package's own bins executable.
for (const b of bundles) if (b.options.banner) chmodSync(join(root, 'dist', `${b.name}.js`), 0o755);
