import { LIX_MIN_WORDS, lixBand, lixOf, paragraphsOf } from '../spelling/lix';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { udvalgNamed, type NameCatalog } from '../config/catalog';
import { localize, type Locale, type LocalizedText } from '../i18n/locale';
import { daysBetween, localizedDate, localizedWeekday, weekdayIndex } from '../model/dates';
import type { KleCatalog } from '../model/kle';
import { CASE_NUMBER_SCHEMES } from '../dialect/vocabulary';
import { absentFromPunkt, meetingAttendance, memberOf, namedByFirstName, notNamedInVote, seatsOf, writtenMember } from '../model/attendance';
import { meetingDate } from '../model/meeting';
import { protokolOf, type Vote } from '../model/protokol';
import { splitWho } from '../model/people';
import { datesInText } from '../model/textDates';
import type { Approval, DateValue, JournalNumber, Punkt, Referat, SectionKind } from '../model/types';
import { APPROVAL_WORDS, compareSeal, readSeal } from '../model/approval';
import { punktLabel } from '../model/numbering';
import { containsPosition, type Position } from '../syntax/range';
import { locate } from './locate';

export interface HoverEnv {
  readonly kle: KleCatalog;
  readonly catalog: NameCatalog;
  readonly locale: Locale;
}

type Tr = (text: LocalizedText) => string;

/**
 * The document's own text, shown as text in the hover's Markdown: a name written as `![x](https://…)`
 * would otherwise fetch a picture from the web when she hovers (telling a stranger she opened the
 * file), and `[a](b)` would show a link under other words. Each character that can begin markup is
 * escaped as CommonMark allows for any ASCII punctuation.
 */
export function literal(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~!#]/g, '\\$&');
}

/**
 * Explains what is under the cursor: a journal number part by part, any date (in the header, an
 * earlier decision's heading or the text), a person, a section. `lineText` is the line under the
 * cursor, for dates written in running text.
 */
export function hover(referat: Referat, position: Position, env: HoverEnv, lineText?: string): Hover | null {
  const tr: Tr = (text) => localize(text, env.locale);
  const md = (value: string, range: Hover['range']): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) });
  const { punkt, section } = locate(referat, position.line);

  if (punkt?.journal?.kind === 'valid' && containsPosition(punkt.journal.journal.range, position)) {
    return md(explainJournal(punkt.journal.journal, env, tr), punkt.journal.journal.range);
  }

  const approval = referat.approval;
  if (approval && approval.headingRange.start.line <= position.line && position.line <= approval.range.end.line)
    return md(explainApproval(referat, approval, tr), approval.range);

  const dates: DateValue[] = [];
  if (referat.header.title?.date) dates.push(referat.header.title.date);
  if (referat.header.moedeDato?.date) dates.push(referat.header.moedeDato.date);
  for (const s of punkt?.sections ?? []) if (s.earlier?.date) dates.push(s.earlier.date);
  for (const d of dates) if (d.date && containsPosition(d.range, position)) return md(explainDate(d, referat, tr, { yearAssumed: false }), d.range);

  for (const n of referat.header.deltagere?.names ?? []) if (containsPosition(n.range, position)) return md(explainPerson(n.name, env, tr), n.range);
  for (const n of referat.header.afbud?.names ?? []) {
    if (!containsPosition(n.range, position)) continue;
    // A first name alone under Afbud is the one listed of that name: she sees whom it was read as.
    const written = memberOf(n.name);
    const named = namedByFirstName(
      (referat.header.deltagere?.names ?? []).map((m) => memberOf(m.name)),
      written,
    );
    return md(explainPerson(named === written ? n.name : named.name, env, tr), n.range);
  }
  for (const a of punkt?.attendees ?? []) {
    if (!containsPosition(a.range, position)) continue;
    const people = splitWho(a.who);
    const lines = people.map((p) => explainPerson(p.navn, env, tr, p.titel));
    const when = a.time ? tr({ da: `deltager fra kl. ${a.time.text}`, en: `joins at ${a.time.text}` }) : tr({ da: 'uden klokkeslæt', en: 'no time given' });
    return md([...lines, when].join('\n\n'), a.range);
  }

  if (section && containsPosition(section.headingRange, position)) {
    // How easy the section's text is to read: LIX, the measure Danish plain-language work uses.
    const measured = lixOf(paragraphsOf(section.body.map((b) => b.text)));
    const readability =
      measured && measured.words >= LIX_MIN_WORDS
        ? `\n\n${tr({
            da: `LIX ${measured.lix} (${lixBand(measured.lix).da}): ${measured.words} ord i ${measured.sentences} ${measured.sentences === 1 ? 'sætning' : 'sætninger'}, ${Math.round((100 * measured.longWords) / measured.words)} % lange ord.`,
            en: `LIX ${measured.lix} (${lixBand(measured.lix).en}): ${measured.words} words in ${measured.sentences} ${measured.sentences === 1 ? 'sentence' : 'sentences'}, ${Math.round((100 * measured.longWords) / measured.words)} % long words.`,
          })}`
        : '';
    return md(`**${literal(section.title)}** — ${tr(SECTION_HELP[section.kind])}${readability}`, section.headingRange);
  }

  // A vote: what it adds up to, with those present.
  const vote = punkt ? protokolOf(punkt).votes.find((v) => v.range.start.line <= position.line && position.line <= v.range.end.line) : undefined;
  if (punkt && vote) return md(explainVote(referat, punkt, vote, env, tr), vote.range);

  // A date in the text: `den 3. marts 2025` in a Sagsfremstilling.
  if (lineText !== undefined) {
    const year = meetingDate(referat)?.year;
    for (const d of datesInText(lineText, position.line, year)) {
      if (d.value.date && containsPosition(d.value.range, position))
        return md(explainDate(d.value, referat, tr, { yearAssumed: d.yearAssumed }), d.value.range);
    }
  }
  return null;
}

