import { stat } from 'node:fs/promises';
import type { LocalizedText } from '../i18n/locale';
import { fsProblem, readFileSafelySync, REFERAT_LIMIT, refusal } from '../node/files';
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
      out.push({ ok: false, path: p, problem: fsProblem(e) });
      continue;
    }
    if (s.isDirectory()) {
      const unreadable: FileResult[] = [];
      const found = await nodeWorkspace.listReferater(p, {
        unreadable: (folder, code) => unreadable.push({ ok: false, path: folder, problem: fsProblem({ code }) }),
      });
      // A folder that cannot be read is said, not passed over: its referater would be missing from the check without a word.
      out.push(...unreadable);
      if (found.length === 0 && unreadable.length === 0)
        out.push({ ok: false, path: p, problem: { da: 'ingen *.referat-filer i mappen', en: 'no *.referat files in this folder' } });
      for (const f of found) out.push({ ok: true, path: f });
      continue;
    }
    // A FIFO, a device or a file too large is said at once, before any thread starts to read it.
    const problem = refusal(s, REFERAT_LIMIT);
    out.push(problem ? { ok: false, path: p, problem } : { ok: true, path: p });
  }
  return out;
}

/**
 * Reads a referat (UTF-8, or UTF-16 with its byte order mark); a FIFO, a device, a folder, a file
 * over the size limit, binary or undecodable bytes are refused with a reason, not guessed at.
 * Blocking: the commands (and the check's worker threads) do one file after another anyway.
 */
export function readReferatFile(path: string): DecodeResult {
  const read = readFileSafelySync(path, REFERAT_LIMIT);
  return read.ok ? decodeReferat(read.bytes) : { ok: false, problem: read.problem };
}
