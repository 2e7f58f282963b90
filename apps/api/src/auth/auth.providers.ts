import type { InjectionToken, Provider } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '../config/platform-config';
import { API_KEY_DIRECTORY, type ApiKeyDirectory } from './api-keys/api-key-directory.port';
import { type ApiKeyDirectoryOptions, EventSourcedApiKeyDirectory } from './api-keys/event-sourced-api-key-directory';
import type { SecretSealer } from './api-keys/secret-sealer.port';
import { AuthGuard } from './auth.guard';
import { CredentialAuthenticator } from './credential-authenticator';
import { HmacAuthenticator } from './hmac/hmac-authenticator';
import { JwtVerifier } from './jwt/jwt-verifier';
import { AUTH_CLOCK, type AuthClock, realClock } from './principal';
import { InMemoryReplayGuard } from './replay/in-memory-replay-guard';
import { REPLAY_GUARD, type ReplayGuard } from './replay/replay-guard.port';
import type { EventStore } from '@ledger/event-store';

/** How the app binds a port: a value, a factory over other providers, or an alias. */
export type PortBinding<T> =
  | { readonly useValue: T }
  | { readonly useFactory: (...dependencies: never[]) => T | Promise<T>; readonly inject?: InjectionToken[] }
  | { readonly useExisting: InjectionToken };

/** The event-sourced directory over the app's event store and secret sealer (e.g. SecretBox). */
export const eventSourcedApiKeyDirectory = (
  eventStore: InjectionToken,
  sealer: InjectionToken,
  options?: ApiKeyDirectoryOptions,
): PortBinding<ApiKeyDirectory> => ({
  useFactory: (store: EventStore, box: SecretSealer, clock: AuthClock) => new EventSourcedApiKeyDirectory(store, box, clock, options),
  inject: [eventStore, sealer, AUTH_CLOCK],
});

/** Single-process replay protection; bind the read store's claimOnce when running several instances. */
const inMemoryReplayGuard: PortBinding<ReplayGuard> = {
  useFactory: (clock: AuthClock) => new InMemoryReplayGuard(clock),
  inject: [AUTH_CLOCK],
};

export const authProviders = (apiKeyDirectory: PortBinding<ApiKeyDirectory>, replayGuard: PortBinding<ReplayGuard> = inMemoryReplayGuard): Provider[] => [
  { provide: AUTH_CLOCK, useValue: realClock },
  { provide: API_KEY_DIRECTORY, ...apiKeyDirectory } as Provider,
  { provide: REPLAY_GUARD, ...replayGuard } as Provider,
  {
    provide: HmacAuthenticator,
    useFactory: (directory: ApiKeyDirectory, guard: ReplayGuard, clock: AuthClock) => new HmacAuthenticator(directory, guard, clock),
    inject: [API_KEY_DIRECTORY, REPLAY_GUARD, AUTH_CLOCK],
  },
  {
    provide: JwtVerifier,
    useFactory: (config: PlatformConfig, clock: AuthClock) => new JwtVerifier(config.jwt, clock),
    inject: [PLATFORM_CONFIG, AUTH_CLOCK],
  },
  {
    provide: CredentialAuthenticator,
    useFactory: (hmac: HmacAuthenticator, jwt: JwtVerifier) => new CredentialAuthenticator(hmac, jwt),
    inject: [HmacAuthenticator, JwtVerifier],
  },
  AuthGuard,
];

export const AUTH_EXPORTS = [AUTH_CLOCK, API_KEY_DIRECTORY, REPLAY_GUARD, CredentialAuthenticator, AuthGuard];
