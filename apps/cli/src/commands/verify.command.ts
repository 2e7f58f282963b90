import { type AuditDeps, type DocumentDifference, type StoreVerification, verifyStore } from '@ledger/audit';
import { type CliIo, report } from '../io/cli-io';
import { EXIT, type ExitCode } from '../io/exit-codes';

const MAX_LISTED = 50;
const show = (value: unknown): string => JSON.stringify(value);

export const describeDifference = (difference: DocumentDifference): string[] => {
  const head = `  ${difference.collection}/${difference.id}: ${difference.kind}`;
  return [head, ...difference.fields.map((field) => `      ${field.field}: stored ${show(field.current)}, replay ${show(field.replayed)}`)];
};

export function renderVerification(result: StoreVerification): string {
  const lines = [
    `verify: ${result.ok ? 'OK' : 'FAILED'} — ${result.accounts} accounts, ${result.events} events, read models compared up to ${result.comparedUpTo ?? '(nothing projected)'}`,
  ];
  for (const chain of result.brokenChains) lines.push(`  hash chain broken: account ${chain.accountId} at revision ${chain.firstBadRevision}`);
  for (const failure of result.replayFailures) lines.push(`  replay failed: account ${failure.accountId} at revision ${failure.revision}: ${failure.message}`);
  if (result.differences.length > 0) lines.push(`  read models differing from a fresh replay: ${result.differences.length} documents`);
  result.differences.slice(0, MAX_LISTED).forEach((difference) => lines.push(...describeDifference(difference)));
  if (result.differences.length > MAX_LISTED) lines.push(`  … ${result.differences.length - MAX_LISTED} more (use --json for all)`);
  return lines.join('\n');
}

/** `ledger verify`: exit 0 when every chain holds and every read model equals a fresh replay, else 1. */
export async function verifyCommand(deps: AuditDeps, io: CliIo): Promise<ExitCode> {
  const replayBar = io.progress('replaying');
  const chainBar = io.progress('chains');
  const result = await verifyStore(deps, {
    onReplayProgress: ({ done, total }) => replayBar.update(done, total),
    onAccountVerified: (done, total) => chainBar.update(done, total),
  });
  replayBar.stop();
  chainBar.stop();
  report(io, result, () => renderVerification(result));
  return result.ok ? EXIT.OK : EXIT.FINDINGS;
}