/** `For 15 · Imod 4 · Undlod 1 · Fraværende 2 · 21 medlemmer`: a vote's seats, counted where the parties' members are known. */
function explainVote(referat: Referat, punkt: Punkt, vote: Vote, env: HoverEnv, tr: Tr): string {
  const configured = udvalgNamed(env.catalog, referat.header.title?.udvalg)?.medlemmer ?? [];
  const meeting = meetingAttendance(referat, configured);
  const away = absentFromPunkt(meeting, protokolOf(punkt));
  const seats = (side: 'for' | 'against' | 'abstain'): string => {
    const written = vote.counts?.[side] ?? null;
    if (written !== null) return String(written);
    if (vote[side].length === 0) return '0';
    return String(seatsOf(vote[side], meeting, away) ?? vote[side].map((v) => literal(v.text)).join(', '));
  };
  const parts = [
    tr({ da: `For ${seats('for')}`, en: `For ${seats('for')}` }),
    tr({ da: `Imod ${seats('against')}`, en: `Against ${seats('against')}` }),
    tr({ da: `Undlod ${seats('abstain')}`, en: `Abstained ${seats('abstain')}` }),
  ];
  if (away.size > 0) parts.push(tr({ da: `Fraværende ${away.size}`, en: `Absent ${away.size}` }));
  const members = meeting.members.length;
  if (members > 0) parts.push(tr({ da: `${members} medlemmer`, en: `${members} members` }));
  const on = vote.on ? `${tr({ da: 'Afstemning om', en: 'Vote on' })} ${literal(vote.on)}\n\n` : '';
  // Present and named on no side: where the written counts do not settle it, she sees whom the protokol leaves out.
  const missing = vote.counts ? undefined : notNamedInVote([...vote.for, ...vote.against, ...vote.abstain], meeting, away);
  const left =
    missing && missing.length > 0
      ? `\n\n${tr({ da: 'Til stede, men ikke nævnt i afstemningen:', en: 'Present, but not named in the vote:' })} ${missing.map((m) => literal(writtenMember(m))).join(', ')}`
      : '';
  return `${on}${parts.join(' · ')}${left}`;
}

function explainJournal(j: JournalNumber, env: HoverEnv, tr: Tr): string {
  const k = j.kle;
  const opened = tr({ da: `sagen er oprettet i ${j.caseYear}`, en: `the case was opened in ${j.caseYear}` });
  if (!k) {
    // Another system's number: its scheme, and the year it says the case was opened.
    const scheme = CASE_NUMBER_SCHEMES.find((s) => s.id === j.scheme);
    return [
      `**${tr({ da: 'Sagsnummer', en: 'Case number' })} ${j.text}**`,
      '',
      scheme ? tr(scheme.name) : '',
      '',
      `| | |`,
      `| --- | --- |`,
      `| ${tr({ da: 'År', en: 'Year' })} \`${j.yearDigits}\` | ${opened} |`,
    ].join('\n');
  }
  const emneTitle = env.kle.emneTitle(k.emne);
  const facet = tr(env.kle.facetDescription(k.facet));
  const unknown = tr({ da: 'ukendt', en: 'unknown' });
  return [
    `**${tr({ da: 'Journalnummer', en: 'Journal number' })} ${j.text}**`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| ${tr({ da: 'Hovedgruppe', en: 'Main group' })} \`${k.hovedgruppe}\` | ${env.kle.hovedgruppeTitle(k.hovedgruppe) ?? unknown} |`,
    `| ${tr({ da: 'Gruppe', en: 'Group' })} \`${k.gruppe}\` | ${env.kle.gruppeTitle(k.gruppe) ?? unknown} |`,
    `| ${tr({ da: 'Emne', en: 'Subject' })} \`${k.emne}\` | ${emneTitle ?? tr({ da: 'findes ikke i KLE', en: 'not in KLE' })} |`,
    `| ${tr({ da: 'Handlingsfacet', en: 'Action facet' })} \`${k.facet}\` | ${facet} |`,
    `| ${tr({ da: 'Løbenummer', en: 'Serial number' })} \`${k.serial}\` | ${tr({ da: `sag nr. ${k.serial} på emnet det år`, en: `case no. ${k.serial} of this subject that year` })} |`,
    `| ${tr({ da: 'År', en: 'Year' })} \`${j.yearDigits}\` | ${opened} |`,
    '',
    k.form === 'old' ? tr({ da: 'Ældre form med bindestreg før facetten.', en: 'Older form, with a hyphen before the facet.' }) : '',
  ].join('\n');
}

