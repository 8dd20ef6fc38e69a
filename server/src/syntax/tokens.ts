import { createToken, Lexer, type TokenType } from 'chevrotain';
import {
  BLANK,
  BULLET,
  DECISION_HEADING,
  EARLIER_DECISION,
  FIELD,
  FIELD_STARTS,
  INDSTILLER,
  JOURNAL,
  LINE_PATTERNS,
  PUNKT_HEADING,
  SECTION_HEADING,
  TEXT,
  TITLE,
  TITLE_STARTS,
  TOC_ENTRY,
  TOC_HEADING,
} from './linePatterns';
import type { LineKind } from './tree';

/*
 * A referat is line-oriented: what a line is can be judged from the line alone, so every token
 * but Newline is one whole line, made from its pattern in linePatterns.ts. Order matters:
 * chevrotain takes the first pattern that matches, so the specific line kinds come before the
 * catch-all Text, in the order of LINE_PATTERNS.
 */

/*
 * chevrotain tries only the tokens that can start with a line's first character, when it knows
 * that for every token: a body line is then tested against three patterns, not twelve. It works
 * it out from most regular expressions; the custom patterns, the catch-all Text and Field (its
 * `u` flag defeats the analysis) say so themselves.
 */
// chevrotain files a character above 255 under a bucket of 255 (charCodeToOptimizedIndex): one
// character of each bucket stands for all of them, and the lexer is built from 512, not 65,536.
const ANY_CHARACTER: number[] = [];
const bucket = (c: number): number => (c > 255 ? 255 + Math.floor(c / 255) : c);
for (let i = 0; i < 0x10000; i++) if (i === 0 || bucket(i) !== bucket(i - 1)) ANY_CHARACTER.push(i);

// Line breaks carry no meaning of their own: lines are numbered from offsets instead.
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true, group: Lexer.SKIPPED });

export const Blank = createToken({ name: 'Blank', pattern: BLANK });
export const Title = createToken({ name: 'Title', pattern: TITLE, start_chars_hint: [...TITLE_STARTS] });
export const Field = createToken({ name: 'Field', pattern: FIELD, start_chars_hint: [...FIELD_STARTS] });
export const TocHeading = createToken({ name: 'TocHeading', pattern: TOC_HEADING });
export const PunktHeading = createToken({ name: 'PunktHeading', pattern: PUNKT_HEADING });
export const EarlierDecision = createToken({ name: 'EarlierDecision', pattern: EARLIER_DECISION });
export const SectionHeading = createToken({ name: 'SectionHeading', pattern: SECTION_HEADING });
export const DecisionHeading = createToken({
  name: 'DecisionHeading',
  line_breaks: false,
  pattern: DECISION_HEADING,
  start_chars_hint: ANY_CHARACTER,
});
export const Indstiller = createToken({ name: 'Indstiller', line_breaks: false, pattern: INDSTILLER, start_chars_hint: ANY_CHARACTER });
export const TocEntry = createToken({ name: 'TocEntry', line_breaks: false, pattern: TOC_ENTRY, start_chars_hint: ANY_CHARACTER });
export const Journal = createToken({ name: 'Journal', pattern: JOURNAL });
export const Bullet = createToken({ name: 'Bullet', pattern: BULLET });
export const Text = createToken({ name: 'Text', pattern: TEXT, start_chars_hint: ANY_CHARACTER });

/** The kind of line each line token stands for. */
export const LINE_KIND: ReadonlyMap<TokenType, LineKind> = new Map<TokenType, LineKind>([
  [Blank, 'blank'],
  [Title, 'title'],
  [Field, 'field'],
  [TocHeading, 'tocHeading'],
  [PunktHeading, 'punktHeading'],
  [EarlierDecision, 'earlierDecision'],
  [SectionHeading, 'sectionHeading'],
  [DecisionHeading, 'decisionHeading'],
  [Indstiller, 'indstiller'],
  [TocEntry, 'tocEntry'],
  [Journal, 'journal'],
  [Bullet, 'bullet'],
  [Text, 'text'],
]);

// The line tokens in the order of LINE_PATTERNS, so the lexer and the quick classifier agree.
const LINE_TOKENS: TokenType[] = LINE_PATTERNS.map(([kind]) => [...LINE_KIND].find(([, k]) => k === kind)![0]);

export const ALL_TOKENS: TokenType[] = [Newline, ...LINE_TOKENS];
