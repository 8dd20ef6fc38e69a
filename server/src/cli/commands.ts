import type { CliIO } from './io';
import type { CommandInput, OptionSpecs, Subcommand } from './options';
import { runCheck } from './check';

/*
 * Every subcommand of `referat` in one table: its operands, its options with their types and
 * help, what it does and its handler. `referat --help`, each `referat X --help`, the usage lines
 * and the parsing are made from it (options.ts).
 */

const JOBS = { type: 'string', value: 'N', help: { da: 'antal tråde (1: kun denne tråd)', en: 'number of threads (1: this thread only)' } } as const;
const FORCE = { type: 'boolean', help: { da: 'erstat en fil, der findes', en: 'replace a file that exists' } } as const;

export const CHECK_OPTIONS = {
  format: { type: 'string', value: 'text|json', help: { da: 'fund som linjer (text) eller som JSON', en: 'findings as lines (text) or as JSON' } },
  jobs: JOBS,
  spelling: { type: 'boolean', help: { da: 'stavekontrol med mapperne som arkiv', en: 'spell check, with the folders as the archive' } },
  verbose: {
    type: 'boolean',
    help: { da: 'hver fil med sin dialekt og sine punkter (på stderr)', en: 'each file with its dialect and its items (on stderr)' },
  },
} as const;

export const RENDER_OPTIONS = {
  output: {
    type: 'string',
    short: 'o',
    value: 'OUT.html|OUT.pdf|OUT.json',
    help: { da: 'filen, der skrives (ellers HTML på stdout)', en: 'the file to write (else HTML on stdout)' },
  },
  force: FORCE,
  format: {
    type: 'string',
    value: 'html|pdf|json',
    help: {
      da: 'formatet: side, PDF eller protokollen som data (ellers efter -o-filens endelse)',
      en: "the format: page, PDF or the protokol as data (else by -o's extension)",
    },
  },
  public: { type: 'boolean', help: { da: 'den offentlige udgave, uden lukkede punkter', en: 'the public version, without closed items' } },
} as const;

export const CREATE_REFERAT_OPTIONS = {
  output: {
    type: 'string',
    short: 'o',
    value: 'OUT',
    help: { da: 'referatets fil (ellers ved siden af dagsordenen)', en: "the referat's file (else beside the dagsorden)" },
  },
} as const;

export const IMPORT_OPTIONS = {
  output: {
    type: 'string',
    short: 'o',
    value: 'OUT.referat',
    help: { da: 'referatets fil (kun med én kildefil)', en: "the referat's file (one source file only)" },
  },
  'out-dir': { type: 'string', value: 'DIR', help: { da: 'mappen, referaterne skrives i', en: 'the folder to write the referater in' } },
  force: FORCE,
  jobs: JOBS,
} as const;

export const APPROVE_OPTIONS = {
  by: {
    type: 'string',
    value: 'NAME',
    multiple: true,
    help: { da: 'hvem der godkender (gentages for hvert medlem)', en: 'who approves (repeated for each member)' },
  },
  date: {
    type: 'string',
    value: 'DD-MM-YYYY',
    help: { da: 'godkendelsens dato, DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD (ellers i dag)', en: 'the date of the approval, DD-MM-YYYY or YYYY-MM-DD (else today)' },
  },
  force: { type: 'boolean', help: { da: 'erstat en godkendelse, der allerede står der', en: 'replace an approval already there' } },
} as const;

/** A table row, its options typed for its handler (a method: the row stands among the others). */
function subcommand<S extends OptionSpecs>(c: Subcommand<S>): Subcommand {
  return c;
}

type Handler<S extends OptionSpecs> = (input: CommandInput<S>, io: CliIO) => Promise<number>;

export const COMMANDS: readonly Subcommand[] = [
  subcommand({
    name: 'check',
    operands: 'PATH...',
    summary: {
      da: 'Tjek referater (filer og mapper) med reglerne og den nærmeste referat.yaml',
      en: 'Check referater (files and folders) against the rules and the nearest referat.yaml',
    },
    options: CHECK_OPTIONS,
    run: runCheck,
  }),
  subcommand({
    name: 'render',
    operands: 'FILE',
    summary: {
      da: 'Gengiv et referat som en selvstændig HTML-side eller en tilgængelig PDF (intern eller offentlig udgave)',
      en: 'Render a referat as a standalone HTML page or an accessible PDF (internal or public version)',
    },
    options: RENDER_OPTIONS,
    // Loaded when asked for: rendering brings markdown-it (and pdfkit), which `check` never needs.
    run: (async (input, io) => (await import('./render')).runRender(input, io)) satisfies Handler<typeof RENDER_OPTIONS>,
  }),
  subcommand({
    name: 'create-referat',
    operands: 'DAGSORDEN',
    summary: {
      da: 'Opret referatet fra mødets dagsorden, med en tom beslutning i hvert åbent punkt',
      en: "Create the referat from the meeting's agenda, with an empty decision in every open item",
    },
    options: CREATE_REFERAT_OPTIONS,
    run: (async (input, io) => (await import('./createReferat')).runCreateReferat(input, io)) satisfies Handler<typeof CREATE_REFERAT_OPTIONS>,
  }),
  subcommand({
    name: 'import',
    operands: 'SOURCE...',
    summary: {
      da: 'Importér offentliggjorte referater (PDF, First Agenda-side eller -JSON, SBSYS-XML) som .referat-filer, ét pr. møde',
      en: 'Import published minutes (PDF, First Agenda page or JSON, SBSYS XML) as .referat files, one per meeting',
    },
    options: IMPORT_OPTIONS,
    run: (async (input, io) => (await import('./import')).runImport(input, io)) satisfies Handler<typeof IMPORT_OPTIONS>,
  }),
  subcommand({
    name: 'approve',
    operands: 'FILE',
    summary: {
      da: 'Godkend referatet: hvem og hvornår, og et segl over teksten, skrevet sidst i filen',
      en: 'Approve the referat: who and when, and a seal of its text, written at the end of the file',
    },
    options: APPROVE_OPTIONS,
    run: (async (input, io) => (await import('./approve')).runApprove(input, io)) satisfies Handler<typeof APPROVE_OPTIONS>,
  }),
];
