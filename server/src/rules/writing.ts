import { LIX_MIN_WORDS, lixBand, lixOf, paragraphsOf } from '../spelling/lix';
import { isInsideSentence, words, type WordToken } from '../spelling/words';
import { PunktMemo } from '../model/moved';
import { movedFindings } from './perPunkt';
import type { BodyLine, Punkt } from '../model/types';
import type { Finding, Fix, LinePlace, Rule, SpellingKnowledge } from './types';
import type { LocalizedText } from '../i18n/locale';
import type { Range } from '../syntax/range';

/** The prose of a punkt she writes: its intro and its sections' text, not attachment lists. */
function* proseLines(p: Punkt): Generator<BodyLine> {
  yield* p.intro;
  for (const s of p.sections) if (s.kind !== 'bilag') yield* s.body;
}

/** Sentence punctuation that ends a line: a line after one starts a sentence; after anything else it goes on. */
const ENDS_SENTENCE = /[.!?:…]["”»)]*\s*$/u;

/**
 * Spelling notes per document at most: VS Code shows a file's first 1,000 problems or so, and a
 * long referat's notes must never hide its errors and warnings.
 */
export const MAX_SPELLING_NOTES = 300;

export const spelling: Rule = {
  code: 'spelling',
  severity: 'info',
  description: {
    da: 'Et ord, som hverken den danske ordbog, ordlisten, navnene eller arkivet kender',
    en: 'A word that neither the Danish dictionary, the word list, the names nor the archive knows',
  },
  *check({ referat, spelling: known }) {
    // The dictionary is loaded lazily by the host; until it is there, nothing is said.
    if (!known) return;
    let notes = 0;
    let last: Finding | undefined;
    for (const p of referat.punkter)
      for (const note of punktNotes(p, known)) {
        if (notes === MAX_SPELLING_NOTES) {
          // One more than the cap: the last note shown says so, so she knows there are words further down it does not show.
          yield { ...last!, message: cappedMessage(last!.message) };
          return;
        }
        if (last) yield last;
        last = note;
        notes++;
      }
    if (last) yield last;
  },
};

/** The last spelling note a document shows, where it has more: what it says, and that there are more. */
function cappedMessage(message: LocalizedText): LocalizedText {
  return {
    da: `${message.da} Der er flere ukendte ord længere nede: stavekontrollen viser højst ${MAX_SPELLING_NOTES} noter i et referat.`,
    en: `${message.en} There are more unknown words further down: the spell check shows at most ${MAX_SPELLING_NOTES} notes in a referat.`,
  };
}

/**
 * Per punkt, its notes as judged with one knowledge object: the host hands out the same object
 * while nothing it answers from has changed, so an edit judges again only the punkt it touched (the
 * punkter it moved take their notes along, moved).
 */
const notesOf = new PunktMemo<{ readonly known: SpellingKnowledge; readonly notes: readonly Finding[] }>((v, lines) => ({
  known: v.known,
  notes: movedFindings(v.notes, lines),
}));

/** A word the dictionary rejects, on its line. */
interface Rejection {
  readonly line: number;
  readonly word: WordToken;
}

/**
 * Per punkt, the words of its prose the dictionary rejects, with one dictionary. Its verdicts stand
 * when the names known change (a save that brings a new meeting to the archive): a new knowledge
 * only asks which of these words it knows, and no line is read again.
 */
const rejectionsOf = new PunktMemo<{ readonly speller: SpellingKnowledge['speller']; readonly rejections: readonly Rejection[] }>((v, lines) => ({
  speller: v.speller,
  rejections: v.rejections.map((r) => ({ line: r.line + lines, word: r.word })),
}));

function punktRejections(p: Punkt, known: SpellingKnowledge): readonly Rejection[] {
  const hit = rejectionsOf.get(p);
  if (hit?.speller === known.speller) return hit.rejections;
  const rejections: Rejection[] = [];
  let previous: BodyLine | undefined;
  for (const l of proseLines(p)) {
    if (l.blank) {
      previous = undefined;
      continue;
    }
    const place = { continuesSentence: previous !== undefined && !ENDS_SENTENCE.test(previous.text) };
    for (const word of known.rejected ? known.rejected(l.text, place) : rejectedWords(l.text, place, known)) rejections.push({ line: l.line, word });
    previous = l;
  }
  rejectionsOf.set(p, { speller: known.speller, rejections });
  return rejections;
}

/** A punkt's spelling notes: one per unknown word, the same word again says nothing new. */
function punktNotes(p: Punkt, known: SpellingKnowledge): readonly Finding[] {
  const hit = notesOf.get(p);
  if (hit?.known === known) return hit.notes;
  const notes: Finding[] = [];
  const noted = new Set<string>();
  for (const { line, word: w } of punktRejections(p, known)) {
    const key = w.word.toLowerCase();
    if (noted.has(key) || known.isKnown(w.word)) continue;
    noted.add(key);
    // Suggestions cost milliseconds a word: they are made when she asks for the quick fixes (spellingFixes).
    notes.push({
      range: { start: { line, character: w.start }, end: { line, character: w.end } },
      message: { da: `"${w.word}" står ikke i den danske ordbog.`, en: `"${w.word}" is not in the Danish dictionary.` },
    });
  }
  notesOf.set(p, { known, notes });
  return notes;
}

/** The words of a line the dictionary rejects, names left out: what the rule judges, line by line. */
export function rejectedWords(line: string, { continuesSentence }: LinePlace, known: Pick<SpellingKnowledge, 'speller'>): WordToken[] {
  const out: WordToken[] = [];
  for (const w of words(line)) {
    const first = w.word.charAt(0);
    const capital = first !== first.toLowerCase();
    // Danish capitalises names and a sentence's first word only: a capital inside a sentence is a name.
    if (capital && (isInsideSentence(line, w.start) || (continuesSentence && line.slice(0, w.start).trim() === ''))) continue;
    if (!known.speller.correct(w.word)) out.push(w);
  }
  return out;
}

/** The quick fixes for a misspelt word: the best three corrections, the first one preferred. */
export function spellingFixes(word: string, range: Range, known: Pick<SpellingKnowledge, 'speller'>): Fix[] {
  return known.speller.suggest(word, 3).map((s, i) => ({
    title: { da: `Ret til "${s}"`, en: `Change to "${s}"` },
    edits: [{ range, newText: s }],
    ...(i === 0 ? { preferred: true } : {}),
  }));
}

/** The LIX above which a Sagsfremstilling is flagged when referat.yaml gives none. */
export const DEFAULT_LIX_LIMIT = 55;

export const lix: Rule = {
  code: 'lix',
  severity: 'info',
  defaultOff: true,
  description: {
    da: 'En sagsfremstilling med højere LIX end grænsen i referat.yaml (lix:, ellers 55); slået fra, til den slås til',
    en: 'An account of the case (Sagsfremstilling) with a LIX above the limit in referat.yaml (lix:, else 55); off until switched on',
  },
  *check({ referat, lixLimit }) {
    const limit = lixLimit ?? DEFAULT_LIX_LIMIT;
    for (const p of referat.punkter)
      for (const s of p.sections) {
        if (s.kind !== 'sagsfremstilling' && s.kind !== 'supplerendeSagsfremstilling') continue;
        const measured = lixOf(paragraphsOf(s.body.map((b) => b.text)));
        if (!measured || measured.words < LIX_MIN_WORDS || measured.lix <= limit) continue;
        const band = lixBand(measured.lix);
        yield {
          range: s.headingRange,
          message: {
            da: `${s.title} i punkt ${p.number} har LIX ${measured.lix} (${band.da}); grænsen er ${limit}. Kortere sætninger og færre lange ord gør den lettere at læse.`,
            en: `${s.title} in item ${p.number} has a LIX of ${measured.lix} (${band.en}); the limit is ${limit}. Shorter sentences and fewer long words make it easier to read.`,
          },
        };
      }
  },
};

export const WRITING_RULES: readonly Rule[] = [spelling, lix];
