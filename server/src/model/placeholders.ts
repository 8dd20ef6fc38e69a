import { CASE_NUMBER_LABEL_ALONE } from '../dialect/vocabulary';
import type { BodyLine, Punkt } from './types';

/*
 * Words that templates put where the secretary is to write something: older snippets wrote them,
 * and a text copied from a template may hold them. Left in place they would be published.
 */
export const PLACEHOLDER_TITLE = /^(titel|title|overskrift)$/i;
export const PLACEHOLDER_NAME = /^(navn|navne|name|names)$/i;
const PLACEHOLDER_JOURNAL = CASE_NUMBER_LABEL_ALONE;

/** The line where the journal number belongs, when it still holds the template's word for it. */
export function journalPlaceholder(p: Punkt): BodyLine | undefined {
  if (p.journal) return undefined;
  const first = p.intro.find((l) => !l.blank);
  return first && PLACEHOLDER_JOURNAL.test(first.text.replace(/\*\*/g, '').trim()) ? first : undefined;
}
