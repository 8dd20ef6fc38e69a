import { checkReferat } from '../rules/index';
import { parseReferat } from '../model/parse';
import { toLocale, type Locale } from '../i18n/locale';
import type { Diagnostic } from '../rules/types';
import { collectFiles, readReferatFile, type CliIO } from './io';

const USAGE = 'usage: referat check [--format text|json] [--locale da|en] PATH...';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

/** `referat check`: exit 0 without errors, 1 with errors, 2 for usage or I/O trouble. */
export async function runCheck(args: readonly string[], io: CliIO): Promise<number> {
  let format: 'text' | 'json' = 'text';
  let locale: Locale = toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(9) : args[++i];
      if (v !== 'text' && v !== 'json') return usage(io, `unknown format "${v ?? ''}"`);
      format = v;
    } else if (a === '--locale' || a.startsWith('--locale=')) {
      const v = a.includes('=') ? a.slice(9) : args[++i];
      if (v !== 'da' && v !== 'en') return usage(io, `unknown locale "${v ?? ''}"`);
      locale = v;
    } else if (a === '-h' || a === '--help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      return usage(io, `unknown option "${a}"`);
    } else paths.push(a);
  }
  if (paths.length === 0) return usage(io, 'no PATH given');

  let trouble = false;
  let errors = 0;
  const json: JsonFinding[] = [];
  const files = await collectFiles(paths, io);
  for (const f of files) {
    if (!f.ok) {
      io.stderr(`${f.path}: ${f.problem}\n`);
      trouble = true;
      continue;
    }
    const read = await readReferatFile(f.path, io);
    if (!read.ok) {
      io.stderr(`${f.path}: ${read.problem}\n`);
      trouble = true;
      continue;
    }
    const diagnostics = checkReferat(parseReferat(read.text), { locale });
    for (const d of diagnostics) {
      if (d.severity === 'error') errors++;
      const line = d.range.start.line + 1;
      const column = d.range.start.character + 1;
      if (format === 'text') io.stdout(`${f.path}:${line}:${column}: ${d.severity} ${d.code}: ${d.message}\n`);
      else json.push({ file: f.path, line, column, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, severity: d.severity, code: d.code, message: d.message });
    }
  }
  if (format === 'json') io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  if (trouble) return 2;
  return errors > 0 ? 1 : 0;
}

function usage(io: CliIO, problem: string): number {
  io.stderr(`referat check: ${problem}\n${USAGE}\n`);
  return 2;
}
