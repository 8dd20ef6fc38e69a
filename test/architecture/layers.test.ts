import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from '../helpers';

/*
 * ARCHITECTURE.md's code map, enforced: which folder may import which. The table below is parsed
 * from ARCHITECTURE.md itself, so the document and the code cannot drift apart.
 */

const architecture = readFileSync(join(repoRoot, 'ARCHITECTURE.md'), 'utf8');

interface Layer {
  readonly name: string;
  readonly mayImport: readonly string[];
  readonly libraries: readonly string[];
}

/** `| server/src/rules | model, syntax, i18n | — |` rows of the "May import" table. */
function layers(): Map<string, Layer> {
  const out = new Map<string, Layer>();
  for (const line of architecture.split('\n')) {
    const m = /^\| `((?:server|client)\/src(?:\/[\w.]+)?)` \| ([^|]*) \| ([^|]*) \|$/.exec(line);
    if (!m) continue;
    const list = (cell: string): string[] =>
      cell
        .replace(/`/g, '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s && s !== '—');
    out.set(m[1]!, { name: m[1]!, mayImport: list(m[2]!), libraries: list(m[3]!) });
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The layer a file belongs to: its folder under server/src or client/src, or the file itself at the top. */
function layerOf(file: string): string {
  const rel = relative(repoRoot, file).split('\\').join('/');
  if (rel.startsWith('client/src/')) return 'client/src';
  const parts = rel.split('/');
  return parts.length > 3 ? parts.slice(0, 3).join('/') : rel;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!).filter(Boolean);
}

const files = [...sourceFiles(join(repoRoot, 'server/src')), ...sourceFiles(join(repoRoot, 'client/src'))];
const table = layers();

test('ARCHITECTURE.md names every folder of server/src and client/src', () => {
  const folders = new Set(files.map(layerOf));
  for (const f of folders) assert.ok(table.has(f), `${f} is not in ARCHITECTURE.md's code map`);
  for (const f of table.keys()) assert.ok(folders.has(f), `ARCHITECTURE.md names ${f}, which does not exist`);
});

test('every import follows the direction ARCHITECTURE.md gives', () => {
  const wrong: string[] = [];
  for (const file of files) {
    const from = table.get(layerOf(file));
    if (!from) continue;
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const rel = relative(repoRoot, target).split('\\').join('/');
        // Data files bundled as text or JSON (the KLE titles, the stylesheet, the snippet templates).
        if (!rel.startsWith('server/src/') && !rel.startsWith('client/src/')) {
          if (!from.libraries.some((l) => rel.startsWith(`${l}/`))) wrong.push(`${relative(repoRoot, file)} reads ${rel}`);
          continue;
        }
        const to = layerOf(target.endsWith('.ts') ? target : `${target}.ts`);
        if (to !== from.name && !from.mayImport.includes(to.replace(/^server\/src\//, ''))) wrong.push(`${relative(repoRoot, file)} → ${to}`);
      } else {
        const lib = spec.startsWith('node:') ? 'node:*' : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!from.libraries.includes(lib)) wrong.push(`${relative(repoRoot, file)} uses ${spec}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test("the README's layout names the same folders as ARCHITECTURE.md", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Layout'), readme.indexOf('\n## ', readme.indexOf('## Layout') + 5));
  for (const folder of table.keys()) assert.ok(section.includes(`\`${folder}\``), `README's layout lacks ${folder}`);
});
