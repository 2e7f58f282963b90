import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { type StoreVerification, verifyStore } from '@ledger/audit';
import { DEFAULT_CATALOG } from '@ledger/domain';
import { openSqliteEventStore, positionToString } from '@ledger/event-store';
import type { CommandResultMessage } from '@ledger/messaging';
import { type MovementTotals, SandboxPaymentGateway } from '@ledger/payments';
import { PROJECTOR_CHECKPOINT } from '@ledger/projections';
import type { MongoReadStore } from '@ledger/read-store';
import { pollUntil } from '../../infra/poll';
import { commandOrderInStream, moneyAtGateway, moneyInEvents } from '../../kafka/support/ledger-assertions';
import type { ChaosTraffic } from './chaos-traffic';
import { expectedMovements, movementKeys, outcomesByCommand } from './chaos-verdict';

export async function waitForTopics(kafka: Kafka, topics: string[], abortReason: () => string | undefined): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await pollUntil(
      async () => {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((topic) => !existing.has(topic));
        if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}`);
      },
      { what: 'the worker creating its topics', timeoutMs: 60_000, intervalMs: 200, abortReason },
    );
  } finally {
    await admin.disconnect();
  }
}

/** Waits until the projector's checkpoint (in Mongo) is the event store's head; returns that position. */
export async function waitForProjection(dir: string, readStore: MongoReadStore, abortReason: () => string | undefined): Promise<string> {
  const watcher = openSqliteEventStore({ file: join(dir, 'events.sqlite') });
  try {
    return await pollUntil(
      async () => {
        const head = await watcher.headPosition();
        const checkpoint = await readStore.checkpoints.get(PROJECTOR_CHECKPOINT);
        const [headText, checkpointText] = [head && positionToString(head), checkpoint && positionToString(checkpoint)];
        if (!headText || headText !== checkpointText) throw new Error(`projected ${checkpointText} of ${headText}`);
        return headText;
      },
      { what: 'the projection reaching the head', timeoutMs: 120_000, intervalMs: 100, abortReason },
    );
  } finally {
    await watcher.close();
  }
}

export interface RunToJudge {
  /** The workers' data dir: events.sqlite and gateway.sqlite. */
  readonly dir: string;
  readonly readStore: MongoReadStore;
  readonly traffic: ChaosTraffic;
  /** Every result published, re-answers included. */
  readonly published: readonly CommandResultMessage[];
  readonly accountIds: readonly string[];
  /** The event store's head, which the read models have reached. */
  readonly head: string;
}

/**
 * The ledger after a run of script traffic is true: every command has exactly one distinct outcome,
 * the gateway moved money exactly once per accepted payment command and exactly the amounts the
 * events record, each account's stream holds the commands in the order first sent, the hash chains
 * are intact and the read models equal a fresh replay.
 */
export async function expectLedgerTrue(run: RunToJudge): Promise<{ totals: MovementTotals; verification: StoreVerification }> {
  const { traffic, published } = run;
  const commandIds = new Set(traffic.sent.map((envelope) => envelope.commandId));
  const outcomes = outcomesByCommand(published);
  expect([...commandIds].filter((commandId) => !outcomes.has(commandId))).toEqual([]);
  expect([...outcomes].filter(([, distinct]) => distinct.size !== 1).map(([commandId, distinct]) => ({ commandId, outcomes: [...distinct] }))).toEqual([]);
  expect(outcomes.size).toBe(commandIds.size);

  const store = openSqliteEventStore({ file: join(run.dir, 'events.sqlite') });
  const gateway = new SandboxPaymentGateway({ path: join(run.dir, 'gateway.sqlite') });
  try {
    const movements = gateway.listMovements();
    expect(movementKeys(movements)).toEqual(expectedMovements(published, traffic.typeOf));
    expect(moneyAtGateway(movements, run.accountIds)).toEqual(await moneyInEvents(store, run.accountIds));
    for (const accountId of run.accountIds) {
      const firstSends = [...new Set(traffic.sent.filter((envelope) => envelope.accountId === accountId).map((envelope) => envelope.commandId))];
      expect({ accountId, order: await commandOrderInStream(store, accountId) }).toEqual({ accountId, order: firstSends });
    }
    const verification = await verifyStore({ eventStore: store, readStore: run.readStore, catalog: () => DEFAULT_CATALOG });
    expect({ ok: verification.ok, brokenChains: verification.brokenChains, replayFailures: verification.replayFailures, differences: verification.differences.slice(0, 5) }).toEqual({
      ok: true,
      brokenChains: [],
      replayFailures: [],
      differences: [],
    });
    expect(verification.comparedUpTo).toBe(run.head);
    return { totals: gateway.totals(), verification };
  } finally {
    await store.close();
    await gateway.close();
  }
}
