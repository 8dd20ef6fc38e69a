import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FontkitFont } from 'fontkit';
import type { Face } from './style';

/** Source Sans 3 (SIL OFL 1.1), shipped in `server/data/fonts` with its licence. */
export const FONT_FILES: Readonly<Record<Face, string>> = {
  regular: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italic: 'SourceSans3-Italic.ttf',
};

export const FONT_NAMES: Readonly<Record<Face, string>> = {
  regular: 'SourceSans3-Regular',
  bold: 'SourceSans3-Bold',
  italic: 'SourceSans3-Italic',
};

let cached: Promise<Readonly<Record<Face, FontkitFont>>> | undefined;

/**
 * The font folder. Every bundle (dist/*.js in the extension and the npm package, out/… in the
 * tests) sits below the package root, and the fonts ship at `server/data/fonts` in it, so walking
 * up from the running file finds them; run from source, the same walk does.
 */
export function fontDir(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'server', 'data', 'fonts');
    if (existsSync(join(candidate, FONT_FILES.regular))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error(`PDF fonts not found: no server/data/fonts/${FONT_FILES.regular} above ${from}`);
    dir = up;
  }
}

/**
 * The fonts, read and parsed once per process: every document embeds its own subset of the same
 * parsed fonts, and parsing (and fontkit's caches of the layout tables) costs more than a page.
 */
export function fonts(): Promise<Readonly<Record<Face, FontkitFont>>> {
  cached ??= (async () => {
    const dir = fontDir();
    const { create } = await import('fontkit');
    const load = (face: Face): FontkitFont => create(readFileSync(join(dir, FONT_FILES[face])));
    return { regular: load('regular'), bold: load('bold'), italic: load('italic') };
  })();
  // A failure (fonts missing) is reported again on the next call, not cached.
  cached.catch(() => (cached = undefined));
  return cached;
}
