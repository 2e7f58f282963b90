import type { Producer } from 'kafkajs';
import type { CommandResultMessage } from '@ledger/messaging';
import { pollUntil } from '../../infra/poll';
import { asMessage } from '../../kafka/support/envelopes';
import { type TopicCollector, produce } from '../../kafka/support/kafka-test-kit';
import type { Envelope, ScriptStep } from './chaos-script';

/** The results topic parsed incrementally: first answer per commandId, and all answers in order. */
export class ResultIndex {
  readonly all: CommandResultMessage[] = [];
  private readonly first = new Map<string, CommandResultMessage>();

  constructor(private readonly collector: TopicCollector) {}

  refresh(): this {
    for (const message of this.collector.messages.slice(this.all.length)) {
      const result = JSON.parse(message.value!.toString()) as CommandResultMessage;
      this.all.push(result);
      if (!this.first.has(result.commandId)) this.first.set(result.commandId, result);
    }
    return this;
  }

  resultOf = (commandId: string): CommandResultMessage | undefined => this.refresh().first.get(commandId);

  get answeredCommands(): number {
    return this.refresh().first.size;
  }
}

export interface TrafficOptions {
  /** How many sent messages may be unanswered before the next wave waits (keeps issuedAt fresh). */
  readonly backlog: number;
  readonly abortReason: () => string | undefined;
  readonly timeoutMs: number;
}

/**
 * Sends the accounts' scripts wave by wave (step i of every account, interleaved), each envelope built
 * at send time so its issuedAt is current; a deliberate duplicate re-sends the stored envelope as is.
 */
export class ChaosTraffic {
  readonly sent: Envelope[] = [];
  readonly typeOf = new Map<string, string>();
  private readonly envelopes = new Map<string, Envelope>();

  constructor(
    private readonly producer: Producer,
    private readonly topic: string,
    private readonly results: ResultIndex,
  ) {}

  async send(waves: readonly ScriptStep[][], options: TrafficOptions): Promise<void> {
    for (const [index, wave] of waves.entries()) {
      await pollUntil(
        async () => {
          const unanswered = this.sent.length - this.results.refresh().all.length;
          const waiting = wave.filter((step) => step.kind === 'command' && step.needs && !this.results.resultOf(step.needs));
          if (unanswered > options.backlog || waiting.length > 0) throw new Error(`wave ${index}: ${unanswered} unanswered, ${waiting.length} waiting for a result`);
        },
        { what: `room for wave ${index}`, timeoutMs: options.timeoutMs, intervalMs: 50, abortReason: options.abortReason },
      );
      const issuedAt = new Date().toISOString();
      const envelopes = wave.map((step) => this.envelopeOf(step, issuedAt));
      await produce(this.producer, this.topic, envelopes.map(asMessage));
      this.sent.push(...envelopes);
    }
  }

  private envelopeOf(step: ScriptStep, issuedAt: string): Envelope {
    if (step.kind === 'duplicate') {
      const original = this.envelopes.get(step.commandId);
      if (!original) throw new Error(`${step.commandId} is re-sent before it was sent`);
      return original;
    }
    const envelope = step.build(issuedAt, this.results.resultOf);
    this.envelopes.set(step.commandId, envelope);
    this.typeOf.set(step.commandId, step.type);
    return envelope;
  }
}
