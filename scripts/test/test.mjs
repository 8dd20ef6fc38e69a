// Runs the tests with node's test runner.
//   npm test                         every bundle built afresh (scripts/build/build.mjs), every test
//   npm test -- FILE...              only the test files whose path (test/unit/archive.test.ts, or
//                                    out/test/...test.js) contains one of the words given
//   npm test -- FILE --grep PATTERN  and only the tests whose name matches PATTERN
// A chosen file is bundled alone; the product bundles (dist/) are rebuilt only when the test reads
// them (it names dist/, as the protocol and CLI tests do) and only those whose inputs changed.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const { selectors, patterns } = readArguments(process.argv.slice(2));

const files = selectors.length === 0 ? await buildEverything() : await buildChosen(selectors);
if (files.length === 0) {
  console.error(`no test files found for ${selectors.join(', ')}`);
  process.exit(1);
}
const namePatterns = patterns.map((p) => `--test-name-pattern=${p}`);
// A hung test (a server that never answers) fails after five minutes instead of holding CI forever.
const res = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-timeout=300000', ...namePatterns, ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(res.status ?? 1);

/** Words choose files; `--grep P`, `-g P` or `--test-name-pattern=P` choose tests by name. */
function readArguments(args) {
  const selectors = [];
  const patterns = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const inline = /^--(?:grep|test-name-pattern)=(.*)$/.exec(a);
    if (inline) patterns.push(inline[1]);
    else if (a === '--grep' || a === '-g' || a === '--test-name-pattern') {
      if (args[i + 1] === undefined) throw new Error(`${a} needs a pattern`);
      patterns.push(args[++i]);
    } else selectors.push(a);
  }
  return { selectors, patterns };
}

async function buildEverything() {
  const build = spawnSync(process.execPath, [join(root, 'scripts/build/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  return find(join(root, 'out/test'), '.test.js');
}

async function buildChosen(words) {
  const started = performance.now();
  const { buildStaleProducts, buildTests, findTests } = await import('../build/build.mjs');
  // A word may name the bundle (out/test/unit/x.test.js) as before, or the source.
  const wanted = words.map((w) =>
    w
      .replace(/^\.\//, '')
      .replace(/^out\//, '')
      .replace(/\.js$/, '.ts'),
  );
  const sources = findTests()
    .map((p) => relative(root, p))
    .filter((p) => wanted.some((w) => p.includes(w)))
    .sort();
  if (sources.length === 0) return [];
  const result = await buildTests(sources);
  // The files a test is made of (its helpers too): does any of them read the product bundles?
  const local = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'));
  const readsDist = local.some((p) => /(?<![\w-])dist[/'"]/.test(readFileSync(join(root, p), 'utf8')));
  const rebuilt = readsDist ? await buildStaleProducts() : [];
  const took = ((performance.now() - started) / 1000).toFixed(1);
  const products = !readsDist ? 'no product bundles needed' : rebuilt.length ? `rebuilt dist: ${rebuilt.join(', ')}` : 'dist up to date';
  console.log(`test: bundled ${sources.length} test file${sources.length === 1 ? '' : 's'}, ${products} (${took} s)`);
  return sources.map((p) => join(root, 'out', p.replace(/\.ts$/, '.js')));
}

function find(dir, suffix) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}
