import { isUtf8 } from 'node:buffer';

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: string };

/** Referater are UTF-8 text; binary or non-UTF-8 bytes are refused with a reason, not guessed at. */
export function decodeReferat(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, problem: 'binary file (contains NUL bytes), not a referat / binær fil, ikke et referat' };
  if (!isUtf8(bytes)) return { ok: false, problem: 'not valid UTF-8 text; save the file as UTF-8 / ikke gyldig UTF-8-tekst; gem filen som UTF-8' };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // As TextDecoder does: the byte order mark is no part of the text.
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
