// What a file is, from its first bytes (its name only breaks a tie): PDF, Word, or text that is JSON,
// XML or HTML.

export type Sniffed = 'empty' | 'pdf' | 'zip' | 'json' | 'xml' | 'html' | 'unknown';

const decoder = new TextDecoder('utf-8', { fatal: false });

export function sniff(name: string, bytes: Uint8Array): Sniffed {
  if (bytes.every((b) => b === 0 || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) return 'empty';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  const text = decoder
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
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

/** Text in the charset an HTML page or XML document declares, UTF-8 when it says none. */
export function decodeMarkup(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
  const asUtf8 = utf8(bytes);
  if (asUtf8 !== undefined && (!declared || /^utf-?8$/i.test(declared))) return asUtf8;
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
