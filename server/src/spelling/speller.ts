/**
 * Danish spell checking for the rule `spelling`: the speller the host loads (node/speller.ts:
 * Hunspell in WebAssembly over Stavekontrolden's dictionary), its look-ups cached, compounds of
 * known words, the house's own words with their inflections (house.ts), and suggestions one edit
 * away ranked here (suggest.ts). No file is read here: the host hands over the engine and the stems.
 */
import { ADMINISTRATION_ABBREVIATIONS, isAbbreviationLike } from './abbreviations';
import { editDistance } from './distance';
import { AffixRules, houseLines, type Dictionary, type HouseWord } from './house';
import { rankedEdits, Stems } from './suggest';

export type { HouseWord } from './house';

export interface Speller {
  /** Whether the dictionary accepts the word (a compound, an inflection, `kl.`). */
  correct(word: string): boolean;
  /** The best corrections for a word the dictionary does not accept, best first (3 unless told). */
  suggest(word: string, max?: number): string[];
  /** A speller that knows these words too, each with its inflections; absent where the host cannot make one. */
  withWords?(words: readonly HouseWord[]): Speller;
}

/** What the host's Hunspell gives: a word's verdict and Hunspell's own suggestions. */
export interface HunspellInstance {
  spell(word: string): boolean;
  suggest(word: string): string[];
}

/** What the host gives for the house's words: the dictionary's lines and a small Hunspell over the same affix file. */
export interface HouseEngine extends Dictionary {
  affText(): string;
  /** A Hunspell over the dictionary's affix file and these .dic lines only. */
  create(dicLines: readonly string[]): HunspellInstance & { dispose(): void };
}

const CACHE_LIMIT = 50_000;
const SUGGESTION_CACHE_LIMIT = 2_000;
const MAX_SUGGESTIONS = 10;
/** Word lists kept as Hunspell instances at once (about 1 MB each): a workspace has one or two. */
const HOUSE_CACHE_LIMIT = 4;
/**
 * Every part of a compound has at least four letters: the dictionary's stems of three (`are`,
 * `ion`, `gen`) would let typos pass as compounds (`are` + `laer` for `arealer`).
 */
export const MIN_COMPOUND_PART = 4;
/** Past this a word is no compound to split: the splits would cost too much. */
const MAX_COMPOUND_LENGTH = 40;
/**
 * A first part the dictionary lets begin compounds: `tids` + a part passes only when the
 * dictionary lets that part end a compound (`tidsplanen`, not `tidsingen`), with its inflection.
 */
const COMPOUND_PROBE = 'tids';
/** An adjective in -bar of a verb in -ere, inflected: the verb's stem before `erbar`. */
const ABLE_OF_VERB = /^(\p{Ll}{3,})erbar[et]?$/u;
/** Danish joins the parts of a compound directly, or with a linking -s- or -e-. */
const LINKS = ['', 's', 'e'] as const;
/** Abbreviations a correction of an abbreviation-like token may be, at most this many edits away. */
const MAX_ABBREVIATION_DISTANCE = 2;

export class HunspellSpeller implements Speller {
  // A referat repeats its words; each Hunspell look-up costs tens of microseconds.
  private readonly known = new Map<string, boolean>();
  private readonly suggested = new Map<string, string[]>();
  // Read on the first suggestion or compound (10 ms, 3 MB): most words never need it.
  private stems: Stems | undefined;
  private affix: AffixRules | undefined;
  private readonly houses = new Map<string, HouseSpeller>();
  private readonly houseLines = new Map<string, readonly string[]>();

  constructor(
    private readonly hunspell: HunspellInstance,
    private readonly readStems: () => string,
    private readonly engine?: HouseEngine,
  ) {}

  correct(word: string): boolean {
    const w = normalize(word);
    if (w === '') return true;
    let ok = this.known.get(w);
    if (ok === undefined) {
      ok = this.hunspell.spell(w) || this.compound(w) || this.ableOfVerb(w);
      if (this.known.size >= CACHE_LIMIT) this.known.clear();
      this.known.set(w, ok);
    }
    return ok;
  }

  /**
   * `milepælsplanen`: two parts the dictionary knows, each of four letters or more, joined with or
   * without a linking -s-/-e-: a stem of the dictionary (or the house), then a word that may end a
   * compound, with its inflection. Longer chains the dictionary builds itself; here they would let
   * typos pass as chains of short stems (`fre` + `alt` + `ion`).
   */
  compound(word: string, house?: { isStem(s: string): boolean; spell(s: string): boolean }): boolean {
    const w = word.toLowerCase();
    if (w.length > MAX_COMPOUND_LENGTH || !/^\p{Ll}+$/u.test(w)) return false;
    this.stems ??= new Stems(this.readStems());
    const stems = this.stems;
    for (let i = MIN_COMPOUND_PART; i <= w.length - MIN_COMPOUND_PART; i++) {
      const head = w.slice(0, i);
      if (!stems.has(head) && !(house?.isStem(head) ?? false)) continue;
      for (const link of LINKS) {
        if (link !== '' && w[i] !== link) continue;
        const rest = w.slice(i + link.length);
        if (rest.length < MIN_COMPOUND_PART) continue;
        // A word on its own (not the dictionary's chain of two-letter pieces) that the dictionary lets end a compound.
        if ((this.hunspell.spell(rest) && this.hunspell.spell(COMPOUND_PROBE + rest)) || (house?.spell(rest) ?? false)) return true;
      }
    }
    return false;
  }

