// The part of fontkit 2 the PDF renderer uses: a parsed font, handed to pdfkit to embed.
declare module 'fontkit' {
  export interface FontkitFont {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function create(data: Uint8Array): FontkitFont;
}
