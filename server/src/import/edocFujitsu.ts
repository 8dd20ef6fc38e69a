// eDoc (Fujitsu)'s agenda export (Middelfart) as text in the `edoc-fujitsu` dialect, from its XML
// (`edoc:AgendaElement`s) or from the HTML page eDoc makes of the same agenda: an unlabelled header
// (`Dagsorden` / the committee / `tirsdag den 2. maj 2017, kl. 10:00` / `Mødested: …`), who takes part
// and who has sent word, then each item as `3. Title` (its own serial number), `Sagsnr.:`, every
// heading of the template with its text (`Præsentation`, `Forvaltningen foreslår`, …, printed written
// under or not, as eDoc prints them), the decision where the export has one, and the attachments by
// name. An item the export does not publish (`AccessIsPublic` false, "Fortrolig publicering", or
// `Lukket` on the page) is written closed.
import { EDOC_FUJITSU } from '../dialect/dialects';
import { headerLabel, HISTORY_NOT_RELEASED, SECTION_KINDS } from '../dialect/vocabulary';
import { monthNumber } from '../model/dates';
import { caseNumberLines, closedTitle, oneLine, type WrittenHeading } from './fields';
import { childElements, findFirst, hasClass, inlineText, layoutNodes, parseHtml, rawText, type DomDocument, type DomElement } from './html';
import { incompleteExport } from './messages';
import {
  BILAG,
  child,
  children,
  descendants,
  documentKindNamed,
  documentTitle,
  saysClosed,
  htmlLines,
  isTrue,
  text,
  tidy,
  type SystemExportRead,
} from './systemXml';
import { danishMoment, edocDate, type Moment } from './write';

const SYSTEM = 'eDoc (Fujitsu)';
const MOEDESTED = headerLabel('moedested');
/** The label before a punkt's case number, `Sagsnr.`, as the dialect writes it. */
const CASE_LABEL = EDOC_FUJITSU.caseNumberLabel ?? '';

const missing = (da: string, en: string): SystemExportRead => ({
  ok: false,
  problem: 'incomplete-export',
  message: incompleteExport(SYSTEM, { da, en }),
  detail: `eDoc (Fujitsu): ${en}`,
});

/** Whether the XML is eDoc (Fujitsu)'s agenda export: a `Root` with the agenda's output type or its committee. */
export function isFujitsuXml(doc: DomDocument): boolean {
  const root = child(doc, 'Root');
  return root !== undefined && (child(root, 'OutputTypeEnumName') !== undefined || /fujitsu/i.test(Object.values(root.attribs).join(' ')));
}

