import { resolve } from 'node:path';

/**
 * Which adapter backs each port (architecture.md "Run modes"): every server variable that is unset
 * falls back to its embedded adapter.
 */
export interface LedgerRuntimeConfig {
  readonly dataDir: string;
  readonly kurrentdbUrl?: string;
  readonly mongoUrl?: string;
  readonly mongoDbName: string;
  readonly kafkaBrokers?: readonly string[];
  /** LEDGER_TEST_CLOCK=1: billing decisions and the scheduler use a settable clock. */
  readonly testClock: boolean;
  /** LEDGER_SANDBOX_RESPONSE_DELAY_MS: the sandbox gateway's answer delay (load and chaos runs), 0 by default. */
  readonly sandboxResponseDelayMs?: number;
  /**
   * LEDGER_PROJECTOR_FLUSH_INTERVAL_MS: while events keep coming, read-model flushes start at least
   * this far apart (one plan document per account absorbs more events); idle, or when a request waits
   * for its own write, the projector flushes at once. Unset: 1000 with MongoDB, where each flush costs
   * round trips (bench/README.md, B3 MongoDB-wire), 0 with the in-process memory store, where a flush
   * costs no round trip to amortise and read models stay as current as before.
   */
  readonly projectorFlushIntervalMs?: number;
  /**
   * LEDGER_PAYMENT_HOLD: how a payment keeps other writers off its account (libs/ledger
   * payment-holds.ts). Unset or `auto`: the store's cross-process lock on SQLite, PaymentStarted
   * events on KurrentDB; `events`: PaymentStarted events on either store.
   */
  readonly paymentHold?: 'events';
  /** LEDGER_PAYMENT_HOLD_MS: how long an event hold keeps other writers waiting (default 120000). */
  readonly paymentHoldMs?: number;
}

const nonEmpty = (value: string | undefined): string | undefined => (value && value.trim() !== '' ? value.trim() : undefined);

export function runtimeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerRuntimeConfig {
  const brokers = nonEmpty(env.KAFKA_BROKERS);
  return {
    dataDir: resolve(nonEmpty(env.LEDGER_DATA_DIR) ?? './data'),
    kurrentdbUrl: nonEmpty(env.KURRENTDB_URL),
    mongoUrl: nonEmpty(env.MONGO_URL),
    mongoDbName: nonEmpty(env.LEDGER_MONGO_DB) ?? 'billing_ledger',
    kafkaBrokers: brokers?.split(',').map((broker) => broker.trim()),
    testClock: env.LEDGER_TEST_CLOCK === '1',
    sandboxResponseDelayMs: millisecondsOf('LEDGER_SANDBOX_RESPONSE_DELAY_MS', nonEmpty(env.LEDGER_SANDBOX_RESPONSE_DELAY_MS), 0),
    projectorFlushIntervalMs: optionalMilliseconds('LEDGER_PROJECTOR_FLUSH_INTERVAL_MS', nonEmpty(env.LEDGER_PROJECTOR_FLUSH_INTERVAL_MS)),
    paymentHold: paymentHoldOf(nonEmpty(env.LEDGER_PAYMENT_HOLD)),
    paymentHoldMs: holdMillisecondsOf(nonEmpty(env.LEDGER_PAYMENT_HOLD_MS)),
  };
}

function paymentHoldOf(value: string | undefined): 'events' | undefined {
  if (value === undefined || value === 'auto') return undefined;
  if (value === 'events') return value;
  throw new RangeError(`LEDGER_PAYMENT_HOLD must be auto or events, got ${JSON.stringify(value)}`);
}

const MIN_HOLD_MS = 1_000;
const MAX_HOLD_MS = 3_600_000;

function holdMillisecondsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < MIN_HOLD_MS || ms > MAX_HOLD_MS) {
    throw new RangeError(`LEDGER_PAYMENT_HOLD_MS must be an integer from ${MIN_HOLD_MS} to ${MAX_HOLD_MS}, got ${JSON.stringify(value)}`);
  }
  return ms;
}

const MAX_DELAY_MS = 10_000;
const MONGO_PROJECTOR_FLUSH_INTERVAL_MS = 1000;

/** The flush interval for the read store in use (see `projectorFlushIntervalMs`). */
export const projectorFlushIntervalOf = (config: LedgerRuntimeConfig): number =>
  config.projectorFlushIntervalMs ?? (config.mongoUrl ? MONGO_PROJECTOR_FLUSH_INTERVAL_MS : 0);

const optionalMilliseconds = (name: string, value: string | undefined): number | undefined =>
  value === undefined ? undefined : millisecondsOf(name, value, 0);

function millisecondsOf(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_DELAY_MS) throw new RangeError(`${name} must be an integer from 0 to ${MAX_DELAY_MS}, got ${JSON.stringify(value)}`);
  return ms;
}

/** No server adapter configured: the data dir may hold generated secrets (master key). */
export const isEmbedded = (config: LedgerRuntimeConfig): boolean => !config.kurrentdbUrl && !config.mongoUrl;
