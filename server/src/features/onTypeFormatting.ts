import type { TextEdit } from 'vscode-languageserver-types';
import { isEmptyBullet } from '../model/decision';
import { datesInText } from '../model/textDates';
import type { Position } from '../syntax/range';

const NUMBERED = /^([ \t]*)(\d{1,3})([.)])[ \t]+\S/;
// Typed just now, `2. ` left empty ends a numbered list as `- ` ends a bulleted one.
const EMPTY_NUMBERED = /^[ \t]*\d{1,3}[.)][ \t]+$/;
/** How far above a numbered line its item before is looked for: a list's items stand close together. */
const LIST_LOOKBACK = 20;
/** A leap year for a date written without one: `29. februar` is still a date, not a list item. */
const ANY_YEAR = 2024;

/** What Enter needs to know of the document around the cursor. */
export interface EnterContext {
  /** The document's line, or undefined outside it. */
  readonly lineAt: (line: number) => string | undefined;
  /** The lines that are punkt headings: eDoc's `2.   Title` is a heading, not a list item. */
  readonly headingLines: ReadonlySet<number>;
}

/**
 * After Enter in a list. The language configuration continues a `- ` list on its own; here Enter on
 * an empty item ends the list (the stray marker goes, so no empty bullet is left behind) and a
 * numbered list goes on with the next number. Only on a fresh, empty line: Enter in the middle of
 * a line leaves both halves as they are.
 */
export function onEnter(ctx: EnterContext, position: Position): TextEdit[] {
  const previousLine = ctx.lineAt(position.line - 1);
  const currentLine = ctx.lineAt(position.line);
  if (position.line === 0 || previousLine === undefined || currentLine === undefined || currentLine.trim() !== '') return [];
  const prev = position.line - 1;
  if (isEmptyBullet({ text: previousLine }) || EMPTY_NUMBERED.test(previousLine)) {
    return [
      { range: { start: { line: prev, character: 0 }, end: { line: prev, character: previousLine.length } }, newText: '' },
      ...(currentLine.length > 0
        ? [{ range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: currentLine.length } }, newText: '' }]
        : []),
    ];
  }
  const n = NUMBERED.exec(previousLine);
  if (n && isListItem(ctx, prev, n)) {
    return [
      {
        range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: currentLine.length } },
        newText: `${n[1]}${Number(n[2]) + 1}${n[3]} `,
      },
    ];
  }
  return [];
}

/**
 * Whether a line that begins with a number and a period is an item of a list: its first item, or
 * the item after the one above it. Not a punkt's heading, nor a sentence that begins with a date
 * (`30. november 2022 vedtages …`), which a number alone would have continued with `31. `.
 */
function isListItem(ctx: EnterContext, line: number, item: RegExpExecArray): boolean {
  const indent = item[1] ?? '';
  const delimiter = item[3];
  if (ctx.headingLines.has(line)) return false;
  if (datesInText(ctx.lineAt(line) ?? '', line, ANY_YEAR).some((d) => d.value.range.start.character === indent.length)) return false;
  const number = Number(item[2]);
  if (number === 1) return true;
  for (let i = line - 1; i >= Math.max(0, line - LIST_LOOKBACK); i--) {
    if (ctx.headingLines.has(i)) return false;
    const above = NUMBERED.exec(ctx.lineAt(i) ?? '');
    if (above) return above[1] === indent && above[3] === delimiter && Number(above[2]) === number - 1;
  }
  return false;
}
