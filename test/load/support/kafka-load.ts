import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { CommandResultMessage } from '@ledger/messaging';
import { asMessage, commandEnvelope } from '../../kafka/support/envelopes';
import { produce } from '../../kafka/support/kafka-test-kit';

/** Counts a topic's messages by result status without keeping them (ten minutes of results). */
export class ResultCounter {
  total = 0;
  notAccepted = 0;
  lastProblem: string | undefined;

  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topic: string, parse: boolean): Promise<ResultCounter> {
    const consumer = kafka.consumer({ groupId: `load-counter-${randomUUID()}`, sessionTimeout: 6_000, heartbeatInterval: 500 });
    const counter = new ResultCounter(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        counter.total += 1;
        if (!parse) return;
        const result = JSON.parse(message.value!.toString()) as CommandResultMessage;
        if (result.status !== 'ACCEPTED') {
          counter.notAccepted += 1;
          counter.lastProblem = `${result.commandId}: ${result.status} ${result.errorCode ?? ''} ${result.errorMessage ?? ''}`;
        }
      },
    });
    return counter;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
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
