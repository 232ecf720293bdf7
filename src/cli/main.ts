// The operator CLI: `npm run cli -- <command>` or `switchboard <command>`. See usage.ts.
import { ConfigError } from '../config.ts';
import { DomainError } from '../core/errors.ts';
import { EXIT_CONFIG, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './errors.ts';
import { USAGE } from './usage.ts';

const GLOBAL_FLAGS = new Set(['--json', '--help', '-h']);
/** Failures whose message says it all: no database where the command looked, a busy port. */
const ONE_LINE_ERRORS = new Set(['NoDatabaseError', 'StartError']);

/** Runs one command; resolves to the exit code (serve resolves once the server listens). */
export async function runCli(argv: string[]): Promise<number> {
  try {
    // Command words come first; only global flags may precede them.
    const leading: string[] = [];
    let i = 0;
    while (i < argv.length && argv[i]!.startsWith('-')) {
      if (!GLOBAL_FLAGS.has(argv[i]!)) throw new UsageError(`unknown option "${argv[i]}" before the command`);
      leading.push(argv[i++]!);
    }
    const rest = argv.slice(i);
    const wantsHelp = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length).some((a) => a === '--help' || a === '-h');
    const [command, ...args] = rest;
    if (wantsHelp || command === undefined || command === 'help') {
      process.stdout.write(USAGE);
      return EXIT_OK;
    }
    // Commands are imported when run: loading the whole server for `help` would be slow.
    const withGlobals = (more: string[]) => [...leading, ...more];
    switch (command) {
      case 'serve':
        await (await import('./commands/serve.ts')).serve(withGlobals(args));
        return EXIT_OK;
      case 'worker':
        await (await import('./commands/worker.ts')).worker(withGlobals(args));
        return EXIT_OK;
      case 'migrate':
        await (await import('./commands/migrate.ts')).migrate(withGlobals(args));
        return EXIT_OK;
      case 'workspace':
      case 'workspaces':
        await (await import('./commands/workspace.ts')).workspaceCommand(args[0], withGlobals(args.slice(1)));
        return EXIT_OK;
      case 'key':
      case 'keys':
        await (await import('./commands/key.ts')).keyCommand(args[0], withGlobals(args.slice(1)));
        return EXIT_OK;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    return report(err);
  }
}

function report(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`switchboard: ${err.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`switchboard: configuration error: ${err.message}\n`);
    return EXIT_CONFIG;
  }
  // By name: importing the store or the server here would load all of it for `help` too.
  if (err instanceof DomainError || (err instanceof Error && ONE_LINE_ERRORS.has(err.name))) {
    process.stderr.write(`switchboard: ${err.message}\n`);
    return EXIT_FAILED;
  }
  process.stderr.write(`switchboard: failed: ${err instanceof Error ? err.message : String(err)}\n`);
  return EXIT_FAILED;
}

process.exitCode = await runCli(process.argv.slice(2));
