import { localize } from '../i18n/locale';
import { join } from 'node:path';
import type { FileImport } from '../node/importer';
import { planImport } from '../node/importPlan';
import { defaultThreads, ThreadGone, ThreadPool } from '../node/threadPool';
import { IMPORT_EXTENSIONS, Protocol, type ImportAnswer, type ImportParams, type ImportPlanAnswer, type ImportPlanParams } from '../protocol';
import { type ServerContext } from './context';
import { safeRequest } from './requestParams';

/**
 * A published source's minutes as referater, read on a worker thread; the client writes the files
 * (asking before it replaces one), so the archive picks them up as any new file. The pool's threads
 * do not keep the server alive, and end when idle.
 */
export function registerImport(ctx: ServerContext): void {
  const pool = new ThreadPool<string[], FileImport[]>({ workerFile: join(__dirname, 'importWorker.js'), threads: defaultThreads(2) });
  const failed: ImportAnswer = {
    ok: false,
    message: localize({ da: 'Importen mislykkedes; se Referat-loggen.', en: 'The import failed; see the Referat log.' }, ctx.service.locale),
  };
  ctx.connection.onRequest(
    Protocol.importRequest,
    safeRequest(ctx, 'import', failed, ['path'], async (params: ImportParams): Promise<ImportAnswer> => {
      const r = await importOnThread(pool, params.path);
      const locale = ctx.service.locale;
      if ('problem' in r) return { ok: false, message: localize(r.problem, locale) };
      if (!r.result.ok) return { ok: false, message: localize(r.result.message, locale) };
      return {
        ok: true,
        referater: r.result.meetings.map((m) => ({ fileName: m.fileName, text: m.text, punkter: m.punkter, dialect: m.dialect, document: m.document })),
        notes: r.result.notes.map((n) => localize(n, locale)),
      };
    }),
  );
  // The files and folders she chose as sources: a folder a meeting system wrote is one source, the
  // same as `referat import` makes of it (the readers are loaded here only for a folder with XML in it).
  const none: ImportPlanAnswer = { sources: [], problems: [] };
  ctx.connection.onRequest(
    Protocol.importPlanRequest,
    safeRequest(ctx, 'importPlan', none, ['paths'], async (params: ImportPlanParams): Promise<ImportPlanAnswer> => {
      const plan = await planImport(params.paths, IMPORT_EXTENSIONS);
      const locale = ctx.service.locale;
      return { sources: plan.sources, problems: plan.problems.map((p) => ({ path: p.path, message: localize(p.problem, locale) })) };
    }),
  );
}

/**
 * A source read on the pool's threads (pdf.js would hold the server's thread for seconds on a large
 * PDF); on this thread where there is no worker bundle (tests from source) or where its thread died.
 */
async function importOnThread(pool: ThreadPool<string[], FileImport[]>, path: string): Promise<FileImport> {
  const here = async (): Promise<FileImport> => (await import('../node/importer')).importFile(path);
  if (!pool.available) return here();
  try {
    const answer = await pool.run([path]);
    if (answer !== 'cancelled' && answer[0]) return answer[0];
  } catch (e) {
    if (!(e instanceof ThreadGone)) throw e;
  }
  return here();
}
