// The extension test suite, run inside a real VS Code: the `run()` module @vscode/test-electron
// expects, and that the code-server runner loads through extensionTestsPath.
import * as vscode from 'vscode';
import type MochaModule from 'mocha';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineTests } from './suite';

interface Result {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
  ms: number;
}

export async function run(): Promise<void> {
  // Mocha stays outside the bundle: it loads its own files at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha') as typeof MochaModule;
  const mocha = new Mocha({ ui: 'tdd', timeout: 90_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'referat-suite', mocha);
  defineTests();
  const results: Result[] = [];
  const file = process.env.REFERAT_VSCODE_RESULTS ?? join(tmpdir(), 'referat-vscode-results.json');
  const write = (done: boolean): void =>
    writeFileSync(file, JSON.stringify({ version: vscode.version, appName: vscode.env.appName, language: vscode.env.language, done, results }, null, 1));
  write(false);
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      write(true);
      if (failures > 0) reject(new Error(`${failures} tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration ?? 0 });
      write(false);
    });
    runner.on('fail', (t, err: Error) => {
      results.push({
        title: t.fullTitle(),
        state: 'failed',
        error: `${err.message}\n${(err.stack ?? '').split('\n').slice(1, 4).join('\n')}`,
        ms: t.duration ?? 0,
      });
      write(false);
    });
  });
}
