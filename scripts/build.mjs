// Bundles the extension client, the language server, the CLI and the tests with esbuild.
// Tests are bundled too, so they run on plain node whatever module format a dependency ships.
import { build } from 'esbuild';
import { readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
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
};

rmSync(join(root, 'out'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/lsp/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  build({
    ...common,
    entryPoints: findTests(join(root, 'test')).map((p) => p.slice(root.length)),
    outdir: 'out',
    outbase: '.',
    sourcemap: 'inline',
    external: ['vscode'],
  }),
]);
