import type { DocumentSymbol } from 'vscode-languageserver-types';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository root, found from wherever the bundled test runs. */
export const repoRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'server'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
})();

export const corpusDir = join(repoRoot, 'test/fixtures/corpus');
export const rulesDir = join(repoRoot, 'test/fixtures/rules');

export function corpusFiles(): { name: string; path: string; text: string }[] {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.referat'))
    .sort()
    .map((name) => ({ name, path: join(corpusDir, name), text: readFileSync(join(corpusDir, name), 'utf8') }));
}

/** The outline's punkter in document order, sub-items (under their item) included. */
export function punktSymbols(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => (s.name.startsWith('Punkt ') ? [s, ...punktSymbols(s.children ?? [])] : []));
}

/** The scratch folders this test process made; each goes when the process ends, passed or failed. */
const scratch: string[] = [];
process.on('exit', () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, removed when the test process ends. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}
