import { APPROVAL_WORDS } from '../dialect/vocabulary';

/** The approval's words, for the renderer (which reads the vocabulary through the model). */
export { APPROVAL_WORDS };
import type { LocalizedText } from '../i18n/locale';
import { lineContent, stripBold } from '../syntax/content';
import { APPROVAL_FIELD } from '../syntax/linePatterns';
import { lineRange, range } from '../syntax/range';
import type { ApprovalSyntax, ReferatSyntax, SyntaxLine } from '../syntax/tree';
import { dateExists } from './dates';
import { bodyLine, readPunktHeading } from './punkt';
import { base64url, sha256 } from './sha256';
import type { Approval, ApprovalField, BodyLine, CalendarDate, Person, Referat } from './types';

/*
 * The approval of a referat and its seal. The seal holds a hash of who approved it and when, of
 * the header (title, fields, table of contents) and of each punkt, so a change after the approval
 * is found punkt by punkt, and it lives in the file itself, so it goes with a copy of the folder.
 * The text is hashed normalised: line breaks as `\n`, each line without its trailing blanks, in
 * Unicode's composed form, and without the empty lines that begin or end a part, so an editor's
 * save (CRLF, trimmed lines, a final newline) does not break it.
 */

/** The seal's format; a seal of another version is read as damaged, never as a pass. */
export const SEAL_VERSION = 1;
/** Bytes of the SHA-256 digest kept per part: 72 bits, twelve base64url characters. */
const HASH_BYTES = 9;
const HASH_CHARS = 12;
const HASH_PATTERN = /^[A-Za-z0-9_-]+$/;
const KEY_APPROVAL = 'a';
const KEY_HEADER = 'h';

/** The seal of a referat's text: the approval's hash, the header's and each punkt's, by its number. */
export interface Seal {
  readonly approval: string;
  readonly header: string;
  readonly punkter: readonly { readonly number: number; readonly hash: string }[];
}

export type SealReading = { readonly ok: true; readonly seal: Seal } | { readonly ok: false; readonly problem: LocalizedText };

const encoder = new TextEncoder();
const hash = (text: string): string => base64url(sha256(encoder.encode(text)).subarray(0, HASH_BYTES));

/** A part's lines as the seal reads them. */
function normalised(lines: readonly SyntaxLine[]): string {
  // An empty line has no token (and no SyntaxLine), a line of blanks has one: both are ''.
  const texts: string[] = [];
  let previous: number | undefined;
  for (const l of lines) {
    if (previous !== undefined) for (let gap = previous + 1; gap < l.line; gap++) texts.push('');
    texts.push(l.text.normalize('NFC').trimEnd());
    previous = l.line;
  }
  let start = 0;
  let end = texts.length;
  while (start < end && texts[start] === '') start++;
  while (end > start && texts[end - 1] === '') end--;
  return texts.slice(start, end).join('\n');
}

/** The hash of who approved and when, as the block writes them. */
function approvalHash(names: readonly string[], date: string): string {
  return hash(`${names.map((n) => n.normalize('NFC').trim()).join('\n')}\n${date.trim()}`);
}

/** The hashes of the text as it is now, with the approval's names and date given. */
export function currentSeal(syntax: ReferatSyntax, names: readonly string[], date: string): Seal {
  const header = [
    ...syntax.leading,
    ...(syntax.title ? [syntax.title] : []),
    ...syntax.header,
    ...(syntax.toc ? [syntax.toc.heading, ...syntax.toc.lines] : []),
  ];
  return {
    approval: approvalHash(names, date),
    header: hash(normalised(header)),
    punkter: syntax.punkter.map((p) => ({ number: readPunktHeading(p.heading).number, hash: hash(normalised([p.heading, ...p.lines])) })),
  };
}

/** `v1 a:… h:… 1:… 2:…`: the `Segl` line's value. */
export function sealText(seal: Seal): string {
  return [`v${SEAL_VERSION}`, `${KEY_APPROVAL}:${seal.approval}`, `${KEY_HEADER}:${seal.header}`, ...seal.punkter.map((p) => `${p.number}:${p.hash}`)].join(
    ' ',
  );
}

/** What changed since a seal was made: the header, and punkter changed, added (by index now) or removed (by number then). */
export interface SealComparison {
  readonly header: boolean;
  /** Indexes into the referat's punkter. */
  readonly changed: readonly number[];
  readonly added: readonly number[];
  /** The numbers of the sealed punkter no longer there. */
  readonly removed: readonly number[];
}

/** The referat's text held against a seal, punkt by punkt: the k-th punkt numbered N now against the k-th numbered N then. */
export function compareSeal(referat: Referat, sealed: Seal): SealComparison {
  const now = currentSeal(referat.syntax, [], '');
  const key = (n: number, seen: Map<number, number>): string => {
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    return `${n}#${k}`;
  };
  const sealedSeen = new Map<number, number>();
  const then = new Map(sealed.punkter.map((p) => [key(p.number, sealedSeen), p] as const));
  const nowSeen = new Map<number, number>();
  const found = new Set<string>();
  const changed: number[] = [];
  const added: number[] = [];
  for (const [i, p] of now.punkter.entries()) {
    const k = key(p.number, nowSeen);
    found.add(k);
    const was = then.get(k);
    if (!was) added.push(i);
    else if (was.hash !== p.hash) changed.push(i);
  }
  const removed = [...then].filter(([k]) => !found.has(k)).map(([, p]) => p.number);
  return { header: now.header !== sealed.header, changed, added, removed };
}

