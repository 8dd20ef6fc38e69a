// The command's and the language server's first file (dist/cli.js, dist/server.js): it runs the
// bundle beside it (dist/cli-main.js, dist/server-main.js) with V8's code cache, so a start does not
// compile the bundle's code again. Node 20 has no compile cache of its own (module.enableCompileCache
// came with Node 22). The cache is the user's own (in her cache folder, never beside the bundle, which
// may be read-only), named by the bundle's content and the V8 that made it; V8 refuses a cache made for
// other code, another version or other flags, and then the bundle is compiled as without one.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Set by the build for each launcher: the bundle's file name beside this one, and a hash of its content. */
declare const REFERAT_BUNDLE: string;
declare const REFERAT_BUNDLE_HASH: string;

/** `REFERAT_CODE_CACHE`: a folder for the cache, or `off`. */
const CACHE_ENV = 'REFERAT_CODE_CACHE';

/** The user's cache folder for compiled code, as each system names it; undefined when switched off. */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env[CACHE_ENV];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  const home = homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'referat', 'code-cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'referat', 'code-cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'referat', 'code-cache');
}

/** The cache's file for a bundle: its name, its content's hash, and the V8 and processor it was made for. */
export function codeCacheFile(dir: string, bundle: string, hash: string): string {
  return join(dir, `${cachePrefix(bundle)}${hash}-${process.arch}-v8-${process.versions.v8}.cache`);
}

const cachePrefix = (bundle: string): string => `${bundle.replace(/\.js$/, '')}-`;

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the code compiled so far as the bundle's cache: once at exit, when there was none or V8
 * refused it. Written whole under another name and then renamed, so a start never reads half a
 * cache; the caches of earlier builds of the bundle go. A cache that cannot be written is no error.
 */
function writeCache(script: Script, dir: string, file: string, bundle: string): void {
  try {
    const data = script.createCachedData();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, data, { mode: 0o600 });
    renameSync(part, file);
    const prefix = cachePrefix(bundle);
    for (const name of readdirSync(dir)) {
      const other = join(dir, name);
      if (name.startsWith(prefix) && name.endsWith('.cache') && other !== file) rmSync(other, { force: true });
    }
  } catch {
    // Read-only, full or gone: the next start compiles the bundle, as without a cache.
  }
}

/** Runs the bundle as node would run it as the main module, with its code cache. */
function launch(bundle: string, hash: string): void {
  const file = join(__dirname, bundle);
  // A shebang is no JavaScript inside the module wrapper.
  const source = readFileSync(file, 'utf8').replace(/^#!.*/, '');
  const dir = codeCacheDir();
  const cacheFile = dir ? codeCacheFile(dir, bundle, hash) : undefined;
  const cached = readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: file, ...(cached ? { cachedData: cached } : {}) });
  if (dir && cacheFile && (!cached || script.cachedDataRejected)) process.once('exit', () => writeCache(script, dir, cacheFile, bundle));
  const main = new Module(file, module);
  main.filename = file;
  main.paths = (Module as unknown as { _nodeModulePaths: (from: string) => string[] })._nodeModulePaths(dirname(file));
  main.loaded = true;
  const require = Module.createRequire(file);
  // The bundle runs its command only as the main module (`require.main === module`).
  require.main = main;
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  wrapper.call(main.exports, main.exports, require, main, file, dirname(file));
}

launch(REFERAT_BUNDLE, REFERAT_BUNDLE_HASH);
