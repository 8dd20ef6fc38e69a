import type { LocalizedText } from '../i18n/locale';
import { PROBLEM_MESSAGES } from './pdf/messages';
import type { ImportProblem } from './types';

/** What the secretary is told, per problem: one line, what is wrong and what to do about it. */
export const IMPORT_MESSAGES: Readonly<Record<ImportProblem, LocalizedText>> = {
  ...PROBLEM_MESSAGES,
  empty: {
    da: 'Filen er tom. Hent den igen.',
    en: 'The file is empty. Download it again.',
  },
  'no-minutes': {
    da: 'Filen rummer ingen referater eller dagsordener (ingen møde med punkter). Vælg mødets egen side eller fil.',
    en: "The file holds no minutes or agenda (no meeting with items). Choose the meeting's own page or file.",
  },
  'no-meeting': {
    da: 'Filen rummer intet møde (intet mødehoved, ingen punkter): den er ikke et referat eller en dagsorden, men måske et bilag. Vælg mødets eget referat eller dagsorden.',
    en: "The file holds no meeting (no meeting header, no items): it is not minutes or an agenda, perhaps an attachment. Choose the meeting's own minutes or agenda.",
  },
  malformed: {
    da: 'Filen kan ikke læses: den er ufuldstændig eller ikke det, dens navn siger. Hent den igen.',
    en: 'The file cannot be read: it is incomplete or not what its name says. Download it again.',
  },
  'incomplete-export': {
    da: 'Filen er en eksport fra et mødesystem, men den mangler mødets punkter. Hent eksporten igen.',
    en: "The file is a meeting system's export, but it lacks the meeting's items. Export it again.",
  },
  'index-without-files': {
    da: 'Filen er et indeks over et mødes filer, men ingen af dem er her. Importér mappen med indekset og filerne.',
    en: "The file is an index of a meeting's files, but none of them is here. Import the folder with the index and the files.",
  },
  unsupported: {
    da: 'Filen er ikke en af de slags, der kan importeres: PDF, First Agenda-side (HTML), First Agenda-JSON, et mødesystems XML (SBSYS, eDoc) eller dets mappe som zip.',
    en: "The file is not one of the kinds that can be imported: PDF, First Agenda page (HTML), First Agenda JSON, a meeting system's XML (SBSYS, eDoc) or its folder as a zip.",
  },
  'part-of-export': {
    da: 'PDF-filen er ét punkt uden mødets forside: en del af mødesystemets eksport. Importér eksportens XML-fil (fx eDocAgendaPublishing.xml) eller hele mappen.',
    en: "The PDF is one item without the meeting's front page: part of a meeting system's export. Import the export's XML file (such as eDocAgendaPublishing.xml) or its whole folder.",
  },
  'too-large': {
    da: 'Mappen eller zip-filen rummer flere filer eller mere data, end et mødes eksport kan have. Importér mødets egen mappe.',
    en: "The folder or zip holds more files or data than a meeting's export could. Import the meeting's own folder.",
  },
};

/** A file recognised as a system's export that holds no item: the system named, not "no meeting". */
export function exportWithoutItems(system: string): LocalizedText {
  return {
    da: `Filen er en eksport fra ${system}, men den rummer ingen punkter. Hent eksporten igen, med mødets punkter.`,
    en: `The file is an export from ${system}, but it holds no items. Export the meeting again, with its items.`,
  };
}

/** Documents published as a meeting (First Agenda's questions and answers to the byråd): no minutes, nothing to import. */
export function documentCollectionMessage(udvalg: string, documents: number): LocalizedText {
  const name = udvalg !== '' ? `"${udvalg}": ` : '';
  return {
    da: `Filen er intet møde, men dokumenter udgivet som ét (${name}${documents} bilag; ingen tekst, ingen beslutning, ingen deltagere). Der er intet referat at importere.`,
    en: `The file is no meeting but documents published as one (${name}${documents} ${documents === 1 ? 'attachment' : 'attachments'}, no text, no decision, nobody attending). There are no minutes to import.`,
  };
}

/** A folder or zip none of whose files is minutes. */
export const NO_MINUTES_IN_FOLDER: LocalizedText = {
  da: 'Ingen af filerne i mappen eller zip-filen er et referat, en dagsorden eller et mødesystems eksport.',
  en: "None of the files in the folder or zip is minutes, an agenda or a meeting system's export.",
};

/** A system's export that cannot be read: which system, and what it lacks (`the agenda items (table agendaitem)`). */
export function incompleteExport(system: string, missing: LocalizedText): LocalizedText {
  return {
    da: `Filen er en ${system}-eksport, men den mangler ${missing.da}. Hent eksporten igen.`,
    en: `The file is an export from ${system}, but it lacks ${missing.en}. Export it again.`,
  };
}

/** A system's index whose named files are not there: which system, and the files it names. */
export function indexWithoutFiles(system: string, index: string, named: readonly string[]): LocalizedText {
  const files = named.join(', ');
  return {
    da: `${index} er et ${system}-indeks; de filer, det nævner (${files}), er ikke her. Importér mappen med indekset og filerne.`,
    en: `${index} is an index from ${system}; the files it names (${files}) are not here. Import the folder with the index and the files.`,
  };
}

/** A file an index names that is not there, for the import's summary. */
export function missingFileNote(system: string, file: string): LocalizedText {
  return {
    da: `${system}-indekset nævner ${file}, som ikke er her; det er sprunget over.`,
    en: `The ${system} index names ${file}, which is not here; it was passed over.`,
  };
}

/** Files of a folder that are byte for byte files its export read, under other names: passed over, and named. */
export function copiesNote(files: readonly string[]): LocalizedText {
  const names = files.join(', ');
  return {
    da: `${files.length === 1 ? 'Én fil er en kopi' : `${files.length} filer er kopier`} af filer, eksporten har læst, under andre navne; sprunget over: ${names}.`,
    en: `${files.length === 1 ? 'One file is a copy' : `${files.length} files are copies`} of files the export read, under other names; passed over: ${names}.`,
  };
}

/** A problem with its message, as a result. */
export function failure(problem: ImportProblem, detail?: string, message: LocalizedText = IMPORT_MESSAGES[problem]) {
  return { ok: false as const, problem, message, ...(detail !== undefined ? { detail } : {}) };
}
