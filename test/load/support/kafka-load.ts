import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { CommandResultMessage } from '@ledger/messaging';
import { asMessage, commandEnvelope } from '../../kafka/support/envelopes';
import { produce } from '../../kafka/support/kafka-test-kit';

/** The UsageStream's sequence number in a commandId (`<accountId>-u<sequence>`), else undefined. */
const sequenceOf = (commandId: string): number | undefined => {
  const match = /-u(\d+)$/.exec(commandId);
  return match ? Number(match[1]) : undefined;
};

/**
 * Counts a topic's messages without keeping them (ten minutes of results): how many commands were
 * answered at least once (a bitmap by sequence number), and each answer classified by outcome
 * (`ACCEPTED`, `DUPLICATE of ACCEPTED`, `REJECTED <code>`), first answers apart from re-answers
 * (a re-answer = the worker saw the command again: a Kafka redelivery).
 */
export class ResultCounter {
  total = 0;
  distinct = 0;
  notAccepted = 0;
  lastProblem: string | undefined;
  readonly firstAnswers = new Map<string, number>();
  readonly reAnswers = new Map<string, number>();
  private answered = new Uint8Array(1 << 20);

  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topic: string, parse: boolean): Promise<ResultCounter> {
    const consumer = kafka.consumer({ groupId: `load-counter-${randomUUID()}`, sessionTimeout: 6_000, heartbeatInterval: 500 });
    const counter = new ResultCounter(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        counter.total += 1;
        if (parse) counter.count(JSON.parse(message.value!.toString()) as CommandResultMessage);
      },
    });
    return counter;
  }

  /** e.g. `{"ACCEPTED":74456}`, `{"DUPLICATE of ACCEPTED":12300}`. */
  static describe(outcomes: ReadonlyMap<string, number>): string {
    return JSON.stringify(Object.fromEntries(outcomes));
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }

  private count(result: CommandResultMessage): void {
    const outcome = result.status === 'DUPLICATE' ? `DUPLICATE of ${result.originalStatus}` : `${result.status}${result.errorCode ? ` ${result.errorCode}` : ''}`;
    const first = this.firstAnswerOf(result.commandId);
    const tally = first ? this.firstAnswers : this.reAnswers;
    tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
    if (result.status !== 'ACCEPTED') {
      this.notAccepted += 1;
      this.lastProblem = `${result.commandId}: ${result.status} ${result.errorCode ?? ''} ${result.errorMessage ?? ''}`;
    }
  }

  private firstAnswerOf(commandId: string): boolean {
    const sequence = sequenceOf(commandId);
    if (sequence === undefined) return true;
    while (sequence >= this.answered.length) {
      const grown = new Uint8Array(this.answered.length * 2);
      grown.set(this.answered);
      this.answered = grown;
    }
    if (this.answered[sequence] === 1) return false;
    this.answered[sequence] = 1;
    this.distinct += 1;
    return true;
  }
}

/** Usage records spread over `accounts` accounts, each with its own usageId (one event each). */
export class UsageStream {
  produced = 0;

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly accounts: number,
    private readonly run = randomUUID().slice(0, 8),
  ) {}

  async send(count: number): Promise<void> {
    const issuedAt = new Date().toISOString();
    const envelopes = Array.from({ length: count }, (_, index) => {
      const sequence = this.produced + index;
      const accountId = `load-${this.run}-${sequence % this.accounts}`;
      return commandEnvelope(`${accountId}-u${sequence}`, accountId, 'USAGE_RECORD', { usageId: `u${sequence}`, metric: 'messages', quantity: 1 + (sequence % 7) }, { issuedAt });
    });
    await produce(this.producer, this.topic, envelopes.map(asMessage));
    this.produced += count;
  }

  /** Sends `perSecond` messages a second in 4 slices a second until `until` (epoch ms). */
  async paced(perSecond: number, until: number, shouldStop: () => boolean): Promise<void> {
    const slice = Math.max(1, Math.round(perSecond / 4));
    const started = Date.now();
    for (let tick = 1; Date.now() < until && !shouldStop(); tick += 1) {
      await this.send(slice);
      const next = started + tick * 250;
      // Pacing to a fixed send rate (not a wait for a condition).
      if (next > Date.now()) await new Promise((resolve) => setTimeout(resolve, next - Date.now()));
    }
  }
}
