import type { LocalizedText } from '../../i18n/locale';
import type { PdfProblem } from './types';

/** What the secretary is told, per problem: what is wrong and what to do about it. */
export const PROBLEM_MESSAGES: Readonly<Record<PdfProblem, LocalizedText>> = {
  empty: {
    da: 'Filen er tom (0 byte). Hent PDF-filen igen.',
    en: 'The file is empty (0 bytes). Download the PDF again.',
  },
  'not-pdf': {
    da: 'Filen er ikke en PDF-fil. Gem referatet som PDF, eller vælg den rigtige fil.',
    en: 'The file is not a PDF. Save the minutes as PDF, or choose the right file.',
  },
  corrupt: {
    da: 'PDF-filen er beskadiget eller ufuldstændig (måske afbrudt under download) og kan ikke læses helt. Hent den igen.',
    en: 'The PDF file is damaged or incomplete (perhaps cut off while downloading) and cannot be read in full. Download it again.',
  },
  encrypted: {
    da: 'PDF-filen er beskyttet med en adgangskode. Gem en udgave uden adgangskode, og prøv igen.',
    en: 'The PDF file is protected by a password. Save a copy without the password and try again.',
  },
  'no-text': {
    da: 'PDF-filen har ingen tekst, kun billeder; scannede sider skal først have tekstgenkendelse (OCR).',
    en: 'The PDF has no text, only images; scanned pages need text recognition (OCR) first.',
  },
};

/** A web page or a Word file saved with a .pdf name: said, since that is what to fix. */
export function notPdfMessage(bytes: Uint8Array): LocalizedText {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  const base = PROBLEM_MESSAGES['not-pdf'];
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) {
    return {
      da: `${base.da} Den er en webside; måske gav hjemmesiden en fejlside i stedet for referatet.`,
      en: `${base.en} It is a web page; perhaps the website returned an error page instead of the minutes.`,
    };
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return {
      da: `${base.da} Den er et Word- eller zip-dokument.`,
      en: `${base.en} It is a Word or zip document.`,
    };
  }
  return base;
}
