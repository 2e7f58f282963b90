import { EventSourcedApiKeyDirectory } from '../../../api/src/auth/api-keys/event-sourced-api-key-directory';
import { realClock } from '../../../api/src/auth/principal';
import type { LedgerRuntime } from '@ledger/runtime';
import { type CliIo, report } from '../io/cli-io';
import { EXIT, type ExitCode } from '../io/exit-codes';

const directoryOf = (runtime: LedgerRuntime) => new EventSourcedApiKeyDirectory(runtime.eventStore, runtime.secretBox, realClock);

/** `ledger api-keys issue <accountId>`: the secret is printed once and never stored in clear. */
export async function issueApiKeyCommand(runtime: LedgerRuntime, accountId: string, io: CliIo): Promise<ExitCode> {
  const issued = await directoryOf(runtime).issue(accountId);
  report(io, { accountId, ...issued }, () => `API key for ${accountId}\n  apiKey    ${issued.apiKey}\n  apiSecret ${issued.apiSecret}\n  (the secret is shown this once)`);
  return EXIT.OK;
}

/** `ledger api-keys revoke <apiKey>`. */
export async function revokeApiKeyCommand(runtime: LedgerRuntime, apiKey: string, io: CliIo): Promise<ExitCode> {
  await directoryOf(runtime).revoke(apiKey);
  report(io, { apiKey, revoked: true }, () => `API key ${apiKey} revoked`);
  return EXIT.OK;
}
