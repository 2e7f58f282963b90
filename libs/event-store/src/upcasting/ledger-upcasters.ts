import type { DomainEvent } from '@ledger/domain';
import type { RecordedEvent } from '../event-store.port';
import { UpcasterRegistry } from './upcaster-registry';

/** KST is UTC+09:00 without DST: the billing period of an instant is its shifted UTC month. */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const kstPeriodOf = (iso: string): string => new Date(Date.parse(iso) + KST_OFFSET_MS).toISOString().slice(0, 7);

/**
 * The ledger's upcasters. The `.v0` shapes are the pre-release event formats (card nested, usage
 * without its period); they are kept so that history written by them replays to today's state.
 */
export const LEDGER_UPCASTERS = new UpcasterRegistry()
  .register('PaymentMethodUpdated.v0', ({ card, ...rest }) => {
    const { brand, last4 } = card as { brand: string; last4: string };
    return { ...rest, brand, last4 };
  })
  .register('UsageRecorded.v0', ({ count, ...rest }) => ({
    ...rest,
    quantity: count,
    period: kstPeriodOf(rest.occurredAt as string),
  }));

/**
 * The one place where a stored event becomes a domain event (newest version). Every reader that
 * folds or projects history goes through it.
 */
export const toDomainEvent = (recorded: Pick<RecordedEvent, 'type' | 'data'>, registry: UpcasterRegistry = LEDGER_UPCASTERS): DomainEvent =>
  registry.upcast({ type: recorded.type, data: recorded.data }) as unknown as DomainEvent;
