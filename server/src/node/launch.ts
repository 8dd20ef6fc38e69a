// The first file of every program and thread the product starts (dist/cli.js, dist/server.js and the
// worker threads' dist/*Worker.js): it runs the bundle it stands for (dist/cli-main.js, …) with V8's
// code cache, and every bundle that one loads beside it later (dist/import.js, dist/pdf.js,
// dist/config.js) too, so a start does not compile code it compiled before. Node 20 has no compile
// cache of its own (module.enableCompileCache came with Node 22). The cache is the user's own (in her
// cache folder, never beside the bundles, which may be read-only), named by the bundle's content and
// the V8 that made it; V8 refuses a cache made for other code, another version or other flags, and
// then the bundle is compiled as without one.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread, parentPort } from 'node:worker_threads';

/** Set by the build for each launcher: the bundle it runs, and a hash of each bundle's content by its file name. */
declare const REFERAT_BUNDLE: string;
declare const REFERAT_BUNDLE_HASHES: Readonly<Record<string, string>>;

/** `REFERAT_CODE_CACHE`: a folder for the cache, or `off`. */
const CACHE_ENV = 'REFERAT_CODE_CACHE';

/** The user's cache folder for compiled code, as each system names it; undefined when switched off. */
function codeCacheDir(): string | undefined {
  const env = process.env;
  const chosen = env[CACHE_ENV];
  if (chosen === 'off') return undefined;
  if (chosen) return chosen;
  const home = homedir();
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'referat', 'code-cache');
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'referat', 'code-cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'referat', 'code-cache');
}

const cachePrefix = (bundle: string): string => `${bundle.replace(/\.js$/, '')}-`;
/** A part of a cache older than this was left by a thread ended while it wrote (a pool ends idle threads). */
const PART_LEFT_MS = 60_000;

/** A bundle compiled here whose cache is to be written: V8 had none for it, or refused the one there was. */
interface Unsaved {
  readonly script: Script;
  readonly bundle: string;
  readonly file: string;
}

const dir = codeCacheDir();
const unsaved: Unsaved[] = [];

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the code compiled so far of each bundle that had no cache V8 took. Written whole under
 * another name and then renamed, so a start never reads half a cache; the caches of earlier builds
 * of the bundle go. A cache that cannot be written is no error: the next start compiles the bundle.
 */
function writeCaches(): void {
  if (!dir) return;
  for (const { script, bundle, file } of unsaved.splice(0)) {
    try {
      const data = script.createCachedData();
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const part = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
      writeFileSync(part, data, { mode: 0o600 });
      renameSync(part, file);
      // The bundle's caches of other builds go, and what a thread ended while writing left (`.part`).
      const prefix = cachePrefix(bundle);
      for (const name of readdirSync(dir)) {
        const other = join(dir, name);
        if (other === file) continue;
        if (
          (name.startsWith(prefix) && name.endsWith('.cache')) ||
          (name.endsWith('.part') && Date.now() - (statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > PART_LEFT_MS)
        )
          rmSync(other, { force: true });
      }
    } catch {
      // Read-only, full or gone.
    }
  }
}

/** Compiles a bundle with its cache where V8 takes it, and notes it for writing where it does not. */
function compile(filename: string): Script {
  const bundle = basename(filename);
  // A shebang is no JavaScript inside the module wrapper.
  const source = readFileSync(filename, 'utf8').replace(/^#!.*/, '');
  const hash = REFERAT_BUNDLE_HASHES[bundle];
  const file = dir && hash ? join(dir, `${cachePrefix(bundle)}${hash}-${process.arch}-v8-${process.versions.v8}.cache`) : undefined;
  const cached = file ? readCache(file) : undefined;
  const script = new Script(Module.wrap(source), { filename, ...(cached ? { cachedData: cached } : {}) });
  if (file && (!cached || script.cachedDataRejected)) unsaved.push({ script, bundle, file });
  return script;
}

type Wrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

/** Runs a compiled bundle as node runs a CommonJS module; the launcher's own bundle as the main module. */
function run(script: Script, module: Module, filename: string, { main }: { readonly main: boolean }): void {
  const require = Module.createRequire(filename);
  // The command runs only as `require.main === module`.
  if (main) require.main = module;
  (script.runInThisContext() as Wrapper).call(module.exports, module.exports, require, module, filename, dirname(filename));
}

interface ModuleInternals {
  _extensions: Record<string, (module: Module, filename: string) => void>;
  _nodeModulePaths: (from: string) => string[];
}
const internals = Module as unknown as ModuleInternals;

/** The bundles beside this file, loaded later (`require('./import.js')`), are compiled with their cache too. */
function cacheBundlesBesideMe(): void {
  const plain = internals._extensions['.js']!;
  internals._extensions['.js'] = (module, filename) => {
    if (dirname(filename) !== __dirname || REFERAT_BUNDLE_HASHES[basename(filename)] === undefined) return plain(module, filename);
    run(compile(filename), module, filename, { main: false });
  };
}

/**
 * When the caches are written: at the program's exit; on a worker thread, which is ended without
 * one, once it has answered its first job (by then it has compiled what its jobs need).
 */
function writeCachesLater(): void {
  if (isMainThread || !parentPort) {
    process.once('exit', writeCaches);
    return;
  }
  const port = parentPort;
  const post = port.postMessage.bind(port);
  port.postMessage = (...args: Parameters<typeof post>): void => {
    post(...args);
    port.postMessage = post;
    setImmediate(writeCaches);
  };
}

/** Runs the launcher's bundle as the main module. */
function launch(): void {
  const filename = join(__dirname, REFERAT_BUNDLE);
  cacheBundlesBesideMe();
  writeCachesLater();
  const main = new Module(filename, module);
  main.filename = filename;
  main.paths = internals._nodeModulePaths(__dirname);
  main.loaded = true;
  run(compile(filename), main, filename, { main: true });
}

launch();
