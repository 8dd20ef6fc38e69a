// Page geometry and type for the PDF: A4, points (1/72 inch), y from the top edge.

export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 68,
  right: 595.28 - 62,
  /** First line of content. */
  top: 86,
  /** Content ends here; the footer sits below. */
  bottom: 841.89 - 70,
} as const;

export const CONTENT_WIDTH = PAGE.right - PAGE.left;

export const COLOR = {
  text: '#1a1a1a',
  heading: '#1f3a5f',
  muted: '#555555',
  link: '#1a55a0',
  rule: '#9aa8b8',
  badge: '#8c1d18',
  badgeText: '#ffffff',
} as const;

export type Face = 'regular' | 'bold' | 'italic';

/**
 * The bytes of the three faces of Source Sans 3 (SIL OFL 1.1, shipped in `server/data/fonts`
 * with its licence). The host reads them: the core never touches a disk. (Here, not beside the
 * fontkit code that parses them, so the library's declarations need no fontkit types.)
 */
export type PdfFontFiles = Readonly<Record<Face, Uint8Array>>;

/** How a kind of text is set: size, leading (line height / size), face and colour. */
export interface TextStyle {
  readonly size: number;
  readonly leading: number;
  readonly face: Face;
  readonly color: string;
  /** Space above the first line and below the last one. */
  readonly before: number;
  readonly after: number;
}

const body: TextStyle = { size: 10.5, leading: 1.38, face: 'regular', color: COLOR.text, before: 0, after: 6 };

export const STYLE = {
  body,
  h1: { size: 21, leading: 1.18, face: 'bold', color: COLOR.heading, before: 0, after: 12 },
  h2: { size: 15, leading: 1.22, face: 'bold', color: COLOR.heading, before: 16, after: 3 },
  h3: { size: 11.5, leading: 1.25, face: 'bold', color: COLOR.heading, before: 12, after: 3 },
  h4: { size: 10.5, leading: 1.3, face: 'bold', color: COLOR.text, before: 8, after: 2 },
  journal: { size: 9.5, leading: 1.3, face: 'regular', color: COLOR.muted, before: 0, after: 0 },
  note: { ...body, face: 'italic', color: COLOR.muted, after: 8 },
  fieldLabel: { ...body, face: 'bold', after: 0 },
  fieldValue: { ...body, after: 0 },
  toc: { ...body, after: 0 },
  badge: { size: 8, leading: 1, face: 'bold', color: COLOR.badgeText, before: 0, after: 0 },
  furniture: { size: 8.5, leading: 1.2, face: 'regular', color: COLOR.muted, before: 0, after: 0 },
} as const satisfies Record<string, TextStyle>;

/** Indent of a list item's body; its label sits in front of it. */
export const LIST_INDENT = 16;
/** Space between list items. */
export const ITEM_GAP = 2;
/** Width of the label column of the header fields (Mødedato …). */
export const FIELD_LABEL_WIDTH = 96;
/** Width kept free for the page numbers on the right of the table of contents. */
export const TOC_NUMBER_WIDTH = 36;
/** Least gap between a list item's label and its body, when the label is wider than the indent. */
export const LIST_LABEL_GAP = 7;
/** A block quote: its text indented, a bar this far in from the quote's left edge. */
export const QUOTE = { indent: 14, barX: 3 } as const;
/** A horizontal rule: the height of its line, and the rule this far down in it. */
export const RULE = { height: 8, dy: 3 } as const;
/** Room on each side of a heading's badge text (`Lukket`), inside its box. */
export const BADGE_PAD_X = 4;
/**
 * A table: the gap between columns (a figure set to the right stands clear of the text beside it),
 * the space between rows, the rule under the header row this far below its line, the narrowest column.
 */
export const TABLE = { gutter: 16, rowGap: 3, headerRuleDy: 1.5, leastColumn: 12 } as const;
/** The header fields: the gap after a label, the space between fields, and after the last. */
export const FIELDS = { labelGap: 6, rowGap: 2, after: 10 } as const;
/** The table of contents: the gap before the page numbers, the least room for a dot leader, the dots' margins, the space between entries. */
export const TOC = { numberGap: 12, leastDots: 16, dotsMargin: 5, entryGap: 4 } as const;
/** A line's baseline sits this share of the type size below the top of the type (the fonts' ascent). */
export const ASCENT = 0.8;
/**
 * The running header and footer: the header's baseline from the top, the footer's from the bottom,
 * their rules this far from the text, and the logo at most this high and wide, its gap before the
 * municipality's name, and how far it is lifted to sit centred on the header's line.
 */
export const FURNITURE = {
  headerBaseline: 44,
  footerBaseline: 36,
  ruleGap: 13,
  logo: { height: 24, width: 110, gap: 8, lift: 3 },
} as const;
