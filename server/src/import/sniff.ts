// What a file is, from its first bytes (its name only breaks a tie): PDF, Word, or text that is JSON,
// XML or HTML.

export type Sniffed = 'empty' | 'pdf' | 'zip' | 'json' | 'xml' | 'html' | 'unknown';

const decoder = new TextDecoder('utf-8', { fatal: false });

export function sniff(name: string, bytes: Uint8Array): Sniffed {
  if (bytes.every((b) => b === 0 || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) return 'empty';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  const text = (utf16(bytes.subarray(0, 4096)) ?? decoder.decode(bytes.subarray(0, 4096))).replace(/^\uFEFF/, '').trimStart();
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (text.startsWith('{') || text.startsWith('[')) return 'json';
  if (/^<!doctype\s+html|^<html[\s>]/i.test(text)) return 'html';
  if (text.startsWith('<?xml') || (text.startsWith('<') && ext === 'xml')) return 'xml';
  if (text.startsWith('<') && (ext === 'html' || ext === 'htm' || /<(?:head|body|div|table|p)[\s>]/i.test(text))) return 'html';
  if (ext === 'pdf') return 'pdf';
  return 'unknown';
}

/** The bytes as UTF-8 text (a byte-order mark dropped), or undefined when they are not UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 text as XML knows it without a declaration: by its byte order mark, or by `<?` written in
 * two bytes a character. Undefined for any other bytes.
 */
function utf16(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  const little = (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0);
  const big = (a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f);
  if (!little && !big) return undefined;
  return new TextDecoder(little ? 'utf-16le' : 'utf-16be').decode(bytes).replace(/^\uFEFF/, '');
}

/** Letters beyond ASCII written in UTF-8: two to four bytes, the first of them 0xC2–0xF4. */
const UTF8_MULTIBYTE = /[\u0080-\uffff]/;

/**
 * Text in the charset an HTML page or XML document declares, UTF-8 when it says none; UTF-16 by its
 * byte order mark. A file that declares Latin-1 or Windows-1252 but is UTF-8 with letters beyond
 * ASCII is read as UTF-8: Danish text in Latin-1 is never valid UTF-8 (`æ` alone is no UTF-8), so
 * the declaration is the mistake (`MÃ¸decenter` otherwise).
 */
export function decodeMarkup(bytes: Uint8Array): string {
  const wide = utf16(bytes);
  if (wide !== undefined) return wide;
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
  const asUtf8 = utf8(bytes);
  const singleByte = declared !== undefined && /^(?:iso-?8859-1|latin-?1|windows-1252|cp1252|us-ascii|ascii)$/i.test(declared);
  if (asUtf8 !== undefined && (!declared || /^utf-?8$/i.test(declared) || (singleByte && UTF8_MULTIBYTE.test(asUtf8)))) return asUtf8;
  try {
    const decoder = new TextDecoder(declared ?? 'windows-1252');
    const text = decoder.decode(bytes).replace(/^\uFEFF/, '');
    return decoder.encoding === 'windows-1252' ? windows1252(text) : text;
  } catch {
    return windows1252(new TextDecoder('windows-1252').decode(bytes));
  }
}

/** Windows-1252's letters at 0x80–0x9F (`’`, `–`, `…`, `€`); where it has none, the byte's own code. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * Node's decoder for `windows-1252` gives the bytes 0x80–0x9F as the control characters of
 * ISO-8859-1, not the quotes, dashes and euro sign Windows-1252 has there: those are put right.
 */
function windows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}
