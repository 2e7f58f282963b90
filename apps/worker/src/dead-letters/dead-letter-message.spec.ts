import { deadLetterMessage } from './dead-letter-message';

describe('deadLetterMessage', () => {
  it('keeps the original key, bytes and headers, and adds the reason headers', () => {
    const value = Buffer.from([0x00, 0xff, 0x7b]);
    const letter = deadLetterMessage(
      { topic: 'billing.usage.v1', partition: 4, offset: '1234', key: Buffer.from('acct-9'), value, headers: { 'trace-id': 'abc' } },
      { errorCode: 'MalformedJson', errorMessage: 'x'.repeat(5000) },
      new Date('2026-04-01T00:00:00.000Z'),
    );
    expect(letter.value).toBe(value);
    expect(letter.key).toEqual(Buffer.from('acct-9'));
    expect(letter.headers).toEqual({
      'trace-id': 'abc',
      'original-topic': 'billing.usage.v1',
      'original-partition': '4',
      'original-offset': '1234',
      'error-code': 'MalformedJson',
      'error-message': 'x'.repeat(2000),
      'failed-at': '2026-04-01T00:00:00.000Z',
    });
  });
});
