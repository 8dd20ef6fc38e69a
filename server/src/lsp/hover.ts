import type { Hover } from 'vscode-languageserver/node';
import { kleCatalog } from '../model/kle';
import { hover } from '../features/hover';
import { ServerContext, safe } from './context';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    safe(ctx, 'hover', null as Hover | null, async (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc || !ctx.isReferat(doc.uri)) return null;
      return hover(ctx.referat(doc), params.position, { kle: kleCatalog(), catalog: await ctx.catalogFor(doc.uri), locale: ctx.locale });
    }),
  );
}
