import { formatDanishDate } from '../../model/dates';
import { APPROVAL_WORDS } from '../../model/approval';
import type { Approval, BodyLine, Punkt, Referat, Section } from '../../model/types';
import { lineContent } from '../../syntax/content';
import type { Audience } from '../html';
import { documentLabels, documentWord, type DocumentLabels } from '../labels';
import { approvalSigners, approvalWhen, publishedJournal, writtenMeetingDate } from '../published';
import { decisionExpected, publicDecision, todaysDecision, type DecisionExpected } from '../../model/decision';
import { isGroupHeading, punktLabel } from '../../model/numbering';
import { markdownBlocks, plainRuns } from './markdown';
import type { Block, PdfDocumentModel } from './model';
import { PUNKT_WORD } from '../../dialect/vocabulary';

/** What the PDF shows of a referat for an audience: the same as the HTML renderer shows. */
export function documentModel(referat: Referat, audience: Audience): PdfDocumentModel {
  // The document's own language: Danish whatever the editor's language is.
  const LABEL = documentLabels(referat);
  const pub = audience === 'public';
  const h = referat.header;
  const date = h.title?.date?.date;
  const word = documentWord(referat);
  const title = h.title ? `${word} — ${h.title.udvalg}${date ? ` ${formatDanishDate(date)}` : ''}` : word;
  const running = h.title ? [h.title.udvalg, date ? formatDanishDate(date) : ''].filter((s) => s.trim() !== '').join(' · ') || word : word;

  const blocks: Block[] = [];
  blocks.push({ kind: 'heading', level: 1, runs: plainRuns(title, 'bold') });

  const rows: { label: string; value: string }[] = [];
  const md0 = h.moedeDato;
  if (md0) {
    // The date as written: a wrong weekday is reported by the check, never corrected here.
    const when = writtenMeetingDate(referat, LABEL.at) ?? '';
    rows.push({ label: LABEL.date, value: when });
  }
  if (h.moedested) rows.push({ label: LABEL.place, value: h.moedested.value });
  if (h.deltagere?.names.length)
    rows.push({ label: h.deltagere.members ? LABEL.members : LABEL.attendees, value: h.deltagere.names.map((n) => n.name).join(', ') });
  if (h.afbud?.names.length) rows.push({ label: LABEL.absent, value: h.afbud.names.map((n) => n.name).join(', ') });
  rows.push({ label: LABEL.edition, value: pub ? LABEL.public : LABEL.internal });
  blocks.push({ kind: 'fields', rows });
  if (pub) blocks.push({ kind: 'para', runs: plainRuns(LABEL.publicNote, 'italic'), tone: 'note' });

  if (referat.punkter.length > 0) {
    blocks.push({
      kind: 'sect',
      blocks: [
        { kind: 'heading', level: 2, runs: plainRuns(LABEL.toc, 'bold') },
        { kind: 'toc', entries: referat.punkter.map((p) => ({ label: punktLabel(p), title: headingText(p) })) },
      ],
    });
  }
  // Each punkt starts on a new page, as published minutes do; a closed one shows only its heading
  // and journal number to the public, built from those two alone.
  referat.punkter.forEach((p, i) => {
    const block = pub && p.closed ? closedPunkt(p, LABEL, referat) : openPunkt(p, LABEL, audience, decisionExpected(referat, p));
    const before = referat.punkter[i - 1];
    // A group heading (`1  First Agenda`) has nothing of its own: its first sub-item follows it on its page, which was left blank under it.
    blocks.push(before && block.kind === 'sect' && isGroupHeading(referat, before) ? { ...block, newPage: false } : block);
  });
  // The approval on a page of its own at the end, in every edition, with a line to sign for each member who took part.
  if (referat.approval) blocks.push(approvalPage(referat.approval, approvalSigners(referat), LABEL));

  return { title, running, edition: pub ? LABEL.publicEdition : LABEL.internalEdition, labels: LABEL, blocks };
}

export function headingText(p: Punkt): string {
  return `${PUNKT_WORD} ${punktLabel(p)}: ${p.title}`;
}

function punktHeading(p: Punkt, LABEL: DocumentLabels): Block {
  return {
    kind: 'heading',
    level: 2,
    runs: plainRuns(headingText(p), 'bold'),
    anchor: { kind: 'punkt', label: punktLabel(p), title: headingText(p) },
    ...(p.closed ? { badge: LABEL.closed } : {}),
  };
}

function journalBlocks(p: Punkt, LABEL: DocumentLabels, audience: Audience): Block[] {
  const text = publishedJournal(p, audience) ?? '';
  const out: Block[] = [];
  if (text.trim() !== '') out.push({ kind: 'para', runs: [{ text: `${LABEL.journal} `, face: 'regular' }, ...plainRuns(text)], tone: 'journal' });
  out.push({ kind: 'rule' });
  return out;
}

