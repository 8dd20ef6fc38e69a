import { parseArgs } from 'node:util';
import { toLocale, type Locale, type LocalizedText } from '../i18n/locale';
import type { CliIO } from './io';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
type Values<S extends OptionSpec> = { [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean };

export type ReadOptions<S extends OptionSpec> =
  { ok: true; values: Values<S> & { locale: Locale; help: boolean }; positionals: string[] } | { ok: false; problem: LocalizedText };

/**
 * A command's options read with node's own parser (`--x v` and `--x=v` alike), plus the two
 * every command has: --locale da|en (else LC_ALL, LC_MESSAGES, LANG) and -h/--help.
 */
export function readOptions<S extends OptionSpec>(args: readonly string[], spec: S, io: CliIO): ReadOptions<S> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...spec, locale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const message = String((e as Error).message);
    // `Unknown option '--fast'`, `Option '-o, --output <value>' argument missing`.
    const option = /'(?:-\w, )?(--?[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { ok: false, problem: { da: `ukendt tilvalg "${option}"`, en: `unknown option "${option}"` } };
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return {
        ok: false,
        problem: message.includes('does not take')
          ? { da: `${option} tager ingen værdi`, en: `${option} takes no value` }
          : { da: `${option} skal have en værdi`, en: `${option} needs a value` },
      };
    }
    return { ok: false, problem: { da: message, en: message } };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const locale = values.locale;
  if (locale !== undefined && locale !== 'da' && locale !== 'en')
    return { ok: false, problem: { da: `ukendt sprog "${String(locale)}" (da eller en)`, en: `unknown locale "${String(locale)}" (da or en)` } };
  return {
    ok: true,
    values: { ...(values as Values<S>), locale: locale ?? toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG), help: values.help === true },
    positionals: parsed.positionals,
  };
}
