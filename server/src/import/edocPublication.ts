// eDoc's publication XML (`eDocAgendaPublishing.xml`, Ballerup 2012), written in the eDoc dialect,
// the form of eDoc's own PDF of the meeting. The export is a `Meeting` with its committee, date and
// state, and per agenda type (`Åben dagsorden`, `Lukket dagsorden`) the whole agenda's text
// (`FullText`, Word's paragraphs parted by CR) and its items (`MeetingAgendaItems/MeetingAgendaItem`),
// each with its number, its document's title, its text and the name of its own PDF
// (`PDFDocument`, written beside the XML). The header is the agenda's own first page (title,
// committee, date, place, who attended); each item's text is its PDF's where the PDF lies beside
// the XML, else the item's `FullText`, which holds the same.
import { CLOSED_MARKER, DOCUMENT_WORDS, documentWord, TOC_HEADING_WORD, type DocumentKind } from '../dialect/vocabulary';
import type { LocalizedText } from '../i18n/locale';
import { closedTitle, oneLine, type WrittenHeading } from './fields';
import { childElements, findAll, inlineText, parseXml, rawText, type DomDocument, type DomElement } from './html';
import type { ExportContext, StructuredMinutes, ExportRead } from './exportReaders';
import { danishMoment, edocDate } from './write';

/** Whether the document is eDoc's publication of a meeting: a `Meeting` with agenda types that hold items. */
export function isEdocPublication(doc: DomDocument): boolean {
  const meeting = childElements(doc).find((e) => e.name === 'Meeting');
  return meeting !== undefined && child(meeting, 'MeetingAgendaTypes') !== undefined;
}

interface Item {
  readonly number: number;
  readonly title: string;
  readonly closed: boolean;
  readonly pdf: string;
  readonly fullText: string;
}

export async function readEdocPublication(text: string, context: ExportContext): Promise<ExportRead> {
  const meeting = childElements(parseXml(text)).find((e) => e.name === 'Meeting');
  if (!meeting) return { meetings: [], notes: [] };
  const types = childElements(child(meeting, 'MeetingAgendaTypes') ?? meeting, 'MeetingAgendaType');
  const items: Item[] = [];
  for (const type of types) {
    // `Lukket dagsorden`: its items are closed.
    const closed = field(type, 'AgendaType').toLowerCase().includes(CLOSED_MARKER.toLowerCase());
    for (const e of childElements(child(type, 'MeetingAgendaItems') ?? type, 'MeetingAgendaItem')) {
      const document = child(e, 'Document');
      const fullText = child(e, 'FullText');
      // A document eDoc is not to publish (`PublishingType` other than `SKAL PUBLICERES`) is a closed punkt's, whatever its agenda.
      const publishing = document ? field(document, 'PublishingType') : '';
      items.push({
        number: Number(field(e, 'AgendaItemNumber')) || items.length + 1,
        title: (document && field(document, 'Title')) || '',
        closed: closed || (publishing !== '' && !/^skal publiceres$/i.test(publishing)),
        pdf: field(e, 'PDFDocument'),
        fullText: fullText ? rawText(fullText) : '',
      });
    }
  }
  if (items.length === 0) return { meetings: [], notes: [] };
  // The whole agenda's PDF and the attachments' (the Bilag, which the punkter's texts name) belong to
  // this export: asked for, so a folder does not read them again as minutes of their own.
  for (const type of types) context.find(field(type, 'PDFDocument'));
  for (const attachment of findAll(meeting, (e) => e.name === 'Attachment')) context.find(field(attachment, 'PDFDocument'));
  items.sort((a, b) => a.number - b.number);

  const udvalg = field(meeting, 'Committee');
  const moment = danishMoment(field(meeting, 'MeetingDate'));
  // `Referat endeligt godkendt`: the minutes; any other state, the agenda.
  const document: DocumentKind = field(meeting, 'MeetingState').toLowerCase().includes(documentWord('referat', 'capital').toLowerCase())
    ? 'referat'
    : 'dagsorden';
  const agendaText = types.map((t) => rawText(child(t, 'FullText') ?? t)).find((t) => t.trim() !== '') ?? '';
  const lines = header(paragraphs(agendaText), { document, udvalg, date: moment ? edocDate(moment) : '' });
  lines.push('');

  const headings: WrittenHeading[] = [];
  const missing: string[] = [];
  const unread: string[] = [];
  const empty: number[] = [];
  for (const item of items) {
    headings.push({ line: lines.length, closed: item.closed });
    lines.push(`${item.number}.   ${item.closed ? closedTitle(item.title) : item.title}`);
    let own: string[] | undefined;
    const bytes = item.pdf ? context.find(item.pdf) : undefined;
    if (bytes) {
      const read = await context.readPdf(bytes);
      if (read.ok) own = trim(read.pages.map((page, i) => dedent(i === 0 ? withoutHeading(page, item) : page)).flat());
      else unread.push(item.pdf);
    } else if (item.pdf && context.inFolder) missing.push(item.pdf);
    own ??= withoutHeading(subItems(paragraphs(item.fullText)), item);
    if (own.every((l) => l.trim() === '')) empty.push(item.number);
    lines.push('', ...own, '');
  }
  const notes: LocalizedText[] = [];
  // An XML taken out of its folder lacks every PDF: only a folder that holds some of them lacks the others.
  if (missing.length > 0 && missing.length < items.filter((i) => i.pdf).length) notes.push(missingNote(missing));
  if (unread.length > 0) notes.push(unreadNote(unread));
  if (empty.length > 0) notes.push({ da: `Punkt ${empty.join(', ')} har ingen tekst i eksporten.`, en: `Item ${empty.join(', ')} has no text in the export.` });
  const minutes: StructuredMinutes = { lines, headings, udvalg, ...(moment ? { moment } : {}), document };
  return { meetings: [minutes], notes };
}

