import { Protocol, type RenderParams } from '../protocol';
import { openReferat, safe, type ServerContext } from './context';

/** The preview and the HTML export: the referat as it will be published, rendered by the service. */
export function registerRender(ctx: ServerContext): void {
  ctx.connection.onRequest(
    Protocol.renderRequest,
    safe(ctx, 'render', null as string | null, (params: RenderParams) => {
      const doc = openReferat(ctx, params.uri);
      return doc
        ? ctx.service.renderHtml(doc, {
            audience: params.audience === 'public' ? 'public' : 'internal',
            locale: ctx.service.locale,
            ...(params.webview ? { webview: params.webview } : {}),
          })
        : null;
    }),
  );
}
