import type { LocalizedText } from '../i18n/locale';

export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: LocalizedText };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Referater are UTF-8 text; binary or non-UTF-8 bytes are refused with a reason, not guessed at. */
export function decodeReferat(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, problem: { da: 'binær fil, ikke et referat', en: 'binary file (contains NUL bytes), not a referat' } };
  try {
    // The byte order mark is no part of the text (ignoreBOM: false drops it), as in VS Code.
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, problem: { da: 'ikke gyldig UTF-8-tekst; gem filen som UTF-8', en: 'not valid UTF-8 text; save the file as UTF-8' } };
  }
}
