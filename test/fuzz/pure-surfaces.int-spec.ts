import fc from 'fast-check';
import { validateCommandEnvelope } from '@ledger/contracts';
import { API_KEY_PATTERN } from '../../apps/api/src/auth/api-keys/api-key-format';
import { parseHmacAuthorization } from '../../apps/api/src/auth/hmac/hmac-authorization.parser';
import { decodeCommandMessage } from '../../apps/worker/src/ingest/decode-command-message';
import { fuzzParameters, parsedCommandValue, rawCommandBytes } from './support/fuzz-runs';

const QUICK_RUNS = 1_000;
const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
const DEAD_LETTER_CODES = ['EmptyMessage', 'MalformedJson', 'ValidationError', 'UnknownCommandType', 'PayloadTooLarge'];

describe('fuzz: pure input surfaces', () => {
  const pristinePrototype = prototypeKeys();
  afterEach(() => {
    expect(prototypeKeys()).toEqual(pristinePrototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('validateCommandEnvelope never throws and leaves Object.prototype untouched', () => {
    fc.assert(
      fc.property(parsedCommandValue, (value) => {
        const result = validateCommandEnvelope(value);
        if (result.ok) expect(JSON.stringify(value)).not.toMatch(/"(__proto__|constructor|prototype)":/);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      fuzzParameters(QUICK_RUNS),
    );
  });

  it('refuses every envelope that carries a prototype-polluting key, wherever it sits', () => {
    const hostile = JSON.parse('{"commandId":"c-1","type":"USAGE_RECORD","accountId":"a","issuedAt":"2026-04-01T00:00:00.000Z","issuedBy":{"type":"USER","id":"u"},"payload":{"usageId":"u","metric":"messages","quantity":1,"__proto__":{"polluted":true}}}');
    const result = validateCommandEnvelope(hostile);
    expect(result).toMatchObject({ ok: false, errors: [{ rule: 'noPrototypePollution' }] });
  });

  const header = fc.oneof(
    fc.string({ maxLength: 1_100 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc
      .tuple(
        fc.constantFrom('HMAC-SHA256', 'hmac-sha256', 'HMAC-SHA256\t', 'HMAC', 'Bearer'),
        fc.shuffledSubarray(['apiKey', 'date', 'salt', 'signature', 'apiKey', 'extra', ''], { minLength: 0, maxLength: 7 }),
        fc.array(fc.oneof(fc.string(), fc.stringMatching(/^NCS[A-Z0-9]{13}$/), fc.stringMatching(/^[0-9a-f]{64}$/), fc.date({ noInvalidDate: true }).map((date) => date.toISOString())), { minLength: 7, maxLength: 7 }),
        fc.constantFrom(', ', ',', ' ,  ', ';'),
        fc.constantFrom('', '"'),
      )
      .map(([scheme, names, values, separator, quote]) => `${scheme} ${names.map((name, index) => `${name}=${quote}${values[index]}${quote}`).join(separator)}`),
  );

  it('the HMAC Authorization parser never throws and admits only well-formed credentials', () => {
    fc.assert(
      fc.property(header, (text) => {
        const result = parseHmacAuthorization(text);
        if (!result.ok) {
          expect(typeof result.reason).toBe('string');
          return;
        }
        const { apiKey, dateMs, salt, signature } = result.credentials;
        expect(API_KEY_PATTERN.test(apiKey)).toBe(true);
        expect(Number.isFinite(dateMs)).toBe(true);
        expect(salt).toMatch(/^[0-9a-fA-F]{16,128}$/);
        expect(signature).toMatch(/^[0-9a-fA-F]{64}$/);
      }),
      fuzzParameters(QUICK_RUNS),
    );
  });

  it('the HMAC parser reads a valid header whatever the parameter order and spacing', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^NCS[A-Z0-9]{13}$/), fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[0-9a-f]{64}$/), fc.boolean(), fc.constantFrom(', ', ',', ' , '),
        (apiKey, date, salt, signature, reversed, separator) => {
          const parts = [`apiKey=${apiKey}`, `date=${date.toISOString()}`, `salt=${salt}`, `signature=${signature}`];
          const result = parseHmacAuthorization(`HMAC-SHA256 ${(reversed ? parts.reverse() : parts).join(separator)}`);
          expect(result).toStrictEqual({ ok: true, credentials: { apiKey, date: date.toISOString(), dateMs: date.getTime(), salt, signature } });
        },
      ),
      fuzzParameters(QUICK_RUNS),
    );
  });

  it('the worker classifies any Kafka value without throwing: a command, or a dead letter (never a retry)', () => {
    fc.assert(
      fc.property(rawCommandBytes, fc.option(fc.uint8Array({ maxLength: 40 })), (value, key) => {
        const decoded = decodeCommandMessage({ topic: 'billing.commands.v1', partition: 0, offset: '0', key: key === null ? null : Buffer.from(key), value, headers: {} });
        if (decoded.kind === 'command') {
          expect(validateCommandEnvelope(JSON.parse((value as Buffer).toString('utf8'))).ok).toBe(true);
          expect(typeof decoded.accountId).toBe('string');
          return;
        }
        expect(decoded.failure.disposition).toBe('dead-letter');
        expect(decoded.failure.retryable).toBe(false);
        expect(DEAD_LETTER_CODES).toContain(decoded.failure.errorCode);
      }),
      // The JSON text `null` once made the classifier throw a TypeError, which meant "retry forever".
      { ...fuzzParameters(QUICK_RUNS), examples: [[Buffer.from('null'), null], [Buffer.from('"text"'), null], [Buffer.from('[]'), null]] },
    );
  });
});
