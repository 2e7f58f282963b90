import { createHmac, timingSafeEqual } from 'node:crypto';

/** hex(HMAC-SHA256(apiSecret, date + salt)), as the seeds' curl, Python and Node clients compute it. */
export const signHmac = (apiSecret: string, date: string, salt: string): string =>
  createHmac('sha256', apiSecret).update(date + salt).digest('hex');

/** Constant-time comparison of the decoded bytes, so letter case and timing reveal nothing. */
export const signatureMatches = (apiSecret: string, date: string, salt: string, signatureHex: string): boolean => {
  const expected = createHmac('sha256', apiSecret).update(date + salt).digest();
  const given = Buffer.from(signatureHex, 'hex');
  const sameLength = given.length === expected.length;
  return timingSafeEqual(expected, sameLength ? given : expected) && sameLength;
};
