import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { principalOf } from '../auth/request-principal';
import type { MetricsRegistry } from './metrics/metrics-registry';

const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's correlation id when it is harmless, else a fresh one. */
export const requestIdOf = (request: IncomingMessage): string => {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
};

/**
 * One log line and one metric sample per request. Only the route template is recorded, never the
 * URL, headers or body: paths and queries may carry portal tokens, headers carry credentials.
 */
export const installHttpObservability = (fastify: FastifyInstance, metrics: MetricsRegistry, logger: Logger): void => {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeHttpRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const principal = principalOf(request);
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        route,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
        credentialId: principal?.credentialId,
        accountId: principal?.accountId,
      },
      'request completed',
    );
  });
};
