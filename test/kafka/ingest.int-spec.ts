// E1 and E9 over Kafka, dead letters and domain rejections, against the real broker of the global setup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { DEAD_LETTER_HEADERS, type CommandResultMessage } from '@ledger/messaging';
import type { SandboxPaymentGateway } from '@ledger/payments';
import { type BillingLogDocument, READ_MODELS } from '@ledger/projections';
import { type LedgerRuntime, openLedgerRuntime } from '@ledger/runtime';
import { type RunningWorker, startWorker } from '../../apps/worker/src/start-worker';
import { pollUntil } from '../infra/poll';
import { VISA_OK, asMessage, commandEnvelope } from './support/envelopes';
import { TopicCollector, isolatedNames, openProducer, produce, testKafka, testWorkerSettings } from './support/kafka-test-kit';

jest.setTimeout(120_000);

const E1_AT = '2026-04-23T00:15:30.123Z';
const SETUP_AT = '2026-03-31T15:00:00.000Z';

describe('Kafka ingest (worker in process)', () => {
  const names = isolatedNames('ingest');
  let dir: string;
  let runtime: LedgerRuntime;
  let worker: RunningWorker;
  let kafka: Kafka;
  let producer: Producer;
  let results: TopicCollector;
  let deadLetters: TopicCollector;

  const resultsOf = (commandId: string): CommandResultMessage[] =>
    results.json<CommandResultMessage>().filter((result) => result.commandId === commandId);
  const waitForResults = (commandId: string, count: number) =>
    results.waitFor(`${count} result(s) of ${commandId}`, () => resultsOf(commandId).length >= count);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kafka-ingest-'));
    runtime = await openLedgerRuntime({ dataDir: dir, mongoDbName: 'unused', testClock: true });
    worker = await startWorker(runtime, testWorkerSettings(names), { logger: ['error'] });
    kafka = testKafka('ingest-test');
    producer = await openProducer(kafka);
    results = await TopicCollector.start(kafka, names.topics.results);
    deadLetters = await TopicCollector.start(kafka, names.topics.deadLetters);
  });

  afterAll(async () => {
    await results?.stop();
    await deadLetters?.stop();
    await producer?.disconnect();
    await worker?.close();
    await runtime?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('E1 as a Kafka message: ACCEPTED, one charge, the billing log projected; E9: redeliveries are DUPLICATE and charge nothing', async () => {
    const account = 'acct-e1';
    runtime.testClock!.set(SETUP_AT);
    const setup = [
      commandEnvelope('e1-card', account, 'PAYMENT_METHOD_UPDATE', VISA_OK, { issuedAt: SETUP_AT }),
      commandEnvelope('e1-pro', account, 'UPGRADE', { toTier: 'PRO', seatCount: 5 }, { issuedAt: SETUP_AT }),
    ];
    await produce(producer, names.topics.commands, setup.map(asMessage));
    await waitForResults('e1-pro', 1);

    runtime.testClock!.set(E1_AT);
    const upgrade = commandEnvelope('e1-upgrade', account, 'UPGRADE', { toTier: 'ENTERPRISE' }, { issuedAt: E1_AT });
    const { payload, ...rest } = upgrade;
    const producerRetry = { key: account, value: JSON.stringify({ payload, ...rest }) }; // same commandId, re-serialised
    await produce(producer, names.topics.commands, [asMessage(upgrade), asMessage(upgrade), producerRetry]);
    await waitForResults('e1-upgrade', 3);

    const [first, ...again] = resultsOf('e1-upgrade');
    expect(first).toMatchObject({ commandId: 'e1-upgrade', accountId: account, status: 'ACCEPTED' });
    expect(first.billingLogIds).toEqual([expect.stringMatching(/^CRMSBL260423091530123SBL\d{8}$/)]);
    expect(again).toEqual([
      expect.objectContaining({ status: 'DUPLICATE', originalStatus: 'ACCEPTED', billingLogIds: first.billingLogIds }),
      expect.objectContaining({ status: 'DUPLICATE', originalStatus: 'ACCEPTED', billingLogIds: first.billingLogIds }),
    ]);

    const charges = (runtime.gateway as SandboxPaymentGateway).listMovements().filter((movement) => movement.accountId === account);
    expect(charges.map((charge) => [charge.idempotencyKey, charge.amount])).toEqual([
      [`${account}/e1-pro`, 269_500],
      [`${account}/e1-upgrade`, 73_332],
    ]);

    const logs = runtime.readStore.collection<BillingLogDocument>(READ_MODELS.billingLogs);
    const log = await pollUntil(
      async () => (await logs.get(first.billingLogIds[0])) ?? Promise.reject(new Error('not projected yet')),
      { what: 'the E1 billing log in the read model', timeoutMs: 30_000, intervalMs: 50 },
    );
    expect(log).toMatchObject({
      action: 'UPGRADE',
      fromTier: 'PRO',
      toTier: 'ENTERPRISE',
      daysInMonth: 30,
      daysUsed: 22,
      daysRemaining: 8,
      subtotal: 66_666,
      taxAmount: 6_666,
      totalCharge: 73_332,
      chargeAmount: 66_666,
      refundAmount: 0,
      seatCount: 5,
      unitPrice: 99_000,
      billingPeriod: '2026-04',
    });
    expect(deadLetters.messages).toEqual([]);
  });

  it('sends each kind of bad message to the DLQ with its original bytes and reasons, and keeps going; a rule violation is a REJECTED result', async () => {
    const account = 'acct-bad';
    const at = new Date().toISOString();
    runtime.testClock!.set(at);
    const oversized = commandEnvelope('bad-big', account, 'USAGE_RECORD', { usageId: 'x'.repeat(70_000), metric: 'messages', quantity: 1 }, { issuedAt: at });
    const bad = [
      { code: 'MalformedJson', value: Buffer.from('{"commandId": "bad-json", "type": ') },
      { code: 'MalformedJson', value: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) },
      { code: 'ValidationError', value: Buffer.from(JSON.stringify(commandEnvelope('bad-seats', account, 'SEAT_ADD', { seatCount: -1 }, { issuedAt: at }))) },
      { code: 'UnknownCommandType', value: Buffer.from(JSON.stringify(commandEnvelope('bad-type', account, 'TELEPORT', {}, { issuedAt: at }))) },
      { code: 'PayloadTooLarge', value: Buffer.from(JSON.stringify(oversized)) },
    ];
    const ruleBreach = commandEnvelope('bad-rule', account, 'SEAT_ADD', { seatCount: 3 }, { issuedAt: at }); // FREE plan: no seats to add
    const valid = commandEnvelope('bad-then-valid', account, 'PAYMENT_METHOD_UPDATE', VISA_OK, { issuedAt: at });
    await produce(producer, names.topics.commands, [
      ...bad.map(({ value }) => ({ key: account, value, headers: { 'trace-id': 'abc' } })),
      asMessage(ruleBreach),
      asMessage(valid),
    ]);

    await waitForResults('bad-then-valid', 1);
    await deadLetters.waitFor('five dead letters', (collector) => collector.messages.length >= bad.length);
    expect(resultsOf('bad-then-valid')).toEqual([expect.objectContaining({ status: 'ACCEPTED' })]);
    expect(resultsOf('bad-rule')).toEqual([expect.objectContaining({ status: 'REJECTED', errorCode: expect.any(String), retryable: false })]);

    expect(deadLetters.messages).toHaveLength(bad.length);
    deadLetters.messages.forEach((letter, index) => {
      expect(letter.value!.equals(bad[index].value)).toBe(true);
      expect(letter.key).toBe(account);
      expect(letter.headers).toMatchObject({
        [DEAD_LETTER_HEADERS.originalTopic]: names.topics.commands,
        [DEAD_LETTER_HEADERS.errorCode]: bad[index].code,
        'trace-id': 'abc',
      });
      expect(Number(letter.headers[DEAD_LETTER_HEADERS.originalPartition])).toBeGreaterThanOrEqual(0);
      expect(letter.headers[DEAD_LETTER_HEADERS.originalOffset]).toMatch(/^\d+$/);
      expect(letter.headers[DEAD_LETTER_HEADERS.errorMessage].length).toBeGreaterThan(0);
      expect(new Date(letter.headers[DEAD_LETTER_HEADERS.failedAt]).toISOString()).toBe(letter.headers[DEAD_LETTER_HEADERS.failedAt]);
    });
    expect(deadLetters.messages[2].headers[DEAD_LETTER_HEADERS.errorMessage]).toContain('payload.seatCount');
  });
});
