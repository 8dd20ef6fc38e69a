import type { CancellationToken } from 'vscode-languageserver/node';
import { localize } from '../i18n/locale';
import { Protocol, type CreateReferatResult } from '../protocol';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

/** Dagsorden → referat: the text to write beside it; the client writes the file and places the cursor. */
export function registerCreateReferat(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Protocol.createReferatRequest,
    safeRequest(
      ctx,
      'createReferat',
      null as CreateReferatResult | null,
      ['uri'],
      async (params: { uri: string }, token?: CancellationToken): Promise<CreateReferatResult | null> => {
        const doc = openReferat(ctx, params.uri);
        if (!doc) return null;
        const created = await ctx.service.createReferat(doc, token);
        return created.ok
          ? { ok: true, text: created.text, cursor: created.cursor, decisions: created.decisions }
          : { ok: false, message: localize(created.problem, ctx.service.locale) };
      },
    ),
  );
}
