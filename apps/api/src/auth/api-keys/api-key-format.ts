import { randomBytes, randomInt } from 'node:crypto';

/** `NCS` + 13 upper-case alphanumerics (http-api.md). */
export const API_KEY_PATTERN = /^NCS[A-Z0-9]{13}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export const generateApiKey = (): string =>
  'NCS' + Array.from({ length: 13 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** 256 bits as hex: safe inside shell double quotes, as the seeds' curl sample passes it to openssl. */
export const generateApiSecret = (): string => randomBytes(32).toString('hex');
