import type { LocalizedText } from '../i18n/locale';

/** LIX, the readability index Danish plain-language work uses: words per sentence plus the share of long words. */
export interface Lix {
  readonly lix: number;
  readonly words: number;
  readonly sentences: number;
  /** Words of more than six letters. */
  readonly longWords: number;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
// A sentence ends at `.`, `!`, `?` or `:` before a blank and a capital or digit, at the end of a
// paragraph, or at a list item; `kl.`, `bl.a.` and `3.` inside a sentence are no ends.
const SENTENCE_END = /[.!?:](?=\s+["„“(]?[\p{Lu}\d])|[.!?:]\s*$/gu;

/** LIX of some paragraphs (one string each): undefined where there are no words. */
/**
 * Fewer words than this give no LIX worth saying: a decision of one long word (`Godkendt.`) measures
 * 101, very hard. Neither the hover nor the rule says one below it.
 */
export const LIX_MIN_WORDS = 10;

export function lixOf(paragraphs: readonly string[]): Lix | undefined {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const p of paragraphs) {
    const text = p.trim();
    if (text === '') continue;
    const found = text.match(WORD) ?? [];
    if (found.length === 0) continue;
    words += found.length;
    longWords += found.filter((w) => w.replace(/['’-]/g, '').length > 6).length;
    // A paragraph or list item is at least one sentence, even without a final period.
    sentences += Math.max(1, (text.match(SENTENCE_END) ?? []).length);
  }
  if (words === 0) return undefined;
  return { lix: Math.round(words / sentences + (100 * longWords) / words), words, sentences, longWords };
}

/** The usual bands of LIX. */
export function lixBand(lix: number): LocalizedText {
  if (lix < 25) return { da: 'meget let', en: 'very easy' };
  if (lix < 35) return { da: 'let', en: 'easy' };
  if (lix < 45) return { da: 'middel', en: 'medium' };
  if (lix < 55) return { da: 'svær', en: 'hard' };
  return { da: 'meget svær', en: 'very hard' };
}

/** The paragraphs of some lines of text: lines joined until a blank line or a list item. */
export function paragraphsOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) out.push(current.join(' '));
    current = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else {
      if (/^\s*(?:[-*•–]|\d{1,3}[.)])\s+/.test(line)) flush();
      current.push(line.replace(/^\s*(?:[-*•–]|\d{1,3}[.)])\s+/, '').replace(/[#*_]/g, ''));
    }
  }
  flush();
  return out;
}
