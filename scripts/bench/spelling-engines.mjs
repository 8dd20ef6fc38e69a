// Compares Danish spelling engines side by side in one run, each in fresh processes:
//   node scripts/bench/spelling-engines.mjs [--quick] [--engines=referat,nspell,...]
// load time (median of fresh processes), resident memory after load, words per second,
// compounds accepted, false alarms per 1,000 words on the real minutes against Debian's
// hunspell-da, and 200 typos injected (seeded) into the minutes' prose: flagged, and the
// right word among the first three suggestions. Each part of an engine's job stops after
// 120 s (30 s with --quick), as some engines take seconds a word; the table says how much they
// did. About 25 minutes in all, most of it the slow engines. No result is asserted: the
// machine is shared.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureSystemDeps } from '../system-deps.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const quick = process.argv.includes('--quick');
const ALL = ['referat', 'hunspell-asm', 'debian', 'nspell', 'typo-js', 'espells', 'cspell'];
const chosen =
  process.argv
    .find((a) => a.startsWith('--engines='))
    ?.slice(10)
    .split(',') ?? ALL;
const loadRuns = quick ? 3 : 5;
const budgetMs = quick ? 30_000 : 120_000;
const SEED = 20251126;
const TYPOS_PER_KIND = 50;

const LABEL = {
  referat: 'referat: hunspell-asm, one-edit suggestions',
  'hunspell-asm': 'hunspell-asm 4.0.2, its own suggest',
  debian: 'Debian hunspell 1.7 + hunspell-da (reference)',
  nspell: 'nspell 2.1.5',
  'typo-js': 'typo-js 1.4.0',
  espells: 'espells 0.4.1',
  cspell: 'cspell-lib 9.8.0 + @cspell/dict-da-dk 4.1.2',
};
// The engines that are not the project's dependencies, installed once into a cache.
const PINNED = { nspell: '2.1.5', 'typo-js': '1.4.0', espells: '0.4.1', 'cspell-lib': '9.8.0', '@cspell/dict-da-dk': '4.1.2' };
// Compounds the issue names or the minutes use; most are not entries of the dictionary.
const NAMED_COMPOUNDS = [
  'ansættelsesstop',
  'kvalitetsstandarder',
  'administrationsanalysen',
  'styregruppemøde',
  'kommunaldirektøren',
  'anlægsbevilling',
  'kvalitetsopfølgning',
  'budgetforhandlingerne',
  'direktionsmøde',
  'deltagerkredsen',
  'digitaliseringsstrategi',
  'anlægsregnskaber',
  'sygefraværsindsats',
  'ledelsesinformation',
  'budgetopfølgning',
  'rekrutteringsudfordringer',
  'hastighedsnedsættelser',
  'nettoanlægsudgiftsbevilling',
  'klimaregnskabsmetode',
  'velfærdsområdet',
];

if (!existsSync(join(root, 'dist/spelling/da_DK.dic'))) {
  console.error('bench: dist/spelling is missing; run `npm run build` first');
  process.exit(2);
}
if (!ensureSystemDeps({ only: ['hunspell', 'hunspell-da'] })) process.exit(2);

// --- the engines' code ---
const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'referat-spelling-bench');
const marker = join(cacheDir, 'installed.json');
if (!existsSync(marker) || readFileSync(marker, 'utf8') !== JSON.stringify(PINNED)) {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({ name: 'referat-spelling-bench', private: true, dependencies: PINNED }));
  console.log(`installing the engines to compare into ${cacheDir}`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: cacheDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(2);
  writeFileSync(marker, JSON.stringify(PINNED));
}

