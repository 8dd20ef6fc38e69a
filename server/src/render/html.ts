import MarkdownIt from 'markdown-it';
import stylesheet from '../../../media/preview.css';
import { localize, type Locale, type LocalizedText } from '../i18n/locale';
import { formatDanishDate } from '../model/dates';
import { APPROVAL_WORDS } from '../model/approval';
import type { Approval, BodyLine, Punkt, Referat, Section } from '../model/types';
import { lineContent } from '../syntax/content';
import { decisionExpected, isEmptyBullet, publicDecision, todaysDecision, type DecisionExpected } from '../model/decision';
import { punktLabel } from '../model/numbering';
import { documentLabels, documentWord, type DocumentLabels } from './labels';
import { approvalWhen, publishedJournal, writtenMeetingDate } from './published';
import { PUNKT_WORD } from '../dialect/vocabulary';
import type { Dialect } from '../dialect/dialects';
import { PunktMemo } from '../model/moved';
import { tabTables } from './tabTable';

export type Audience = 'internal' | 'public';

export interface WebviewResources {
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUri: string;
  readonly scriptUri: string;
}

export interface RenderOptions {
  readonly audience: Audience;
  /** The editor's display language: only the preview's toolbar follows it, never the document's labels. */
  readonly locale?: Locale;
  /** In a VS Code webview: the extension's own stylesheet and script under a strict CSP. */
  readonly webview?: WebviewResources;
}

