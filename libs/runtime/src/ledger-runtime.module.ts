import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { LedgerRuntime } from './open-ledger-runtime';

/** Injection tokens of the ports, bound once at the edge from an opened LedgerRuntime. */
export const LEDGER_RUNTIME = Symbol('LEDGER_RUNTIME');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_STORE = Symbol('READ_STORE');
export const PAYMENT_GATEWAY = Symbol('PAYMENT_GATEWAY');
export const SECRET_BOX = Symbol('SECRET_BOX');
export const BILLING_CLOCK = Symbol('BILLING_CLOCK');
export const COMMAND_HANDLER = Symbol('COMMAND_HANDLER');
export const PROJECTOR = Symbol('PROJECTOR');

/** Global so that every feature module (api, worker roles, cli) injects the same adapters. */
@Global()
@Module({})
export class LedgerRuntimeModule {
  static forRoot(runtime: LedgerRuntime): DynamicModule {
    const providers = [
      { provide: LEDGER_RUNTIME, useValue: runtime },
      { provide: EVENT_STORE, useValue: runtime.eventStore },
      { provide: READ_STORE, useValue: runtime.readStore },
      { provide: PAYMENT_GATEWAY, useValue: runtime.gateway },
      { provide: SECRET_BOX, useValue: runtime.secretBox },
      { provide: BILLING_CLOCK, useValue: runtime.clock },
      { provide: COMMAND_HANDLER, useValue: runtime.commands },
      { provide: PROJECTOR, useValue: runtime.projector },
    ];
    return { module: LedgerRuntimeModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
