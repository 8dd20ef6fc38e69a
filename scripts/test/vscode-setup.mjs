// Installs a real VS Code (the server build inside the code-server npm package) into a cache the
// tests own, as ../shared/real-vscode.md records for machines that reach only npm and Debian.
// Idempotent: a marker file says the cache is complete, and later runs reuse it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemDeps } from './system-deps.mjs';

export const CODE_SERVER_VERSION = '4.100.3';

export function cacheDir() {
  const base = process.env.REFERAT_VSCODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'referat-vscode');
  return join(base, `code-server-${CODE_SERVER_VERSION}`);
}

export function vscodeDir() {
  return join(cacheDir(), 'node_modules/code-server/lib/vscode');
}

function run(cmd, args, cwd, extraEnv = {}) {
  const t0 = Date.now();
  console.log(`vscode-setup: ${cmd} ${args.join(' ')}  (in ${cwd})`);
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extraEnv },
  });
  console.log(`vscode-setup:   ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export function setupVscode() {
  const dir = cacheDir();
  const marker = join(dir, '.complete');
  if (existsSync(marker)) return vscodeDir();
  if (!ensureSystemDeps()) throw new Error('the Debian packages the real VS Code needs are missing');
  const t0 = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'referat-vscode-cache', private: true }));
  // Its postinstall would download ripgrep, which these machines cannot.
  run('npm', ['install', '--ignore-scripts', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], dir);
  const vs = vscodeDir();
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-package-lock'], vs);
  run('npm', ['rebuild', 'kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher', '@vscode/deviceid'], vs);
  const rgDir = join(vs, 'node_modules/@vscode/ripgrep/bin');
  mkdirSync(rgDir, { recursive: true });
  copyFileSync('/usr/bin/rg', join(rgDir, 'rg'));
  chmodSync(join(rgDir, 'rg'), 0o755);
  if (!existsSync(join(vs, 'node_modules.asar'))) symlinkSync('node_modules', join(vs, 'node_modules.asar'));
  run('npm', ['install', '--omit=dev', '--no-package-lock'], join(vs, 'extensions'));
  writeFileSync(marker, new Date().toISOString());
  console.log(`vscode-setup: VS Code ${CODE_SERVER_VERSION} server build ready in ${((Date.now() - t0) / 1000).toFixed(0)} s at ${vs}`);
  return vs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    setupVscode();
  } catch (e) {
    console.error(`vscode-setup: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
