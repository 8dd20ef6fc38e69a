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
  unsupported: {
    da: 'Filen er ikke en af de slags, der kan importeres: PDF, First Agenda-side (HTML), First Agenda-JSON eller SBSYS-XML.',
    en: 'The file is not one of the kinds that can be imported: PDF, First Agenda page (HTML), First Agenda JSON or SBSYS XML.',
  },
};

/** A problem with its message, as a result. */
export function failure(problem: ImportProblem, detail?: string, message: LocalizedText = IMPORT_MESSAGES[problem]) {
  return { ok: false as const, problem, message, ...(detail !== undefined ? { detail } : {}) };
}
