/**
 * The abbreviations of Danish public administration, as a referat writes them. Stavekontrolden
 * knows the common ones (`kl.`, `jf.`, `bl.a.`) but not the case handling's own (`cpr-nr.`,
 * `j.nr.`, `sagsnr.`), and these are written in every set of minutes: the host adds them to the
 * dictionary, and a token shaped like an abbreviation is corrected only to one of them.
 */
export const ADMINISTRATION_ABBREVIATIONS: readonly string[] = [
  'cpr-nr.',
  'cvr-nr.',
  'p-nr.',
  'se-nr.',
  'ean-nr.',
  'reg.nr.',
  'kontonr.',
  'j.nr.',
  'jr.nr.',
  'journalnr.',
  'sagsnr.',
  'dok.nr.',
  'dokumentnr.',
  'matr.nr.',
  'lbnr.',
  'lovbek.',
  'bek.',
  'cirk.',
  'jf.',
  'jvf.',
  'jfr.',
  'bl.a.',
  'f.eks.',
  'pkt.',
  'stk.',
  'nr.',
  'kap.',
  'mio.',
  'mia.',
  'kr.',
  'pct.',
  'inkl.',
  'ekskl.',
  'excl.',
  'evt.',
  'ca.',
  'vedr.',
  'iht.',
  'ift.',
  'ifm.',
  'iflg.',
  'mht.',
  'pga.',
  'vha.',
  'm.fl.',
  'm.m.',
  'mv.',
  'm.v.',
  'o.l.',
  'o.lign.',
  'osv.',
  'dvs.',
  'hhv.',
  'bl.',
  'fhv.',
  'tidl.',
  'udv.',
  'adm.',
  'afd.',
  'fmd.',
  'næstfmd.',
  'tlf.',
  'att.',
  'ang.',
  'budg.',
  'regnsk.',
  'ekstraord.',
];

/**
 * Letters a token without an inner mark has at most to be read as an abbreviation (`sagsnr.`); a
 * longer one (`beslutnig.` with the sentence going on) is corrected as a word, and an abbreviation
 * the dictionary knows (`journalnr.`) is found that way too, its period kept.
 */
const MAX_ABBREVIATION_LETTERS = 6;

/** `cpr-nr.`, `bl.a.`, `sagsnr.`: a token with a period, short or with an inner mark, whose shape a correction keeps. */
export function isAbbreviationLike(word: string): boolean {
  if (!word.endsWith('.')) return false;
  const bare = word.slice(0, -1);
  return /[.-]/u.test(bare) || bare.length <= MAX_ABBREVIATION_LETTERS;
}
