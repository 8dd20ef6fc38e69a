import { parseArgs } from 'node:util';
import { bothLanguages, localize, toLocale, type Locale, type LocalizedText } from '../i18n/locale';
import type { CliIO } from './io';

/** One option of a subcommand: its type, its short form, the word for its value, and what it does. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The value's placeholder in the usage line (`text|json`, `N`, `OUT.html|OUT.pdf`). */
  readonly value?: string;
  /** The option may be given again and again (`--by A --by B`): its value is every one, in order. */
  readonly multiple?: true;
  readonly help: LocalizedText;
}
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;
type Values<S extends OptionSpecs> = {
  [K in keyof S]?: S[K]['type'] extends 'string' ? (S[K]['multiple'] extends true ? string[] : string) : boolean;
};

/** What a subcommand's handler gets: its options read, its operands, and the way to refuse with the usage. */
export interface CommandInput<S extends OptionSpecs> {
  readonly values: Values<S> & { readonly locale: Locale };
  readonly positionals: readonly string[];
  /** Says the problem and the usage line on stderr; returns exit code 2. */
  usage(problem: LocalizedText): number;
}

/** A subcommand of `referat`: everything its usage, its help and its parsing are made from. */
export interface Subcommand<S extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** The operands, as the usage line names them (`PATH...`, `FILE`). */
  readonly operands: string;
  readonly summary: LocalizedText;
  readonly options: S;
  run(input: CommandInput<S>, io: CliIO): Promise<number>;
}

/** The two options every subcommand has, after its own. */
const COMMON: OptionSpecs = {
  locale: {
    type: 'string',
    value: 'da|en',
    help: { da: 'sproget for meddelelserne (ellers LC_ALL, LC_MESSAGES, LANG)', en: 'the language of the messages (else LC_ALL, LC_MESSAGES, LANG)' },
  },
  help: { type: 'boolean', short: 'h', help: { da: 'denne hjælp', en: 'this help' } },
};

/** `referat check PATH... [--format text|json] … [--locale da|en]`. */
export function usageLine(command: Subcommand): string {
  const options = Object.entries({ ...command.options, locale: COMMON.locale! }).map(([name, o]) => {
    const flag = o.short ? `-${o.short}` : `--${name}`;
    return `[${flag}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}]${o.multiple ? '…' : ''}`;
  });
  return `referat ${command.name} ${command.operands} ${options.join(' ')}`;
}

/** `referat X --help`: the usage line, what the command does, and each option with one line. */
export function commandHelp(command: Subcommand, locale: Locale): string {
  const rows = Object.entries({ ...command.options, ...COMMON }).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return `  ${flag.padEnd(COLUMN)} ${localize(o.help, locale)}`;
  });
  return `usage: ${usageLine(command)}\n\n${localize(command.summary, locale)}\n\n${rows.join('\n')}\n`;
}
/** Where the options' help starts in `referat X --help`. */
const COLUMN = 28;

export type ReadOptions = { ok: true; input: CommandInput<OptionSpecs>; help: boolean } | { ok: false; problem: LocalizedText };

/**
 * A subcommand's options read with node's own parser (`--x v` and `--x=v` alike), plus the two
 * every command has: --locale da|en (else LC_ALL, LC_MESSAGES, LANG) and -h/--help.
 */
export function readOptions(args: readonly string[], command: Subcommand, io: CliIO): ReadOptions {
  const options = Object.fromEntries(
    Object.entries({ ...command.options, ...COMMON }).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: withNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, problem: parseProblem(e) };
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const locale = values.locale;
  if (locale !== undefined && locale !== 'da' && locale !== 'en')
    return { ok: false, problem: { da: `ukendt sprog "${String(locale)}" (da eller en)`, en: `unknown locale "${String(locale)}" (da or en)` } };
  const input: CommandInput<OptionSpecs> = {
    values: { ...values, locale: locale ?? toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG) } as CommandInput<OptionSpecs>['values'],
    positionals: parsed.positionals,
    usage: (problem) => usageProblem(io, command, problem),
  };
  return { ok: true, input, help: values.help === true };
}

/**
 * A value that begins with a dash and a digit (`--jobs -1`) joined to its option (`--jobs=-1`): node's
 * parser takes it for an option and said the option needs a value, where the value itself is wrong.
 */
function withNegativeValues(args: readonly string[], options: Readonly<Record<string, { readonly type: string; readonly short?: string }>>): string[] {
  const takesValue = (arg: string): boolean => {
    const long = /^--([^=]+)$/.exec(arg)?.[1];
    if (long !== undefined) return options[long]?.type === 'string';
    const short = /^-(\w)$/.exec(arg)?.[1];
    return short !== undefined && Object.values(options).some((o) => o.short === short && o.type === 'string');
  };
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (next !== undefined && /^-\d/.test(next) && takesValue(arg)) {
      // A long option takes `=value`, a short one the value written right after it (`-o-1`).
      out.push(arg.startsWith('--') ? `${arg}=${next}` : `${arg}${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** `referat X: <problem>` and the usage line, on stderr: exit code 2. */
export function usageProblem(io: CliIO, command: Subcommand, problem: LocalizedText): number {
  io.stderr(`referat ${command.name}: ${bothLanguages(problem)}\nusage: ${usageLine(command)}\n`);
  return 2;
}

/** node's parse error in both languages: `Unknown option '--fast'`, `Option '-o, --output <value>' argument missing`. */
function parseProblem(e: unknown): LocalizedText {
  const code = (e as { code?: string }).code;
  const message = String((e as Error).message);
  const option = /'(?:-\w, )?(--?[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { da: `ukendt tilvalg "${option}"`, en: `unknown option "${option}"` };
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return message.includes('does not take')
      ? { da: `${option} tager ingen værdi`, en: `${option} takes no value` }
      : { da: `${option} skal have en værdi`, en: `${option} needs a value` };
  return { da: message, en: message };
}
