import type { CodeAction } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

/** Whether an action's kind is one the client asked for: the kind itself or one below it (`quickfix` holds `quickfix.spelling`). */
function asked(kind: string | undefined, only: readonly string[] | undefined): boolean {
  return only === undefined || (kind !== undefined && only.some((k) => kind === k || kind.startsWith(`${k}.`)));
}

/** `offered`: told the actions offered for a document, so that the edit of one of its quick fixes can take its findings away at once. */
export function registerCodeActions(ctx: ServerContext, offered: (doc: TextDocument, actions: readonly CodeAction[]) => void): void {
  ctx.connection.onCodeAction(
    safeRequest(ctx, 'codeAction', [] as CodeAction[], ['textDocument', 'range', 'codeActionContext'], async (params, token) => {
      const doc = openReferat(ctx, params.textDocument.uri);
      if (!doc) return [];
      const actions = await ctx.service.codeActions(
        doc,
        params.range,
        { personalWordList: ctx.personalWordList === true, approveCommand: ctx.approveCommand === true, diagnostics: params.context.diagnostics },
        token,
      );
      // Only the kinds asked for (VS Code asks for quick fixes alone, and drops others with a warning).
      const answer = actions.filter((a) => asked(a.kind, params.context.only));
      offered(doc, answer);
      return answer;
    }),
  );
}
