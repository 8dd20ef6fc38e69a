import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { decodeReferat, type DecodeResult } from '../workspace/decode';
import { nodeWorkspace } from '../workspace/workspace';

/** What a CLI command needs from the outside world; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
};

export type FileResult = { ok: true; path: string } | { ok: false; path: string; problem: string };

/** Files named on the command line, folders searched for `*.referat`, in a stable order. */
export async function collectFiles(paths: readonly string[], _io: CliIO): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch (e) {
      out.push({ ok: false, path: p, problem: describeFsError(e) });
      continue;
    }
    if (s.isDirectory()) {
      const found = await nodeWorkspace.listReferater(p);
      if (found.length === 0) out.push({ ok: false, path: p, problem: 'no *.referat files in this folder / ingen *.referat-filer i mappen' });
      for (const f of found) out.push({ ok: true, path: f });
    } else out.push({ ok: true, path: p });
  }
  return out;
}

export type ReadResult = DecodeResult;

/**
 * Reads a referat as UTF-8; binary or non-UTF-8 files are refused with a reason, not guessed at.
 * Blocking: the commands (and the check's worker threads) do one file after another anyway.
 */
export function readReferatFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, problem: describeFsError(e) };
  }
  return decodeReferat(bytes);
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder / filen eller mappen findes ikke';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied / adgang nægtet';
  if (code === 'EISDIR') return 'is a folder / er en mappe';
  return `cannot read (${code ?? String(e)})`;
}
