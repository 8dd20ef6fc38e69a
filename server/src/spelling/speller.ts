/**
 * Danish spell checking for the rule `spelling`: the speller the host loads (node/speller.ts:
 * Hunspell in WebAssembly over Stavekontrolden's dictionary), its look-ups cached, and
 * suggestions one edit away ranked here (suggest.ts). No file is read here: the host hands over
 * the engine and the stems.
 */
import { rankedEdits, Stems } from './suggest';

export interface Speller {
  /** Whether the dictionary accepts the word (a compound, an inflection, `kl.`). */
  correct(word: string): boolean;
  /** The best corrections for a word the dictionary does not accept, best first (3 unless told). */
  suggest(word: string, max?: number): string[];
}

/** What the host's Hunspell gives: a word's verdict and Hunspell's own suggestions. */
export interface HunspellInstance {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

const CACHE_LIMIT = 50_000;
const SUGGESTION_CACHE_LIMIT = 2_000;
const MAX_SUGGESTIONS = 10;

export class HunspellSpeller implements Speller {
  // A referat repeats its words; each Hunspell look-up costs tens of microseconds.
  private readonly known = new Map<string, boolean>();
  private readonly suggested = new Map<string, string[]>();
  // Read on the first suggestion (10 ms, 3 MB): checking alone never needs it.
  private stems: Stems | undefined;

  constructor(
    private readonly hunspell: HunspellInstance,
    private readonly readStems: () => string,
  ) {}

  correct(word: string): boolean {
    const w = normalize(word);
    if (w === '') return true;
    let ok = this.known.get(w);
    if (ok === undefined) {
      ok = this.hunspell.spell(w);
      if (this.known.size >= CACHE_LIMIT) this.known.clear();
      this.known.set(w, ok);
    }
    return ok;
  }

  suggest(word: string, max = 3): string[] {
    const w = normalize(word);
    if (w === '' || max <= 0) return [];
    let all = this.suggested.get(w);
    if (!all) {
      this.stems ??= new Stems(this.readStems());
      // The candidates are mostly not words: they go straight to Hunspell, not into the cache.
      all = rankedEdits(w, MAX_SUGGESTIONS, (c) => this.hunspell.spell(c), this.stems);
      if (all.length === 0) all = [...new Set(this.hunspell.suggest(w))].filter((s) => s !== w).slice(0, MAX_SUGGESTIONS);
      if (this.suggested.size >= SUGGESTION_CACHE_LIMIT) this.suggested.clear();
      this.suggested.set(w, all);
    }
    return all.slice(0, max);
  }
}

// The dictionary writes the apostrophe straight (`OK'er`); editors often curl it.
function normalize(word: string): string {
  return word.replace(/’/g, "'").normalize('NFC');
}
