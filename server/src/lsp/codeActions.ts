import type { CodeAction } from 'vscode-languageserver/node';
import { codeActions } from '../features/codeActions';
import { ServerContext, safe } from './context';

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction(
    safe(ctx, 'codeAction', [] as CodeAction[], async (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isReferat(doc.uri)) return [];
      return codeActions(ctx.referat(doc), await ctx.diagnostics(doc), params.range, doc.uri, ctx.locale);
    }),
  );
}