  /**
   * `implementerbar`, `finansierbare`: an adjective in -bar of a verb in -ere, which the dictionary
   * has for some verbs (`realiserbar`) and administration forms of any. The verb is told by its
   * infinitive and its participle in -eret both, so a comparative (`hurtigere`) makes none.
   */
  private ableOfVerb(word: string): boolean {
    const m = ABLE_OF_VERB.exec(word.toLowerCase());
    return m !== null && this.hunspell.spell(`${m[1]}ere`) && this.hunspell.spell(`${m[1]}eret`);
  }

  suggest(word: string, max = 3): string[] {
    const w = normalize(word);
    if (w === '' || max <= 0) return [];
    let all = this.suggested.get(w);
    if (!all) {
      if (isAbbreviationLike(w)) {
        // `cpr-nrr.` is a slip in an abbreviation, never a word: `cpr-nar.` would change what she meant.
        all = abbreviationsNear(w);
      } else {
        this.stems ??= new Stems(this.readStems());
        // The candidates are mostly not words: they go straight to Hunspell, not into the cache.
        all = rankedEdits(w, MAX_SUGGESTIONS, (c) => this.hunspell.spell(c), this.stems);
        if (all.length === 0) all = [...new Set(this.hunspell.suggest(w))].filter((s) => s !== w).slice(0, MAX_SUGGESTIONS);
        // A hyphen or a period is written on purpose: a correction keeps them where they are.
        if (shape(w) !== '') all = all.filter((s) => shape(s) === shape(w));
      }
      if (this.suggested.size >= SUGGESTION_CACHE_LIMIT) this.suggested.clear();
      this.suggested.set(w, all);
    }
    return all.slice(0, max);
  }

  withWords(words: readonly HouseWord[]): Speller {
    if (!this.engine || words.length === 0) return this;
    const key = words
      .map((w) => `${w.word.toLowerCase()}/${w.model?.toLowerCase() ?? ''}`)
      .sort()
      .join('\n');
    let hit = this.houses.get(key);
    if (hit) {
      // Most recently used last, so the oldest goes first.
      this.houses.delete(key);
      this.houses.set(key, hit);
      return hit;
    }
    const lines = [...new Set(words.flatMap((w) => this.linesOf(w)))];
    const engine = this.engine;
    hit = new HouseSpeller(this, lines.length > 0 ? engine.create(lines) : undefined, new Set(words.map((w) => w.word.trim().toLowerCase())));
    this.houses.set(key, hit);
    if (this.houses.size > HOUSE_CACHE_LIMIT) {
      const [oldKey, old] = this.houses.entries().next().value as [string, HouseSpeller];
      this.houses.delete(oldKey);
      old.dispose();
    }
    return hit;
  }

  /** A house word's .dic lines, once per word: a list changes a word at a time. */
  private linesOf(word: HouseWord): readonly string[] {
    const key = `${word.word.toLowerCase()}/${word.model?.toLowerCase() ?? ''}`;
    let hit = this.houseLines.get(key);
    if (!hit && this.engine) {
      const engine = this.engine;
      this.affix ??= new AffixRules(engine.affText());
      this.stems ??= new Stems(this.readStems());
      const stems = this.stems;
      // The sorted stems answer in microseconds; only a stem's lines are looked for in the .dic.
      hit = houseLines(word, { lines: (stem) => (stems.has(stem) ? engine.lines(stem) : []) }, this.affix);
      this.houseLines.set(key, hit);
    }
    return hit ?? [];
  }
}

/** The dictionary with the house's words: their inflections by Hunspell's rules, and compounds with them. */
class HouseSpeller implements Speller {
  private readonly known = new Map<string, boolean>();

  constructor(
    private readonly base: HunspellSpeller,
    private house: (HunspellInstance & { dispose(): void }) | undefined,
    private readonly words: ReadonlySet<string>,
  ) {}

  correct(word: string): boolean {
    if (this.base.correct(word)) return true;
    const w = normalize(word);
    let ok = this.known.get(w);
    if (ok === undefined) {
      const spell = (s: string): boolean => this.words.has(s.toLowerCase()) || (this.house?.spell(s) ?? false);
      ok = spell(w) || this.base.compound(w, { isStem: (s) => this.words.has(s), spell });
      if (this.known.size >= CACHE_LIMIT) this.known.clear();
      this.known.set(w, ok);
    }
    return ok;
  }

  suggest(word: string, max?: number): string[] {
    return this.base.suggest(word, max);
  }

  dispose(): void {
    this.house?.dispose();
    this.house = undefined;
  }
}

// The dictionary writes the apostrophe straight (`OK'er`); editors often curl it.
function normalize(word: string): string {
  return word.replace(/’/g, "'").normalize('NFC');
}

/** `cpr-nr.` → `-.`: the marks between and after the letters, which a correction keeps. */
function shape(word: string): string {
  return word.replace(/[\p{L}\p{M}']+/gu, '');
}

/** The known abbreviations of the same shape a few edits from a token, nearest first, its capital kept. */
function abbreviationsNear(word: string): string[] {
  const lower = word.toLowerCase();
  const capital = word !== lower && word.charAt(0) !== lower.charAt(0);
  return ADMINISTRATION_ABBREVIATIONS.map((a) => ({ a, d: editDistance(lower, a) }))
    .filter((x) => x.d > 0 && x.d <= MAX_ABBREVIATION_DISTANCE && shape(x.a) === shape(lower))
    .sort((x, y) => x.d - y.d)
    .map((x) => (capital ? x.a.charAt(0).toUpperCase() + x.a.slice(1) : x.a))
    .slice(0, MAX_SUGGESTIONS);
}
