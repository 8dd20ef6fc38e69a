/** Every message a user reads exists in Danish and English. */
export type Locale = 'da' | 'en';

export interface LocalizedText {
  readonly da: string;
  readonly en: string;
}

/** The first letter in upper case, as Danish writes it: a weekday, a name, a clause made a sentence. */
export function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('da-DK') + s.slice(1);
}

export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/** Maps a VS Code / BCP 47 language tag (`da`, `da-DK`, `en-US`) or a POSIX locale to a supported locale; Danish is the default. */
export function toLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'da';
  // POSIX locales (`en_US.UTF-8`) as well as BCP 47 tags.
  const lower = tag
    .toLowerCase()
    .replace(/[.@].*$/, '')
    .replace(/_/g, '-');
  if (lower === 'da' || lower.startsWith('da-')) return 'da';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return 'da';
}

/**
 * Both languages on one line, English first: for the command line's trouble lines (a missing
 * file, an unknown option), where the locale may be what could not be read.
 */
export function bothLanguages(text: LocalizedText): string {
  return text.en === text.da ? text.en : `${text.en} / ${text.da}`;
}
