import type { TextEdit } from 'vscode-languageserver/node';
import { openReferat, safe, type ServerContext } from './context';

export function registerOnTypeFormatting(ctx: ServerContext): void {
  ctx.connection.onDocumentOnTypeFormatting(
    safe(ctx, 'onTypeFormatting', [] as TextEdit[], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      if (params.ch !== '\n' || !doc) return [];
      return ctx.service.onEnter(doc, params.position, token);
    }),
  );
}
