import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ApiKeyDirectory } from '../auth/api-keys/api-key-directory.port';
import type { Role } from '../auth/principal';
import type { JwtConfig } from '../config/platform-config';

export const DEMO_TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const DEMO_ADMIN_SUBJECT = 'demo-admin';

export interface DemoTokens {
  readonly admin: string;
  /** For the demo account; absent when there is none. */
  readonly customer?: string;
}

export interface DemoApiKey {
  readonly accountId: string;
  readonly apiKey: string;
  readonly apiSecret: string;
}

/**
 * An HS256 token as the platform verifies them (sub, role, exp, jti; iss/aud when configured).
 * With RS256 the ledger holds only the public key, so it cannot sign: undefined.
 */
export async function signDemoToken(jwt: JwtConfig, subject: string, role: Role, now = new Date()): Promise<string | undefined> {
  if (jwt.algorithm !== 'HS256') return undefined;
  let token = new SignJWT({ role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(new Date(now.getTime() + DEMO_TOKEN_LIFETIME_MS));
  if (jwt.issuer !== undefined) token = token.setIssuer(jwt.issuer);
  if (jwt.audience !== undefined) token = token.setAudience([...jwt.audience]);
  return token.sign(new TextEncoder().encode(jwt.secret));
}

export async function demoTokens(jwt: JwtConfig, demoAccountId: string | undefined): Promise<DemoTokens | undefined> {
  const admin = await signDemoToken(jwt, DEMO_ADMIN_SUBJECT, 'admin');
  if (admin === undefined) return undefined;
  const customer = demoAccountId === undefined ? undefined : await signDemoToken(jwt, demoAccountId, 'customer');
  return { admin, customer };
}

/** Secrets are shown once, so every start issues a fresh pair for the demo account. */
export async function issueDemoApiKey(directory: ApiKeyDirectory, accountId: string): Promise<DemoApiKey> {
  const { apiKey, apiSecret } = await directory.issue(accountId);
  return { accountId, apiKey, apiSecret };
}
