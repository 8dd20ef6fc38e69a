/** A person named in minutes, with their title where the text gives one. */
export interface NamedPerson {
  readonly navn: string;
  readonly titel?: string;
}

const CAPITALISED = /^\p{Lu}[\p{Ll}'’-]+$/u;
// Words that make a title even when capitalised: `Udviklingschef`, `Kommunal Projektleder`.
const TITLE_WORD = /(chef|leder|konsulent|direktør|medarbejder|sekretær|rådgiver|formand|borgmester|kommunal|koordinator|partner)$/iu;

/**
 * `Chef for Økonomi og HR Ove Weller Nielsen samt projektleder Lene Kudsk` → two people with
 * titles. A name is the run of (at most three) capitalised words at the end of each part; an
 * abbreviation (HR, BDO) or a title word belongs to the title.
 */
export function splitWho(who: string): NamedPerson[] {
  const out: NamedPerson[] = [];
  // `og` joins two people only between a name and a capitalised word (`Nielsen og Chef`), not in `Økonomi og HR`.
  for (const part of who.split(/\s*,\s*|\s+samt\s+|(?<=\p{Lu}\p{Ll}+)\s+og\s+(?=\p{Lu}\p{Ll})/u)) {
    const words = part
      .replace(/\s+(?:fra|v\/|hos)\s.*$/u, '')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    let i = words.length;
    while (i > 0 && words.length - i < 3 && CAPITALISED.test(words[i - 1]!) && !TITLE_WORD.test(words[i - 1]!)) i--;
    const nameWords = words.slice(i);
    if (nameWords.length < 2) continue;
    const titel = words.slice(0, i).join(' ').replace(/[,:]$/, '').trim();
    out.push({
      navn: nameWords.join(' '),
      ...(titel && !/^(fra|med|og|samt)$/i.test(titel) ? { titel: titel.replace(/^./, (c) => c.toLocaleUpperCase('da-DK')) } : {}),
    });
  }
  return out;
}