/** Reads a `Segl` line's value; anything but a seal of this version, whole, is a problem said in words. */
export function readSeal(value: string): SealReading {
  const [version, ...parts] = value.trim().split(/[ \t]+/);
  const fail = (da: string, en: string): SealReading => ({ ok: false, problem: { da, en } });
  if (!version || !/^v\d{1,4}$/.test(version)) return fail('seglet har ingen version (v1)', 'the seal has no version (v1)');
  if (version !== `v${SEAL_VERSION}`) return fail(`seglets version ${version} kendes ikke`, `the seal's version ${version} is unknown`);
  let approval: string | undefined;
  let header: string | undefined;
  const punkter: { number: number; hash: string }[] = [];
  for (const part of parts) {
    // A punkt's number as the seal writes it: `06:` is no number it wrote, so a seal edited so is damaged.
    const m = /^([ah]|0|[1-9]\d{0,5}):(.*)$/.exec(part);
    if (!m) return fail(`seglet har en ukendt del "${part.slice(0, 40)}"`, `the seal has an unknown part "${part.slice(0, 40)}"`);
    const [, key, value] = m as unknown as [string, string, string];
    if (value.length !== HASH_CHARS || !HASH_PATTERN.test(value))
      return fail(`seglets del "${key}" er ikke en hashværdi`, `the seal's part "${key}" is not a hash`);
    if (key === KEY_APPROVAL || key === KEY_HEADER) {
      if ((key === KEY_APPROVAL ? approval : header) !== undefined) return fail(`seglet har delen "${key}" to gange`, `the seal has the part "${key}" twice`);
      if (key === KEY_APPROVAL) approval = value;
      else header = value;
    } else punkter.push({ number: Number(key), hash: value });
  }
  if (approval === undefined || header === undefined) return fail('seglet mangler en del (a: eller h:)', 'the seal lacks a part (a: or h:)');
  return { ok: true, seal: { approval, header, punkter } };
}

/** The names of `Godkendt af`, split at commas and `og`, each with its columns. */
export function splitNames(value: string, line: number, start: number): Person[] {
  const out: Person[] = [];
  const re = /[^,]+/g;
  for (const m of value.matchAll(re)) {
    // `Anna Holm og Bent Lund`: the last two joined by `og`.
    let offset = m.index;
    for (const piece of m[0].split(/[ \t]+og[ \t]+/)) {
      const at = value.indexOf(piece, offset);
      const lead = piece.length - piece.trimStart().length;
      const name = piece.trim();
      if (name !== '') out.push({ name, range: lineRange(line, start + at + lead, start + at + lead + name.length) });
      offset = at + piece.length;
    }
  }
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `14-12-2023`, as the referat writes its dates; `14.12.2023` and `14/12/2023` too. */
const DAY_FIRST_DATE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;

/**
 * The approval's date: `14-12-2023` as the referat writes its dates (and as `approve` writes it), or
 * `2023-12-14` as approvals were written before; the day, when it is one.
 */
export function readApprovalDate(text: string): CalendarDate | undefined {
  const v = text.trim();
  const iso = ISO_DATE.exec(v);
  const dayFirst = iso ? undefined : DAY_FIRST_DATE.exec(v);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]].map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  return month >= 1 && month <= 12 && dateExists(year, month, day) ? { year, month, day } : undefined;
}

/** The approval block read: its fields, its stray lines, and the additions after it. */
export function readApproval(a: ApprovalSyntax): Approval {
  let by: Approval['by'];
  let date: Approval['date'];
  let seal: ApprovalField | undefined;
  const stray: BodyLine[] = [];
  let last = a.heading;
  for (const l of a.lines) {
    if (l.kind === 'blank' || l.text.trim() === '') continue;
    last = l;
    const m = APPROVAL_FIELD.exec(l.text.trimEnd());
    const label = m?.[1]?.replace(/[ \t]+/g, ' ').toLowerCase();
    const value = (m?.[2] ?? '').replace(/\*\*$/, '').trimEnd();
    const valueStart = m?.indices?.[2]?.[0] ?? 0;
    const field = { range: lineRange(l.line, 0, l.text.length), value, valueRange: lineRange(l.line, valueStart, valueStart + value.length) };
    if (label === APPROVAL_WORDS.by.toLowerCase() && !by) by = { ...field, names: splitNames(value, l.line, valueStart) };
    else if (label === APPROVAL_WORDS.date.toLowerCase() && !date) {
      const day = readApprovalDate(value);
      date = { ...field, ...(day ? { date: day } : {}) };
    } else if (label === APPROVAL_WORDS.seal.toLowerCase() && !seal) seal = field;
    else stray.push(bodyLine(l));
  }
  const headingRange = lineRange(a.heading.line, 0, a.heading.text.length);
  return {
    headingRange,
    range: range(a.heading.line, 0, last.line, last.text.length),
    ...(by ? { by } : {}),
    ...(date ? { date } : {}),
    ...(seal ? { seal } : {}),
    stray,
    additions: a.additions.map((x) => ({
      headingRange: lineRange(x.heading.line, 0, x.heading.text.length),
      heading: stripBold(lineContent(x.heading.text).content).trim(),
      body: x.lines.map((l) => bodyLine(l)),
    })),
  };
}

/** The members who took part: the header's present ones (or its body's members) minus those absent. */
export function presentMembers(referat: Referat): string[] {
  const absent = new Set((referat.header.afbud?.names ?? []).map((n) => n.name.toLowerCase()));
  return (referat.header.deltagere?.names ?? []).map((n) => n.name).filter((n) => !absent.has(n.toLowerCase()));
}