const tmp = mkdtempSync(join(tmpdir(), 'referat-spelling-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
// The engine bundled as the build bundles dist/server.js, with dist/spelling copied beside it.
const referatBundle = join(tmp, 'referat-speller.js');
await build({
  stdin: {
    contents: ["export { loadSpeller } from './server/src/node/speller';", "export { words, isInsideSentence } from './server/src/spelling/words';"].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: referatBundle,
  logLevel: 'warning',
});
cpSync(join(root, 'dist/spelling'), join(tmp, 'spelling'), { recursive: true });
// espells imports its modules without file extensions, which only a bundler resolves.
const espellsBundle = join(tmp, 'espells.cjs');
await build({
  entryPoints: [join(cacheDir, 'node_modules/espells/lib/index.js')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: espellsBundle,
  logLevel: 'warning',
});
const setupFile = join(tmp, 'setup.json');
writeFileSync(setupFile, JSON.stringify({ cacheDir, dataDir: join(root, 'dist/spelling'), referatBundle, espellsBundle }));

// --- the corpus ---
const { words, isInsideSentence } = await import(referatBundle);
const shared = process.env.REFERAT_SHARED ?? join(root, '..', 'shared');
const docs = [];
const addDocs = (dir, ext) => {
  if (!existsSync(dir)) return;
  for (const n of readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort())
    docs.push({ name: n, text: readFileSync(join(dir, n), 'utf8') });
};
addDocs(join(shared, 'corpus'), '.referat');
addDocs(join(shared, 'corpus-external/text'), '.txt');
if (docs.length === 0) addDocs(join(root, 'test/fixtures/corpus'), '.referat');
const tokens = [];
docs.forEach((d, doc) => {
  for (const line of d.text.split(/\r\n|\r|\n/)) {
    for (const t of words(line)) tokens.push({ word: t.word, doc, name: /^\p{Lu}/u.test(t.word) && isInsideSentence(line, t.start) });
  }
});
const distinct = [...new Set(tokens.map((t) => t.word))];
const docsOf = new Map();
for (const t of tokens) {
  const k = t.word.toLowerCase();
  if (!docsOf.has(k)) docsOf.set(k, new Set());
  docsOf.get(k).add(t.doc);
}

/** The words Debian's hunspell-da rejects: `-L` prints each input line with a miss, and computes no suggestions. */
function debianRejects(list) {
  const r = spawnSync('hunspell', ['-d', 'da_DK', '-L'], {
    input: list.join('\n'),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
  return new Set(r.stdout.split('\n').filter(Boolean));
}

// --- typos: one edit in a prose word that Debian accepts, kept only if Debian rejects the result ---
function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const pick = (n) => Math.floor(rand() * n);
const KINDS = {
  dropped: (w) => {
    const i = pick(w.length);
    return w.slice(0, i) + w.slice(i + 1);
  },
  doubled: (w) => {
    const i = pick(w.length);
    return w.slice(0, i + 1) + w[i] + w.slice(i + 1);
  },
  swapped: (w) => {
    const at = [...w].map((_, i) => i).filter((i) => i + 1 < w.length && w[i] !== w[i + 1]);
    if (at.length === 0) return undefined;
    const i = at[pick(at.length)];
    return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  },
  'æøå as ae/oe/aa': (w) => {
    const at = [...w].map((c, i) => ('æøå'.includes(c) ? i : -1)).filter((i) => i >= 0);
    if (at.length === 0) return undefined;
    const i = at[pick(at.length)];
    return w.slice(0, i) + { æ: 'ae', ø: 'oe', å: 'aa' }[w[i]] + w.slice(i + 1);
  },
};
const prose = tokens.filter((t) => /^\p{Ll}{4,}$/u.test(t.word));
const order = prose.map((_, i) => i);
for (let i = order.length - 1; i > 0; i--) {
  const j = pick(i + 1);
  [order[i], order[j]] = [order[j], order[i]];
}
const pool = [];
const usedWords = new Set();
for (const kind of Object.keys(KINDS)) {
  let n = 0;
  for (const i of order) {
    const w = prose[i].word;
    if (usedWords.has(w)) continue;
    const typo = KINDS[kind](w);
    if (!typo || typo === w) continue;
    usedWords.add(w);
    pool.push({ kind, original: w, typo });
    if (++n >= TYPOS_PER_KIND * 3) break;
  }
}
const debianNo = debianRejects([...distinct, ...pool.map((p) => p.typo), ...pool.map((p) => p.original), ...NAMED_COMPOUNDS]);
const typos = [];
for (const kind of Object.keys(KINDS)) {
  typos.push(...pool.filter((p) => p.kind === kind && debianNo.has(p.typo) && !debianNo.has(p.original)).slice(0, TYPOS_PER_KIND));
}
const longWords = distinct.filter((w) => /^\p{Ll}{12,}$/u.test(w) && !debianNo.has(w));
const compounds = [...NAMED_COMPOUNDS, ...longWords.filter((w) => !NAMED_COMPOUNDS.includes(w))];
const jobFile = join(tmp, 'job.json');
writeFileSync(jobFile, JSON.stringify({ words: distinct, compounds, typos, budgetMs }));
console.log(
  `corpus: ${docs.length} documents, ${tokens.length} words (${distinct.length} distinct); ` +
    `${typos.length} typos (${Object.keys(KINDS)
      .map((k) => `${typos.filter((t) => t.kind === k).length} ${k}`)
      .join(', ')}); ` +
    `${compounds.length} compounds (the ${NAMED_COMPOUNDS.length} named + every lower-case word of 12+ letters Debian accepts)`,
);

// --- run ---
function worker(engine, job) {
  const args = [join(root, 'scripts/bench/spelling-engine-worker.mjs'), engine, setupFile, ...(job ? [jobFile] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] });
  const last = r.stdout.trim().split('\n').pop();
  if (r.status !== 0 || !last) throw new Error(`${engine}: worker failed (${r.status})`);
  return JSON.parse(last);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const perK = (n) => ((n / tokens.length) * 1000).toFixed(1);
const pct = (n, d) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
const rows = [];
// The floor: a fresh node process that loads nothing.
{
  const base = Array.from({ length: loadRuns }, () => worker('none', false));
  console.log(`node alone: RSS ${(median(base.map((b) => b.rss)) / 1e6).toFixed(0)} MB (the floor under every engine's RSS but Debian's)`);
}
for (const engine of chosen) {
  process.stdout.write(`${engine}: `);
  const loads = [];
  const rss = [];
  let full;
  try {
    for (let i = 0; i < loadRuns; i++) {
      const r = worker(engine, false);
      loads.push(r.loadMs);
      rss.push(r.rss);
      process.stdout.write('.');
    }
    full = worker(engine, true);
  } catch (e) {
    // One engine that breaks (an update, a missing package) leaves the others' results.
    console.log(` failed: ${e.message}`);
    continue;
  }
  const rejected = new Set(full.rejected);
  // Only an engine that judged every distinct word in its time budget has false-alarm rates.
  const complete = full.wordsChecked === distinct.length;
  const flagged = tokens.filter((t) => rejected.has(t.word));
  const isFalse = (t) => debianNo.has(t.word) === false || t.name || docsOf.get(t.word.toLowerCase()).size >= 3;
  // What the later rule will see: it skips capitalised words inside a sentence (names).
  const ruleFlagged = flagged.filter((t) => !t.name);
  const rate = (n) => (complete ? perK(n) : '–');
  const named = NAMED_COMPOUNDS.filter((w) => full.compounds.includes(w)).length;
  const corpusChecked = Math.max(0, full.compoundsChecked - NAMED_COMPOUNDS.length);
  const typosDone = full.typos.length;
  const hits = full.typos.filter((t, i) => t.suggestions?.includes(typos[i].original)).length;
  const row = {
    engine: LABEL[engine],
    load: median(loads),
    rss: median(rss) / 1e6,
    rssAfterWork: full.rssAfterWork / 1e6,
    wps: full.wordsPerSecond,
    compounds: `${named}/${NAMED_COMPOUNDS.length}, ${full.compounds.length - named}/${corpusChecked}${corpusChecked < compounds.length - NAMED_COMPOUNDS.length ? ' checked' : ''}`,
    flagged: rate(flagged.length),
    fa: rate(flagged.filter(isFalse).length),
    plainFa: rate(flagged.filter((t) => !debianNo.has(t.word)).length),
    ruleFa: rate(ruleFlagged.filter(isFalse).length),
    detected: `${pct(full.typos.filter((t) => t.flagged).length, typosDone)}${typosDone < typos.length ? ` of ${typosDone}` : ''}`,
    top3: `${pct(hits, typosDone)}${typosDone < typos.length ? ` of ${typosDone}` : ''}`,
    suggest: full.suggestMs ? `${full.suggestMs.median.toFixed(0)} / ${full.suggestMs.max.toFixed(0)}` : '–',
    misses: full.typos.map((t, i) => ({ ...typos[i], ...t })).filter((t) => t.suggestions && !t.suggestions.includes(t.original)),
    plainFalse: complete ? [...new Set(flagged.filter((t) => !debianNo.has(t.word)).map((t) => t.word))] : [],
    note: complete ? '' : `${engine}: judged ${full.wordsChecked} of ${distinct.length} distinct words in ${budgetMs / 1000} s, so no false-alarm rates`,
  };
  rows.push(row);
  console.log(` ${row.load.toFixed(0)} ms`);
}

const header = [
  'engine',
  'load ms (median)',
  'RSS MB after load',
  'RSS MB after the job',
  'words/s',
  'compounds named, corpus',
  'flagged /1k',
  'false /1k',
  'of which Debian accepts /1k',
  'false /1k after name skip',
  'typos flagged',
  'right word in top 3',
  'suggest ms median / max',
];
const cells = rows.map((r) => [
  r.engine,
  r.load.toFixed(0),
  r.rss.toFixed(0),
  r.rssAfterWork.toFixed(0),
  r.wps.toFixed(0),
  r.compounds,
  r.flagged,
  r.fa,
  r.plainFa,
  r.ruleFa,
  r.detected,
  r.top3,
  r.suggest,
]);
console.log(`\n| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const c of cells) console.log(`| ${c.join(' | ')} |`);
console.log(
  `\n${tokens.length} words; a false alarm is a flagged word that Debian's hunspell-da accepts, a capitalised word inside a sentence, or a word in 3 or more of the ${docs.length} documents.`,
);
for (const r of rows) {
  if (r.note) console.log(r.note);
  if (r.plainFalse.length) console.log(`${r.engine}: flagged, Debian accepts (${r.plainFalse.length}): ${r.plainFalse.slice(0, 30).join(' ')}`);
}
if (process.argv.includes('--verbose')) {
  for (const r of rows) {
    console.log(`\n${r.engine}: typos without the right word in the top 3 (${r.misses.length}):`);
    for (const m of r.misses) console.log(`  ${m.kind}: ${m.typo} → ${m.original}: ${m.suggestions.join(', ')}`);
  }
}
