import { Logger } from '@nestjs/common';
import type { Message } from 'kafkajs';
import { toCommandFailure } from '@ledger/errors';
import type { CommandOutcome } from '@ledger/ledger';
import { type CommandResultMessage, type LedgerTopics, toCommandResultMessage } from '@ledger/messaging';
import { type DeadLetterReason, deadLetterMessage } from '../dead-letters/dead-letter-message';
import type { TopicBatch } from '../kafka/durable-producer';
import type { InboundBatch, InboundMessage } from '../kafka/inbound-batch';
import { retryWithBackoff } from '../resilience/retry-with-backoff';
import { type DecodedMessage, decodeCommandMessage } from './decode-command-message';
import { runInKeyOrder } from './run-in-key-order';

export interface CommandRunner {
  handle(raw: unknown): Promise<CommandOutcome>;
}

export interface ResultSink {
  send(batches: readonly TopicBatch[]): Promise<void>;
}

export interface IngestorOptions {
  readonly topics: LedgerTopics;
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  /** How often a waiting retry sends a heartbeat. */
  readonly heartbeatIntervalMs: number;
  readonly now?: () => Date;
}

export interface IngestReport {
  readonly results: number;
  readonly deadLetters: number;
  /** Attempts that failed on infrastructure and were retried. */
  readonly retries: number;
}

type Settled =
  | { readonly kind: 'result'; readonly message: InboundMessage; readonly result: CommandResultMessage }
  | { readonly kind: 'dead-letter'; readonly message: InboundMessage; readonly reason: DeadLetterReason };

const isRetryable = (error: unknown): boolean => toCommandFailure(error).disposition === 'retry';

/** Runs `work` until it succeeds or fails for good (see retryWithBackoff); `onRetry` counts the retries. */
type Attempt = <T>(work: () => Promise<T>, onRetry?: () => void) => Promise<T>;

/**
 * One partition batch of commands, start to durable end: decode (bad messages become dead letters),
 * run the commands (accounts in parallel, each account in offset order, infrastructure failures
 * retried in place); `ingest` resolves then, so the transport can hand over the partition's next
 * batch. Publishing every result and dead letter with acks=all is handed to the transport
 * (`finishLater`), which commits the batch only after that resolved.
 */
export class CommandBatchIngestor {
  private readonly logger = new Logger(CommandBatchIngestor.name);

  constructor(
    private readonly commands: CommandRunner,
    private readonly sink: ResultSink,
    private readonly options: IngestorOptions,
  ) {}

  async ingest(batch: InboundBatch): Promise<IngestReport> {
    let retries = 0;
    const decoded = batch.messages.map(decodeCommandMessage);
    const settled = await this.keptAlive(batch, (attempt) =>
      runInKeyOrder(decoded.map((item) => ({ key: keyOf(item), run: () => this.settle(item) })), (run) => attempt(run, () => (retries += 1))),
    );
    const messages = this.messagesOf(settled, this.options.now?.() ?? new Date());
    batch.finishLater(() => this.keptAlive(batch, (attempt) => attempt(() => this.sink.send(messages))));
    const deadLetters = settled.filter((item) => item.kind === 'dead-letter').length;
    return { results: settled.length - deadLetters, deadLetters, retries };
  }

  /**
   * Runs one phase of a batch with its infrastructure failures retried (the partition paused
   * meanwhile) and heartbeats sent all along: kafkajs heartbeats an eachBatch consumer only between
   * batches, and a phase that outlives the session timeout (a full fetch under sustained load) would
   * get the member evicted and the whole batch redelivered, answered twice (DUPLICATE).
   */
  private async keptAlive<T>(batch: InboundBatch, phase: (attempt: Attempt) => Promise<T>): Promise<T> {
    let resume: (() => void) | undefined;
    const heartbeat = () => batch.heartbeat().catch((error: Error) => this.logger.warn(`heartbeat: ${error.message}`));
    const heartbeats = setInterval(() => void heartbeat(), this.options.heartbeatIntervalMs);
    const attempt: Attempt = (work, onRetry) =>
      retryWithBackoff(work, {
        initialMs: this.options.retryInitialMs,
        maxMs: this.options.retryMaxMs,
        isRetryable,
        shouldContinue: () => batch.isRunning(),
        tickMs: this.options.heartbeatIntervalMs,
        onTick: heartbeat,
        onRetry: (error, count, delayMs) => {
          onRetry?.();
          resume ??= batch.pause();
          this.logger.warn(`${batch.topic}[${batch.partition}] attempt ${count} failed (${(error as Error).message}); retrying in ${delayMs} ms`);
        },
      });
    try {
      return await phase(attempt);
    } finally {
      clearInterval(heartbeats);
      resume?.();
    }
  }

  /** Throws only retryable errors (for `attempt`); every other failure becomes a result or a dead letter. */
  private async settle(item: DecodedMessage): Promise<Settled> {
    if (item.kind === 'dead-letter') return { kind: 'dead-letter', message: item.message, reason: item.failure };
    try {
      const outcome = await this.commands.handle(item.envelope);
      return { kind: 'result', message: item.message, result: toCommandResultMessage(outcome) };
    } catch (error) {
      const failure = toCommandFailure(error);
      if (failure.disposition === 'retry') throw error;
      if (failure.disposition === 'dead-letter') return { kind: 'dead-letter', message: item.message, reason: failure };
      const { commandId, accountId } = item.envelope as { commandId: string; accountId: string };
      const { errorCode, errorMessage, retryable } = failure;
      return { kind: 'result', message: item.message, result: { commandId, accountId, status: 'REJECTED', errorCode, errorMessage, retryable, billingLogIds: [] } };
    }
  }

  private messagesOf(settled: readonly Settled[], now: Date): TopicBatch[] {
    const results: Message[] = [];
    const deadLetters: Message[] = [];
    for (const item of settled) {
      if (item.kind === 'result') results.push({ key: item.result.accountId, value: JSON.stringify(item.result) });
      else deadLetters.push(deadLetterMessage(item.message, item.reason, now));
    }
    return [
      { topic: this.options.topics.results, messages: results },
      { topic: this.options.topics.deadLetters, messages: deadLetters },
    ];
  }
}

/** Dead letters need no order among themselves; each gets its own key so they never wait. */
const keyOf = (item: DecodedMessage): string => (item.kind === 'command' ? `account:${item.accountId}` : `dead-letter:${item.message.offset}`);