/** `a, b og c` / `a, b and c`. */
function spoken(items: readonly string[]): LocalizedText {
  const head = items.slice(0, -1).join(', ');
  const last = items[items.length - 1] ?? '';
  return items.length < 2 ? { da: last, en: last } : { da: `${head} og ${last}`, en: `${head} and ${last}` };
}

/** What the approval block says in words: who approved and when, what the seal is, and whether the text is as approved. */
function explainApproval(referat: Referat, a: Approval, tr: Tr): string {
  const who = spoken((a.by?.names ?? []).map((n) => literal(n.name)));
  const day = a.date?.date ? localizedDate(a.date.date) : undefined;
  const head = `**${APPROVAL_WORDS.heading}** — ${tr({
    da: `referatet blev godkendt${day ? ` ${day.da}` : ''}${who.da ? ` af ${who.da}` : ''}.`,
    en: `the referat was approved${day ? ` on ${day.en}` : ''}${who.en ? ` by ${who.en}` : ''}.`,
  })}`;
  const what = tr({
    da: `Seglet (linjen "${APPROVAL_WORDS.seal}: v1 …") er et fingeraftryk af teksten, som den blev godkendt: med det ses enhver ændring bagefter, punkt for punkt. Ret ikke i linjen. En rettelse efter godkendelsen skrives under en overskrift "${APPROVAL_WORDS.addition}" til sidst.`,
    en: `The seal (the line "${APPROVAL_WORDS.seal}: v1 …") is a fingerprint of the text as it was approved: with it, any change afterwards is found, item by item. Do not edit the line. A correction after the approval goes under a "${APPROVAL_WORDS.addition}" heading at the end.`,
  });
  // What she came for first: whether the text is as approved.
  return `${head}\n\n${tr(sealState(referat, a))}\n\n${what}`;
}

/** Whether the text is as it was approved, in words: each punkt changed, added or removed named with its title. */
function sealState(referat: Referat, a: Approval): LocalizedText {
  if (!a.seal)
    return {
      da: 'Der er intet segl: teksten kan ikke holdes op mod den godkendte.',
      en: 'There is no seal: the text cannot be held against the approved one.',
    };
  const read = readSeal(a.seal.value);
  if (!read.ok) return { da: `Seglet kan ikke læses: ${read.problem.da}.`, en: `The seal cannot be read: ${read.problem.en}.` };
  const since = compareSeal(referat, read.seal);
  const named = (indexes: readonly number[], word: string): string[] =>
    indexes.map((i) => {
      const p = referat.punkter[i]!;
      return p.title ? `${word} ${punktLabel(p)} (${literal(p.title)})` : `${word} ${punktLabel(p)}`;
    });
  const parts: LocalizedText[] = [];
  if (since.header || since.changed.length) {
    const da = spoken([...(since.header ? ['referatets hoved'] : []), ...named(since.changed, 'punkt')]).da;
    const en = spoken([...(since.header ? ["the referat's header"] : []), ...named(since.changed, 'item')]).en;
    parts.push({ da: `Ændret siden godkendelsen: ${da}.`, en: `Changed since the approval: ${en}.` });
  }
  if (since.added.length)
    parts.push({
      da: `Tilføjet siden godkendelsen: ${spoken(named(since.added, 'punkt')).da}.`,
      en: `Added since the approval: ${spoken(named(since.added, 'item')).en}.`,
    });
  if (since.removed.length) {
    const removed = since.removed.map(String);
    parts.push({ da: `Fjernet siden godkendelsen: punkt ${spoken(removed).da}.`, en: `Removed since the approval: item ${spoken(removed).en}.` });
  }
  if (!parts.length) return { da: 'Teksten er uændret siden godkendelsen.', en: 'The text is unchanged since the approval.' };
  return { da: parts.map((p) => p.da).join(' '), en: parts.map((p) => p.en).join(' ') };
}