/** Word's paragraphs (CR, CRLF or LF) as lines; a page break (`&#xC;`, read leniently) parts two lines. */
function paragraphs(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
}

/**
 * The agenda's first page, from its title (`Referat`, the last one before the table of contents:
 * the one before it is Word's running header) to the table of contents, which the outline replaces;
 * the meeting's own fields where the export has no text.
 */
function header(lines: readonly string[], facts: { document: DocumentKind; udvalg: string; date: string }): string[] {
  const toc = TOC_HEADING_WORD.toLowerCase();
  let end = lines.findIndex((l) => l.trim().toLowerCase() === toc || /^\s*\d{1,3}\.\t/.test(l));
  if (end < 0) end = lines.length;
  let start = -1;
  for (let i = 0; i < end; i++) if (DOCUMENT_WORDS.some((d) => d.word === lines[i]!.trim())) start = i;
  if (start < 0) return [documentWord(facts.document, 'capital'), '', ...[facts.udvalg, facts.date].filter((l) => l !== '')];
  const out = lines.slice(start, end).map((l) => l.trimEnd());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.filter((l, i) => !(l === '' && out[i - 1] === '' && out[i - 2] === ''));
}

/** A page's lines without the indent they all share (the hanging indent after the item's number). */
function dedent(page: readonly string[]): string[] {
  const indents = page.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  // A loop, not a spread: a field of a hundred thousand lines is no call of as many arguments.
  const common = indents.length > 0 ? indents.reduce((least, n) => Math.min(least, n)) : 0;
  return [...page.map((l) => l.slice(common)), ''];
}

/**
 * The item's text without its own heading (`2.   Bygningsvedligeholdelse …`, its title wrapped over
 * the next lines where it is long), which the reader writes itself.
 */
function withoutHeading(lines: readonly string[], item: Item): string[] {
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const first = /^\s*(\d{1,4})\.\s+(.*)$/.exec(lines[i] ?? '');
  if (first && Number(first[1]) === item.number) {
    const wanted = words(item.title);
    let got = words(first[2]!);
    i++;
    while (got.length < wanted.length && i < lines.length && lines[i]!.trim() !== '' && wanted.join(' ').startsWith([...got, ...words(lines[i]!)].join(' '))) {
      got = [...got, ...words(lines[i]!)];
      i++;
    }
  }
  return trim(lines.slice(i));
}

/** Lines without blanks at their ends, nor at either end. */
function trim(lines: readonly string[]): string[] {
  const out = lines.map((l) => l.trimEnd()).filter((l, i, all) => l !== '' || all[i - 1]?.trimEnd() !== '');
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function words(text: string): string[] {
  return oneLine(text)
    .split(' ')
    .filter((w) => w !== '');
}

/** Word's lettered sub-items, the letter a paragraph of its own (`a.` / `Møder og konferencer`), as the PDF shows them: `a.   Møder og konferencer`. */
function subItems(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const letter = /^\s*([a-zæøå])\.\s*$/.exec(lines[i]!);
    const next = lines[i + 1];
    if (letter && next !== undefined && next.trim() !== '') {
      out.push(`${letter[1]}.   ${next.trim()}`);
      i++;
    } else out.push(lines[i]!);
  }
  return out;
}

function missingNote(names: readonly string[]): LocalizedText {
  return {
    da: `${names.length === 1 ? 'Et punkts PDF' : `${names.length} punkters PDF'er`} nævnt i eksporten findes ikke i mappen (${names.join(', ')}); teksten er læst fra XML-filen.`,
    en: `${names.length === 1 ? "An item's PDF" : `${names.length} items' PDFs`} named in the export ${names.length === 1 ? 'is' : 'are'} not in the folder (${names.join(', ')}); the text is read from the XML.`,
  };
}

function unreadNote(names: readonly string[]): LocalizedText {
  return {
    da: `${names.join(', ')} kunne ikke læses; teksten er læst fra XML-filen.`,
    en: `${names.join(', ')} could not be read; the text is read from the XML.`,
  };
}

function child(e: DomElement, name: string): DomElement | undefined {
  return childElements(e).find((c) => c.name === name);
}

function field(e: DomElement, name: string): string {
  const c = child(e, name);
  return c ? oneLine(inlineText(c)) : '';
}
