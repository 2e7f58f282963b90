import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { signHmac } from '../../../apps/api/src/auth/hmac/hmac-signature';
import { BILLING_LOGS_PATH } from '../../../apps/api/src/embedded/start-banner';
import type { DemoKey } from './entry-process';

export interface HttpLoadFigures {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** A fresh date and salt per request: the api refuses a replayed salt, as it must. */
const signedHeaders = (key: DemoKey): Record<string, string> => {
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const salt = randomBytes(16).toString('hex');
  return { authorization: `HMAC-SHA256 apiKey=${key.apiKey}, date=${date}, salt=${salt}, signature=${signHmac(key.apiSecret, date, salt)}` };
};

/**
 * Signed `GET /crm-core/v1/plans/me/billing-logs` with autocannon for `seconds`: as fast as it goes
 * (no rate), or at a fixed overall rate.
 */
export async function loadBillingLogs(baseUrl: string, key: DemoKey, seconds: number, requestsPerSecond?: number): Promise<HttpLoadFigures> {
  const result = await autocannon({
    url: baseUrl,
    connections: 16,
    duration: seconds,
    timeout: 10,
    ...(requestsPerSecond ? { overallRate: requestsPerSecond } : {}),
    requests: [{ method: 'GET', path: `${BILLING_LOGS_PATH}?limit=20&offset=0`, setupRequest: (request) => ({ ...request, headers: { ...request.headers, ...signedHeaders(key) } }) }],
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
