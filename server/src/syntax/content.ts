import type { LineContent } from './tree';

// `   ## **Text**  ` → heading 2, bold, content `Text`. Linear: anchored, no nested quantifiers.
const DECORATION = /^([ \t]*)(?:(#{1,6})[ \t]+)?(\*\*)?[ \t]*/;

/** The line with its Markdown heading and bold markers removed. */
export function lineContent(text: string): LineContent {
  const m = DECORATION.exec(text)!;
  const start = m[0].length;
  let end = text.length;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let bold = m[3] !== undefined;
  if (text.endsWith('**', end) && end - 2 >= start) {
    end -= 2;
    bold = true;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  }
  // `**Mødedato** Onsdag …`: bold marks only the field name; the closing marker stays in content.
  return { content: text.slice(start, end), start, headingLevel: m[2]?.length ?? 0, bold };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Removes `**` markers inside a piece of text, keeping the columns of what is left computable. */
export function stripBold(text: string): string {
  return text.includes('**') ? text.replace(/\*\*/g, '') : text;
}