/** The public view of a closed punkt: its heading, journal number and public decision, nothing else. */
function closedPunkt(p: Punkt, LABEL: DocumentLabels, referat: Referat): Block {
  const decision = publicDecision(p, referat.dialect);
  const blocks = [punktHeading(p, LABEL), ...journalBlocks(p, LABEL, 'public')];
  if (decision && decision.lines.length > 0) {
    const title = decision.section?.title ?? LABEL.decision;
    blocks.push({
      kind: 'sect',
      blocks: [{ kind: 'heading', level: 3, runs: plainRuns(title, 'bold'), anchor: { kind: 'section', title } }, ...bodyBlocks(decision.lines)],
    });
  }
  return { kind: 'sect', newPage: true, blocks };
}

function openPunkt(p: Punkt, LABEL: DocumentLabels, audience: Audience, expected: DecisionExpected): Block {
  // A decision not yet written is said, as in the HTML, never left as an empty heading or nothing.
  const decision = p.closed || expected === 'none' ? undefined : todaysDecision(p);
  const unwritten = decision && !decision.written;
  const lastEmpty = unwritten ? decision.sections[decision.sections.length - 1] : undefined;
  const missing: Block = { kind: 'para', runs: plainRuns(LABEL.missingDecision, 'italic'), tone: 'note' };
  const blocks = [
    punktHeading(p, LABEL),
    ...journalBlocks(p, LABEL, audience),
    ...bodyBlocks(p.intro),
    ...p.sections.map((s) => section(s, LABEL, s === lastEmpty ? missing : undefined)),
  ];
  if (unwritten && !lastEmpty)
    blocks.push({
      kind: 'sect',
      blocks: [{ kind: 'heading', level: 3, runs: plainRuns(LABEL.decision, 'bold'), anchor: { kind: 'section', title: LABEL.decision } }, missing],
    });
  return { kind: 'sect', newPage: true, blocks };
}

function section(s: Section, LABEL: DocumentLabels, note?: Block): Block {
  const title = s.implicit ? LABEL.indstilling : s.title;
  const blocks: Block[] = [{ kind: 'heading', level: 3, runs: plainRuns(title, 'bold'), anchor: { kind: 'section', title } }];
  if (note) blocks.push(note);
  if (s.implicit) blocks.push({ kind: 'para', runs: plainRuns(lineContent(s.headingText).content.replace(/\*\*/g, '')) });
  if (s.kind === 'bilag') {
    // One attachment name per line, as written (no Markdown); an empty bullet is no attachment.
    const items = s.body
      .filter((b) => !b.blank)
      .map((b) => lineContent(b.text).content.replace(/^[-*•](?:\s+|$)/, ''))
      .filter((t) => t.trim() !== '')
      .map((t) => ({ label: '•', blocks: [{ kind: 'para', runs: plainRuns(t) } as const] }));
    if (items.length > 0) blocks.push({ kind: 'list', items });
  } else {
    // `… indstiller,` lines inside an Indstilling are the recommender, not headings.
    const recLines = new Set(s.recommendations.map((r) => r.range.start.line));
    blocks.push(...bodyBlocks(s.body, (l) => (recLines.has(l.line) ? lineContent(l.text).content.replace(/\*\*/g, '') : l.text)));
  }
  return { kind: 'sect', blocks };
}

/** Body lines as Markdown, with a blank line wherever the source skips lines. */
function bodyBlocks(lines: readonly BodyLine[], transform?: (l: BodyLine) => string): Block[] {
  const out: string[] = [];
  let prev: number | undefined;
  for (const l of lines) {
    if (prev !== undefined && l.line > prev + 1) out.push('');
    out.push(l.blank ? '' : transform ? transform(l) : l.text);
    prev = l.line;
  }
  const text = out.join('\n').trim();
  return text === '' ? [] : markdownBlocks(text);
}

/** Who approved it and when, the additions written after it, and a line to sign for each member who took part. */
function approvalPage(a: Approval, signers: readonly string[], LABEL: DocumentLabels): Block {
  const heading = (level: 2 | 3, text: string): Block => ({ kind: 'heading', level, runs: plainRuns(text, 'bold'), anchor: { kind: 'section', title: text } });
  const blocks: Block[] = [
    heading(2, APPROVAL_WORDS.heading),
    {
      kind: 'fields',
      rows: [
        { label: APPROVAL_WORDS.by, value: (a.by?.names ?? []).map((n) => n.name).join(', ') },
        { label: APPROVAL_WORDS.date, value: approvalWhen(a) },
      ],
    },
  ];
  for (const x of a.additions) blocks.push({ kind: 'sect', blocks: [heading(3, x.heading), ...bodyBlocks(x.body)] });
  if (signers.length > 0) blocks.push({ kind: 'sect', blocks: [heading(3, LABEL.signatures), { kind: 'signatures', names: signers }] });
  return { kind: 'sect', newPage: true, blocks };
}
