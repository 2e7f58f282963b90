import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { readPointer, VersionedReadStore } from '@ledger/audit';
import { Catalog, DEFAULT_CATALOG } from '@ledger/domain';
import { EventStore, openKurrentDBEventStore, openSqliteEventStore } from '@ledger/event-store';
import { AccountRepository, Clock, CommandHandler, SettableClock, systemClock } from '@ledger/ledger';
import { PaymentGateway, SandboxPaymentGateway, SecretBox, loadOrCreateMasterKey } from '@ledger/payments';
import { Projector } from '@ledger/projections';
import { MemoryReadStore, MongoReadStore, ReadStore } from '@ledger/read-store';
import { LedgerRuntimeConfig, isEmbedded, projectorFlushIntervalOf } from './runtime-config';
import { EMBEDDED_FILES } from './embedded-files';

/** Every port bound to its adapter, shared by the api, the worker roles and the CLI. */
export interface LedgerRuntime {
  readonly config: LedgerRuntimeConfig;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly gateway: PaymentGateway;
  readonly secretBox: SecretBox;
  /** The billing clock: the system clock, or a settable one when LEDGER_TEST_CLOCK=1. */
  readonly clock: Clock;
  readonly testClock?: SettableClock;
  readonly catalog: () => Catalog;
  readonly accounts: AccountRepository;
  readonly commands: CommandHandler;
  readonly projector: Projector;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  readonly gateway?: PaymentGateway;
  readonly onProjectionError?: (error: Error) => void;
}

export async function openLedgerRuntime(config: LedgerRuntimeConfig, overrides: RuntimeOverrides = {}): Promise<LedgerRuntime> {
  mkdirSync(config.dataDir, { recursive: true });
  const eventStore = config.kurrentdbUrl
    ? openKurrentDBEventStore({ connectionString: config.kurrentdbUrl })
    : openSqliteEventStore({ file: join(config.dataDir, EMBEDDED_FILES.events) });
  const baseReadStore = config.mongoUrl ? await MongoReadStore.connect({ url: config.mongoUrl, dbName: config.mongoDbName }) : new MemoryReadStore();
  await baseReadStore.ensureIndexes();
  // Blue-green read models (`ledger rebuild --switch`): a process serves and projects the version
  // that was live when it started, so a switch takes effect with a (rolling) restart and the
  // projector resumes from that version's own checkpoint — no event can fall between versions.
  const liveVersion = (await readPointer(baseReadStore)).live;
  const readStore = new VersionedReadStore(baseReadStore, { version: liveVersion });
  const gateway = overrides.gateway ?? new SandboxPaymentGateway({ path: join(config.dataDir, EMBEDDED_FILES.gateway), responseDelayMs: config.sandboxResponseDelayMs });
  const secretBox = new SecretBox(loadOrCreateMasterKey(config.dataDir, { allowGenerate: isEmbedded(config) }).key);
  const testClock = config.testClock ? new SettableClock(new Date()) : undefined;
  const clock = testClock ?? systemClock;
  const catalog = () => DEFAULT_CATALOG;
  const accounts = new AccountRepository(eventStore);
  const commands = new CommandHandler(accounts, gateway, secretBox, catalog, clock, { paymentHolds: { mode: config.paymentHold, holdMs: config.paymentHoldMs } });
  const projector = new Projector(eventStore, readStore, { onError: overrides.onProjectionError, minFlushIntervalMs: projectorFlushIntervalOf(config) });
  return {
    config,
    eventStore,
    readStore,
    gateway,
    secretBox,
    clock,
    testClock,
    catalog,
    accounts,
    commands,
    projector,
    async close() {
      await projector.stop();
      await gateway.close();
      await readStore.close();
      await eventStore.close();
    },
  };
}
