import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ReadStore } from '@ledger/read-store';
import { EVENT_STORE, LedgerRuntime, LedgerRuntimeModule, READ_STORE, SECRET_BOX } from '@ledger/runtime';
import { type ApiAppOptions, createApiApp } from '../app/create-api-app';
import { eventSourcedApiKeyDirectory } from '../auth/auth.providers';
import { LEDGER_API_MODULES } from './ledger-api.modules';

export type LedgerApiOptions = Omit<ApiAppOptions, 'apiKeyDirectory' | 'replayGuard' | 'imports'> & {
  /** Feature modules in addition to the ledger's own (tests add probes). */
  readonly extraModules?: ReadonlyArray<Type | DynamicModule>;
};

/**
 * The ledger's HTTP app over an opened runtime: API keys are event-sourced in the ledger's event
 * store and sealed with its SecretBox; HMAC salts are claimed in the read store, so several api
 * instances share the replay cache.
 */
export function createLedgerApi(runtime: LedgerRuntime, options: LedgerApiOptions = {}): Promise<NestFastifyApplication> {
  const runtimeModule = LedgerRuntimeModule.forRoot(runtime);
  return createApiApp([...LEDGER_API_MODULES, ...(options.extraModules ?? [])], {
    ...options,
    imports: [runtimeModule],
    apiKeyDirectory: eventSourcedApiKeyDirectory(EVENT_STORE, SECRET_BOX),
    replayGuard: { useFactory: (readStore: ReadStore) => readStore, inject: [READ_STORE] },
  });
}