/** The meeting in eDoc (Fujitsu)'s XML. */
export function readFujitsuXml(doc: DomDocument): SystemExportRead {
  const root = child(doc, 'Root');
  const committee = child(root, 'Committee');
  const meeting = child(committee, 'Meeting');
  const agenda = child(meeting, 'Agenda');
  const elements = children(child(agenda, 'AgendaElements'), 'AgendaElement');
  if (!root || !committee || !meeting) return missing('mødet (Committee/Meeting)', 'the meeting (Committee/Meeting)');
  if (elements.length === 0) return missing('dagsordenens punkter (AgendaElement)', 'the agenda items (AgendaElement)');

  const type = `${text(child(root, 'OutputTypeEnumName'))} ${text(child(agenda, 'Type'))}`;
  const document = documentKindNamed(type) === 'referat' || /minutes|protokol/i.test(type) ? 'referat' : 'dagsorden';
  const body = text(child(committee, 'Name'));
  const moment = danishMoment(text(child(meeting, 'MeetingDateTime')));
  const present: string[] = [];
  const absent: string[] = [];
  for (const p of children(child(meeting, 'MeetingParticipants'), 'MeetingParticipant')) {
    const name = text(child(p, 'Name'));
    if (!name) continue;
    const party = text(child(p, 'PoliticalPartyList')) || text(child(p, 'PoliticalParty'));
    (text(child(p, 'Participate')).toLowerCase() === 'false' ? absent : present).push(party ? `${name} (${party})` : name);
  }
  // Those from outside the committee who take part (a secretary, a guest).
  for (const p of children(child(meeting, 'MeetingParticipantExternals'), 'MeetingParticipantExternal')) {
    const name = text(child(p, 'Name'));
    if (name) present.push(name);
  }
  const lines = header(document, body, moment, text(child(meeting, 'MeetingLocation')));
  if (present.length > 0) lines.push(EDOC_FUJITSU.attendance.present, ...present, '');
  if (absent.length > 0) lines.push(EDOC_FUJITSU.attendance.absent, ...absent, '');

  const headings: WrittenHeading[] = [];
  elements.forEach((element, i) => {
    const item = child(element, 'HandlingItem');
    const number = text(child(item, 'SerialNo')) || text(child(element, 'SortOrder')) || String(i + 1);
    const title = text(child(item, 'Title')) || text(child(item, 'NeutralTitle'));
    const closed = text(child(element, 'AccessIsPublic')).toLowerCase() === 'false';
    const sections: Section[] = children(child(item, 'CasePresentations'), 'CasePresentation').map((c) => ({
      name: text(child(c, 'Title')),
      lines: htmlLines(rawText(child(c, 'Content') ?? c)),
      decision: isTrue(text(child(c, 'IsDecision'))),
    }));
    // This handling's decision, in minutes, where no presentation of the item is the decision already.
    const handling = children(child(item, 'HandlingPlan'), 'Handling').find((h) => text(child(h, 'Placement')) === 'This');
    const decisionField = child(handling, 'Decision');
    const decision = decisionField ? htmlLines(rawText(decisionField)) : [];
    if (document === 'referat' && !sections.some((s) => s.decision) && decision.length > 0 && !HISTORY_NOT_RELEASED.test(decision.join(' ')))
      sections.push({ name: SECTION_KINDS.beslutning, lines: decision, decision: true });
    const attachments = children(child(item, 'Attachments'), 'Attachment')
      .map((a) => text(child(a, 'Title')))
      .filter((t) => t !== '');
    writeItem(lines, headings, { number, title, closed, caseNumber: text(child(item, 'CaseNumber')), sections, attachments });
  });
  const kept = tidy(lines, headings);
  return {
    ok: true,
    kind: 'edoc-fujitsu-xml',
    meetings: [{ ...kept, body, ...(moment ? { moment } : {}), document, dialect: EDOC_FUJITSU.id }],
    notes: [],
  };
}

interface Section {
  readonly name: string;
  readonly lines: readonly string[];
  readonly decision: boolean;
}

interface Item {
  readonly number: string;
  readonly title: string;
  readonly closed: boolean;
  readonly caseNumber: string;
  readonly caseWorker?: string;
  readonly sections: readonly Section[];
  readonly attachments: readonly string[];
}

/** The header's lines: the document's word, the committee, the date and the place. */
function header(document: 'referat' | 'dagsorden', body: string, moment: Moment | undefined, place: string): string[] {
  const lines = [documentTitle(document)];
  if (body) lines.push(body);
  if (moment) lines.push(edocDate(moment));
  if (place) lines.push(`${MOEDESTED}: ${place}`);
  lines.push('');
  return lines;
}

function writeItem(lines: string[], headings: WrittenHeading[], item: Item): void {
  lines.push('');
  headings.push({ line: lines.length, closed: item.closed });
  lines.push(`${item.number}. ${item.closed ? closedTitle(item.title) : item.title}`);
  const [caseNumber, ...more] = caseNumberLines(item.caseNumber);
  if (caseNumber) lines.push(CASE_LABEL ? `${CASE_LABEL}: ${caseNumber}` : caseNumber, ...more);
  if (item.caseWorker) lines.push(item.caseWorker);
  lines.push('');
  // Every heading of the template, as eDoc prints it, with its text or without.
  for (const s of item.sections) {
    if (s.name) lines.push(s.name);
    lines.push(...s.lines, '');
  }
  if (item.attachments.length > 0) lines.push(BILAG, ...item.attachments.map((a) => `- ${a}`), '');
}

