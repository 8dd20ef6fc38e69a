// A minimal LSP client over stdio for the benchmarks: the built server, as an editor starts it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const root = fileURLToPath(new URL('../..', import.meta.url));

export function startServer(rootDir, initializationOptions = {}) {
  const child = spawn(process.execPath, [join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  conn.onNotification((method, params) => {
    for (const l of listeners) l(method, params);
  });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const waitFor = (method, test = () => true) =>
    new Promise((resolve) => {
      const l = (m, p) => {
        if (m === method && test(p)) {
          listeners.delete(l);
          resolve(p);
        }
      };
      listeners.add(l);
    });
  const initialize = async () => {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: rootDir ? pathToFileURL(rootDir).href : null,
      workspaceFolders: rootDir ? [{ uri: pathToFileURL(rootDir).href, name: 'bench' }] : null,
      capabilities: { window: { workDoneProgress: true } },
      initializationOptions,
    });
    await conn.sendNotification('initialized', {});
  };
  const stop = async () => {
    try {
      await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      conn.sendNotification('exit').catch(() => undefined);
    } catch {
      // gone
    }
    conn.dispose();
    child.kill();
  };
  return { child, conn, waitFor, initialize, stop };
}

export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { median: q(0.5), p95: q(0.95), n: s.length };
}

export async function time(fn) {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function row(cells, widths) {
  return cells.map((c, i) => (i < 2 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
}
