// One spelling engine in a fresh process, for scripts/bench/spelling-engines.mjs:
//   node spelling-engine-worker.mjs ENGINE SETUP.json [JOB.json]
// Loads the engine (timed from the first import to ready), then, given a job, checks the
// corpus's distinct words, the compounds and the typos. Prints one JSON line.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [engine, setupFile, jobFile] = process.argv.slice(2);
const setup = JSON.parse(readFileSync(setupFile, 'utf8'));
const require = createRequire(join(setup.cacheDir, 'package.json'));
const readDict = () => ({
  aff: readFileSync(join(setup.dataDir, 'da_DK.aff'), 'utf8'),
  dic: readFileSync(join(setup.dataDir, 'da_DK.dic'), 'utf8'),
});

const engines = {
  async none() {
    return { correct: () => true, suggest: () => [] };
  },
  // The shipped engine, from a bundle built like dist/server.js, its dictionary beside it.
  async referat() {
    const { loadSpeller } = require(setup.referatBundle);
    const s = await loadSpeller();
    return { correct: (w) => s.correct(w), suggest: (w) => s.suggest(w, 3) };
  },
  // Hunspell's own suggestion order, without the engine's ranking of its candidates.
  async 'hunspell-asm'() {
    const { loadModule } = require(join(setup.dataDir, 'hunspell-asm.js'));
    const f = await loadModule();
    const { aff, dic } = readDict();
    const h = f.create(f.mountBuffer(Buffer.from(aff), 'da.aff'), f.mountBuffer(Buffer.from(dic), 'da.dic'));
    return { correct: (w) => h.spell(w), suggest: (w) => h.suggest(w) };
  },
  async nspell() {
    const nspell = require('nspell');
    const { aff, dic } = readDict();
    const s = nspell(aff, dic);
    return { correct: (w) => s.correct(w), suggest: (w) => s.suggest(w) };
  },
  async 'typo-js'() {
    const Typo = require('typo-js');
    const { aff, dic } = readDict();
    const s = new Typo('da_DK', aff, dic);
    return { correct: (w) => s.check(w), suggest: (w) => s.suggest(w, 3) };
  },
  async espells() {
    const { Espells } = require(setup.espellsBundle);
    const { aff, dic } = readDict();
    const s = new Espells({ aff, dic });
    return { correct: (w) => s.lookup(w).correct, suggest: (w) => [...s.suggest(w)] };
  },
  async cspell() {
    // cspell-lib exports only for `import`, which would resolve from here, not from the cache.
    const lib = await import(pathToFileURL(join(setup.cacheDir, 'node_modules/cspell-lib/dist/index.js')).href);
    const ext = require.resolve('@cspell/dict-da-dk/cspell-ext.json');
    const settings = lib.mergeSettings(await lib.getDefaultSettings(false), await lib.readSettings(ext), { language: 'da', dictionaries: ['da-dk'] });
    const d = await lib.getDictionary(settings);
    // cspell's own tokenizer hands it words without an abbreviation's period or a shared
    // compound's hyphen (`kl.`, `skole-`), so they are dropped here too.
    const bare = (w) => w.replace(/[.-]$/u, '');
    return {
      correct: (w) => d.has(bare(w), { ignoreCase: false }),
      suggest: (w) => d.suggest(bare(w), { numSuggestions: 3 }).map((s) => s.word),
    };
  },
  // Debian's hunspell in pipe mode (`-a`, the judgments `-l` prints), the reference.
  async debian() {
    const child = spawn('hunspell', ['-d', 'da_DK', '-a'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    const lines = [];
    let buffered = '';
    let wake = () => {};
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      buffered += d;
      const parts = buffered.split('\n');
      buffered = parts.pop();
      lines.push(...parts);
      wake();
    });
    const nextLine = async () => {
      while (lines.length === 0) await new Promise((r) => (wake = r));
      return lines.shift();
    };
    await nextLine(); // the banner: the dictionary is loaded
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    // One line in, one result per word hunspell sees in it, then a blank line.
    const ask = async (w) => {
      child.stdin.write(`^${w}\n`);
      const out = [];
      for (let l = await nextLine(); l !== ''; l = await nextLine()) out.push(l);
      return out;
    };
    const isMiss = (l) => l.startsWith('&') || l.startsWith('#');
    return {
      rss,
      close: () => child.kill(),
      // `-a` computes suggestions for every miss, so the speed is that of `-l` (which only
      // lists the misses) on the same words, less its load time.
      checkMany: async (ws) => {
        const t = performance.now();
        const r = spawnSync('hunspell', ['-d', 'da_DK', '-l'], {
          input: ws.join('\n'),
          encoding: 'utf8',
          maxBuffer: 1 << 28,
          env: { ...process.env, LC_ALL: 'C.UTF-8' },
        });
        const ms = performance.now() - t - loadMs;
        return { rejected: r.stdout.split('\n').filter(Boolean), ms };
      },
      correct: async (w) => !(await ask(w)).some(isMiss),
      suggest: async (w) => {
        const miss = (await ask(w)).find((l) => l.startsWith('&'));
        return miss ? miss.slice(miss.indexOf(':') + 2).split(', ') : [];
      },
    };
  },
};

const t0 = performance.now();
let loadMs = 0;
const s = await engines[engine]();
loadMs = performance.now() - t0;
const result = { engine, loadMs, rss: s.rss ?? process.memoryUsage().rss };

// The slowest engines take seconds a word: each part of the job stops at its time budget.
async function within(items, ms, fn) {
  const t = performance.now();
  let n = 0;
  for (const x of items) {
    if (performance.now() - t > ms) break;
    await fn(x, n++);
  }
  return { n, ms: performance.now() - t };
}

if (jobFile) {
  const job = JSON.parse(readFileSync(jobFile, 'utf8'));
  if (s.checkMany) {
    const { rejected, ms } = await s.checkMany(job.words);
    Object.assign(result, { rejected, wordsChecked: job.words.length, wordsPerSecond: job.words.length / (ms / 1000) });
  } else {
    result.rejected = [];
    const done = await within(job.words, job.budgetMs, async (w) => {
      if (!(await s.correct(w))) result.rejected.push(w);
    });
    Object.assign(result, { wordsChecked: done.n, wordsPerSecond: done.n / (done.ms / 1000) });
  }
  result.compounds = [];
  result.compoundsChecked = (
    await within(job.compounds, job.budgetMs, async (w) => {
      if (await s.correct(w)) result.compounds.push(w);
    })
  ).n;
  result.typos = [];
  const times = [];
  await within(job.typos, job.budgetMs, async (typo) => {
    const flagged = !(await s.correct(typo.typo));
    let suggestions;
    if (flagged) {
      const t = performance.now();
      suggestions = (await s.suggest(typo.typo)).slice(0, 3);
      times.push(performance.now() - t);
    }
    result.typos.push({ flagged, suggestions });
  });
  times.sort((a, b) => a - b);
  result.suggestMs = times.length ? { median: times[Math.floor(times.length / 2)], max: times[times.length - 1] } : undefined;
  result.rssAfterWork = s.rss ?? process.memoryUsage().rss;
}
s.close?.();
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
