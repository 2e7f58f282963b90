import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DEFAULT_CATALOG } from '@ledger/domain';
import { EventStore, openSqliteEventStore } from '@ledger/event-store';
import { PaymentGateway, SandboxPaymentGateway, SecretBox } from '@ledger/payments';
import { SettableClock } from '../clock/clock';
import { CommandHandler, CommandHandlerOptions } from '../handling/command-handler';
import { AccountRepository } from '../stream/account-repository';

/** A real ledger on temp files: SQLite event store, persisted sandbox gateway, sealing, settable clock. */
export interface LedgerFixture {
  readonly dir: string;
  readonly store: EventStore;
  readonly gateway: SandboxPaymentGateway;
  readonly sealer: SecretBox;
  readonly clock: SettableClock;
  readonly handler: CommandHandler;
  /** A second handler (own cache) on the same store and gateway: another process, as far as caching goes. */
  newHandler(options?: { gateway?: PaymentGateway; store?: EventStore } & CommandHandlerOptions): CommandHandler;
  close(): Promise<void>;
}

export function openLedgerFixture(start = '2026-04-01T00:00:00.000Z'): LedgerFixture {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
  const store = openSqliteEventStore({ file: join(dir, 'events.sqlite') });
  const gateway = new SandboxPaymentGateway({ path: join(dir, 'gateway.sqlite') });
  const sealer = new SecretBox(randomBytes(32));
  const clock = new SettableClock(start);
  const newHandler: LedgerFixture['newHandler'] = (options = {}) =>
    new CommandHandler(new AccountRepository(options.store ?? store), options.gateway ?? gateway, sealer, () => DEFAULT_CATALOG, clock, options);
  return {
    dir,
    store,
    gateway,
    sealer,
    clock,
    handler: newHandler(),
    newHandler,
    async close() {
      await store.close();
      await gateway.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let sequence = 0;

/** A command envelope issued at the fixture clock's instant. */
export function envelope(
  clock: SettableClock,
  accountId: string,
  type: string,
  payload: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  sequence += 1;
  return {
    commandId: `cmd-${sequence}-${type.toLowerCase()}`,
    type,
    accountId,
    issuedAt: clock.now().toISOString(),
    issuedBy: { type: 'USER', id: 'user-1' },
    payload,
    ...extra,
  };
}

export const VISA_OK = { billingKey: 'sandbox:4242424242424242', brand: 'VISA', last4: '4242' };
export const VISA_DECLINED = { billingKey: 'sandbox:4000000000000002', brand: 'VISA', last4: '0002' };
