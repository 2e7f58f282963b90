import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/platform-config';

export const PLATFORM_LOGGER = Symbol('PLATFORM_LOGGER');

const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'set-cookie',
  'apiSecret',
  'secret',
  'sealedSecret',
  'password',
  'token',
  'accessToken',
  'refreshToken',
  'billingKey',
  'cardNumber',
  'cvc',
  'cvv',
  'expiry',
  'masterKey',
];

/**
 * Paths pino blanks out wherever they appear up to three levels deep (req.headers.authorization,
 * body.payload.cardNumber, ...). Our own request log never writes headers or bodies; this list is
 * the safety net for whatever someone logs later.
 */
export const REDACTED_PATHS = SECRET_FIELDS.flatMap((field) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
  const join = (prefix: string) => (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`);
  return [key, join('*'), join('*.*'), join('*.*.*')];
});

export const createPlatformLogger = (level: LogLevel, destination?: DestinationStream): Logger =>
  pino(
    {
      level,
      base: { service: 'ledger-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
