import { join } from 'node:path';
import { type AuditDeps } from '@ledger/audit';
import { type BillingLog, type CommandType, type PlanView, compareNewestFirst, initialState, planView } from '@ledger/domain';
import { positionFromString } from '@ledger/event-store';
import type { CommandOutcome } from '@ledger/ledger';
import { type BillingLogDocument, type PlanDocument, READ_MODELS, planStateOf } from '@ledger/projections';
import type { CliIo } from '../../../apps/cli/src/io/cli-io';
import { auditDepsOf } from '../../../apps/cli/src/io/cli-runtime';
import { type EnvelopeOptions, envelope } from '../../api-ledger/support/envelopes';
import { LedgerApiHarness, bearer } from '../../api-ledger/support/ledger-api-harness';

export { kst, VISA_OK, VISA_DECLINED } from '../../api-ledger/support/envelopes';
export { bearer };

/** What the read models showed for an account, kept to compare with a later as-of replay. */
export interface ReadModelRecord {
  readonly planDocument: PlanDocument | undefined;
  readonly logs: BillingLogDocument[];
}

/** A real api and runtime; commands go straight to `runtime.commands.handle` at the test clock's instant. */
export class AuditLedger {
  private constructor(readonly api: LedgerApiHarness) {}

  static async start(): Promise<AuditLedger> {
    return new AuditLedger(await LedgerApiHarness.start());
  }

  get runtime() {
    return this.api.runtime;
  }

  get eventsFile(): string {
    return join(this.runtime.config.dataDir, 'events.sqlite');
  }

  get deps(): AuditDeps {
    return auditDepsOf(this.runtime);
  }

  async handle(accountId: string, type: CommandType, payload: Record<string, unknown>, at: string, options?: EnvelopeOptions): Promise<CommandOutcome> {
    this.api.at(at);
    const outcome = await this.runtime.commands.handle(envelope(accountId, type, payload, at, options));
    if (outcome.position) await this.runtime.projector.whenVisible(positionFromString(outcome.position));
    return outcome;
  }

  async accept(accountId: string, type: CommandType, payload: Record<string, unknown>, at: string, options?: EnvelopeOptions): Promise<readonly string[]> {
    const outcome = await this.handle(accountId, type, payload, at, options);
    if (outcome.status !== 'ACCEPTED') throw new Error(`${type} was not accepted: ${JSON.stringify(outcome)}`);
    return outcome.billingLogIds;
  }

  async record(accountId: string): Promise<ReadModelRecord> {
    const planDocument = await this.runtime.readStore.collection<PlanDocument>(READ_MODELS.plans).get(accountId);
    const logs = await this.runtime.readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs).find({ accountId });
    return { planDocument, logs: logs.sort((a: BillingLog, b: BillingLog) => compareNewestFirst(a, b)) };
  }

  /** What GET /plans/me would have answered at `at` from a recorded plan document. */
  planShownAt(accountId: string, record: ReadModelRecord, at: string): PlanView {
    const state = record.planDocument ? planStateOf(record.planDocument) : initialState(accountId);
    return planView(state, this.runtime.catalog(), at);
  }

  auditor(): Promise<string> {
    return bearer('auditor-1', 'auditor');
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

/** A CliIo that keeps what the command wrote. */
export function capturingIo(json: boolean): CliIo & { readonly stdout: string[]; readonly stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    json,
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    progress: () => ({ update: () => undefined, stop: () => undefined }),
  };
}
