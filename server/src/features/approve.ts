import { APPROVAL_WORDS } from '../dialect/vocabulary';
import type { LocalizedText } from '../i18n/locale';
import { currentSeal, presentMembers, readApprovalDate, sealText } from '../model/approval';

export { presentMembers };
import { compareDates, formatTitleDate, isoDate, todayInDenmark } from '../model/dates';
import { meetingDate } from '../model/meeting';
import type { CalendarDate, Referat } from '../model/types';
import type { Range } from '../syntax/range';

/** Who approves and when; `force` replaces an approval already written. */
export interface ApproveRequest {
  readonly by: readonly string[];
  /** `DD-MM-YYYY` (or `YYYY-MM-DD`); today (in Denmark) when not given. Written as `DD-MM-YYYY`, as the referat writes its dates. */
  readonly date?: string;
  readonly force?: boolean;
}

export type Approved =
  | {
      readonly ok: true;
      /** The whole text, approved. */
      readonly text: string;
      /** The same as one edit of the text given: the block appended, or the old one replaced. */
      readonly edit: { readonly range: Range; readonly newText: string };
      /** Worth saying, not refusing: a name not among those present. */
      readonly warnings: readonly LocalizedText[];
    }
  | { readonly ok: false; readonly kind: 'approved' | 'usage'; readonly problem: LocalizedText };

export { isoDate };

/** What a new approval would be refused for, before any text is made. */
function refusal(referat: Referat, request: ApproveRequest & { readonly date: string }): LocalizedText | undefined {
  const names = request.by.map((n) => n.trim()).filter((n) => n !== '');
  if (names.length === 0) return { da: 'ingen navne: hvem godkender referatet?', en: 'no names: who approves the referat?' };
  const bad = names.find((n) => /[,\r\n]/.test(n) || / og /.test(n));
  if (bad) return { da: `ét navn ad gangen, uden komma og "og": "${bad}"`, en: `one name at a time, without commas and "og": "${bad}"` };
  const day = readApprovalDate(request.date);
  if (!day)
    return {
      da: `"${request.date}" er ikke en dato, der findes; skriv den som DD-MM-ÅÅÅÅ (eller ÅÅÅÅ-MM-DD)`,
      en: `"${request.date}" is not a date that exists; write it as DD-MM-YYYY (or YYYY-MM-DD)`,
    };
  // A block dated before its meeting is an error in the check the moment it is written (damaged-approval).
  const meeting = meetingDate(referat);
  if (meeting && compareDates(day, meeting) < 0)
    return {
      da: `godkendelsesdatoen ${formatTitleDate(day)} er før mødet ${formatTitleDate(meeting)}: et referat godkendes på eller efter mødets dag`,
      en: `the approval date ${formatTitleDate(day)} is before the meeting, ${formatTitleDate(meeting)}: a referat is approved on or after the day of its meeting`,
    };
  if (referat.approval && !request.force)
    return {
      da: 'referatet er allerede godkendt; brug --force for at erstatte godkendelsen',
      en: 'the referat is already approved; use --force to replace the approval',
    };
  return undefined;
}

/**
 * The referat approved: its approval block (who, when, and the seal of its text) appended at the
 * end, or written in place of the one there (with `force`); the additions after an old approval
 * stay where they are. The seal is computed from the new text read again (`reparse`, the service's
 * own reading, in the document's dialect), so it is the seal the check will compute.
 */
export function approve(
  text: string,
  referat: Referat,
  asked: ApproveRequest,
  reparse: (text: string) => Referat,
  today: CalendarDate = todayInDenmark(),
): Approved {
  const request = { ...asked, date: asked.date ?? formatTitleDate(today) };
  const refused = refusal(referat, request);
  if (refused)
    return {
      ok: false,
      kind: referat.approval && !request.force && request.by.length > 0 && readApprovalDate(request.date) ? 'approved' : 'usage',
      problem: refused,
    };
  const names = request.by.map((n) => n.trim());
  // Written as the referat writes its dates, whichever form she gave it in (refusal has read it).
  const date = formatTitleDate(readApprovalDate(request.date)!);
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const source = bom ? text.slice(1) : text;
  // The file's own line breaks: CRLF (Windows), CR alone (old Mac editors), else LF.
  const eol = /\r\n/.test(source) ? '\r\n' : /\r/.test(source) && !/\n/.test(source) ? '\r' : '\n';
  const lines = source.split(/\r\n|\r|\n/);
  const block = (seal: string): string[] => [
    APPROVAL_WORDS.heading,
    '',
    `${APPROVAL_WORDS.by}: ${names.join(', ')}`,
    `${APPROVAL_WORDS.date}: ${date}`,
    `${APPROVAL_WORDS.seal}: ${seal}`,
  ];
  // Where the block goes: over the old one (its heading to its last line), or after the last line.
  const old = referat.approval?.range;
  const lastLine = lines.length - 1;
  const range: Range = old
    ? old
    : { start: { line: lastLine, character: lines[lastLine]!.length }, end: { line: lastLine, character: lines[lastLine]!.length } };
  const compose = (seal: string): { newText: string; whole: string } => {
    const body = block(seal).join(eol);
    const newText = old ? body : `${lines[lastLine] === '' ? '' : eol}${eol}${body}${eol}`;
    const before = lines.slice(0, range.start.line).concat(lines[range.start.line]!.slice(0, range.start.character));
    const after = [lines[range.end.line]!.slice(range.end.character), ...lines.slice(range.end.line + 1)];
    const whole = bom + before.join(eol) + newText + after.join(eol);
    return { newText, whole };
  };
  // The text with a seal in place, read again; the seal of what the check will read then.
  const draft = reparse(compose(`v1`).whole);
  const seal = sealText(currentSeal(draft.syntax, names, date));
  const { newText, whole } = compose(seal);
  return { ok: true, text: whole, edit: { range, newText }, warnings: warnings(referat, names) };
}

function warnings(referat: Referat, names: readonly string[]): LocalizedText[] {
  const out: LocalizedText[] = [];
  const present = presentMembers(referat);
  const lower = new Set(present.map((n) => n.toLowerCase()));
  const strangers = present.length > 0 ? names.filter((n) => !lower.has(n.toLowerCase())) : [];
  if (strangers.length > 0)
    out.push({
      da: `${strangers.join(', ')} står ikke blandt mødets deltagere`,
      en: `${strangers.join(', ')} ${strangers.length === 1 ? 'is' : 'are'} not among the meeting's attendees`,
    });
  return out;
}
