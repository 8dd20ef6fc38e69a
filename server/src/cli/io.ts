import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { LocalizedText } from '../i18n/locale';
import { nodeWorkspace } from '../node/nodeWorkspace';
import { decodeReferat, type DecodeResult } from '../workspace/decode';

/** What a CLI command needs from the outside world; tests pass their own. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** stderr is a terminal: a progress line may be rewritten in place there. */
  readonly interactive?: boolean;
}

// A reader that stops early (`referat check … | head`) closes the pipe: that ends the output, not in a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
  interactive: process.stderr.isTTY === true,
};

export type FileResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly path: string; readonly problem: LocalizedText };

/** Files named on the command line, folders searched for `*.referat`, in a stable order. */
export async function collectFiles(paths: readonly string[]): Promise<FileResult[]> {
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
      if (found.length === 0) out.push({ ok: false, path: p, problem: { da: 'ingen *.referat-filer i mappen', en: 'no *.referat files in this folder' } });
      for (const f of found) out.push({ ok: true, path: f });
    } else out.push({ ok: true, path: p });
  }
  return out;
}

/**
 * Reads a referat as UTF-8; binary or non-UTF-8 files are refused with a reason, not guessed at.
 * Blocking: the commands (and the check's worker threads) do one file after another anyway.
 */
export function readReferatFile(path: string): DecodeResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { ok: false, problem: describeFsError(e) };
  }
  return decodeReferat(bytes);
}

export function describeFsError(e: unknown): LocalizedText {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return { da: 'filen eller mappen findes ikke', en: 'no such file or folder' };
  if (code === 'EACCES' || code === 'EPERM') return { da: 'adgang nægtet', en: 'permission denied' };
  if (code === 'EISDIR') return { da: 'er en mappe', en: 'is a folder' };
  return { da: `kan ikke læses (${code ?? String(e)})`, en: `cannot read (${code ?? String(e)})` };
}
