import type { CancellationToken } from 'vscode-languageserver/node';
import { localize } from '../i18n/locale';
import { PdfThreads } from '../node/pdfJob';
import { Protocol, type RenderAnswer, type RenderParams, type RenderPdfAnswer, type RenderPdfParams, type RenderRefusal } from '../protocol';
import type { RenderRefusal as ServiceRefusal } from '../service/languageService';
import { openReferat, safe, type ServerContext } from './context';

/**
 * The preview and the exports: the referat as it will be published, rendered by the service,
 * which also refuses a public version that may not be made; its reason goes out in the display
 * language. A PDF is made on a thread of its own, so hover and diagnostics never wait for an
 * export, and a cancelled export ends its thread.
 */
export function registerRender(ctx: ServerContext): void {
  const pdfs = new PdfThreads({
    local: (job) => ctx.service.renderPdf({ uri: job.uri, version: job.version, getText: () => job.text }, job.options),
  });
  const refusal = (r: ServiceRefusal): RenderRefusal => ({
    line: r.range.start.line,
    character: r.range.start.character,
    message: localize(r.message, ctx.service.locale),
  });

  ctx.connection.onRequest(
    Protocol.renderRequest,
    safe(ctx, 'render', null as RenderAnswer | null, async (params: RenderParams, token?: CancellationToken): Promise<RenderAnswer | null> => {
      const doc = openReferat(ctx, params.uri);
      if (!doc) return null;
      const options = {
        audience: params.audience === 'public' ? ('public' as const) : ('internal' as const),
        locale: ctx.service.locale,
        ...(params.webview ? { webview: params.webview } : {}),
      };
      const rendered = await ctx.service.renderHtml(doc, options, token);
      if (rendered.output !== null) return { html: rendered.output };
      // The preview shows why, with its toolbar to switch back; an export gets no page to write.
      return { refused: refusal(rendered.refused), ...(params.webview ? { page: await ctx.service.refusalPage(rendered.refused, options) } : {}) };
    }),
  );

  ctx.connection.onRequest(
    Protocol.renderPdfRequest,
    safe(ctx, 'renderPdf', null as RenderPdfAnswer | null, async (params: RenderPdfParams, token?: CancellationToken): Promise<RenderPdfAnswer | null> => {
      const doc = openReferat(ctx, params.uri);
      if (!doc) return null;
      const cancel = new AbortController();
      const listening = token?.onCancellationRequested(() => cancel.abort());
      let rendered;
      try {
        const job = {
          uri: doc.uri,
          version: doc.version,
          text: doc.getText(),
          options: { audience: params.audience === 'public' ? 'public' : 'internal' } as const,
        };
        rendered = await pdfs.render(job, cancel.signal);
      } finally {
        listening?.dispose();
      }
      // Whoever cancelled reads no answer.
      if (rendered === 'cancelled') return null;
      // JSON-RPC carries text: the PDF travels as base64 (a third larger, once per export).
      return rendered.output !== null ? { pdf: Buffer.from(rendered.output).toString('base64') } : { refused: refusal(rendered.refused) };
    }),
  );
}
