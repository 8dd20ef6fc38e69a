import type { CancellationToken } from 'vscode-languageserver/node';
import { Protocol, type DocumentInfo } from '../protocol';
import { openReferat, type ServerContext } from './context';
import { safeRequest } from './requestParams';

/** The open referat's dialect and where it comes from, for the client's status bar. */
export function registerDocumentInfo(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Protocol.documentInfoRequest,
    safeRequest(
      ctx,
      'documentInfo',
      null as DocumentInfo | null,
      ['uri'],
      async (params: { uri: string }, token?: CancellationToken): Promise<DocumentInfo | null> => {
        const doc = openReferat(ctx, params.uri);
        return doc ? ctx.service.documentInfo(doc, token) : null;
      },
    ),
  );
}
