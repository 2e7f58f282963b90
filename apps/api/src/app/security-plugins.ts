import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { RateLimitedError } from '@ledger/errors';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { CredentialAuthenticator } from '../auth/credential-authenticator';
import type { PlatformConfig } from '../config/platform-config';

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/**
 * Strict by default, and enough for the server-rendered portal (own scripts and styles, inline
 * styles for charts, data: images) and Swagger UI. Extend it (e.g. a gateway's card form in
 * frame-src) through createApiApp's `contentSecurityPolicy`.
 */
export const DEFAULT_CSP: CspDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
};

/** Customers are limited per credential (apiKey or JWT sub); unauthenticated callers per IP. */
const rateLimitKey = async (request: FastifyRequest, authenticator: CredentialAuthenticator): Promise<string> => {
  const result = await authenticator.authenticateRequest(request);
  if (!result.ok) return `ip:${request.ip}`;
  const { via, credentialId, accountId } = result.principal;
  return via === 'hmac' ? `hmac:${credentialId}` : `jwt:${accountId}`;
};

export const registerSecurityPlugins = async (app: NestFastifyApplication, config: PlatformConfig, csp: CspDirectives = {}): Promise<void> => {
  await app.register(helmet, { contentSecurityPolicy: { useDefaults: false, directives: { ...DEFAULT_CSP, ...csp } } });
  // Answers carry account data, API secrets or CSRF tokens: no cache may keep them unless a route
  // says otherwise (static assets do).
  app.getHttpAdapter().getInstance().addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  });
  const authenticator = app.get(CredentialAuthenticator);
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.windowMs,
    keyGenerator: (request) => rateLimitKey(request, authenticator),
    errorResponseBuilder: () => Object.assign(new RateLimitedError(), { statusCode: 429 }),
  });
};