/** The minutes of eDoc (Fujitsu)'s agenda page, or undefined when the page is not one (no `xsltTitleTableBegin`). */
export function readFujitsuPage(html: string): SystemExportRead | undefined {
  const doc = parseHtml(html);
  const outer = findFirst(doc, (e) => hasClass(e, 'xsltOuter'));
  if (!outer || !findFirst(outer, (e) => hasClass(e, 'xsltAgendaTitle') || hasClass(e, 'xsltTitleTableBegin'))) return undefined;
  // The title box: the document's word and the committee, a `<br>` between them.
  const titleBox = findFirst(outer, (e) => hasClass(e, 'xsltAgendaTitle'));
  const [word = '', body = ''] = titleBox ? layoutNodes([...titleBox.children]) : [];
  const document = documentKindNamed(word) === 'referat' ? 'referat' : 'dagsorden';
  const dateBox = findFirst(outer, (e) => hasClass(e, 'xsltDateAndLocation'));
  const [when = '', ...rest] = dateBox ? layoutNodes([...dateBox.children]) : [];
  const moment = pageMoment(when);
  const place = rest.map((l) => l.replace(new RegExp(`^${MOEDESTED}:?\\s*`), '')).join(', ');
  const lines = header(document, body, moment, place);
  if (!moment && when) lines.splice(lines.length - 1, 0, when);

  const items = pageItems(outer);
  if (items.length === 0) return missing('dagsordenens punkter (xsltTitleTableBegin)', 'the agenda items (xsltTitleTableBegin)');
  const headings: WrittenHeading[] = [];
  for (const item of items) writeItem(lines, headings, item);
  const kept = tidy(lines, headings);
  return {
    ok: true,
    kind: 'edoc-fujitsu-page',
    meetings: [{ ...kept, body, ...(moment ? { moment } : {}), document, dialect: EDOC_FUJITSU.id }],
    notes: [],
  };
}

/** `2. maj 2017 kl. 10:00`, as the page writes the meeting's time. */
function pageMoment(line: string): Moment | undefined {
  const m = /^(\d{1,2})\.\s*(\p{L}+)\s+(\d{4})(?:\s+kl\.?\s*(\d{1,2})[:.](\d{2}))?/iu.exec(line.trim());
  const month = m ? monthNumber(m[2]!) : undefined;
  if (!m || !month) return undefined;
  return { date: { year: +m[3]!, month, day: +m[1]! }, ...(m[4] && m[5] ? { hour: +m[4], minute: +m[5] } : {}) };
}

/** The page's items, read in the order its blocks stand: a title table, its case table, then header and text pairs. */
function pageItems(outer: DomElement): Item[] {
  const items: { number: string; title: string; closed: boolean; caseNumber: string; caseWorker?: string; sections: Section[]; attachments: string[] }[] = [];
  let pending: string | undefined;
  // The items after the page's `Lukkede sager` are the closed ones.
  let closedPart = false;
  for (const e of childElements(outer)) {
    const item = items[items.length - 1];
    if (e.name === 'div' && hasClass(e, 'xsltItemsHeader')) closedPart = /lukke/i.test(inlineText(e));
    else if (e.name === 'table' && hasClass(e, 'xsltTitleTableBegin')) {
      const cells = descendants(e, 'td');
      const number = (cells[0] ? inlineText(cells[0]) : '').replace(/\.$/, '');
      items.push({ number, title: cells[1] ? inlineText(cells[1]) : '', closed: closedPart, caseNumber: '', sections: [], attachments: [] });
      pending = undefined;
    } else if (!item) continue;
    else if (e.name === 'table' && hasClass(e, 'xsltTitleTableEnd')) {
      const cells = descendants(e, 'td').map(inlineText);
      const label = new RegExp(`^${CASE_LABEL.replace('.', '\\.?')}:?\\s*`, 'i');
      for (const c of cells) {
        if (label.test(c)) item.caseNumber = c.replace(label, '');
        else if (saysClosed(c)) item.closed = true;
        else if (/^åben$/i.test(c) || c === '') continue;
        else item.caseWorker = oneLine(c);
      }
    } else if (e.name === 'div' && hasClass(e, 'xsltHeader')) {
      pending = inlineText(e).replace(/:$/, '').trim();
      if (pending.toLowerCase() !== BILAG.toLowerCase()) item.sections.push({ name: pending, lines: [], decision: false });
    } else if (e.name === 'div' && pending !== undefined) {
      const attachment = findFirst(e, (a) => a.name === 'a' && hasClass(a, 'xsltAttachment'));
      if (attachment && pending.toLowerCase() === BILAG.toLowerCase()) item.attachments.push(inlineText(attachment));
      else if (pending.toLowerCase() !== BILAG.toLowerCase()) {
        const last = item.sections[item.sections.length - 1]!;
        item.sections[item.sections.length - 1] = { ...last, lines: [...last.lines, ...layoutNodes([...e.children])] };
        pending = undefined;
      }
    }
  }
  return items;
}