// Raw HTML off so text stays text; links only to the web and to mail; no images (nothing remote).
// `breaks`: a line she wrote on its own (a decision, then a vote, then a remark) stays a line of its own.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: true });
// No indented code blocks: indentation in minutes is layout (imported text, a wrapped list), never code.
md.disable(['image', 'code']);
md.use(tabTables);
md.validateLink = (url: string): boolean => /^(https?:|mailto:)/i.test(url.trim());
// Headings inside body text sit under the section's h3: `#` to `####` become h4, deeper ones h5, h6.
const bodyHeading = (tag: string): string => `h${Math.max(4, Math.min(6, Number(tag.slice(1))))}`;
md.renderer.rules.heading_close = (tokens, idx) => `</${bodyHeading(tokens[idx]!.tag)}>`;
// Every block carries the source line it came from: scroll sync and double-click-to-source.
for (const rule of [
  'heading_open',
  'paragraph_open',
  'bullet_list_open',
  'ordered_list_open',
  'list_item_open',
  'blockquote_open',
  'table_open',
  'tr_open',
  'code_block',
  'fence',
] as const) {
  const original = md.renderer.rules[rule];
  md.renderer.rules[rule] = (tokens, idx, options, env, self) => {
    const t = tokens[idx]!;
    const offset = (env as { lineOffset?: number }).lineOffset;
    if (t.map && offset !== undefined) t.attrSet('data-line', String(t.map[0] + offset));
    if (rule === 'heading_open') t.tag = bodyHeading(t.tag);
    return original ? original(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

// A paragraph's lines each carry their source line too, as an empty mark where the line begins: an
// imported section's text is one paragraph of dozens of lines, and the preview scrolls to the line,
// and a double-click reveals the line clicked, not the paragraph's first. Counted from the
// paragraph's first line: each line break in it is one of the source's.
md.core.ruler.push('line_marks', (state) => {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.map || !block.children) continue;
    let line = block.map[0];
    for (const t of block.children) if (t.type === 'softbreak' || t.type === 'hardbreak') t.meta = { line: ++line };
  }
});
for (const rule of ['softbreak', 'hardbreak'] as const) {
  md.renderer.rules[rule] = (tokens, idx, _options, env) => {
    const line = (tokens[idx]!.meta as { line?: number } | null)?.line;
    const offset = (env as { lineOffset?: number }).lineOffset;
    return line === undefined || offset === undefined ? '<br>\n' : `<br>\n<span data-line="${line + offset}"></span>`;
  };
}

// A cell's alignment as a class, not a style attribute, which the preview's policy refuses.
for (const rule of ['th_open', 'td_open'] as const) {
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const t = tokens[idx]!;
    const align = /text-align:(left|right|center)/.exec(t.attrGet('style') ?? '')?.[1];
    if (align) {
      t.attrs = (t.attrs ?? []).filter(([name]) => name !== 'style');
      t.attrJoin('class', `align-${align}`);
    }
    return self.renderToken(tokens, idx, options);
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Markdown from body lines with the source's line numbers kept, so data-line points at the source. */
function alignedMarkdown(lines: readonly BodyLine[], transform?: (l: BodyLine) => string): { text: string; firstLine: number } | undefined {
  const content = lines.filter((l) => !l.blank && !isEmptyBullet(l));
  if (content.length === 0) return undefined;
  const first = content[0]!.line;
  const out: string[] = [];
  for (const l of lines) {
    if (l.line < first) continue;
    while (first + out.length < l.line) out.push('');
    // An empty bullet is never shown: markdown-it would make it an empty list item, or a heading's underline.
    out.push(l.blank || isEmptyBullet(l) ? '' : transform ? transform(l) : l.text);
  }
  return { text: out.join('\n'), firstLine: first };
}

function renderBody(lines: readonly BodyLine[], transform?: (l: BodyLine) => string): string {
  const m = alignedMarkdown(lines, transform);
  return m ? md.render(m.text, { lineOffset: m.firstLine }) : '';
}

/**
 * The preview's own controls speak the editor's display language (the document speaks its own);
 * they carry `lang` so a screen reader pronounces them in that language inside a Danish page.
 */
const CHROME = {
  version: { da: 'Udgave', en: 'Version' },
  internal: { da: 'Intern', en: 'Internal' },
  public: { da: 'Offentlig', en: 'Public' },
  refused: { da: 'Den offentlige udgave kan ikke vises', en: 'The public version cannot be shown' },
  goToLine: { da: 'Dobbeltklik for at gå til linjen.', en: 'Double-click to go to the line.' },
} as const satisfies Record<string, LocalizedText>;

/** A complete, standalone HTML document that reads like the official minutes. */
export function renderHtml(referat: Referat, options: RenderOptions): string {
  const t = documentLabels(referat);
  const pub = options.audience === 'public';
  const h = referat.header;
  const word = documentWord(referat);
  const title = h.title ? `${word} — ${h.title.udvalg}${h.title.date?.date ? ` ${formatDanishDate(h.title.date.date)}` : ''}` : word;
  const parts: string[] = [];

  parts.push(`<header class="referat-header"${dl(h.title?.range.start.line)}>`);
  parts.push(`<h1>${escapeHtml(title)}</h1>`);
  parts.push('<dl class="meta">');
  const md0 = h.moedeDato;
  if (md0) {
    // The date as written: a wrong weekday is reported by the check, never corrected here.
    const when = writtenMeetingDate(referat, t.at) ?? '';
    parts.push(`<dt>${t.date}</dt><dd${dl(md0.range.start.line)}>${escapeHtml(when)}</dd>`);
  }
  if (h.moedested) parts.push(`<dt>${t.place}</dt><dd${dl(h.moedested.range.start.line)}>${escapeHtml(h.moedested.value)}</dd>`);
  if (h.deltagere?.names.length)
    parts.push(
      `<dt>${h.deltagere.members ? t.members : t.attendees}</dt><dd${dl(h.deltagere.range.start.line)}>${escapeHtml(h.deltagere.names.map((n) => n.name).join(', '))}</dd>`,
    );
  if (h.afbud?.names.length)
    parts.push(`<dt>${t.absent}</dt><dd${dl(h.afbud.range.start.line)}>${escapeHtml(h.afbud.names.map((n) => n.name).join(', '))}</dd>`);
  parts.push(`<dt>${t.edition}</dt><dd>${pub ? t.public : t.internal}</dd>`);
  parts.push('</dl>');
  if (pub) parts.push(`<p class="note">${t.publicNote}</p>`);
  parts.push('</header>');

  if (referat.punkter.length > 0) {
    parts.push(`<nav class="toc" aria-labelledby="toc-heading"><h2 id="toc-heading">${t.toc}</h2><ol>`);
    for (const p of referat.punkter) parts.push(`<li><a href="#${anchorId(p)}">${escapeHtml(headingText(p))}</a></li>`);
    parts.push('</ol></nav>');
  }

  parts.push('<main>');
  for (const p of referat.punkter)
    parts.push(punktHtml(p, { t, audience: options.audience, expected: decisionExpected(referat, p), dialect: referat.dialect }));
  if (referat.approval) parts.push(approvalSection(referat.approval));
  parts.push('</main>');

  return htmlPage(t.lang, title, parts.join('\n'), options);
}

/**
 * The page the preview shows instead of a public version that may not be made: why, in the
 * display language, and where (a double click goes to the line); the toolbar switches back.
 */
export function refusalPage(message: LocalizedText, line: number, options: RenderOptions): string {
  const locale = options.locale ?? 'da';
  const title = localize(CHROME.refused, locale);
  const where = localize({ da: `Linje ${line + 1}`, en: `Line ${line + 1}` }, locale);
  const body = `<main class="refused" role="alert">
<h1>${escapeHtml(title)}</h1>
<p${dl(line)}><strong>${escapeHtml(where)}:</strong> ${escapeHtml(localize(message, locale))}</p>
${options.webview ? `<p class="hint"${dl(line)}>${escapeHtml(localize(CHROME.goToLine, locale))}</p>` : ''}
</main>`;
  return htmlPage(locale, title, body, options);
}

/** A standalone page: its own stylesheet and no script, or in a webview the extension's under a strict CSP. */
function htmlPage(lang: string, title: string, body: string, options: RenderOptions): string {
  const csp = options.webview
    ? `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${options.webview.cspSource} 'nonce-${options.webview.nonce}'; script-src 'nonce-${options.webview.nonce}'; img-src ${options.webview.cspSource}; font-src ${options.webview.cspSource};">`
    : `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">`;
  const style = options.webview
    ? `<link rel="stylesheet" href="${escapeHtml(options.webview.styleUri)}" nonce="${options.webview.nonce}">`
    : `<style>${stylesheet}</style>`;
  const script = options.webview ? `<script nonce="${options.webview.nonce}" src="${escapeHtml(options.webview.scriptUri)}"></script>` : '';
  const toolbar = options.webview ? audienceToolbar(options.audience, options.locale ?? 'da') : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
${csp}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${style}
</head>
<body>
${toolbar}
${body}
${script}
</body>
</html>
`;
}

/** The preview's switch between the versions, in the display language. */
function audienceToolbar(audience: Audience, locale: Locale): string {
  const say = (text: LocalizedText): string => escapeHtml(localize(text, locale));
  const pub = audience === 'public';
  return `<div class="audience" role="toolbar" lang="${locale}" aria-label="${say(CHROME.version)}"><button type="button" data-audience="internal" aria-pressed="${!pub}">${say(CHROME.internal)}</button><button type="button" data-audience="public" aria-pressed="${pub}">${say(CHROME.public)}</button></div>`;
}

function dl(line: number | undefined): string {
  return line === undefined ? '' : ` data-line="${line}"`;
}

function headingText(p: Punkt): string {
  return `${PUNKT_WORD} ${punktLabel(p)}: ${p.title}`;
}

/** The punkt's anchor: `punkt-3`, a sub-item's `punkt-1-2`. */
function anchorId(p: Punkt): string {
  return `punkt-${punktLabel(p).replace(/\./g, '-')}`;
}

function journalLine(p: Punkt, t: DocumentLabels, audience: Audience): string {
  const j = p.journal;
  const text = publishedJournal(p, audience);
  if (!j || text === undefined) return '';
  return `<p class="journal"${dl(j.kind === 'valid' ? j.journal.range.start.line : j.range.start.line)}><span class="visually-hidden">${t.journal} </span>${escapeHtml(text)}</p>`;
}

/** What a punkt's rendering depends on besides the punkt itself. */
interface PunktRendering {
  readonly t: DocumentLabels;
  readonly audience: Audience;
  readonly expected: DecisionExpected;
  readonly dialect: Dialect;
}

/**
 * Each punkt's rendering, kept with the punkt: the preview renders a long referat again at each pause
 * in her typing, and a punkt she did not touch is the same object (a moved one takes its origin's,
 * its source lines moved). A 1 MB referat took 60–80 ms of the server's time per rendering.
 */
const keptRendering = (): PunktMemo<PunktRendering & { readonly html: string }> => new PunktMemo((r, lines) => ({ ...r, html: withLinesMoved(r.html, lines) }));
/** One per edition: the internal and the public one are kept side by side (an export beside the preview). */
const rendered: Readonly<Record<Audience, ReturnType<typeof keptRendering>>> = { internal: keptRendering(), public: keptRendering() };

function punktHtml(p: Punkt, how: PunktRendering): string {
  const memo = rendered[how.audience];
  const kept = memo.get(p);
  if (kept && kept.t === how.t && kept.audience === how.audience && kept.expected === how.expected && kept.dialect === how.dialect) return kept.html;
  const html = how.audience === 'public' && p.closed ? closedPunkt(p, how.t, how.dialect) : openPunkt(p, how.t, how.audience, how.expected);
  memo.set(p, { ...how, html });
  return html;
}

/** The rendering's source lines (`data-line`) moved by `lines`: the text's own quotes are escaped, so only attributes match. */
function withLinesMoved(html: string, lines: number): string {
  return html.replace(/ data-line="(\d+)"/g, (_, n: string) => ` data-line="${Number(n) + lines}"`);
}

/** Public view of a closed punkt: built from its heading, journal number and public decision alone. */
function closedPunkt(p: Punkt, t: DocumentLabels, dialect: Dialect): string {
  const decision = publicDecision(p, dialect);
  const shown =
    decision && decision.lines.length > 0
      ? `<div class="public-decision"${dl(decision.section?.headingRange.start.line ?? decision.lines[0]!.line)}>\n<h3>${escapeHtml(decision.section?.title ?? t.decision)}</h3>\n${renderBody(decision.lines)}</div>\n`
      : '';
  return `<section class="punkt closed" id="${anchorId(p)}" aria-labelledby="${anchorId(p)}-h"${dl(p.headingRange.start.line)}>
<h2 id="${anchorId(p)}-h">${escapeHtml(headingText(p))} <span class="badge">${t.closed}</span></h2>
${journalLine(p, t, 'public')}
${shown}</section>`;
}

function openPunkt(p: Punkt, t: DocumentLabels, audience: Audience, expected: DecisionExpected): string {
  const out: string[] = [];
  out.push(`<section class="punkt${p.closed ? ' closed' : ''}" id="${anchorId(p)}" aria-labelledby="${anchorId(p)}-h"${dl(p.headingRange.start.line)}>`);
  out.push(`<h2 id="${anchorId(p)}-h">${escapeHtml(headingText(p))}${p.closed ? ` <span class="badge">${t.closed}</span>` : ''}</h2>`);
  out.push(journalLine(p, t, audience));
  out.push(renderBody(p.intro));
  // A decision not yet written is shown as missing, never as an empty heading; a dagsorden has none yet.
  const decision = p.closed || expected === 'none' ? undefined : todaysDecision(p);
  const missing = `<p class="missing-decision" role="note">${t.missingDecision}</p>`;
  const lastEmpty = decision && !decision.written ? decision.sections[decision.sections.length - 1] : undefined;
  for (const s of p.sections) out.push(section(s, s === lastEmpty ? missing : '', t));
  if (decision && !decision.written && !lastEmpty) out.push(`<div class="missing"><h3>${t.decision}</h3>\n${missing}</div>`);
  out.push('</section>');
  return out.join('\n');
}

function section(s: Section, note: string, t: DocumentLabels): string {
  const out: string[] = [];
  const cls = s.kind === 'tidligereBeslutning' ? ' class="earlier"' : '';
  out.push(`<div${cls}${dl(s.headingRange.start.line)}>`);
  const heading = s.implicit ? t.indstilling : s.title;
  out.push(`<h3>${escapeHtml(heading)}</h3>`);
  if (note) out.push(note);
  if (s.implicit) out.push(`<p class="indstiller"${dl(s.headingRange.start.line)}>${escapeHtml(lineContent(s.headingText).content.replace(/\*\*/g, ''))}</p>`);
  if (s.kind === 'bilag') {
    const items = s.body.filter((b) => !b.blank && !isEmptyBullet(b));
    if (items.length)
      out.push(
        `<ul class="bilag">${items.map((b) => `<li${dl(b.line)}>${escapeHtml(lineContent(b.text).content.replace(/^[-*•]\s+/, ''))}</li>`).join('')}</ul>`,
      );
  } else {
    // `… indstiller,` lines inside an Indstilling are the recommender, not headings.
    const recLines = new Set(s.recommendations.map((r) => r.range.start.line));
    out.push(renderBody(s.body, (l) => (recLines.has(l.line) ? lineContent(l.text).content.replace(/\*\*/g, '') : l.text)));
  }
  out.push('</div>');
  return out.join('\n');
}

/** Who approved the referat and when, and the additions written after it: in every edition. */
function approvalSection(a: Approval): string {
  const names = (a.by?.names ?? []).map((n) => n.name).join(', ');
  const parts = [
    `<section class="approval" aria-labelledby="approval-heading"${dl(a.headingRange.start.line)}>`,
    `<h2 id="approval-heading">${escapeHtml(APPROVAL_WORDS.heading)}</h2>`,
    `<dl class="meta"><dt>${escapeHtml(APPROVAL_WORDS.by)}</dt><dd${dl(a.by?.range.start.line)}>${escapeHtml(names)}</dd>`,
    `<dt>${escapeHtml(APPROVAL_WORDS.date)}</dt><dd${dl(a.date?.range.start.line)}>${escapeHtml(approvalWhen(a))}</dd></dl>`,
  ];
  for (const x of a.additions)
    parts.push(`<section class="addition"><h3${dl(x.headingRange.start.line)}>${escapeHtml(x.heading)}</h3>${renderBody(x.body)}</section>`);
  parts.push('</section>');
  return parts.join('\n');
}
