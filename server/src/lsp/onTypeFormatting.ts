import type { TextEdit } from 'vscode-languageserver/node';
import { onEnter } from '../features/onTypeFormatting';
import { ServerContext, safe } from './context';

export function registerOnTypeFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentOnTypeFormatting(
    safe(ctx, 'onTypeFormatting', [] as TextEdit[], (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isReferat(doc.uri) || params.ch !== '\n') return [];
      const { line } = params.position;
      if (line <= 0 || line >= doc.lineCount) return [];
      const text = (l: number): string => doc.getText({ start: { line: l, character: 0 }, end: { line: l, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$|\r$/, '');
      return onEnter(text(line - 1), text(line), params.position);
    }),
  );
}
