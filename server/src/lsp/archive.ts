import { FileChangeType, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import type { WorkspaceChangeKind } from '../service/languageService';
import { localize } from '../i18n/locale';
import { Protocol, type IndexedParams } from '../protocol';
import { log, safe, type ServerContext } from './context';

const CHANGE_KIND: Readonly<Record<number, WorkspaceChangeKind>> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/**
 * The archive's progress bar and its upkeep: the service reads the archive from initialize on;
 * here it is shown once the client is ready, and files changed on disk are taken in.
 */
export function registerArchive(
  ctx: ServerContext,
  {
    revalidateAll,
    revalidateSoon,
    changedOnDisk,
  }: { readonly revalidateAll: () => Promise<void>; readonly revalidateSoon: () => void; readonly changedOnDisk: (uris: readonly string[]) => void },
): { indexWorkspace: () => Promise<void> } {
  const { connection, service } = ctx;

  const indexWorkspace = async (): Promise<void> => {
    // A client that refuses the progress token still gets its index, only without the bar.
    const progress = await connection.window.createWorkDoneProgress().catch(() => ({ begin: () => undefined, report: () => undefined, done: () => undefined }));
    progress.begin(localize({ da: 'Referat: indekserer arkivet', en: 'Referat: indexing the archive' }, service.locale), 0, undefined, false);
    let report;
    try {
      report = await service.indexed((done, total) => progress.report(Math.round((100 * done) / Math.max(1, total)), `${done}/${total}`));
    } catch (e) {
      log(ctx, `referat: the archive could not be indexed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return;
    } finally {
      progress.done();
    }
    const detail = report.phases.map((p) => localize(p, service.locale)).join(', ');
    log(
      ctx,
      `referat: ${localize(
        {
          da: `indekserede ${report.referater} ${report.referater === 1 ? 'referat' : 'referater'} af ${report.files} ${report.files === 1 ? 'fil' : 'filer'} på ${report.ms} ms (${report.reused} uændrede siden sidst, af ${report.cachedCount} i cachen; ${detail})`,
          en: `indexed ${report.referater} ${report.referater === 1 ? 'referat' : 'referater'} of ${report.files} ${report.files === 1 ? 'file' : 'files'} in ${report.ms} ms (${report.reused} unchanged since the last session, from ${report.cachedCount} cached; ${detail})`,
        },
        service.locale,
      )}`,
    );
    const indexed: IndexedParams = { files: report.files, referater: report.referater, ms: report.ms, reused: report.reused };
    await connection.sendNotification(Protocol.indexedNotification, indexed);
    await revalidateAll();
  };

  const watchedFilesChanged = safe(ctx, 'didChangeWatchedFiles', undefined, async (params: DidChangeWatchedFilesParams) => {
    const changes = params.changes.map((c) => ({ kind: CHANGE_KIND[c.type] ?? 'changed', uri: c.uri }));
    // An open referat reloaded from its changed file is checked as saved, once the reports pause.
    changedOnDisk(changes.filter((c) => c.kind !== 'deleted').map((c) => c.uri));
    // Files changed on disk come in bursts (a checkout, an import): the open documents are checked once they pause.
    if (await service.workspaceChanged(changes)) revalidateSoon();
  });
  connection.onDidChangeWatchedFiles((params) => void watchedFilesChanged(params));

  return { indexWorkspace };
}
