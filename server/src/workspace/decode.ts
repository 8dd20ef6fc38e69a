import { isUtf8 } from 'node:buffer';

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: string };

/** Why these bytes are not a referat's text, or undefined when they are UTF-8 text. */
export function referatBytesProblem(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return 'binary file (contains NUL bytes), not a referat / binær fil, ikke et referat';
  if (!isUtf8(bytes)) return 'not valid UTF-8 text; save the file as UTF-8 / ikke gyldig UTF-8-tekst; gem filen som UTF-8';
  return undefined;
}

/** Referater are UTF-8 text; binary or non-UTF-8 bytes are refused with a reason, not guessed at. */
export function decodeReferat(bytes: Uint8Array): DecodeResult {
  const problem = referatBytesProblem(bytes);
  if (problem) return { ok: false, problem };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // As TextDecoder does: the byte order mark is no part of the text.
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
