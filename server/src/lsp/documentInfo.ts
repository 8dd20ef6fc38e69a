import type { CancellationToken } from 'vscode-languageserver/node';
import { Protocol, type DocumentInfo } from '../protocol';
import { openReferat, safe, type ServerContext } from './context';

/** The open referat's dialect and where it comes from, for the client's status bar. */
export function registerDocumentInfo(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Protocol.documentInfoRequest,
    safe(ctx, 'documentInfo', null as DocumentInfo | null, async (params: { uri: string }, token?: CancellationToken): Promise<DocumentInfo | null> => {
      const doc = openReferat(ctx, params.uri);
      return doc ? ctx.service.documentInfo(doc, token) : null;
    }),
  );
}
