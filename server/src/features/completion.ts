import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { NameCatalog, PersonEntry } from '../config/catalog';
import { capitalize, formatTitleDate, monthName, pad2, todayInDenmark, weekdayName } from '../model/dates';
import type { KleCatalog } from '../model/kle';
import { SECTION_ORDER } from '../model/sections';
import type { CalendarDate, Punkt, Referat } from '../model/types';
import type { Locale } from '../i18n/locale';
import { lineContent } from '../syntax/content';
import type { Position } from '../syntax/range';
import { locate } from './locate';

const collator = new Intl.Collator('da-DK', { sensitivity: 'base' });

export interface CompletionEnv {
  readonly catalog: NameCatalog;
  readonly kle: KleCatalog;
  readonly locale: Locale;
  readonly today?: CalendarDate;
}

/**
 * Completions by context: people after Mødedeltagere and in `… deltager i mødet`, committees,
 * strategies and laws in their sections, missing section headings at the start of a line, the
 * next punkt, journal numbers, and a whole header in an empty referat.
 */
export function complete(referat: Referat, lineText: string, position: Position, env: CompletionEnv): CompletionItem[] {
  const before = lineText.slice(0, position.character);
  const line = position.line;
  const t = (da: string, en: string): string => (env.locale === 'da' ? da : en);

  // An empty referat, or the top before any title: the whole header.
  if (!referat.header.title && (referat.punkter.length === 0 || line < referat.punkter[0]!.headingRange.start.line) && before.trim() === '') {
    return [headerSnippet(env, t)];
  }

  const header = referat.header;
  const inDeltagere = /^\W*Mødedeltagere\b/u.test(lineText) || (header.deltagere && line > header.deltagere.range.start.line && line <= header.deltagere.range.end.line);
  if (inDeltagere) return people(referat, lineText, env, t);
  if (/^\W*Mødested\b/u.test(lineText)) {
    const u = bodyOf(referat, env.catalog);
    return u?.moedested ? [{ label: u.moedested, kind: CompletionItemKind.Value, detail: u.navn, sortText: '0' }] : [];
  }

  const { punkt, section } = locate(referat, line);
  if (punkt && isJournalPosition(punkt, line)) return journals(before, env, t);
  if (/\b(deltager i mødet|kommer til stede)\b/u.test(lineText) && !/\b(deltager i mødet|kommer til stede)\b/u.test(before)) return people(referat, lineText, env, t);

  if (section && line > section.headingRange.start.line) {
    const names =
      section.kind === 'sagenAfgoeres' ? { items: env.catalog.udvalg.map((u) => ({ label: u.navn, detail: t('Udvalg', 'Committee') })), kind: CompletionItemKind.Module }
      : section.kind === 'vision' ? { items: env.catalog.strategier.map((s) => ({ label: s, detail: t('Strategi', 'Strategy') })), kind: CompletionItemKind.Reference }
      : section.kind === 'lovgrundlag' ? { items: env.catalog.lovgrundlag.map((s) => ({ label: s, detail: t('Lovgrundlag', 'Legal basis') })), kind: CompletionItemKind.Reference }
      : undefined;
    if (names && before.trim().length > 0) return sorted(names.items.map((i) => ({ ...i, kind: names.kind })));
    if (names && lineText.trim() === '') return [...sorted(names.items.map((i) => ({ ...i, kind: names.kind }))), ...headings(referat, punkt!, line, before, t)];
  }

  if (punkt && /^[\s#*]*[\p{L}]*$/u.test(before) && lineText.slice(position.character).trim() === '') {
    return headings(referat, punkt, line, before, t);
  }
  return [];
}

function sorted(items: CompletionItem[]): CompletionItem[] {
  return items
    .sort((a, b) => collator.compare(a.label, b.label))
    .map((item, i) => ({ ...item, sortText: `1${String(i).padStart(5, '0')}` }));
}

function bodyOf(referat: Referat, catalog: NameCatalog) {
  const body = referat.header.title?.body?.toLocaleLowerCase('da-DK');
  return body ? catalog.udvalg.find((u) => u.navn.toLocaleLowerCase('da-DK') === body) : undefined;
}

function people(referat: Referat, lineText: string, env: CompletionEnv, t: (da: string, en: string) => string): CompletionItem[] {
  const members = new Set((bodyOf(referat, env.catalog)?.medlemmer ?? []).map((m) => m.toLocaleLowerCase('da-DK')));
  const listed = new Set(lineText.split(/,|\bog\b/u).map((s) => s.replace(/^\W*Mødedeltagere\b/u, '').trim().toLocaleLowerCase('da-DK')));
  const byName = new Map<string, PersonEntry>();
  for (const p of env.catalog.personer) byName.set(p.navn.toLocaleLowerCase('da-DK'), p);
  for (const u of env.catalog.udvalg) for (const m of u.medlemmer) if (!byName.has(m.toLocaleLowerCase('da-DK'))) byName.set(m.toLocaleLowerCase('da-DK'), { navn: m });
  const items = [...byName.values()]
    .filter((p) => !listed.has(p.navn.toLocaleLowerCase('da-DK')))
    .map((p) => ({ person: p, member: members.has(p.navn.toLocaleLowerCase('da-DK')) }))
    .sort((a, b) => Number(b.member) - Number(a.member) || collator.compare(a.person.navn, b.person.navn));
  return items.map(({ person, member }, i) => ({
    label: person.navn,
    kind: CompletionItemKind.Text,
    detail: person.titel ?? (member ? t(`Medlem af ${referat.header.title?.body ?? ''}`, `Member of ${referat.header.title?.body ?? ''}`) : undefined),
    sortText: `${member ? 0 : 1}${String(i).padStart(5, '0')}`,
  }));
}

function isJournalPosition(punkt: Punkt, line: number): boolean {
  if (line <= punkt.headingRange.start.line) return false;
  if (punkt.journal) return punkt.journal.kind === 'valid' ? punkt.journal.journal.range.start.line === line : punkt.journal.range.start.line === line;
  const firstContent = [...punkt.intro.filter((b) => !b.blank).map((b) => b.line), ...punkt.sections.map((s) => s.headingRange.start.line)].sort((a, b) => a - b)[0];
  return firstContent === undefined || line <= firstContent;
}

function journals(before: string, env: CompletionEnv, t: (da: string, en: string) => string): CompletionItem[] {
  const typed = before.trim();
  const out: CompletionItem[] = env.catalog.journalNumbers
    .filter((j) => j.text.startsWith(typed))
    .slice(0, 300)
    .map((j, i) => ({ label: j.text, kind: CompletionItemKind.Constant, detail: j.title ?? env.kle.emneTitle(j.text.slice(0, 8)), sortText: `0${String(i).padStart(5, '0')}` }));
  // KLE emner by number, so a new case starts from the right subject.
  const used = new Set(env.catalog.journalNumbers.map((j) => j.text.slice(0, 8)));
  let i = 0;
  for (const [emne, title] of env.kle.emner()) {
    if (!emne.startsWith(typed.slice(0, 8)) || out.length >= 500) continue;
    out.push({ label: emne, kind: CompletionItemKind.Folder, detail: title, documentation: t('KLE-emne; tilføj handlingsfacet, løbenummer og år', 'KLE emne; add action facet, serial and year'), sortText: `${used.has(emne) ? 1 : 2}${String(i++).padStart(5, '0')}` });
  }
  return out;
}

/** Section headings the punkt lacks, in their usual order, in the punkt's own decoration; then the next punkt. */
function headings(referat: Referat, punkt: Punkt, line: number, before: string, t: (da: string, en: string) => string): CompletionItem[] {
  // Sections after the last earlier decision count; an earlier handling's sections may come again.
  let cycleStart = 0;
  punkt.sections.forEach((s, i) => {
    if (s.kind === 'tidligereBeslutning' && s.headingRange.start.line < line) cycleStart = i + 1;
  });
  const have = new Set(punkt.sections.slice(cycleStart).map((s) => s.kind));
  const model = punkt.sections.find((s) => !s.implicit && s.kind !== 'tidligereBeslutning');
  const prefix = model ? model.headingText.slice(0, lineContent(model.headingText).start) : '';
  const suffix = model ? model.headingText.slice(lineContent(model.headingText).start + lineContent(model.headingText).content.length).trimEnd() : '';
  const typedDecoration = before.length - before.replace(/^[\s#*]*/, '').length;
  const range = { start: { line, character: 0 }, end: { line, character: before.length } };
  const items: CompletionItem[] = SECTION_ORDER.filter((s) => !have.has(s.kind)).map((s, i) => ({
    label: s.title,
    kind: CompletionItemKind.Keyword,
    detail: t('Afsnit', 'Section'),
    filterText: before.slice(0, typedDecoration) + s.title,
    textEdit: { range, newText: `${prefix}${s.title}${suffix}\n\n` },
    sortText: `2${String(i).padStart(3, '0')}`,
  }));
  const last = referat.punkter[referat.punkter.length - 1];
  if (last === punkt) {
    const n = punkt.number + 1;
    const p = punkt.headingLevel > 0 ? `${'#'.repeat(punkt.headingLevel)} ` : '';
    items.push(
      { label: `Punkt ${n}: `, kind: CompletionItemKind.Snippet, detail: t('Nyt punkt', 'New punkt'), filterText: `Punkt ${n}`, textEdit: { range, newText: `${p}Punkt ${n}: \${1:Titel}\n\n\${2:journalnummer}\n\n` }, insertTextFormat: InsertTextFormat.Snippet, sortText: '3000' },
      { label: `Punkt ${n}: Lukket: `, kind: CompletionItemKind.Snippet, detail: t('Nyt lukket punkt', 'New closed punkt'), filterText: `Punkt ${n} Lukket`, textEdit: { range, newText: `${p}Punkt ${n}: Lukket: \${1}\n\n\${2:journalnummer}\n` }, insertTextFormat: InsertTextFormat.Snippet, sortText: '3001' },
    );
  }
  return items;
}

function headerSnippet(env: CompletionEnv, t: (da: string, en: string) => string): CompletionItem {
  const d = env.today ?? todayInDenmark();
  const udvalg = env.catalog.udvalg[0];
  const body = udvalg?.navn ?? 'Direktionen';
  const sted = udvalg?.moedested ?? 'Udvalgsværelse 1';
  const deltagere = udvalg?.medlemmer.join(', ') ?? '';
  const text = [
    `REFERAT \${1:${body}} d. ${formatTitleDate(d)}`,
    '',
    `Mødedato ${capitalize(weekdayName(d))} d. ${pad2(d.day)}. ${monthName(d.month)} ${d.year} kl. \${2:09:00}`,
    '',
    `Mødested \${3:${sted}}`,
    '',
    `Mødedeltagere \${4:${deltagere}}`,
    '',
    'Indholdsfortegnelse',
    '',
    '',
    'Punkt 1: ${5:Titel}',
    '',
    '${6:journalnummer}',
    '',
    'Sagsfremstilling',
    '',
    '$0',
    '',
  ].join('\n');
  return {
    label: t(`Nyt referat (${formatTitleDate(d)})`, `New referat (${formatTitleDate(d)})`),
    kind: CompletionItemKind.Snippet,
    detail: `${capitalize(weekdayName(d))} d. ${d.day}. ${monthName(d.month)} ${d.year}`,
    insertText: text,
    insertTextFormat: InsertTextFormat.Snippet,
    filterText: 'REFERAT',
    sortText: '0',
  };
}
