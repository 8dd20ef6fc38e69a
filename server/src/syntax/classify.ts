import type { TokenType } from 'chevrotain';
import { ALL_TOKENS, Blank, Bullet, EarlierDecision, Field, Indstiller, Journal, PunktHeading, SectionHeading, Text, Title, TocEntry, TocHeading } from './tokens';
import type { LineKind } from './tree';

/** The kind of line each line token stands for; the parser and the quick classifier share it. */
export const LINE_KIND: ReadonlyMap<TokenType, LineKind> = new Map<TokenType, LineKind>([
  [Blank, 'blank'],
  [Title, 'title'],
  [Field, 'field'],
  [TocHeading, 'tocHeading'],
  [TocEntry, 'tocEntry'],
  [PunktHeading, 'punktHeading'],
  [Journal, 'journal'],
  [SectionHeading, 'sectionHeading'],
  [EarlierDecision, 'earlierDecision'],
  [Indstiller, 'indstiller'],
  [Bullet, 'bullet'],
  [Text, 'text'],
]);

type Matcher = (line: string) => boolean;

// The lexer's own patterns, in the lexer's order, anchored at the start of one line.
const MATCHERS: readonly [LineKind, Matcher][] = ALL_TOKENS.filter((t) => LINE_KIND.has(t)).map((t) => {
  const kind = LINE_KIND.get(t)!;
  const pattern = t.PATTERN;
  if (pattern instanceof RegExp) {
    const sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
    return [kind, (line: string) => {
      sticky.lastIndex = 0;
      return sticky.test(line);
    }];
  }
  const custom = pattern as { exec(text: string, offset: number): unknown };
  return [kind, (line: string) => custom.exec(line, 0) !== null];
});

/** What the lexer would make of this line (without its line break). */
export function classifyLine(line: string): LineKind {
  if (line.length === 0) return 'blank';
  for (const [kind, test] of MATCHERS) if (test(line)) return kind;
  return 'text';
}
