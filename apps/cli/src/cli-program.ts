import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { type CliIo, processIo } from './io/cli-io';
import { parseFormat, parseInstant } from './io/cli-arguments';
import { type CliRuntime, openCliRuntime } from './io/cli-runtime';
import { EXIT, type ExitCode } from './io/exit-codes';
import { ALL_READ_MODELS, rebuildCommand } from './commands/rebuild.command';
import { demoCommand } from './commands/demo.command';
import { exportCommand } from './commands/export.command';
import { issueApiKeyCommand, revokeApiKeyCommand } from './commands/api-keys.command';
import { replayCommand } from './commands/replay.command';
import { verifyCommand } from './commands/verify.command';
import { backupCommand, restoreCommand } from './commands/backup.command';
import { runtimeConfigFromEnv } from '@ledger/runtime';

export interface CliEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly io?: (json: boolean) => CliIo;
  readonly openRuntime?: (io: CliIo, env: NodeJS.ProcessEnv) => Promise<CliRuntime>;
}

/** Builds the `ledger` program; each action opens the runtime, runs one command function and records its exit code. */
export function buildCliProgram(environment: CliEnvironment, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('ledger')
    .description('Billing ledger operations and audit: verify, rebuild, replay, export, backup, restore, api keys, demo data')
    .option('--json', 'machine-readable output on stdout')
    .showHelpAfterError();

  const run = (action: (runtime: CliRuntime, io: CliIo) => Promise<ExitCode>) => async () => {
    const io = (environment.io ?? processIo)(Boolean(program.opts().json));
    const runtime = await (environment.openRuntime ?? openCliRuntime)(io, environment.env);
    try {
      setExitCode(await action(runtime, io));
    } finally {
      await runtime.close();
    }
  };
  const reportsDir = (out: string | undefined, cli: CliRuntime) => out ?? join(cli.runtime.config.dataDir, 'reports');

  program
    .command('verify')
    .description('every hash chain, and every read model against a fresh replay; exit 1 on any difference')
    .action(() => run((cli, io) => verifyCommand(cli.deps, io))());

  program
    .command('rebuild <projection>')
    .description(`blue-green rebuild of the read models (${ALL_READ_MODELS}, or one collection to narrow the diff) with a diff report`)
    .option('--switch', 'flip the live pointer to the new version once caught up')
    .option('--out <dir>', 'where the diff report goes (default <LEDGER_DATA_DIR>/reports)')
    .action((projection: string, options: { switch?: boolean; out?: string }) =>
      run((cli, io) =>
        rebuildCommand(cli.runtime.eventStore, cli.runtime.readStore, { projection, switchLive: Boolean(options.switch), outDir: reportsDir(options.out, cli) }, io),
      )(),
    );

  program
    .command('replay')
    .description('plan state and billing logs of an account at an instant, folded from its events')
    .requiredOption('--account <id>', 'account id')
    .option('--until <instant>', 'ISO-8601 instant or YYYY-MM-DD (KST); default now', parseInstant)
    .action((options: { account: string; until?: string }) =>
      run((cli, io) => replayCommand(cli.deps, { accountId: options.account, until: options.until ?? cli.runtime.clock.now().toISOString() }, io))(),
    );

  program
    .command('export')
    .description('billing logs of [from, to) for accounting, with a SHA-256 manifest')
    .requiredOption('--from <instant>', 'inclusive; ISO-8601 instant or YYYY-MM-DD (KST)', parseInstant)
    .requiredOption('--to <instant>', 'exclusive; ISO-8601 instant or YYYY-MM-DD (KST)', parseInstant)
    .option('--format <format>', 'csv or ndjson', parseFormat, 'csv' as const)
    .option('--account <ids...>', 'only these accounts')
    .option('--out <dir>', 'output directory (default <LEDGER_DATA_DIR>/exports)')
    .action((options: { from: string; to: string; format: 'csv' | 'ndjson'; account?: string[]; out?: string }) =>
      run((cli, io) =>
        exportCommand(
          cli.deps.readStore,
          { from: options.from, to: options.to, format: options.format, accountIds: options.account, outDir: options.out ?? join(cli.runtime.config.dataDir, 'exports') },
          io,
        ),
      )(),
    );

  // Backup and restore work on the files, without opening the runtime (no projection at start, and
  // restore needs the data directory free).
  const withFiles = (action: (dirs: { dataDir: string; kurrentdbUrl?: string }, io: CliIo) => Promise<ExitCode>) => async () => {
    const io = (environment.io ?? processIo)(Boolean(program.opts().json));
    setExitCode(await action(runtimeConfigFromEnv(environment.env), io));
  };
  program
    .command('backup <dir>')
    .description('online copy of the embedded data directory (events, gateway, master key) with a verified SHA-256 manifest')
    .action((dir: string) => withFiles((dirs, io) => backupCommand(dirs, dir, new Date(), io))());
  program
    .command('restore <dir>')
    .description('check a backup against its manifest and copy it into an empty LEDGER_DATA_DIR (processes stopped)')
    .action((dir: string) => withFiles((dirs, io) => restoreCommand(dirs, dir, io))());

  const apiKeys = program.command('api-keys').description('issue and revoke HMAC API keys');
  apiKeys.command('issue <accountId>').action((accountId: string) => run((cli, io) => issueApiKeyCommand(cli.runtime, accountId, io))());
  apiKeys.command('revoke <apiKey>').action((apiKey: string) => run((cli, io) => revokeApiKeyCommand(cli.runtime, apiKey, io))());

  program
    .command('demo')
    .description('seed the demo accounts through the command handler')
    .option('--account <id>', 'demo account id')
    .option('--now <instant>', 'the history ends here (default now)', parseInstant)
    .action((options: { account?: string; now?: string }) => run((cli, io) => demoCommand(cli.runtime, { accountId: options.account, now: options.now }, io))());

  return program;
}

/** Runs the CLI on argv and resolves to the process exit code (usage errors 2, failures 3). */
export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT.OK;
  const program = buildCliProgram(environment, (code) => (exitCode = code));
  const overrideExit = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(overrideExit);
  };
  overrideExit(program);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    process.stderr.write(`ledger: ${(error as Error).message}\n`);
    return EXIT.FAILURE;
  }
}
