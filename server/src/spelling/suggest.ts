/**
 * Suggestions one edit away, checked by the dictionary. Hunspell's own `suggest` takes 0.3 s a
 * word in WebAssembly and never proposes a compound (the Danish .aff sets MAXCPDSUGS 0), so it
 * misses `ressourcekortlægning` for `ressourcekortlaegning`. Most typos are one edit; trying
 * each edit with `spell` is ten times faster and finds compounds. Hunspell's `suggest` remains
 * the fallback when no single edit gives a word.
 */

// Danish letters, most frequent first (the order of the .aff's TRY line).
const LETTERS = 'esrntliadkogmufbvphæøyjåcwzxqéü';
const DIGRAPHS: Record<string, string> = { aa: 'å', ae: 'æ', oe: 'ø', Aa: 'Å', Ae: 'Æ', Oe: 'Ø' };
const DIGRAPH = /aa|ae|oe|Aa|Ae|Oe/g;
/** A word this short (`i`, `på`, `af`) is the one most often run into the next. */
const SMALL_WORD = 2;
// Past this a word is not a typo of one word, and the edits would cost too much.
const MAX_LENGTH = 60;

interface Candidate {
  word: string;
  /** Lower is likelier: the kinds of slip people make most cost least. */
  cost: number;
}

/** Every word one edit from `word`, likeliest kinds first. */
export function* edits(word: string): Generator<Candidate> {
  if (word.length > MAX_LENGTH) return;
  // æ, ø, å typed on a keyboard without them.
  for (const m of word.matchAll(DIGRAPH)) yield { word: word.slice(0, m.index) + DIGRAPHS[m[0]] + word.slice(m.index + 2), cost: 0 };
  const allDigraphs = word.replace(DIGRAPH, (d) => DIGRAPHS[d] ?? d);
  if (allDigraphs !== word) yield { word: allDigraphs, cost: 0 };
  // A letter doubled or left single by mistake.
  for (let i = 0; i + 1 < word.length; i++) if (word[i] === word[i + 1]) yield { word: word.slice(0, i) + word.slice(i + 1), cost: 0.5 };
  for (let i = 0; i < word.length; i++) yield { word: word.slice(0, i + 1) + word[i] + word.slice(i + 1), cost: 0.5 };
  // Two words written as one: a small word run into the next (`igang`, `iøvrigt`) is as common a slip
  // as a doubled letter; two longer words (`vugges tun` for `vuggestun`) are seldom what was meant.
  for (let i = 1; i < word.length; i++) {
    yield { word: `${word.slice(0, i)} ${word.slice(i)}`, cost: Math.min(i, word.length - i) <= SMALL_WORD ? 0.5 : 1.5 };
  }
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) yield { word: word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), cost: 1 };
  }
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) yield { word: word.slice(0, i) + c + word.slice(i), cost: 1 };
  for (let i = 0; i < word.length; i++) yield { word: word.slice(0, i) + word.slice(i + 1), cost: 1 };
  for (let i = 0; i < word.length; i++) {
    for (const c of LETTERS) if (c !== word[i]) yield { word: word.slice(0, i) + c + word.slice(i + 1), cost: 1.5 };
  }
}

// Inflections the .dic's stems take, to tell a word of the dictionary from a compound that
// merely passes (`vuggestuen` over `vuggesotun`).
const ENDINGS = [
  '',
  'e',
  'en',
  'et',
  'er',
  'ere',
  'erne',
  'ene',
  'es',
  'ens',
  'ets',
  'ers',
  'ernes',
  's',
  't',
  'ede',
  'te',
  'r',
  'ne',
  'n',
  'ns',
  'nes',
  'res',
  'rne',
  'rnes',
  'ende',
  'st',
  'ste',
  'de',
];

/** The .dic's stems, lower-cased and sorted one a line (`da_DK.stems`, made by the build), searched in place. */
export class Stems {
  private readonly offsets: Uint32Array;

  constructor(private readonly text: string) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    this.offsets = new Uint32Array(n + 1);
    let at = 0;
    for (let k = 0; k < n; k++) {
      this.offsets[k] = at;
      at = text.indexOf('\n', at) + 1;
    }
    this.offsets[n] = at;
  }

  has(stem: string): boolean {
    let lo = 0;
    let hi = this.offsets.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.text.slice(this.offsets[mid], this.offsets[mid + 1]! - 1);
      if (s === stem) return true;
      if (s < stem) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Whether the word is a stem of the dictionary with a usual ending. */
  isInflection(word: string): boolean {
    const w = word.toLowerCase();
    return ENDINGS.some((e) => w.endsWith(e) && this.has(w.slice(0, w.length - e.length)));
  }
}

/**
 * The best `max` words one edit from `word` that `correct` accepts: the cheapest edit first,
 * and a word of the dictionary before a compound of the same cost.
 */
export function rankedEdits(word: string, max: number, correct: (w: string) => boolean, stems: Stems): string[] {
  const seen = new Set<string>([word]);
  const found: { word: string; score: number; order: number }[] = [];
  for (const c of edits(word)) {
    if (seen.has(c.word)) continue;
    seen.add(c.word);
    // Two words are each a word of the dictionary, a stem or its inflection: not a compound that merely passes (`vug gestun`).
    const words = c.word.split(' ');
    if (words.length > 1 ? words.every((w) => (stems.has(w) || stems.isInflection(w)) && correct(w)) : correct(c.word))
      found.push({ word: c.word, score: c.cost + (words.length > 1 || stems.isInflection(c.word) ? 0 : 1), order: found.length });
  }
  found.sort((a, b) => a.score - b.score || a.order - b.order);
  return found.slice(0, max).map((f) => f.word);
}
