// Bundles the extension client, the language server, the CLI and the tests with esbuild.
// Tests are bundled too, so they run on plain node whatever module format a dependency ships.
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, statSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
};

rmSync(join(root, 'out'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });
// The spell checker reads its dictionary at run time, beside the bundles (too big to inline
// into every bundle and parse at each start); its licence and notice travel with it.
rmSync(join(root, 'dist/spelling'), { recursive: true, force: true });
cpSync(join(root, 'server/data/spelling'), join(root, 'dist/spelling'), { recursive: true });
writeFileSync(join(root, 'dist/spelling/da_DK.stems'), sortedStems(readFileSync(join(root, 'server/data/spelling/da_DK.dic'), 'utf8')));

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
const bundles = [
  { name: 'client', entry: 'client/src/extension.ts', options: { external: ['vscode'] } },
  { name: 'server', entry: 'server/src/lsp/main.ts', options: { banner: { js: '#!/usr/bin/env node' } } },
  { name: 'indexWorker', entry: 'server/src/workspace/outlineWorker.ts', options: {} },
  { name: 'cli', entry: 'server/src/cli/main.ts', options: { banner: { js: '#!/usr/bin/env node' } } },
  { name: 'checkWorker', entry: 'server/src/cli/checkWorker.ts', options: {} },
].filter((b) => existsSync(join(root, b.entry)) || console.warn(`build: ${b.entry} does not exist yet, skipped`));

await Promise.all([
  ...bundles.map((b) => build({ ...common, entryPoints: { [b.name]: b.entry }, outdir: 'dist', ...b.options })),
  // Hunspell in WebAssembly (870 KB, mostly the binary as base64) beside the dictionary, read on
  // the first spell check, so no bundle parses it at start.
  build({ ...common, entryPoints: { 'spelling/hunspell-asm': 'node_modules/hunspell-asm/dist/cjs/index.js' }, outdir: 'dist', sourcemap: false }),
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

// The package's bin entries run as commands (`npx referat`, `referat-language-server`): esbuild
// writes plain files, and npm does not mark the root package's own bins executable.
for (const b of bundles) if (b.options.banner) chmodSync(join(root, 'dist', `${b.name}.js`), 0o755);
