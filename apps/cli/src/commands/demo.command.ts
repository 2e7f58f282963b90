import { seedDemoData } from '@ledger/demo';
import type { LedgerRuntime } from '@ledger/runtime';
import { type CliIo, report } from '../io/cli-io';
import { EXIT, type ExitCode } from '../io/exit-codes';

export interface DemoCommandOptions {
  readonly accountId?: string;
  readonly now?: string;
}

/** `ledger demo [--account <id>] [--now <instant>]`: seeds the demo history through the command handler. */
export async function demoCommand(runtime: LedgerRuntime, options: DemoCommandOptions, io: CliIo): Promise<ExitCode> {
  const summary = await seedDemoData(runtime, { accountId: options.accountId, now: options.now });
  report(
    io,
    summary,
    () => `demo data: accounts ${summary.accounts.join(', ')}; ${summary.commands} commands (${summary.duplicates} already there), ${summary.billingLogs} billing logs`,
  );
  return EXIT.OK;
}
