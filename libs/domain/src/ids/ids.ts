import { hash } from 'node:crypto';
import { parse as parseUuid, v5 as uuidV5 } from 'uuid';
import { kstTimestamp } from '../time/kst';

export const LEDGER_EVENT_NAMESPACE = '2f1c6d3e-8a4b-5c7d-9e0f-1a2b3c4d5e6f';

const ID_DIGITS_MODULUS = 10n ** 8n;

export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');

/** 8 digits derived from the seed, so retries and replays produce the same id. */
const idDigits = (seed: string): string => (BigInt('0x' + sha256Hex(seed).slice(0, 15)) % ID_DIGITS_MODULUS).toString().padStart(8, '0');

/** `CRMSBL` + KST yyMMddHHmmssSSS + `SBL` + 8 digits. */
export const billingLogId = (actionDate: string, commandId: string, logIndex: number): string =>
  `CRMSBL${kstTimestamp(actionDate)}SBL${idDigits(`${commandId}:${logIndex}`)}`;

/** `CRMSBS` + KST yyMMddHHmmssSSS + `SBS` + 8 digits. */
export const snapshotId = (actionDate: string, commandId: string, snapshotIndex: number): string =>
  `CRMSBS${kstTimestamp(actionDate)}SBS${idDigits(`${commandId}:snapshot:${snapshotIndex}`)}`;

export const BILLING_LOG_ID_PATTERN = /^CRMSBL\d{15}SBL\d{8}$/;
export const SNAPSHOT_ID_PATTERN = /^CRMSBS\d{15}SBS\d{8}$/;

// Parsed once: uuid parses (and validates) a namespace string twice on every call.
const LEDGER_EVENT_NAMESPACE_BYTES = parseUuid(LEDGER_EVENT_NAMESPACE);
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * UUID v5 of `commandId:index` (domain.md). Text without surrogates goes to uuid as its UTF-8 bytes,
 * which skips uuid's encodeURIComponent round trip; any other text keeps uuid's own encoding (which
 * refuses a lone surrogate), so every id is the one uuid derives from the string.
 */
export const eventId = (commandId: string, eventIndex: number): string => uuidOf(`${commandId}:${eventIndex}`);

/**
 * A payment hold (PaymentStarted.v1) is not one of the command's indexed outcome events, whose ids
 * stay those of a store that holds accounts by locks; it is named by the revision it holds, so a
 * retried hold append is recognised and a renewed hold (after one lapsed) gets an id of its own.
 */
export const holdEventId = (commandId: string, revision: bigint): string => uuidOf(`${commandId}:hold@${revision}`);

const uuidOf = (name: string): string => uuidV5(SURROGATE.test(name) ? name : Buffer.from(name, 'utf8'), LEDGER_EVENT_NAMESPACE_BYTES);
