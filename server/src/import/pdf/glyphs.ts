// Characters a PDF's fonts leave behind that are not text a secretary would type.

/**
 * Bullets: Symbol's bullet and Wingdings' list marks come out as private-use code points when the
 * font has no Unicode map (U+F0B7 is Symbol's •; U+F06C ●, U+F06E ■, U+F071 ❑, U+F076 ❖,
 * U+F0A7 ▪, U+F0A8 ◻, U+F0D8 ➢, U+F0E8 ➔, U+F0FC ✓ are Wingdings'), and the Unicode bullets (not
 * ✓ or □: in a table those are answers, not list marks).
 */
const BULLETS = '\uF0B7\uF06C\uF06E\uF071\uF076\uF0A7\uF0A8\uF0D8\uF0E8\uF0FC•◦▪▫●■‣⁃➢';

/** A bullet that starts a line, or a cell after a wide gap, with the space after it. */
const BULLET_AT_START = new RegExp(`(^|\\S {2,}|^ +)[${BULLETS}]\\s*`, 'gu');

/**
 * Cleans one laid-out line: list bullets become `- ` (the referat's own bullet), no-break spaces
 * plain spaces, invisible characters go, and a soft hyphen that ends a line is shown as the hyphen
 * it was printed as.
 */
export function cleanGlyphs(line: string): string {
  return (
    line
      .replace(/[\u00A0\u2007\u202F]/g, ' ')
      // A run's own line break or control character (a producer's CR, LS or NEL) never splits the line it is on.
      .replace(/(?!\t)[\p{Cc}\u2028\u2029]/gu, ' ')
      .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF/g, '')
      .replace(/\u00AD$/, '-')
      .replace(/\u00AD/g, '')
      .replace(BULLET_AT_START, (_m, before: string) => `${before}- `)
  );
}
