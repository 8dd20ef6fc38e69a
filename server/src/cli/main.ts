import { runCheck } from './check';
import { processIO, type CliIO } from './io';

const USAGE = `usage:
  referat check [--format text|json] [--locale da|en] [--jobs N] PATH...
  referat render FILE [-o OUT.html] [--public] [--locale da|en]`;

type Command = (args: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  check: runCheck,
  // Loaded when asked for: rendering brings markdown-it, which `check` never needs.
  render: async (args, io) => (await import('./render')).runRender(args, io),
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help') {
    (name ? io.stdout : io.stderr)(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`referat: unknown command "${name}" / ukendt kommando "${name}"\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    // A bug must still end with one line and exit 2, never a stack trace.
    io.stderr(`referat ${name}: internal error / intern fejl: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
