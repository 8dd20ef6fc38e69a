// A worker thread of `referat check` over many files: checks the batches of paths it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { toLocale } from '../i18n/locale';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { nodePaths } from '../node/paths';
import { createLanguageService } from '../service/languageService';
import { checkFile } from './checkFile';

const service = createLanguageService({
  workspace: nodeWorkspace,
  paths: nodePaths,
  locale: toLocale((workerData as { locale?: string } | undefined)?.locale),
  reading: 'once',
});
parentPort?.on('message', (paths: string[]) => {
  void Promise.all(paths.map((p) => checkFile(p, service))).then((results) => parentPort?.postMessage(results));
});
