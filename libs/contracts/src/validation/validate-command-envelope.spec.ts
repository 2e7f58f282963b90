import fc from 'fast-check';
import { CommandEnvelopeDto, IssuedByDto } from '../envelope/command-envelope.dto';
import { SeatCountPayloadDto } from '../payloads/subscription-payloads.dto';
import { COMMAND_TYPES, type CommandType } from '../vocabulary';
import { validEnvelope } from './valid-envelope.fixtures';
import { validateCommandEnvelope } from './validate-command-envelope';

function errorsOf(raw: unknown) {
  const result = validateCommandEnvelope(raw);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors.map(({ field, rule }) => ({ field, rule }));
}

function withPayload(type: CommandType, payload: Record<string, unknown>) {
  return validEnvelope(type, { payload });
}

describe('validateCommandEnvelope', () => {
  it.each(COMMAND_TYPES)('accepts a valid %s envelope and types its payload', (type) => {
    const result = validateCommandEnvelope(validEnvelope(type));
    expect(result).toMatchObject({ ok: true, envelope: { type, payload: validEnvelope(type).payload } });
  });

  it('returns DTO instances that share nothing with the raw value', () => {
    const raw = validEnvelope('SEAT_ADD');
    const result = validateCommandEnvelope(raw);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.envelope).toBeInstanceOf(CommandEnvelopeDto);
    expect(result.envelope.issuedBy).toBeInstanceOf(IssuedByDto);
    expect(result.envelope.payload).toBeInstanceOf(SeatCountPayloadDto);
    (raw.payload as Record<string, unknown>).seatCount = 9_999;
    expect(result.envelope.payload).toEqual({ seatCount: 8 });
  });

  it('quotes keys that are not identifiers in the field path', () => {
    expect(errorsOf(JSON.parse(JSON.stringify(validEnvelope('CANCEL_SCHEDULED', { 'a.b': 1, payload: { '': 2 } }))))).toEqual([
      { field: '["a.b"]', rule: 'whitelistValidation' },
      { field: 'payload[""]', rule: 'whitelistValidation' },
    ]);
  });

  it('keeps dryRun and leaves unsent optional fields absent', () => {
    const result = validateCommandEnvelope(validEnvelope('UPGRADE', { dryRun: true, payload: { toTier: 'PRO' } }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.envelope.dryRun).toBe(true);
    expect(Object.keys(result.envelope.payload)).toEqual(['toTier']);
  });

  it.each([null, 42, 'text', true, [], [validEnvelope('UPGRADE')]])('refuses %j as an envelope', (raw) => {
    expect(errorsOf(raw)).toEqual([{ field: '$', rule: 'isObject' }]);
  });

  it.each([
    ['commandId', '', 'isLength'],
    ['commandId', 'x'.repeat(201), 'isLength'],
    ['commandId', 7, 'isString'],
    ['type', 'REFUND_EVERYTHING', 'isIn'],
    ['accountId', 'acct 42', 'matches'],
    ['accountId', 'a'.repeat(101), 'isLength'],
    ['issuedAt', '2026-02-30T00:00:00Z', 'isIsoInstant'],
    ['issuedAt', '2026-04-23T00:15:30', 'isIsoInstant'],
    ['issuedAt', 1_776_903_330_123, 'isIsoInstant'],
    ['issuedBy', 'admin', 'isObject'],
    ['issuedBy', [], 'isObject'],
    ['payload', null, 'isObject'],
    ['dryRun', 'yes', 'isBoolean'],
  ])('names the envelope field %s (%j) and the rule %s', (field, value, rule) => {
    expect(errorsOf(validEnvelope('UPGRADE', { [field]: value }))).toContainEqual({ field, rule });
  });

  it.each([
    [{ type: 'ROBOT', id: 'x' }, 'issuedBy.type', 'isIn'],
    [{ type: 'USER', id: '' }, 'issuedBy.id', 'isLength'],
    [{ type: 'USER', id: 'u', role: 'root' }, 'issuedBy.role', 'whitelistValidation'],
  ])('validates issuedBy %j', (issuedBy, field, rule) => {
    expect(errorsOf(validEnvelope('UPGRADE', { issuedBy }))).toContainEqual({ field, rule });
  });

  it.each<[CommandType, Record<string, unknown>, string, string]>([
    ['UPGRADE', { toTier: 'GOLD' }, 'payload.toTier', 'isIn'],
    ['UPGRADE', { toTier: 'PRO', seatCount: 0 }, 'payload.seatCount', 'min'],
    ['SEAT_ADD', { seatCount: 2.5 }, 'payload.seatCount', 'isInt'],
    ['SEAT_ADD', { seatCount: '3' }, 'payload.seatCount', 'isInt'],
    ['SEAT_REDUCE_SCHEDULED', { seatCount: 10_001 }, 'payload.seatCount', 'max'],
    ['ADMIN_SEAT_ADJUST', {}, 'payload.seatCount', 'isInt'],
    ['DOWNGRADE_SCHEDULED', { toTier: 'pro' }, 'payload.toTier', 'isIn'],
    ['RENEWAL', { period: '2026-13' }, 'payload.period', 'matches'],
    ['RENEWAL', { period: '2026-8' }, 'payload.period', 'matches'],
    ['ADMIN_REFUND', { ...validEnvelope('ADMIN_REFUND').payload as object, amount: 0 }, 'payload.amount', 'min'],
    ['ADMIN_REFUND', { ...validEnvelope('ADMIN_REFUND').payload as object, amount: 9.5 }, 'payload.amount', 'isInt'],
    ['ADMIN_REFUND', { ...validEnvelope('ADMIN_REFUND').payload as object, originalLogId: 'log-1' }, 'payload.originalLogId', 'matches'],
    ['ADMIN_REFUND', { ...validEnvelope('ADMIN_REFUND').payload as object, reason: '' }, 'payload.reason', 'isLength'],
    ['TRIAL_START', { trialTier: 'PRO', trialDays: 31, onExpiry: 'REVERT' }, 'payload.trialDays', 'max'],
    ['TRIAL_START', { trialTier: 'PRO', trialDays: 0, onExpiry: 'REVERT' }, 'payload.trialDays', 'min'],
    ['TRIAL_START', { trialTier: 'PRO', trialDays: 7, onExpiry: 'KEEP' }, 'payload.onExpiry', 'isIn'],
    ['PAYMENT_METHOD_UPDATE', { billingKey: 'k'.repeat(501), brand: 'VISA', last4: '4242' }, 'payload.billingKey', 'isLength'],
    ['PAYMENT_METHOD_UPDATE', { billingKey: 'k', brand: 'VISA', last4: '424' }, 'payload.last4', 'matches'],
    ['PAYMENT_METHOD_UPDATE', { billingKey: 'k', brand: '', last4: '4242' }, 'payload.brand', 'isLength'],
    ['USAGE_RECORD', { usageId: 'u', metric: 'emails', quantity: 1 }, 'payload.metric', 'isIn'],
    ['USAGE_RECORD', { usageId: 'u', metric: 'contacts', quantity: -1 }, 'payload.quantity', 'min'],
    ['USAGE_RECORD', { usageId: '', metric: 'contacts', quantity: 1 }, 'payload.usageId', 'isLength'],
    ['LEGACY_LOG_IMPORT', { ...validEnvelope('LEGACY_LOG_IMPORT').payload as object, refundAmount: -5 }, 'payload.refundAmount', 'min'],
    ['LEGACY_LOG_IMPORT', { ...validEnvelope('LEGACY_LOG_IMPORT').payload as object, actionDate: '2025-12-03' }, 'payload.actionDate', 'isIsoInstant'],
    ['LEGACY_LOG_IMPORT', { ...validEnvelope('LEGACY_LOG_IMPORT').payload as object, action: 'upgrade' }, 'payload.action', 'matches'],
    ['LEGACY_LOG_IMPORT', { ...validEnvelope('LEGACY_LOG_IMPORT').payload as object, toTier: 'GOLD' }, 'payload.toTier', 'isIn'],
  ])('%s payload %j fails %s with %s', (type, payload, field, rule) => {
    expect(errorsOf(withPayload(type, payload))).toContainEqual({ field, rule });
  });

  it('forbids extra properties at the top level and in payloads, including commands without fields', () => {
    expect(errorsOf(validEnvelope('UPGRADE', { priority: 'high' }))).toEqual([{ field: 'priority', rule: 'whitelistValidation' }]);
    expect(errorsOf(withPayload('SEAT_ADD', { seatCount: 3, price: 0 }))).toEqual([{ field: 'payload.price', rule: 'whitelistValidation' }]);
    expect(errorsOf(withPayload('CANCEL_SCHEDULED', { now: true }))).toEqual([{ field: 'payload.now', rule: 'whitelistValidation' }]);
  });

  it('reports an unknown type on the type field only, so the Kafka side can dead-letter it', () => {
    expect(errorsOf(validEnvelope('UPGRADE', { type: 'NUKE', payload: { anything: 1 } }))).toEqual([{ field: 'type', rule: 'isIn' }]);
  });

  it.each([
    ['{"__proto__": {"polluted": true}}', '__proto__'],
    ['{"payload": {"__proto__": {"polluted": true}}}', 'payload.__proto__'],
    ['{"payload": {"constructor": {"prototype": {"polluted": true}}}}', 'payload.constructor'],
    ['{"issuedBy": {"id": "x", "prototype": 1}}', 'issuedBy.prototype'],
    ['{"payload": {"list": [{"a": {"__proto__": {"polluted": true}}}]}}', 'payload.list[0].a.__proto__'],
  ])('refuses the prototype-polluting key in %s without polluting Object.prototype', (json, field) => {
    const envelopeJson = JSON.stringify(validEnvelope('SEAT_ADD'));
    // Spliced as text: JSON.parse keeps "__proto__" as an own key (the later duplicate wins), as a wire message would.
    const raw: unknown = JSON.parse(`${envelopeJson.slice(0, -1)},${json.slice(1)}`);
    expect(errorsOf(raw)).toContainEqual({ field, rule: 'noPrototypePollution' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('never throws and always answers ok or errors for arbitrary JSON values', () => {
    const jsonEnvelopeLike = fc.record(
      {
        commandId: fc.string(),
        type: fc.oneof(fc.constantFrom(...COMMAND_TYPES), fc.string()),
        accountId: fc.string(),
        issuedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
        issuedBy: fc.oneof(fc.record({ type: fc.constantFrom('USER', 'SYSTEM', 'ADMIN', 'X'), id: fc.string() }), fc.jsonValue()),
        payload: fc.oneof(fc.dictionary(fc.constantFrom('toTier', 'seatCount', 'period', '__proto__', 'constructor', 'x'), fc.jsonValue()), fc.jsonValue()),
        dryRun: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), jsonEnvelopeLike), (value) => {
        const raw = JSON.parse(JSON.stringify(value ?? null));
        const result = validateCommandEnvelope(raw);
        if (result.ok) return typeof result.envelope.commandId === 'string';
        return result.errors.length > 0 && result.errors.every((e) => e.field.length > 0 && e.rule.length > 0);
      }),
      { numRuns: 2_000 },
    );
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});
