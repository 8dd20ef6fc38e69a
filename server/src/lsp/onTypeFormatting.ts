import type { TextEdit } from 'vscode-languageserver/node';
import { lineOf, openReferat, safe, type ServerContext } from './context';

export function registerOnTypeFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentOnTypeFormatting(
    safe(ctx, 'onTypeFormatting', [] as TextEdit[], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      const line = params.position.line;
      const previous = doc && lineOf(doc, line - 1);
      const current = doc && lineOf(doc, line);
      if (params.ch !== '\n' || previous === undefined || current === undefined) return [];
      return ctx.service.onEnter(previous, current, params.position, token);
    }),
  );
}
