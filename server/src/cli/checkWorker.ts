// A worker thread of `referat check` over many files: checks the batches of paths it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { toLocale } from '../i18n/locale';
import { checkFile } from './checkFile';

const locale = toLocale((workerData as { locale?: string } | undefined)?.locale);
parentPort?.on('message', (paths: string[]) => {
  parentPort?.postMessage(paths.map((p) => checkFile(p, locale)));
});
