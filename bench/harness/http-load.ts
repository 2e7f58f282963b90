import { createHmac, randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { runPhaseIfChild } from './phases';

export interface HttpLoadResult extends Record<string, number> {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

/** The seed's HMAC-SHA256 header (billing-logs-list.ko.txt), fresh date and salt per request. */
const hmacHeader = (apiKey: string, apiSecret: string): string => {
  const date = new Date().toISOString();
  const salt = randomBytes(16).toString('hex');
  const signature = createHmac('sha256', apiSecret).update(date + salt).digest('hex');
  return `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${signature}`;
};

/** autocannon against one URL; each request signed anew when credentials are given (salts are single-use). */
async function load({ url, connections, seconds, apiKey, apiSecret }: Record<string, unknown>): Promise<HttpLoadResult> {
  const sign = typeof apiKey === 'string' && typeof apiSecret === 'string';
  const result = await autocannon({
    url: String(url),
    connections: Number(connections),
    duration: Number(seconds),
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => (sign ? { ...request, headers: { ...request.headers, authorization: hmacHeader(apiKey, apiSecret) } } : request),
      },
    ],
  });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

runPhaseIfChild(__filename, { load });
