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
    da: 'Filen er ikke en af de slags, der kan importeres: PDF, First Agenda-side (HTML), First Agenda-JSON eller SBSYS-XML.',
    en: 'The file is not one of the kinds that can be imported: PDF, First Agenda page (HTML), First Agenda JSON or SBSYS XML.',
  },
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

/** A problem with its message, as a result. */
export function failure(problem: ImportProblem, detail?: string, message: LocalizedText = IMPORT_MESSAGES[problem]) {
  return { ok: false as const, problem, message, ...(detail !== undefined ? { detail } : {}) };
}
