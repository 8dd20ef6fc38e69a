// First Agenda's publication page (HTML) as text in its own form, the `first-agenda-page` dialect:
// the page's title and fields (`Mødedato:⇥onsdag den 1. oktober 2025 kl. 15.45`), then each punkt as
// the page shows it: its number alone on a line, its title, its case number, its text laid out as a
// browser does, its attachments by name. The page's buttons, menus, dialogs and scripts are left out.
import { isClosed } from '../model/punkt';
import { SECTION_KINDS } from '../dialect/vocabulary';
import { caseNumberLines, oneLine, type WrittenHeading } from './fields';
import { childElements, findAll, findFirst, hasClass, inlineText, layoutNodes, parseHtml, type DomElement } from './html';

export interface PageMinutes {
  readonly lines: string[];
  /** The punkter's number lines (the page's headings), and whether their titles say closed. */
  readonly headings: WrittenHeading[];
  readonly punkter: number;
}

/** The minutes of a First Agenda page, or undefined when the page holds none (another page of the site). */
export function readFirstAgendaPage(html: string): PageMinutes | undefined {
  const doc = parseHtml(html);
  const agenda = findFirst(doc, (e) => e.name === 'table' && (e.attribs.id === 'dagsordenDetaljer' || hasClass(e, 'dagsorden')));
  const rows = agenda ? findAll(agenda, (e) => e.name === 'tr' && hasClass(e, 'punktrow')) : [];
  if (rows.length === 0) return undefined;

  const lines: string[] = [];
  const titleBox = findFirst(doc, (e) => hasClass(e, 'title'));
  const h1 = titleBox && findFirst(titleBox, (e) => e.name === 'h1');
  const h2 = titleBox && findFirst(titleBox, (e) => e.name === 'h2');
  if (h1) lines.push(inlineText(h1), '');
  if (h2 && inlineText(h2) !== '') lines.push(inlineText(h2));
  // The page's own fields, label and value as the page pairs them; an empty row the page hides is left out.
  const info = findFirst(doc, (e) => e.name === 'table' && hasClass(e, 'dagsordeninfo'));
  for (const row of info ? findAll(info, (e) => e.name === 'tr' && !('hidden' in e.attribs)) : []) {
    const cells = childElements(row).filter((c) => c.name === 'td' || c.name === 'th');
    const label = cells[0] ? inlineText(cells[0]) : '';
    if (label === '') continue;
    const value = cells
      .slice(1)
      .map((c) => fieldValue(c))
      .filter((v) => v !== '')
      .join(' ');
    lines.push(value === '' ? label : `${label}\t${value}`);
  }

  const headings: WrittenHeading[] = [];
  for (const row of rows) {
    const cells = childElements(row, 'td');
    const number = cells[0] ? inlineText(cells[0]) : '';
    const body = cells[1] ?? row;
    const heading = findFirst(body, (e) => /^h[1-6]$/.test(e.name) && hasClass(e, 'overskrift'));
    const caseNumber = findFirst(body, (e) => hasClass(e, 'sagsnummer'));
    const content = findFirst(body, (e) => hasClass(e, 'punkt'));
    const title = heading ? inlineText(heading) : '';
    lines.push('');
    headings.push({ line: lines.length, closed: isClosed(title) });
    lines.push(number, '', title);
    // The case number alone on its line: what else the field holds goes on the next.
    if (caseNumber) lines.push(...caseNumberLines(inlineText(caseNumber)));
    const text = content ? layoutNodes([...content.children]) : [];
    if (text.length > 0) lines.push('', ...text);
    const attachments = findAll(body, (e) => e.name === 'a' && hasClass(e, 'bilag-link'));
    if (attachments.length > 0) lines.push('', SECTION_KINDS.bilag, ...attachments.map((a) => `- ${attachment(a)}`));
  }
  return { lines, headings, punkter: rows.length };
}

/** A field's value: the names of a list of attendees joined by commas, else its text. */
function fieldValue(cell: DomElement): string {
  const items = findAll(cell, (e) => e.name === 'li');
  if (items.length > 0)
    return items
      .map(inlineText)
      .filter((t) => t !== '')
      .join(', ');
  return inlineText(cell);
}

/** An attachment's name, with its address where the page gives a whole one (a relative one needs the site's, which a saved page lacks). */
function attachment(a: DomElement): string {
  const name = inlineText(a);
  const href = oneLine(a.attribs.href ?? '');
  return /^https?:\/\//i.test(href) ? `${name} (${href})` : name;
}
