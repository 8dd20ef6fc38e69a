import type { Punkt } from '../model/types';
import type { Audience } from './html';

/**
 * The journal number a rendering shows under a punkt's heading. Of a closed punkt the public sees
 * the case number alone, and only one that reads as a case number: text written after it, or a
 * line that is no case number, stays in the closed punkt. Internally, and in an open punkt, the
 * line is shown as written, so a mistyped number can be seen.
 */
export function publishedJournal(p: Punkt, audience: Audience): string | undefined {
  const j = p.journal;
  if (!j) return undefined;
  if (j.kind === 'valid') return j.journal.text;
  return audience === 'public' && p.closed ? undefined : j.text;
}
