import type { Dialect } from '../dialect/dialects';
import type { Range } from './range';

/** What a line is, judged from the line alone. Context (which punkt, which section) is the model's job. */
export type LineKind =
  | 'blank'
  | 'title'
  | 'field'
  | 'tocHeading'
  | 'tocEntry'
  | 'punktHeading'
  | 'journal'
  | 'sectionHeading'
  | 'earlierDecision'
  /** A dated decision heading (eDoc, Acadre): this meeting's decision or an earlier one, by its date. */
  | 'decisionHeading'
  | 'indstiller'
  | 'bullet'
  | 'text';

/** One physical line of the document. */
export interface SyntaxLine {
  readonly kind: LineKind;
  /** 0-based line number. */
  readonly line: number;
  /** The whole line, without its line break. */
  readonly text: string;
}

/**
 * A line as the parser makes it. It also serves the model as a body line as it is (blank, range),
 * so a long referat's text lines are not copied into a second object each.
 */
export class SourceLine implements SyntaxLine {
  constructor(
    readonly kind: LineKind,
    readonly line: number,
    readonly text: string,
  ) {}
  get blank(): boolean {
    return this.kind === 'blank';
  }
  get range(): Range {
    return { start: { line: this.line, character: 0 }, end: { line: this.line, character: this.text.length } };
  }
  /** The same line, `lines` further down (a punkt moved by an edit above it). */
  movedBy(lines: number): SourceLine {
    return new SourceLine(this.kind, this.line + lines, this.text);
  }
}

/**
 * A line with its Markdown decoration removed: `## **Beslutning**` has content `Beslutning`,
 * headingLevel 2 and bold true. Heading level and bold are decoration in a referat, but a
 * deeper heading inside a section is a sub-heading of that section's text.
 */
export interface LineContent {
  readonly content: string;
  /** Column of the first character of content in the line. */
  readonly start: number;
  /** Number of leading `#`; 0 for a plain line. */
  readonly headingLevel: number;
  readonly bold: boolean;
}

export interface TocSyntax {
  readonly heading: SyntaxLine;
  readonly lines: readonly SyntaxLine[];
}

export interface PunktSyntax {
  readonly heading: SyntaxLine;
  /** Every line after the heading up to the next punkt heading or the end. */
  readonly lines: readonly SyntaxLine[];
}

/** An addition written after the approval: its `Tilføjelse` heading and its lines. */
export interface AdditionSyntax {
  readonly heading: SyntaxLine;
  readonly lines: readonly SyntaxLine[];
}

/** The approval block at the end (`Godkendelse`, its fields), then the additions written after it. */
export interface ApprovalSyntax {
  readonly heading: SyntaxLine;
  /** The block's lines after its heading, up to the first addition. */
  readonly lines: readonly SyntaxLine[];
  readonly additions: readonly AdditionSyntax[];
}

export interface SyntaxProblem {
  readonly range: Range;
  readonly message: string;
}

/** The syntax tree: the document cut into its top-level parts, each line kept with its kind. */
export interface ReferatSyntax {
  /** Lines before the title (normally blank). */
  readonly leading: readonly SyntaxLine[];
  readonly title?: SyntaxLine;
  /** Lines after the title up to the table of contents or the first punkt. */
  readonly header: readonly SyntaxLine[];
  readonly toc?: TocSyntax;
  readonly punkter: readonly PunktSyntax[];
  /** The approval at the end of the document, cut off before the punkter are grouped: never a punkt's text. */
  readonly approval?: ApprovalSyntax;
  /**
   * Where no approval is, the lines of `Godkendelse` headings followed by an approval's fields but no
   * seal: no approval, the text of the punkt they stand in (the rule damaged-approval says so).
   */
  readonly unsealedApprovals?: readonly number[];
  /** The conventions the document is read with: its meeting system's. */
  readonly dialect: Dialect;
  /** Number of lines in the document (an empty document has one, empty, line). */
  readonly lineCount: number;
  /** Length of the last line, for ranges that reach the end of the document. */
  readonly lastLineLength: number;
  /** Problems the lexer or parser recovered from. */
  readonly problems: readonly SyntaxProblem[];
}
