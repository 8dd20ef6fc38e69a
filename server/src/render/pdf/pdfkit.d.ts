// The part of pdfkit 0.20 the PDF renderer uses, typed as it behaves at run time.
// (@types/pdfkit lags behind: no PDF/UA subset, no table scope, no structParent on links.)
declare module 'pdfkit' {
  import type { FontkitFont } from 'fontkit';

  /** A marked-content sequence on a page, to be attached to a structure element. */
  export interface PdfStructContent {
    readonly refs: readonly unknown[];
  }

  export interface PdfStructElement {
    /** The element's PDF dictionary, written when the element ends: for attributes pdfkit has no option for. */
    readonly dictionary: { readonly data: Record<string, unknown> };
    add(child: PdfStructElement | PdfStructContent): PdfStructElement;
    end(): void;
  }

  export interface PdfStructOptions {
    readonly title?: string;
    readonly lang?: string;
    readonly alt?: string;
    readonly actual?: string;
    /** Table header scope: writes the attribute /A << /O /Table /Scope /Row >>. */
    readonly scope?: 'Row' | 'Column' | 'Both';
  }

  export interface PdfMarkOptions {
    readonly type?: 'Pagination' | 'Layout' | 'Page';
    readonly attached?: readonly ('Top' | 'Bottom' | 'Left' | 'Right')[];
  }

  export interface PdfOutlineOptions {
    readonly expanded?: boolean;
    /** false: an XYZ destination at top/left instead of the whole page. */
    readonly fit?: boolean;
    /** Distance from the page's top edge. */
    readonly top?: number;
    /** pdfkit writes MediaBox width − left, so the page width gives the left edge. */
    readonly left?: number;
    readonly zoom?: number;
  }

  export interface PdfOutline {
    addItem(title: string, options?: PdfOutlineOptions): PdfOutline;
  }

  export interface PdfAnnotationOptions {
    /** The Link structure element the annotation belongs to (an OBJR in it, /StructParent on the annotation). */
    readonly structParent?: PdfStructElement;
    /** A PDF text string: pdfkit writes JS strings as names and String objects as strings. */
    // eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- a String object, not a string, on purpose
    readonly Contents?: String;
  }

  export interface PdfTextOptions {
    readonly lineBreak?: boolean;
    /** 'alphabetic': y is the baseline. */
    readonly baseline?: 'alphabetic' | 'top';
  }

  export interface PdfImage {
    readonly width: number;
    readonly height: number;
  }

  export interface PdfPage {
    readonly width: number;
    readonly height: number;
  }

  export interface PdfDocumentOptions {
    readonly size?: string;
    readonly margin?: number;
    readonly autoFirstPage?: boolean;
    readonly pdfVersion?: '1.7';
    readonly tagged?: boolean;
    readonly subset?: 'PDF/UA';
    readonly lang?: string;
    readonly displayTitle?: boolean;
    /** null: no default font, so pdfkit never loads its AFM files (absent from a bundle). */
    readonly font?: string | null;
    readonly info?: Readonly<Record<string, string | Date>>;
    readonly compress?: boolean;
  }

  export default class PDFDocument {
    constructor(options?: PdfDocumentOptions);
    readonly page: PdfPage;
    readonly outline: PdfOutline;
    info: Record<string, string | Date>;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
    addPage(options?: { size?: string; margin?: number }): this;
    end(): void;
    /** Writes the XMP metadata; called by end(). */
    endMetadata(): void;

    /** A parsed fontkit font is embedded as it is (one parse serves many documents). */
    registerFont(name: string, src: Uint8Array | FontkitFont): this;
    font(name: string): this;
    fontSize(size: number): this;
    widthOfString(text: string): number;
    text(text: string, x: number, y: number, options?: PdfTextOptions): this;

    fillColor(color: string): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    lineCap(cap: 'butt' | 'round' | 'square'): this;
    dash(length: number, options?: { space?: number }): this;
    undash(): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    roundedRect(x: number, y: number, w: number, h: number, r: number): this;
    stroke(): this;
    fill(): this;
    save(): this;
    restore(): this;

    openImage(src: Uint8Array): PdfImage;
    image(image: PdfImage, x: number, y: number, options?: { width?: number; height?: number }): this;

    link(x: number, y: number, w: number, h: number, url: string, options?: PdfAnnotationOptions): this;
    goTo(x: number, y: number, w: number, h: number, name: string, options?: PdfAnnotationOptions): this;
    addNamedDestination(name: string, fitType: 'XYZ', left: number, top: number, zoom: number | null): void;

    struct(role: string, options?: PdfStructOptions): PdfStructElement;
    addStructure(element: PdfStructElement): this;
    markStructureContent(role: string): PdfStructContent;
    markContent(tag: 'Artifact', options?: PdfMarkOptions): this;
    endMarkedContent(): this;
  }
}
