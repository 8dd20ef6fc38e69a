// A worker thread of the archive index: reads the batches of files it is sent and posts their summaries back.
import { parentPort } from 'node:worker_threads';
import { summarizeFile } from './summarizeFile';

parentPort?.on('message', (paths: string[]) => {
  parentPort?.postMessage(paths.map(summarizeFile));
});
