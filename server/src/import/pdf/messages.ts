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
  blank: {
    da: 'PDF-filen har ingen tekst: dens sider er tomme. Vælg den fil, referatet står i.',
    en: 'The PDF has no text: its pages are blank. Choose the file that holds the minutes.',
  },
};

/** At most this many runs of pages are named in a line; the rest are counted. */
const MAX_RANGES = 8;

/**
 * Pages as runs, short whatever their number: `3`, `1–4999`, `2, 5–7, 9`, and past eight runs
 * `… and 12 more pages` (in the caller's words): a message is one line, not a list of thousands.
 */
export function pageRanges(pages: readonly number[], more: (n: number) => string = (n) => `+${n}`): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && p === last[1] + 1) last[1] = p;
    else runs.push([p, p]);
  }
  const shown = runs.slice(0, MAX_RANGES).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
  const rest = runs.slice(MAX_RANGES).reduce((n, [a, b]) => n + b - a + 1, 0);
  return rest > 0 ? `${shown.join(', ')} ${more(rest)}` : shown.join(', ');
}

const pagesDa = (pages: readonly number[]): string => `${pages.length === 1 ? 'side' : 'siderne'} ${pageRanges(pages, (n) => `og ${n} sider mere`)}`;
const pagesEn = (pages: readonly number[]): string => `${pages.length === 1 ? 'page' : 'pages'} ${pageRanges(pages, (n) => `and ${n} more pages`)}`;

/** A PDF refused for its damage: too many of its pages lost text (or every page with text did), named. */
export function damagedMessage(pages: readonly number[], total: number): LocalizedText {
  const all = pages.length === total;
  return {
    da: `PDF-filen er for beskadiget til at importere: tekst på ${all ? 'alle dens sider' : pagesDa(pages)} kan ikke læses helt. Hent den igen.`,
    en: `The PDF file is too damaged to import: text on ${all ? 'all its pages' : pagesEn(pages)} cannot be read in full. Download it again.`,
  };
}

/** Pages imported with text lost to damage: named, so what is missing can be written from the original. */
export function damagedPagesNote(pages: readonly number[]): LocalizedText {
  return {
    da: `PDF-filen er beskadiget: tekst på ${pagesDa(pages)} kunne ikke læses helt. Sammenlign med originalen, eller hent filen igen.`,
    en: `The PDF file is damaged: text on ${pagesEn(pages)} could not be read in full. Compare with the original, or download the file again.`,
  };
}

/** Pages among text pages that are pictures only: scans, whose text needs recognising first. */
export function scannedPagesNote(pages: readonly number[]): LocalizedText {
  return {
    da: `${pagesDa(pages).replace(/^s/, 'S')} har ingen tekst, kun billeder (måske scannet); teksten på dem kræver tekstgenkendelse (OCR).`,
    en: `${pagesEn(pages).replace(/^p/, 'P')} ${pages.length === 1 ? 'has' : 'have'} no text, only images (perhaps scanned); what is written on them needs text recognition (OCR).`,
  };
}

/** The most running lines a note names, and how much of each. */
const NOTED_RUNNING_LINES = 4;
const NOTED_LINE_CHARS = 80;

/**
 * The lines taken for running headers and footers of a two-page PDF: there, a line at the same
 * place on both pages is all that tells a header, and a body line can look the same. Named, so
 * nothing leaves the text unsaid.
 */
export function twoPageFurnitureNote(removed: readonly string[]): LocalizedText | undefined {
  const distinct = [...new Set(removed.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== ''))];
  if (distinct.length === 0) return undefined;
  const shown = distinct.slice(0, NOTED_RUNNING_LINES).map((l) => `«${l.length > NOTED_LINE_CHARS ? `${l.slice(0, NOTED_LINE_CHARS)}…` : l}»`);
  const more = distinct.length - shown.length;
  const list = shown.join(', ');
  return {
    da: `Taget for sidehoved eller sidefod og udeladt, da de står ens øverst eller nederst på begge sider: ${list}${more > 0 ? ` og ${more} mere` : ''}. Hører noget af det til referatet, så skriv det ind igen.`,
    en: `Taken for a running header or footer and left out, as they stand alike at the top or bottom of both pages: ${list}${more > 0 ? ` and ${more} more` : ''}. If any of it belongs to the referat, write it in again.`,
  };
}

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
