/**
 * The host's part of spell checking: finds the dictionary and Hunspell (WebAssembly) beside the
 * bundle, loads them once, lazily, and hands the core a Speller (spelling/speller.ts). Hunspell
 * itself is needed because the Danish dictionary builds compounds with COMPOUNDBEGIN/MIDDLE/END
 * flags (`kvalitetsstandarder`), which the pure-JS readers get wrong; see
 * scripts/bench/spelling-engines.mjs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type * as HunspellAsm from 'hunspell-asm';
import { ADMINISTRATION_ABBREVIATIONS } from '../spelling/abbreviations';
import { HunspellSpeller, type HouseEngine, type Speller } from '../spelling/speller';

export type { Speller } from '../spelling/speller';

export interface SpellerOptions {
  /** Folder with `da_DK.aff`, `da_DK.dic`, `da_DK.stems` and `hunspell-asm.js`; found beside the bundle or in dist/ if not given. */
  dataDir?: string;
}

export const AFF_FILE = 'da_DK.aff';
export const DIC_FILE = 'da_DK.dic';
/** The .dic's stems sorted, made by the build, for ranking suggestions. */
export const STEMS_FILE = 'da_DK.stems';
/** hunspell-asm, bundled by the build on its own so that no other bundle parses it at start. */
export const ENGINE_FILE = 'hunspell-asm.js';

const isSpellingDir = (dir: string): boolean => [AFF_FILE, STEMS_FILE, ENGINE_FILE].every((f) => existsSync(join(dir, f)));

// The build puts the dictionary and the engine in dist/spelling, beside dist/server.js; a
// bundle elsewhere (tests in out/, the benchmark) finds the built tree's further up.
export function findSpellingData(from: string = __dirname): string | undefined {
  if (isSpellingDir(join(from, 'spelling'))) return join(from, 'spelling');
  for (let dir = from; ; dir = dirname(dir)) {
    if (isSpellingDir(join(dir, 'dist', 'spelling'))) return join(dir, 'dist', 'spelling');
    if (dirname(dir) === dir) return undefined;
  }
}

/** The spelling engine's WebAssembly is given this long to load before it counts as broken. */
const ENGINE_LOAD_TIMEOUT_MS = 60_000;
const loading = new Map<string, Promise<Speller>>();
const ready = new Map<string, Speller>();

/**
 * The Danish speller, loaded once on first call (about 0.3 s and 40 MB; the Hunspell
 * constructor runs synchronously for most of that time). Call it without awaiting to load in
 * the background. A failed load is not kept, so a later call tries again.
 */
export function loadSpeller(options: SpellerOptions = {}): Promise<Speller> {
  const dir = options.dataDir ?? findSpellingData();
  if (dir === undefined) return Promise.reject(new Error(`spelling: no folder with the Danish dictionary (${AFF_FILE}) and ${ENGINE_FILE}; run the build`));
  let p = loading.get(dir);
  if (!p) {
    p = createSpeller(dir);
    loading.set(dir, p);
    p.then(
      (s) => ready.set(dir, s),
      () => loading.delete(dir),
    );
  }
  return p;
}

/** The speller if it has finished loading, for a check that runs synchronously and must not wait. */
export function loadedSpeller(options: SpellerOptions = {}): Speller | undefined {
  const dir = options.dataDir ?? findSpellingData();
  return dir === undefined ? undefined : ready.get(dir);
}

async function createSpeller(dir: string): Promise<Speller> {
  // Both read at once, the first missing one named (the affix file before the word list): the same message every time.
  const [affRead, dicRead] = await Promise.allSettled([readFile(join(dir, AFF_FILE)), readFile(join(dir, DIC_FILE))]);
  if (affRead.status === 'rejected') throw affRead.reason;
  if (dicRead.status === 'rejected') throw dicRead.reason;
  const aff = affRead.value;
  const dic = dicRead.value;
  const factory = await withoutProcessHooks(() => {
    // Required by path at run time: the engine is its own file beside the bundle, never bundled in.
    const engine = createRequire(join(dir, ENGINE_FILE))(join(dir, ENGINE_FILE)) as typeof HunspellAsm;
    return engine.loadModule({ timeout: ENGINE_LOAD_TIMEOUT_MS });
  });
  const affPath = factory.mountBuffer(aff, AFF_FILE);
  const dicPath = factory.mountBuffer(dic, DIC_FILE);
  try {
    const hunspell = factory.create(affPath, dicPath);
    // The case handling's abbreviations (`cpr-nr.`, `j.nr.`, `Sagsnr.: 12`), which Stavekontrolden lacks.
    for (const w of ADMINISTRATION_ABBREVIATIONS) if (!hunspell.spell(w)) hunspell.addWord(w);
    return new HunspellSpeller(hunspell, () => readFileSync(join(dir, STEMS_FILE), 'utf8'), houseEngine(factory, dir, aff));
  } finally {
    // Hunspell has read them into its own tables; the mounted copies are 3.6 MB of nothing.
    factory.unmount(affPath);
    factory.unmount(dicPath);
  }
}

let houseCount = 0;

/**
 * The house's words as a small Hunspell of their own over the same affix file (15 ms to make),
 * so the dictionary's instance, shared by every document, never changes. The .dic is read again
 * only when a house word needs its model's lines.
 */
function houseEngine(factory: HunspellAsm.HunspellFactory, dir: string, aff: Buffer): HouseEngine {
  let dic: string | undefined;
  const affText = aff.toString('utf8');
  return {
    affText: () => affText,
    lines(stem: string): readonly string[] {
      dic ??= readFileSync(join(dir, DIC_FILE), 'utf8');
      const out: string[] = [];
      for (let at = dic.indexOf(`\n${stem}/`); at >= 0; at = dic.indexOf(`\n${stem}/`, at + 1)) out.push(dic.slice(at + 1, dic.indexOf('\n', at + 1)).trim());
      return out;
    },
    create(dicLines: readonly string[]) {
      const n = houseCount++;
      const affPath = factory.mountBuffer(aff, `house-${n}.aff`);
      const dicPath = factory.mountBuffer(Buffer.from(`${dicLines.length}\n${dicLines.join('\n')}\n`, 'utf8'), `house-${n}.dic`);
      try {
        return factory.create(affPath, dicPath);
      } finally {
        factory.unmount(affPath);
        factory.unmount(dicPath);
      }
    },
  };
}

/**
 * Emscripten's Node preamble adds an `uncaughtException` listener that rethrows, which would
 * turn any error the language server logs and survives into a crash; the speller needs none.
 */
async function withoutProcessHooks<T>(load: () => Promise<T>): Promise<T> {
  const exceptions = new Set(process.listeners('uncaughtException'));
  const rejections = new Set(process.listeners('unhandledRejection'));
  try {
    return await load();
  } finally {
    for (const l of process.listeners('uncaughtException')) if (!exceptions.has(l)) process.removeListener('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection')) if (!rejections.has(l)) process.removeListener('unhandledRejection', l);
  }
}
