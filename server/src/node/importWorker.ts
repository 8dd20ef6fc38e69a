// A worker thread of `referat import` over many files: imports the batches of paths it is sent
// (node/threadPool.ts's protocol) and answers each with plain data.
import { parentPort } from 'node:worker_threads';
import { importFile } from './importer';

parentPort?.on('message', (paths: string[]) => {
  void Promise.all(paths.map(importFile)).then((results) => parentPort?.postMessage(results));
});
