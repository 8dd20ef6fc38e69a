import type { TextEdit } from 'vscode-languageserver-types';
import { isEmptyBullet } from '../model/decision';
import type { Position } from '../syntax/range';

const NUMBERED = /^([ \t]*)(\d{1,3})([.)])[ \t]+\S/;
// Typed just now, `2. ` left empty ends a numbered list as `- ` ends a bulleted one.
const EMPTY_NUMBERED = /^[ \t]*\d{1,3}[.)][ \t]+$/;

/**
 * After Enter in a list. The language configuration continues a `- ` list on its own; here Enter on
 * an empty item ends the list (the stray marker goes, so no empty bullet is left behind) and a
 * numbered list goes on with the next number. Only on a fresh, empty line: Enter in the middle of
 * a line leaves both halves as they are.
 */
export function onEnter(previousLine: string, currentLine: string, position: Position): TextEdit[] {
  if (position.line === 0 || currentLine.trim() !== '') return [];
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
  if (n) {
    return [
      {
        range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: currentLine.length } },
        newText: `${n[1]}${Number(n[2]) + 1}${n[3]} `,
      },
    ];
  }
  return [];
}
