import type { LocalizedText } from '../i18n/locale';

/** How a referat's bytes were written: UTF-8, with a byte order mark or without, or UTF-16 with its mark. */
export type ReferatEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  { readonly ok: true; readonly text: string; readonly encoding: ReferatEncoding } | { readonly ok: false; readonly problem: LocalizedText };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });

const BINARY: DecodeResult = { ok: false, problem: { da: 'binær fil, ikke et referat', en: 'binary file (contains NUL bytes), not a referat' } };

/**
 * Referater are UTF-8 text, or UTF-16 with its byte order mark (Word's and Notepad's "Unicode");
 * binary or undecodable bytes are refused with a reason, not guessed at.
 */
export function decodeReferat(bytes: Uint8Array): DecodeResult {
  // UTF-16 is told by its byte order mark alone: without one, its NUL bytes say binary.
  const order = bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : undefined;
  if (order) return decodeUtf16(bytes, order);
  if (bytes.includes(0)) return BINARY;
  try {
    // The byte order mark is no part of the text (ignoreBOM: false drops it), as in VS Code.
    const encoding = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8';
    return { ok: true, text: utf8.decode(bytes), encoding };
  } catch {
    return { ok: false, problem: { da: 'ikke gyldig UTF-8-tekst; gem filen som UTF-8', en: 'not valid UTF-8 text; save the file as UTF-8' } };
  }
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): DecodeResult {
  let text: string;
  try {
    if (bytes.length % 2 !== 0) throw new RangeError('odd length');
    let le = bytes;
    if (order === 'be') {
      // Swapped to little-endian: every host's TextDecoder has that one.
      le = new Uint8Array(bytes.length);
      for (let i = 0; i < bytes.length; i += 2) {
        le[i] = bytes[i + 1]!;
        le[i + 1] = bytes[i]!;
      }
    }
    text = utf16le.decode(le);
  } catch {
    return { ok: false, problem: { da: 'ikke gyldig UTF-16-tekst; gem filen som UTF-8', en: 'not valid UTF-16 text; save the file as UTF-8' } };
  }
  // UTF-32's byte order mark begins as UTF-16's; its text then holds NUL characters.
  return text.includes('\0') ? BINARY : { ok: true, text, encoding: order === 'le' ? 'utf-16le' : 'utf-16be' };
}

/**
 * A referat's text as bytes in the encoding it was read in, its byte order mark first where it had
 * one: a command that rewrites a file (an approval) changes no more of it than its text.
 */
export function encodeReferat(text: string, encoding: ReferatEncoding): Uint8Array {
  const body = text.replace(/^\ufeff/, '');
  if (encoding === 'utf-8') return new TextEncoder().encode(body);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\ufeff${body}`);
  // UTF-16 with its byte order mark, the code units in the order it says.
  const out = new Uint8Array(2 * (body.length + 1));
  const [high, low] = encoding === 'utf-16be' ? [0, 1] : [1, 0];
  for (let i = 0; i <= body.length; i++) {
    const unit = i === 0 ? 0xfeff : body.charCodeAt(i - 1);
    out[2 * i + high] = unit >> 8;
    out[2 * i + low] = unit & 0xff;
  }
  return out;
}
