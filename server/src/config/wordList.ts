import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Position } from '../syntax/range';

export interface TextInsertion {
  readonly position: Position;
  readonly text: string;
}

/** A word as YAML writes it: plain where it can be, else quoted. */
function yamlWord(word: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}'’ .-]*$/u.test(word) && !/^(?:yes|no|true|false|null|on|off|~)$/i.test(word) ? word : JSON.stringify(word);
}

/**
 * The one insertion that adds a word to referat.yaml's `ordliste:`, leaving every other
 * character of the file as it was (comments, order, quoting): after the list's last item, inside
 * a `[…]` list, or a new `ordliste:` at the end. Undefined when the word is there already.
 */
export function ordlisteInsertion(yamlText: string, word: string): TextInsertion | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  const at = (offset: number): Position => {
    const p = counter.linePos(offset);
    return { line: p.line - 1, character: p.col - 1 };
  };
  const end = at(yamlText.length);
  const atEnd = (text: string): TextInsertion => ({ position: end, text: `${yamlText.length > 0 && !yamlText.endsWith('\n') ? '\n' : ''}${text}` });
  const root = doc.contents;
  const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === 'ordliste') : undefined;
  if (!pair) return atEnd(`ordliste:\n  - ${yamlWord(word)}\n`);
  const list = pair.value;
  if (isSeq(list)) {
    // `- mindreforbrug` or `- mindreforbrug: forbrug` (the word with its model): there already.
    const listed = (i: unknown): string | undefined =>
      isScalar(i) ? String(i.value) : isMap(i) && isScalar(i.items[0]?.key) ? String(i.items[0].key.value) : undefined;
    if (list.items.some((i) => listed(i)?.toLowerCase() === word.toLowerCase())) return undefined;
    const last = list.items[list.items.length - 1];
    if (list.flow) {
      // `ordliste: [a, b]`: before the closing bracket.
      const close = list.range[1] - 1;
      return { position: at(close), text: `${list.items.length > 0 ? ', ' : ''}${yamlWord(word)}` };
    }
    if (last && isScalar(last) && last.range) {
      // `  - b`: a new item at the same indentation, on the line after the last one.
      const lastLine = at(last.range[0]).line;
      const lineStart = yamlText.split('\n')[lastLine] ?? '';
      const indent = /^(\s*)-/.exec(lineStart)?.[1] ?? '  ';
      const lineEnd = { line: lastLine, character: lineStart.length };
      return { position: lineEnd, text: `\n${indent}- ${yamlWord(word)}` };
    }
  }
  // `ordliste:` with nothing (or something odd) under it: the new item goes right after the key's line.
  const keyLine = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]).line : end.line;
  const text = yamlText.split('\n')[keyLine] ?? '';
  if (list === null || (isScalar(list) && (list.value === null || list.value === '')))
    return { position: { line: keyLine, character: text.length }, text: `\n  - ${yamlWord(word)}` };
  return undefined;
}
