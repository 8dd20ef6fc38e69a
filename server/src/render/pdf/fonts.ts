import type { FontkitFont } from 'fontkit';
import type { Face, PdfFontFiles } from './style';

export const FONT_NAMES: Readonly<Record<Face, string>> = {
  regular: 'SourceSans3-Regular',
  bold: 'SourceSans3-Bold',
  italic: 'SourceSans3-Italic',
};

const parsedFonts = new WeakMap<PdfFontFiles, Promise<Readonly<Record<Face, FontkitFont>>>>();

/**
 * The fonts parsed once per set of files (the host reads them once per process): every document
 * embeds its own subset of the same parsed fonts, and parsing (and fontkit's caches of the layout
 * tables) costs more than a page.
 */
export function parseFonts(files: PdfFontFiles): Promise<Readonly<Record<Face, FontkitFont>>> {
  let parsed = parsedFonts.get(files);
  if (!parsed) {
    parsed = (async () => {
      const { create } = await import('fontkit');
      return { regular: create(files.regular), bold: create(files.bold), italic: create(files.italic) };
    })();
    parsedFonts.set(files, parsed);
    // A file that is no font is reported again on the next call, not cached.
    parsed.catch(() => parsedFonts.delete(files));
  }
  return parsed;
}
