import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { NameCatalog } from '../config/catalog';
import type { Locale } from '../i18n/locale';
import { daysBetween, formatDanishDate, weekdayName } from '../model/dates';
import type { KleCatalog } from '../model/kle';
import { meetingDate } from '../model/meeting';
import { splitWho } from '../model/people';
import type { DateValue, JournalNumber, Referat, SectionKind } from '../model/types';
import { containsPosition, type Position } from '../syntax/range';
import { locate } from './locate';

export interface HoverEnv {
  readonly kle: KleCatalog;
  readonly catalog: NameCatalog;
  readonly locale: Locale;
}

/** Explains what is under the cursor: a journal number part by part, a date, a person, a section. */
export function hover(referat: Referat, position: Position, env: HoverEnv): Hover | null {
  const t = (da: string, en: string): string => (env.locale === 'da' ? da : en);
  const md = (value: string, range: Hover['range']): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) });
  const { punkt, section } = locate(referat, position.line);

  if (punkt?.journal?.kind === 'valid' && containsPosition(punkt.journal.journal.range, position)) {
    return md(explainJournal(punkt.journal.journal, env, t), punkt.journal.journal.range);
  }

  const dates: DateValue[] = [];
  if (referat.header.title?.date) dates.push(referat.header.title.date);
  if (referat.header.moedeDato?.date) dates.push(referat.header.moedeDato.date);
  for (const s of punkt?.sections ?? []) if (s.earlier?.date) dates.push(s.earlier.date);
  for (const d of dates) if (d.date && containsPosition(d.range, position)) return md(explainDate(d, referat, t), d.range);

  const names = [...(referat.header.deltagere?.names ?? []), ...(referat.header.afbud?.names ?? [])];
  for (const n of names) if (containsPosition(n.range, position)) return md(explainPerson(n.name, env, t), n.range);
  for (const a of punkt?.attendees ?? []) {
    if (!containsPosition(a.range, position)) continue;
    const people = splitWho(a.who);
    const lines = people.map((p) => explainPerson(p.navn, env, t, p.titel));
    const when = a.time ? t(`deltager fra kl. ${a.time.text}`, `joins at ${a.time.text}`) : t('uden klokkeslæt', 'no time given');
    return md([...lines, when].join('\n\n'), a.range);
  }

  if (section && containsPosition(section.headingRange, position)) return md(`**${section.title}** — ${SECTION_HELP[section.kind][env.locale]}`, section.headingRange);
  return null;
}

function explainJournal(j: JournalNumber, env: HoverEnv, t: (da: string, en: string) => string): string {
  const emneTitle = env.kle.emneTitle(j.emne);
  const facet = env.kle.facetDescription(j.facet)[env.locale];
  return [
    `**${t('Journalnummer', 'Journal number')} ${j.text}**`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| ${t('Hovedgruppe', 'Main group')} \`${j.hovedgruppe}\` | ${env.kle.hovedgruppeTitle(j.hovedgruppe) ?? t('ukendt', 'unknown')} |`,
    `| ${t('Gruppe', 'Group')} \`${j.gruppe}\` | ${env.kle.gruppeTitle(j.gruppe) ?? t('ukendt', 'unknown')} |`,
    `| ${t('Emne', 'Subject')} \`${j.emne}\` | ${emneTitle ?? t('findes ikke i KLE', 'not in KLE')} |`,
    `| ${t('Handlingsfacet', 'Action facet')} \`${j.facet}\` | ${facet} |`,
    `| ${t('Løbenummer', 'Serial')} \`${j.serial}\` | ${t(`sag nr. ${j.serial} på emnet det år`, `case no. ${j.serial} of this subject that year`)} |`,
    `| ${t('År', 'Year')} \`${j.yearDigits}\` | ${t(`sagen er oprettet i ${j.caseYear}`, `the case was opened in ${j.caseYear}`)} |`,
    '',
    j.form === 'old' ? t('Ældre form med bindestreg før facetten.', 'Older form, with a hyphen before the facet.') : '',
  ].join('\n');
}

function explainDate(d: DateValue, referat: Referat, t: (da: string, en: string) => string): string {
  const date = d.date!;
  const meeting = meetingDate(referat);
  const head = `**${weekdayName(date)} ${formatDanishDate(date)}**`;
  if (!meeting) return head;
  const days = daysBetween(meeting, date);
  if (days === 0) return `${head}\n\n${t('mødedagen', 'the day of the meeting')}`;
  const abs = Math.abs(days);
  const span = abs % 7 === 0 && abs >= 14 ? t(`${abs / 7} uger`, `${abs / 7} weeks`) : t(`${abs} ${abs === 1 ? 'dag' : 'dage'}`, `${abs} ${abs === 1 ? 'day' : 'days'}`);
  return `${head}\n\n${days < 0 ? t(`${span} før mødet`, `${span} before the meeting`) : t(`${span} efter mødet`, `${span} after the meeting`)}`;
}

function explainPerson(name: string, env: HoverEnv, t: (da: string, en: string) => string, written?: string): string {
  const entry = env.catalog.personer.find((p) => p.navn.toLocaleLowerCase('da-DK') === name.toLocaleLowerCase('da-DK'));
  const udvalg = env.catalog.udvalg.filter((u) => u.medlemmer.some((m) => m.toLocaleLowerCase('da-DK') === name.toLocaleLowerCase('da-DK'))).map((u) => u.navn);
  const titel = entry?.titel ?? written;
  return [`**${name}**${titel ? ` — ${titel}` : ''}`, udvalg.length ? t(`Medlem af ${udvalg.join(', ')}`, `Member of ${udvalg.join(', ')}`) : ''].filter(Boolean).join('\n\n');
}

const SECTION_HELP: Readonly<Record<SectionKind, { da: string; en: string }>> = {
  resume: { da: 'kort sammenfatning af sagen.', en: 'a short summary of the case.' },
  sagsfremstilling: { da: 'sagens baggrund og indhold.', en: "the case's background and content." },
  supplerendeSagsfremstilling: { da: 'det nye siden den tidligere behandling.', en: 'what is new since the earlier handling.' },
  sagenAfgoeres: { da: 'det organ, der træffer den endelige beslutning.', en: 'the body that makes the final decision.' },
  lovgrundlag: { da: 'de love, sagen hviler på, eller "Ingen.".', en: 'the laws the case rests on, or "Ingen.".' },
  vision: { da: 'de strategier og planer, sagen hører under.', en: 'the strategies and plans the case belongs to.' },
  oekonomi: { da: 'sagens økonomiske konsekvenser.', en: "the case's financial consequences." },
  andreKonsekvenser: { da: 'andre konsekvenser af beslutningen.', en: 'other consequences of the decision.' },
  indstilling: { da: 'hvem der indstiller hvad: "… indstiller," og punkter med "- At …".', en: 'who recommends what: "… indstiller," and "- At …" bullets.' },
  beslutning: { da: 'hvad mødet besluttede. Et åbent punkt uden Beslutning er den klassiske fejl.', en: 'what the meeting decided. An open punkt without a Beslutning is the classic error.' },
  bilag: { da: 'ét bilag pr. linje.', en: 'one attachment per line.' },
  tidligereBeslutning: { da: 'en beslutning fra et tidligere møde i samme sag.', en: 'a decision from an earlier meeting on the same case.' },
};
