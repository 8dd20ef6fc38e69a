import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../helpers';

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* files(path);
    else if (e.isFile()) yield path;
  }
}

test('no fixture is kept twice: a file the VS Code workspace or another test needs again is named, not copied', () => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const root of ['test/fixtures', 'test/vscode-workspace']) {
    for (const path of files(join(repoRoot, root))) {
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      const name = relative(repoRoot, path);
      const first = seen.get(hash);
      if (first) twice.push(`${name} = ${first}`);
      else seen.set(hash, name);
    }
  }
  assert.deepEqual(twice, []);
});

test("the VS Code workspace's fixtures all exist", () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'test/vscode-workspace/fixtures.json'), 'utf8')) as Record<string, string>;
  const missing = Object.entries(manifest)
    .filter(([into]) => !into.startsWith('//'))
    .map(([, from]) => from)
    .filter((from) => !readdirSync(join(repoRoot, 'test/fixtures', from, '..')).includes(from.split('/').pop()!));
  assert.deepEqual(missing, []);
});
