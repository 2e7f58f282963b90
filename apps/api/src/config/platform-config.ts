export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

interface JwtClaimsConfig {
  readonly issuer?: string;
  readonly audience?: readonly string[];
}

/** One algorithm per deployment: accepting both HS256 and RS256 invites key-confusion attacks. */
export type JwtConfig = JwtClaimsConfig &
  (
    | { readonly algorithm: 'HS256'; readonly secret: string; /** true when generated at start (embedded mode) */ readonly generated: boolean }
    | { readonly algorithm: 'RS256'; readonly publicKeyPem: string }
  );

export interface PlatformConfig {
  readonly port: number;
  /** Where clients reach this api; the default origin of the portal allow-list. */
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly servers: {
    readonly kurrentDbUrl?: string;
    readonly mongoUrl?: string;
    readonly kafkaBrokers?: readonly string[];
  };
  /** No server adapter configured: SQLite, in-memory read models, one process. */
  readonly embedded: boolean;
  readonly jwt: JwtConfig;
  /** Unset: the payments lib generates one into dataDir (embedded mode). */
  readonly masterKey?: string;
  readonly demo: boolean;
  readonly testClock: boolean;
  readonly portalAllowedOrigins: readonly string[];
  readonly rateLimit: { readonly max: number; readonly windowMs: number };
  /** Honour X-Forwarded-For (only behind a proxy you run), so rate limits see client IPs. */
  readonly trustProxy: boolean;
  readonly logLevel: LogLevel;
}
