import { bothLanguages, localize, toLocale, type LocalizedText } from '../i18n/locale';
import { CHECK_USAGE, runCheck } from './check';
import { processIO, type CliIO } from './io';
import { RENDER_USAGE } from './render';
import { CREATE_REFERAT_USAGE } from './createReferat';
import { IMPORT_USAGE } from './import';
import { APPROVE_USAGE } from './approve';

declare const __REFERAT_VERSION__: string | undefined;
const VERSION = typeof __REFERAT_VERSION__ === 'string' ? __REFERAT_VERSION__ : 'dev';

type Command = (args: string[], io: CliIO) => Promise<number>;

/** Every command, with one line on what it does, for `referat --help`. */
const COMMANDS: Record<string, { readonly run: Command; readonly usage: string; readonly summary: LocalizedText }> = {
  check: {
    run: runCheck,
    usage: CHECK_USAGE,
    summary: {
      da: 'Tjek referater (filer og mapper) med reglerne og den nærmeste referat.yaml',
      en: 'Check referater (files and folders) against the rules and the nearest referat.yaml',
    },
  },
  render: {
    // Loaded when asked for: rendering brings markdown-it (and pdfkit), which `check` never needs.
    run: async (args, io) => (await import('./render')).runRender(args, io),
    usage: RENDER_USAGE,
    summary: {
      da: 'Gengiv et referat som en selvstændig HTML-side eller en tilgængelig PDF (intern eller offentlig udgave)',
      en: 'Render a referat as a standalone HTML page or an accessible PDF (internal or public version)',
    },
  },
  'create-referat': {
    run: async (args, io) => (await import('./createReferat')).runCreateReferat(args, io),
    usage: CREATE_REFERAT_USAGE,
    summary: {
      da: 'Opret referatet fra mødets dagsorden, med en tom beslutning i hvert åbent punkt',
      en: "Create the referat from the meeting's agenda, with an empty decision in every open item",
    },
  },
  import: {
    run: async (args, io) => (await import('./import')).runImport(args, io),
    usage: IMPORT_USAGE,
    summary: {
      da: 'Importér offentliggjorte referater (PDF, First Agenda-side eller -JSON, SBSYS-XML) som .referat-filer, ét pr. møde',
      en: 'Import published minutes (PDF, First Agenda page or JSON, SBSYS XML) as .referat files, one per meeting',
    },
  },
  approve: {
    run: async (args, io) => (await import('./approve')).runApprove(args, io),
    usage: APPROVE_USAGE,
    summary: {
      da: 'Godkend referatet: hvem og hvornår, og et segl over teksten, skrevet sidst i filen',
      en: 'Approve the referat: who and when, and a seal of its text, written at the end of the file',
    },
  },
};

function help(io: CliIO): string {
  const locale = toLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${localize(c.summary, locale)}\n                 ${c.usage}`);
  const intro = localize(
    { da: 'Referat: tjek og gengiv referater fra danske kommuners møder.', en: 'Referat: check and render the minutes of Danish municipal meetings.' },
    locale,
  );
  const more = localize({ da: 'referat KOMMANDO --help viser kommandoens tilvalg.', en: "referat COMMAND --help shows the command's options." }, locale);
  return `${intro}\n\nusage: referat COMMAND [OPTIONS]\n\n${lines.join('\n')}\n\n  --version  ${localize({ da: 'versionsnummeret', en: 'the version number' }, locale)}\n  --help     ${localize({ da: 'denne hjælp', en: 'this help' }, locale)}\n\n${more}\n`;
}

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout(`referat ${VERSION}\n`);
    return 0;
  }
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    if (name) io.stdout(help(io));
    else io.stderr(help(io));
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`referat: ${bothLanguages({ da: `ukendt kommando "${name}"`, en: `unknown command "${name}"` })}\n\n${help(io)}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // A bug must still end with one line and exit 2, never a stack trace.
    const why = e instanceof Error ? e.message : String(e);
    io.stderr(`referat ${name}: ${bothLanguages({ da: `intern fejl: ${why}`, en: `internal error: ${why}` })}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
