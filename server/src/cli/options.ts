import { parseArgs } from 'node:util';
import { toLocale, type Locale } from '../i18n/locale';
import type { CliIO } from './io';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type Values<S extends OptionSpec> = { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

export type ReadOptions<S extends OptionSpec> = { ok: true; values: Values<S> & { locale: Locale; help: boolean }; positionals: string[] } | { ok: false; problem: string };

/**
 * A command's options read with node's own parser (`--x v` and `--x=v` alike), plus the two
 * every command has: --locale da|en (else LC_ALL, LC_MESSAGES, LANG) and -h/--help. A problem
 * is one line for the usage message, in English / Danish as the I/O problems are, since the
 * locale may be what could not be read.
 */
export function readOptions<S extends OptionSpec>(args: readonly string[], spec: S, io: CliIO): ReadOptions<S> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...spec, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = String((e as Error).message);
    // `Unknown option '--fast'`, `Option '-o, --output <value>' argument missing`.
    const option = /'(?:-\w, )?(--?[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { ok: false, problem: `unknown option "${option}" / ukendt tilvalg "${option}"` };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return { ok: false, problem: message.includes('does not take') ? `${option} takes no value / ${option} tager ingen værdi` : `${option} needs a value / ${option} skal have en værdi` };
    return { ok: false, problem: message };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const locale = values.locale;
  if (locale !== undefined && locale !== 'da' && locale !== 'en') return { ok: false, problem: `unknown locale "${String(locale)}" (da or en) / ukendt sprog "${String(locale)}" (da eller en)` };
  return {
    ok: true,
    values: { ...(values as Values<S>), locale: locale ?? toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG), help: values.help === true },
    positionals: parsed.positionals,
  };
}
