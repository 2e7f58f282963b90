import { API_KEY_PATTERN } from '../api-keys/api-key-format';

/** `Authorization: HMAC-SHA256 apiKey=<key>, date=<ISO-8601>, salt=<hex>, signature=<hex>` */
export interface HmacCredentials {
  readonly apiKey: string;
  /** Exactly as sent: the signature covers these characters. */
  readonly date: string;
  readonly dateMs: number;
  readonly salt: string;
  readonly signature: string;
}

export type HmacParseResult = { readonly ok: true; readonly credentials: HmacCredentials } | { readonly ok: false; readonly reason: string };

const MAX_HEADER_LENGTH = 1024;
const SCHEME = /^HMAC-SHA256[ \t]+(\S[\s\S]*)$/i;
const PARAMETER = /^([A-Za-z]+)[ \t]*=[ \t]*("?)([^"]*)\2$/;
const PARAMETER_NAMES = ['apiKey', 'date', 'salt', 'signature'] as const;
type ParameterName = (typeof PARAMETER_NAMES)[number];
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const SALT = /^[0-9a-fA-F]{16,128}$/;
const SIGNATURE = /^[0-9a-fA-F]{64}$/;

const fail = (reason: string): HmacParseResult => ({ ok: false, reason });

/** Milliseconds since the epoch, or undefined for anything but a real UTC-or-offset instant. */
export const parseIsoInstant = (text: string): number | undefined => {
  const match = ISO_INSTANT.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const roundTrip = new Date(local);
  const exists =
    roundTrip.getUTCFullYear() === year && roundTrip.getUTCMonth() === month - 1 && roundTrip.getUTCDate() === day &&
    roundTrip.getUTCHours() === hour && roundTrip.getUTCMinutes() === minute && roundTrip.getUTCSeconds() === second;
  if (!exists) return undefined;
  const zone = match[8];
  if (zone === 'Z') return local;
  const offsetMinutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  return local - (zone.startsWith('-') ? -1 : 1) * offsetMinutes * 60_000;
};

const readParameters = (list: string): Map<ParameterName, string> | string => {
  const parameters = new Map<ParameterName, string>();
  for (const part of list.split(',')) {
    const match = PARAMETER.exec(part.trim());
    // The reason is logged: it names the problem, never echoes what was sent.
    if (match === null) return 'malformed parameter';
    const name = PARAMETER_NAMES.find((known) => known === match[1]);
    if (name === undefined) return `unknown parameter ${match[1].slice(0, 32)}`;
    if (parameters.has(name)) return `duplicate parameter ${name}`;
    parameters.set(name, match[3]);
  }
  return parameters;
};

/** Order-independent and whitespace-tolerant, strict on every value. Never throws. */
export const parseHmacAuthorization = (header: string): HmacParseResult => {
  if (header.length > MAX_HEADER_LENGTH) return fail('header too long');
  const scheme = SCHEME.exec(header.trim());
  if (scheme === null) return fail('not an HMAC-SHA256 authorization');
  const parameters = readParameters(scheme[1]);
  if (typeof parameters === 'string') return fail(parameters);
  const missing = PARAMETER_NAMES.filter((name) => !parameters.has(name));
  if (missing.length > 0) return fail(`missing ${missing.join(', ')}`);

  const [apiKey, date, salt, signature] = PARAMETER_NAMES.map((name) => parameters.get(name) ?? '');
  if (!API_KEY_PATTERN.test(apiKey)) return fail('malformed apiKey');
  const dateMs = parseIsoInstant(date);
  if (dateMs === undefined) return fail('malformed date');
  if (!SALT.test(salt)) return fail('malformed salt');
  if (!SIGNATURE.test(signature)) return fail('malformed signature');
  return { ok: true, credentials: { apiKey, date, dateMs, salt, signature } };
};
