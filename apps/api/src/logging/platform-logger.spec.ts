import { Writable } from 'node:stream';
import { createPlatformLogger } from './platform-logger';

const capture = () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, stream };
};

describe('platform logger', () => {
  it('never writes credentials, secrets or card data', () => {
    const { lines, stream } = capture();
    const logger = createPlatformLogger('info', stream);
    logger.info({
      req: { headers: { authorization: 'HMAC-SHA256 apiKey=NCSXXXXXXXXXXXXX, signature=abc', cookie: 'portal=s3cr3t' } },
      issued: { apiKey: 'NCSXXXXXXXXXXXXX', apiSecret: 'deadbeefsecret' },
      command: { payload: { card: { cardNumber: '4111111111111111', cvc: '123' } } },
      token: 'eyJhbGciOiJIUzI1NiJ9.e30.sig',
    }, 'something happened');
    const output = lines.join('');
    for (const secret of ['signature=abc', 's3cr3t', 'deadbeefsecret', '4111111111111111', '"123"', 'eyJhbGciOiJIUzI1NiJ9']) expect(output).not.toContain(secret);
    expect(output).toContain('NCSXXXXXXXXXXXXX');
    expect(output).toContain('[redacted]');
  });
});
