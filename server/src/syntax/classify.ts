import { LINE_PATTERNS } from './linePatterns';
import type { LineKind } from './tree';

type Matcher = (line: string) => boolean;

// The lexer's own patterns, in the lexer's order, anchored at the start of one line.
const MATCHERS: readonly [LineKind, Matcher][] = LINE_PATTERNS.map(([kind, pattern]) => {
  if (pattern instanceof RegExp) {
    const sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
    return [
      kind,
      (line: string) => {
        sticky.lastIndex = 0;
        return sticky.test(line);
      },
    ];
  }
  return [kind, (line: string) => pattern.exec(line, 0) !== null];
});

/** What the lexer would make of this line (without its line break). */
export function classifyLine(line: string): LineKind {
  if (line.length === 0) return 'blank';
  for (const [kind, test] of MATCHERS) if (test(line)) return kind;
  return 'text';
}

const sectionHeading = MATCHERS.find(([kind]) => kind === 'sectionHeading')![1];

/**
 * Is this line a section heading? The same answer as `classifyLine(line) === 'sectionHeading'`
 * with one test instead of seven: no pattern tried before it can match a line that it matches,
 * since each of those needs another word (or nothing) where it needs a section's name. A tested
 * property.
 */
export function isSectionHeading(line: string): boolean {
  return sectionHeading(line);
}