function explainDate(d: DateValue, referat: Referat, tr: Tr, { yearAssumed }: { readonly yearAssumed: boolean }): string {
  const date = d.date!;
  const meeting = meetingDate(referat);
  const weekday = localizedWeekday(weekdayIndex(date));
  const when = localizedDate(date);
  const head = `**${tr({ da: `${weekday.da} ${when.da}`, en: `${weekday.en} ${when.en}` })}**`;
  const assumed = yearAssumed
    ? `\n\n${tr({ da: `(året er ikke skrevet; mødets år ${date.year} er antaget)`, en: `(no year is written; the meeting's year, ${date.year}, is assumed)` })}`
    : '';
  if (!meeting) return head + assumed;
  const days = daysBetween(meeting, date);
  if (days === 0) return `${head}\n\n${tr({ da: 'mødedagen', en: 'the day of the meeting' })}${assumed}`;
  const abs = Math.abs(days);
  const span: LocalizedText =
    abs % 7 === 0 && abs >= 14
      ? { da: `${abs / 7} uger`, en: `${abs / 7} weeks` }
      : { da: `${abs} ${abs === 1 ? 'dag' : 'dage'}`, en: `${abs} ${abs === 1 ? 'day' : 'days'}` };
  const relation =
    days < 0 ? { da: `${span.da} før mødet`, en: `${span.en} before the meeting` } : { da: `${span.da} efter mødet`, en: `${span.en} after the meeting` };
  return `${head}\n\n${tr(relation)}${assumed}`;
}

function explainPerson(name: string, env: HoverEnv, tr: Tr, written?: string): string {
  const key = name.toLocaleLowerCase('da-DK');
  const entry = env.catalog.personer.find((p) => p.navn.toLocaleLowerCase('da-DK') === key);
  const udvalg = env.catalog.udvalg.filter((u) => u.medlemmer.some((m) => m.toLocaleLowerCase('da-DK') === key)).map((u) => u.navn);
  const titel = entry?.titel ?? written;
  const named = udvalg.map(literal).join(', ');
  const member = udvalg.length ? tr({ da: `Medlem af ${named}`, en: `Member: ${named}` }) : '';
  return [`**${literal(name)}**${titel ? ` — ${literal(titel)}` : ''}`, member].filter(Boolean).join('\n\n');
}

const SECTION_HELP: Readonly<Record<SectionKind, LocalizedText>> = {
  resume: { da: 'kort sammenfatning af sagen.', en: 'a short summary of the case.' },
  sagsfremstilling: { da: 'sagens baggrund og indhold.', en: "the case's background and content." },
  supplerendeSagsfremstilling: { da: 'det nye siden den tidligere behandling.', en: 'what is new since the earlier handling.' },
  sagenAfgoeres: { da: 'det organ, der træffer den endelige beslutning.', en: 'the body that makes the final decision.' },
  lovgrundlag: { da: 'de love, sagen hviler på, eller "Ingen.".', en: 'the laws the case rests on, or "Ingen." (none).' },
  vision: { da: 'de strategier og planer, sagen hører under.', en: 'the strategies and plans the case belongs to.' },
  oekonomi: { da: 'sagens økonomiske konsekvenser.', en: "the case's financial consequences." },
  andreKonsekvenser: { da: 'andre konsekvenser af beslutningen.', en: 'other consequences of the decision.' },
  indstilling: { da: 'hvem der indstiller hvad: "… indstiller," og punkter med "- At …".', en: 'who recommends what: "… indstiller," and "- At …" bullets.' },
  beslutning: {
    da: 'hvad mødet besluttede. Et åbent punkt uden Beslutning er den klassiske fejl.',
    en: 'what the meeting decided. An open item without a decision is the classic error.',
  },
  offentligBeslutning: {
    da: 'hvad der må offentliggøres af et lukket punkts beslutning (styrelseslovens § 8, stk. 7). Kun dette, overskriften og sagsnummeret kommer med i den offentlige udgave.',
    en: "what of a closed item's decision may be published (kommunestyrelsesloven § 8(7)). Only this, the heading and the case number appear in the public version.",
  },
  bilag: { da: 'ét bilag pr. linje.', en: 'one attachment per line.' },
  tidligereBeslutning: { da: 'en beslutning fra et tidligere møde i samme sag.', en: 'a decision from an earlier meeting on the same case.' },
  sagsforloeb: {
    da: 'sagens tidligere behandlinger, én pr. møde, med deres beslutninger.',
    en: "the case's earlier handlings, one per meeting, with their decisions.",
  },
  andet: { da: 'en del af sagens fremstilling.', en: "a part of the case's account." },
};
