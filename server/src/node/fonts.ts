import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PdfFontFiles } from '../service/languageService';

/** Source Sans 3 as shipped in `server/data/fonts` (see its README for the licence). */
const FONT_FILES: Readonly<Record<keyof PdfFontFiles, string>> = {
  regular: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italic: 'SourceSans3-Italic.ttf',
};

/**
 * The font folder. Every bundle (dist/*.js in the extension and the npm package, out/… in the
 * tests) sits below the package root, and the fonts ship at `server/data/fonts` in it, so walking
 * up from the running file finds them; run from source, the same walk does.
 */
function fontDir(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'server', 'data', 'fonts');
    if (existsSync(join(candidate, FONT_FILES.regular))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error(`PDF fonts not found: no server/data/fonts/${FONT_FILES.regular} above ${from}`);
    dir = up;
  }
}

let cached: Promise<PdfFontFiles> | undefined;

/** The PDF renderer's fonts, read once per process (the renderer parses them once per set of files). */
export function nodeFonts(): Promise<PdfFontFiles> {
  cached ??= (async () => {
    const dir = fontDir();
    const [regular, bold, italic] = await Promise.all([FONT_FILES.regular, FONT_FILES.bold, FONT_FILES.italic].map((f) => readFile(join(dir, f))));
    return { regular: regular!, bold: bold!, italic: italic! };
  })();
  // A failure (fonts missing) is reported again on the next call, not cached.
  cached.catch(() => (cached = undefined));
  return cached;
}
