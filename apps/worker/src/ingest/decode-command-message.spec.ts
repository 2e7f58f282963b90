import type { InboundMessage } from '../kafka/inbound-batch';
import { decodeCommandMessage } from './decode-command-message';

const message = (value: Buffer | string | null): InboundMessage => ({
  topic: 'billing.commands.v1',
  partition: 2,
  offset: '41',
  key: Buffer.from('acct-1'),
  value: typeof value === 'string' ? Buffer.from(value) : value,
  headers: {},
});

const envelope = (overrides: Record<string, unknown> = {}) => ({
  commandId: 'cmd-1',
  type: 'USAGE_RECORD',
  accountId: 'acct-1',
  issuedAt: '2026-04-01T00:00:00.000Z',
  issuedBy: { type: 'USER', id: 'user-1' },
  payload: { usageId: 'u-1', metric: 'messages', quantity: 3 },
  ...overrides,
});

const failureOf = (value: Buffer | string | null) => {
  const decoded = decodeCommandMessage(message(value));
  if (decoded.kind !== 'dead-letter') throw new Error('expected a dead letter');
  return decoded.failure;
};

describe('decodeCommandMessage', () => {
  it('accepts a valid envelope and names its account', () => {
    const decoded = decodeCommandMessage(message(JSON.stringify(envelope())));
    expect(decoded).toMatchObject({ kind: 'command', accountId: 'acct-1', envelope: envelope() });
  });

  it.each([
    ['an empty value', null, 'EmptyMessage'],
    ['malformed JSON', '{"commandId": ', 'MalformedJson'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), 'MalformedJson'],
    ['a JSON value that is not an object', '[1, 2]', 'ValidationError'],
    ['an unknown type', JSON.stringify(envelope({ type: 'TELEPORT' })), 'UnknownCommandType'],
    ['an extra top-level property', JSON.stringify(envelope({ extra: 1 })), 'ValidationError'],
    ['a prototype-polluting key', '{"__proto__": {"x": 1}, "commandId": "c"}', 'ValidationError'],
    ['more than 64 KiB', JSON.stringify(envelope({ payload: { usageId: 'x'.repeat(65_536), metric: 'messages', quantity: 1 } })), 'PayloadTooLarge'],
  ])('dead-letters %s (%s)', (_label, value, code) => {
    expect(failureOf(value)).toMatchObject({ disposition: 'dead-letter', errorCode: code, retryable: false });
  });

  it('names the failing field and rule of an invalid payload', () => {
    const failure = failureOf(JSON.stringify(envelope({ payload: { usageId: 'u', metric: 'messages', quantity: -1 } })));
    expect(failure.errorMessage).toContain('payload.quantity');
    expect(failure.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'payload.quantity' })]));
  });

  it('accepts exactly 64 KiB', () => {
    const base = JSON.stringify(envelope({ payload: { usageId: '', metric: 'messages', quantity: 1 } }));
    const padded = base.replace('"usageId":""', `"usageId":"${'u'.repeat(65_536 - base.length)}"`);
    expect(Buffer.byteLength(padded)).toBe(65_536);
    expect(failureOf(padded).errorCode).not.toBe('PayloadTooLarge');
  });
});
