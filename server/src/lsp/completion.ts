import type { CompletionList } from 'vscode-languageserver/node';
import { lineOf, openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

const NONE: CompletionList = { isIncomplete: false, items: [] };

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    safeRequest(ctx, 'completion', NONE, ['textDocument', 'position'], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      const lineText = doc && lineOf(doc, params.position.line);
      if (!doc || lineText === undefined) return NONE;
      const position = { line: params.position.line, character: Math.max(0, Math.min(params.position.character, lineText.length)) };
      return ctx.service.completion(doc, position, lineText, token);
    }),
  );
}
