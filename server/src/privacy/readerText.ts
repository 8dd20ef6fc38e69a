// The decoder alone: the package's index would also build its encoding tables at every start of the CLI.
import { decodeHTMLStrict } from 'entities/lib/decode.js';

/**
 * Text as a reader sees it, for the privacy checks: what a public rendering would show of a
 * source, with every offset mapped back to the source. The checks decide on this text, never on
 * the source line, so markup, an entity, an escape, a full-width digit or an invisible character
 * inside a number cannot hide it.
 *
 * The reading is deliberately generous: a character that may or may not show (an emphasis marker,
 * a tag) becomes a mark that separates words but joins digits. A doubt ends in a refusal, never in
 * a published number.
 */
export interface ReaderText {
  /**
   * The text read: digits as ASCII `0`–`9`, every dash as `-`, every space but a tab as ` `, line
   * breaks as `\n`, and markup and invisible characters as {@link JOINER}. Everything else as written.
   */
  readonly text: string;
  /** For each character of `text`, the source offset it was read from, and where that source piece ends. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

/** A character the reader does not see, or sees as markup: it joins the digits on each side of it. */
export const JOINER = '\u0001';

/** What the source is written in: markdown (a referat's lines), or HTML (a rendered page). */
export type SourceKind = 'markdown' | 'html';

export interface ReaderTextOptions {
  readonly kind: SourceKind;
}

// Markdown's inline markers: they either vanish (emphasis, code, strike) or stand as themselves.
const MARKDOWN_MARKUP = new Set(['*', '_', '~', '`']);
// What a backslash may escape in CommonMark: ASCII punctuation.
const ESCAPABLE = /[!-/:-@[-`{-~]/;
// An entity as markdown-it and HTML read it: `&#48;`, `&#x30;`, `&ndash;`.
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
// HTML elements that end a line of text where they stand.
const HTML_BLOCK =
  /^\/?(?:address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)\b/i;
// Elements whose content is never shown.
const HTML_HIDDEN = /^(style|script)\b/i;

/** Reads `source` as a reader of its rendering would. Linear in the source's length. */
export function readerText(source: string, options: ReaderTextOptions): ReaderText {
  const out = new Builder(source.length);
  const html = options.kind === 'html';
  let i = 0;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    // Letters and most punctuation stand as written: ordinary prose is taken a run at a time.
    if (standsAsWritten(c)) {
      let j = i + 1;
      while (j < source.length && standsAsWritten(source.charCodeAt(j))) j++;
      out.run(source, i, j);
      i = j;
      continue;
    }
    if (c === 0x26 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(source);
      if (m) {
        const decoded = decodeHTMLStrict(m[0]);
        // An unknown name stays as written, as both markdown-it and a browser leave it.
        if (decoded !== m[0]) {
          out.push(decoded, i, i + m[0].length);
          i += m[0].length;
          continue;
        }
      }
      out.char('&', i, i + 1);
      i++;
      continue;
    }
    if (html && c === 0x3c /* < */) {
      const close = source.indexOf('>', i);
      if (close < 0) {
        out.char('<', i, i + 1);
        i++;
        continue;
      }
      const tag = source.slice(i + 1, close);
      const hidden = HTML_HIDDEN.exec(tag);
      if (hidden) {
        // `<style>…</style>`: its content is not read; the page's own CSS holds no one's number.
        const end = source.indexOf(`</${hidden[1]!}`, close);
        i = end < 0 ? source.length : end;
        continue;
      }
      out.char(HTML_BLOCK.test(tag) ? '\n' : JOINER, i, close + 1);
      readAttributes(source, i + 1, close, out);
      i = close + 1;
      continue;
    }
    if (c === 0x25 /* % */) {
      // `%32%34…` in a web address: the link is published, and its digits read as digits.
      const decoded = percentDecoded(source, i);
      if (decoded !== undefined) {
        out.char(decoded, i, i + 3);
        i += 3;
        continue;
      }
      out.char('%', i, i + 1);
      i++;
      continue;
    }
    if (!html && c === 0x5c /* \ */ && i + 1 < source.length && ESCAPABLE.test(source.charAt(i + 1))) {
      // `010190\-1234`: the backslash vanishes, the escaped character stands.
      out.char(JOINER, i, i + 1);
      out.push(source.charAt(i + 1), i + 1, i + 2);
      i += 2;
      continue;
    }
    if (!html && MARKDOWN_MARKUP.has(source.charAt(i))) {
      out.char(JOINER, i, i + 1);
      i++;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    out.push(String.fromCodePoint(cp), i, i + width);
    i += width;
  }
  return out.done();
}

/** A percent-encoded digit or dash at `i` (`%32`, `%2D`), as the character; else undefined. */
function percentDecoded(source: string, i: number): string | undefined {
  const code = Number.parseInt(source.slice(i + 1, i + 3), 16);
  if (!/^[0-9a-fA-F]{2}$/.test(source.slice(i + 1, i + 3))) return undefined;
  return (code >= 0x30 && code <= 0x39) || code === 0x2d ? String.fromCharCode(code) : undefined;
}

// The attributes of a tag a reader may be shown or follow: a link's address, a title, an image's text.
// Not the page's own `data-` attributes (its source lines): no text of the referat is written there.
const SHOWN_ATTRIBUTE = /\s(?:href|src|title|alt|aria-label|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/giy;

/**
 * The values of the shown attributes of the tag between `from` and `to`, each read as a text of its
 * own on a line of its own: a web address in a link is published with the page.
 */
function readAttributes(source: string, from: number, to: number, out: Builder): void {
  const tag = source.slice(from, to);
  if (!tag.includes('=')) return;
  for (let at = 0; at < tag.length; at++) {
    SHOWN_ATTRIBUTE.lastIndex = at;
    const m = SHOWN_ATTRIBUTE.exec(tag);
    if (!m) continue;
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    const start = from + m.index + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
    out.char('\n', start, start);
    out.append(readerText(value, { kind: 'html' }), start);
    out.char('\n', start + value.length, start + value.length);
    at = m.index + m[0].length - 1;
  }
}

/**
 * Whether a UTF-16 code unit is read as itself wherever it stands, in markdown and in HTML alike: by
 * code unit, 0 for not yet known, 1 for yes, 2 for no. Markup, an entity's `&`, a tag's `<`, spaces
 * and line breaks the reader has otherwise, and a surrogate (half a character) are not.
 */
const AS_WRITTEN = new Uint8Array(0x10000);
const NEVER_AS_WRITTEN = '&<%\\*_~`\v\f\r';

function standsAsWritten(c: number): boolean {
  let known = AS_WRITTEN[c]!;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = (c < 0xd800 || c > 0xdfff) && !NEVER_AS_WRITTEN.includes(ch) && readChar(ch) === ch ? 1 : 2;
    AS_WRITTEN[c] = known;
  }
  return known === 1;
}

/** Collects the read characters and their source ranges, each character normalised once. */
class Builder {
  private readonly chars: string[] = [];
  private from: Int32Array;
  private to: Int32Array;
  private n = 0;

  constructor(sizeHint: number) {
    this.from = new Int32Array(Math.max(16, sizeHint));
    this.to = new Int32Array(Math.max(16, sizeHint));
  }

  /**
   * One character, already in the reader's alphabet. A character beyond the BMP is two code units of
   * the text: each gets its source range, so the text's offsets and the ranges stay in step.
   */
  char(ch: string, from: number, to: number): void {
    this.chars.push(ch);
    for (let k = 0; k < ch.length; k++) {
      if (this.n === this.from.length) this.grow();
      this.from[this.n] = from;
      this.to[this.n] = to;
      this.n++;
    }
  }

  /** The source's characters [from, to), each of which {@link standsAsWritten}: one piece, each its own range. */
  run(source: string, from: number, to: number): void {
    this.chars.push(source.slice(from, to));
    while (this.n + (to - from) > this.from.length) this.grow();
    for (let k = from; k < to; k++) {
      this.from[this.n] = k;
      this.to[this.n] = k + 1;
      this.n++;
    }
  }

  /** Text as written (a character, or an entity's decoded text), normalised as a reader sees it. */
  push(text: string, from: number, to: number): void {
    for (const ch of text) {
      const read = readChar(ch);
      for (const r of read) this.char(r, from, to);
    }
  }

  /** A text read apart (an attribute's value), its offsets moved by `shift`. */
  append(read: ReaderText, shift: number): void {
    this.chars.push(read.text);
    while (this.n + read.text.length > this.from.length) this.grow();
    for (let k = 0; k < read.text.length; k++) {
      this.from[this.n] = read.from[k]! + shift;
      this.to[this.n] = read.to[k]! + shift;
      this.n++;
    }
  }

  done(): ReaderText {
    return { text: this.chars.join(''), from: this.from.subarray(0, this.n), to: this.to.subarray(0, this.n) };
  }

  private grow(): void {
    const from = new Int32Array(this.from.length * 2);
    from.set(this.from);
    const to = new Int32Array(this.to.length * 2);
    to.set(this.to);
    this.from = from;
    this.to = to;
  }
}

const readCache = new Map<string, string>();
const CACHE_LIMIT = 4096;

/** One character as the reader's alphabet has it (possibly several, as NFKC gives `½` as `1⁄2`). */
function readChar(ch: string): string {
  const c = ch.charCodeAt(0);
  // ASCII is read as written, but for the characters that are space.
  // A tab stays a tab: it sets a table's cells apart, which the finder reads apart from a space.
  if (c < 0x80) return c === 0x0b || c === 0x0c ? ' ' : c === 0x0d ? '\n' : ch;
  let read = readCache.get(ch);
  if (read === undefined) {
    read = readWide(ch);
    if (readCache.size < CACHE_LIMIT) readCache.set(ch, read);
  }
  return read;
}

// Private use characters and unassigned ones show as a box or nothing: neither is a digit's neighbour a reader sees.
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}\p{Cc}\p{Co}\p{Cn}\u115f\u1160\u3164\uffa0]$/u;
const DASH = /^[\p{Pd}\u2212\u2043\u02d7\u2796\ufe63\uff0d]$/u;
const SPACE = /^[\s\u2800]$/u;
const LINE_BREAK = /^[\u2028\u2029\u0085]$/u;
const DIGIT = /^\p{Nd}$/u;

/**
 * The circled digits of the dingbats, which read as digits but have no compatibility form: `❷`, `➁`,
 * `➋`, `⓵`, `⓿`, `🄋`. By the first code point of each run of them and the digit it begins with.
 */
const DINGBAT_DIGITS: readonly (readonly [number, number, number])[] = [
  [0x2776, 0x277e, 1],
  [0x2780, 0x2788, 1],
  [0x278a, 0x2792, 1],
  [0x24f5, 0x24fd, 1],
  [0x24ff, 0x24ff, 0],
  [0x1f10b, 0x1f10c, 0],
];

function dingbatDigit(ch: string): string | undefined {
  const cp = ch.codePointAt(0)!;
  for (const [first, last, digit] of DINGBAT_DIGITS) if (cp >= first && cp <= last) return String(digit + (digit === 0 ? 0 : cp - first));
  return undefined;
}

function readWide(ch: string): string {
  if (LINE_BREAK.test(ch)) return '\n';
  const dingbat = dingbatDigit(ch);
  if (dingbat !== undefined) return dingbat;
  if (INVISIBLE.test(ch)) return JOINER;
  if (DASH.test(ch)) return '-';
  if (SPACE.test(ch)) return ' ';
  // Compatibility forms as they look: full-width `０`, superscript `¹`, circled `①`, mathematical `𝟎`.
  const nfkc = ch.normalize('NFKC');
  if (nfkc !== ch) {
    let out = '';
    for (const part of nfkc) out += part === ch ? part : readChar(part);
    return out;
  }
  return DIGIT.test(ch) ? String(digitValue(ch)) : ch;
}

// The longest run of decimal digits in Unicode (the mathematical digits, five sets of ten).
const DIGIT_RUN_LIMIT = 50;

/** A decimal digit of any script (`٣`, `३`): Unicode keeps each script's ten digits in a row from zero. */
function digitValue(ch: string): number {
  let cp = ch.codePointAt(0)!;
  let value = 0;
  while (value < DIGIT_RUN_LIMIT && DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp--;
    value++;
  }
  // Runs of several digit sets (mathematical digits) are sets of ten.
  return value % 10;
}
