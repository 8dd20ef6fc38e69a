import type { CodeAction } from 'vscode-languageserver/node';
import { openReferat, safe, type ServerContext } from './context';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    safe(ctx, 'codeAction', [] as CodeAction[], (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      return doc
        ? ctx.service.codeActions(doc, params.range, { personalWordList: ctx.personalWordList === true, diagnostics: params.context.diagnostics }, token)
        : [];
    }),
  );
}
