import type { DocumentLabels } from '../labels';
import type { Face } from './style';

/** A piece of text in one face; `href` makes it a link. */
export interface Run {
  readonly text: string;
  readonly face: Face;
  readonly href?: string;
}

/** Where the outline and the table of contents point. */
export type Anchor = { readonly kind: 'punkt'; readonly label: string; readonly title: string } | { readonly kind: 'section'; readonly title: string };

export interface ListItem {
  readonly label: string;
  readonly blocks: readonly Block[];
}

export interface TableRow {
  readonly header: boolean;
  readonly cells: readonly { readonly runs: readonly Run[]; readonly align: 'left' | 'right' | 'center' }[];
}

export interface TocEntry {
  /** The punkt's number as written (`3`, `1.2`): sub-items share their item's number, not their label. */
  readonly label: string;
  readonly title: string;
}

/** What the PDF shows, in reading order; each kind maps to its structure roles in layout.ts. */
export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3 | 4 | 5 | 6; readonly runs: readonly Run[]; readonly anchor?: Anchor; readonly badge?: string }
  | { readonly kind: 'para'; readonly runs: readonly Run[]; readonly tone?: 'note' | 'journal' }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | { readonly kind: 'quote'; readonly blocks: readonly Block[] }
  | { readonly kind: 'table'; readonly rows: readonly TableRow[] }
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: string }[] }
  | { readonly kind: 'toc'; readonly entries: readonly TocEntry[] }
  | { readonly kind: 'sect'; readonly blocks: readonly Block[]; readonly newPage?: boolean }
  /** A line to sign on for each name, the name under it. */
  | { readonly kind: 'signatures'; readonly names: readonly string[] }
  | { readonly kind: 'rule' };

export interface PdfDocumentModel {
  /** The document title: metadata, window title and H1. */
  readonly title: string;
  /** The udvalg and the date, for the running header. */
  readonly running: string;
  /** `Offentlig udgave` / `Intern udgave`, for the footer. */
  readonly edition: string;
  /** The document's own labels (`Side N af M`, a contents entry's link text). */
  readonly labels: DocumentLabels;
  readonly blocks: readonly Block[];
}
