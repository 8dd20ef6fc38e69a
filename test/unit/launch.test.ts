import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, repoRoot, scratchDir } from '../helpers';

// The launchers (dist/cli.js, dist/server.js, dist/*Worker.js) run their bundle, and the bundles loaded
// beside it, with V8's code cache: the user's own, named by the bundle's content and the V8 that made
// it, refused by V8 when it does not fit.

const cli = join(repoRoot, 'dist/cli.js');
const referat = join(corpusDir, 'direktionen-2019-06-26.referat');

function run(args: readonly string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const caches = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.cache'));

test('the command makes its code cache on its first run, in the folder asked for, and takes it on the next without writing it again', () => {
  const dir = join(scratchDir('referat-code-cache-'), 'cache');
  const without = run(['check', referat, '--format', 'json'], { REFERAT_CODE_CACHE: 'off' });
  const first = run(['check', referat, '--format', 'json'], { REFERAT_CODE_CACHE: dir });
  assert.deepEqual(first, without);
  const [file, ...more] = caches(dir);
  assert.ok(file, 'a cache is written');
  assert.deepEqual(more, []);
  assert.match(file, /^cli-main-[0-9a-f]{16}-[a-z0-9]+-v8-.+\.cache$/);
  assert.equal(statSync(dir).mode & 0o077, 0, 'the folder is the user’s alone');
  const written = statSync(join(dir, file)).mtimeMs;
  const second = run(['check', referat, '--format', 'json'], { REFERAT_CODE_CACHE: dir });
  assert.deepEqual(second, without);
  assert.equal(statSync(join(dir, file)).mtimeMs, written, 'V8 took the cache: it is not written again');
});

test('a damaged cache, or one of an earlier build, changes nothing the command does: the cache is made anew and the old one goes', () => {
  const dir = scratchDir('referat-code-cache-');
  const without = run(['check', referat], { REFERAT_CODE_CACHE: 'off' });
  run(['--version'], { REFERAT_CODE_CACHE: dir });
  const [file] = caches(dir);
  assert.ok(file);
  // Half a cache (a machine that stopped while writing), then noise of the same length.
  const whole = readFileSync(join(dir, file));
  for (const damaged of [whole.subarray(0, whole.length >> 1), Buffer.alloc(whole.length, 0x5a)]) {
    writeFileSync(join(dir, file), damaged);
    assert.deepEqual(run(['check', referat], { REFERAT_CODE_CACHE: dir }), without);
    assert.ok(!readFileSync(join(dir, file)).equals(damaged), 'the damaged cache is replaced');
  }
  const earlier = 'cli-main-0000000000000000-x64-v8-1.0.cache';
  writeFileSync(join(dir, earlier), 'an earlier build’s');
  // What a worker thread ended while writing left: an old part goes, a part being written now stays.
  const left = join(dir, `${file}.123.abc.part`);
  const writing = join(dir, `${file}.456.def.part`);
  writeFileSync(left, 'half');
  utimesSync(left, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
  writeFileSync(writing, 'half');
  writeFileSync(join(dir, file), 'damaged');
  assert.deepEqual(run(['check', referat], { REFERAT_CODE_CACHE: dir }), without);
  assert.deepEqual(readdirSync(dir).sort(), [file, `${file}.456.def.part`]);
});

test('where no cache can be written (a file in the folder’s place), or it is switched off, the command works as without one and writes nothing', () => {
  const home = scratchDir('referat-code-cache-home-');
  const blocked = join(home, 'blocked');
  writeFileSync(blocked, '');
  const without = run(['check', referat], { REFERAT_CODE_CACHE: 'off', HOME: home, XDG_CACHE_HOME: join(home, 'xdg') });
  assert.equal(without.code, 0);
  assert.deepEqual(run(['check', referat], { REFERAT_CODE_CACHE: blocked }), without);
  assert.deepEqual(readdirSync(home), ['blocked']);
  // Without the setting: the user's cache folder as the system names it.
  assert.deepEqual(run(['check', referat], { HOME: home, XDG_CACHE_HOME: join(home, 'xdg') }), without);
  assert.equal(caches(join(home, 'xdg', 'referat', 'code-cache')).length, 1);
});

test('the bundles loaded beside the command (the import’s readers) and those of its worker threads get their caches too, and the next run takes them', () => {
  const dir = scratchDir('referat-code-cache-');
  const sources = scratchDir('referat-code-cache-pdfs-');
  const pdfs = readdirSync(join(repoRoot, 'test/fixtures/sources')).filter((f) => f.endsWith('.pdf') && !f.startsWith('aarhus'));
  // Enough files for the import's threads (a folder always starts them).
  for (let i = 0; i < 4; i++) for (const f of pdfs) writeFileSync(join(sources, `${i}-${f}`), readFileSync(join(repoRoot, 'test/fixtures/sources', f)));
  const importInto = (cache: string) => {
    const out = scratchDir('referat-code-cache-out-');
    const r = run(['import', '--out-dir', out, sources], { REFERAT_CODE_CACHE: cache });
    return {
      code: r.code,
      files: readdirSync(out)
        .sort()
        .map((f) => readFileSync(join(out, f), 'utf8')),
    };
  };
  const without = importInto('off');
  assert.equal(without.code, 0);
  assert.deepEqual(importInto(dir), without);
  const names = caches(dir).map((f) => f.replace(/-[0-9a-f]{16}-.*$/, ''));
  assert.deepEqual(names.sort(), ['cli-main', 'import', 'importWorker-main']);
  const written = new Map(caches(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
  assert.deepEqual(importInto(dir), without);
  assert.deepEqual(new Map(caches(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs])), written, 'every cache was taken, none written again');
});
