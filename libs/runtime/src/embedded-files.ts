import { MASTER_KEY_FILE } from '@ledger/payments';

/**
 * What an embedded data directory holds that cannot be rebuilt. Read models are not here: they are
 * projected from the events at start (memory) or rebuilt with `ledger rebuild` (MongoDB).
 */
export const EMBEDDED_FILES = {
  events: 'events.sqlite',
  /** The sandbox gateway's charges and idempotency keys. */
  gateway: 'gateway.sqlite',
  /** Unseals billing keys and API secrets; present when the key is not given by LEDGER_MASTER_KEY. */
  masterKey: MASTER_KEY_FILE,
} as const;
