import type { DynamicModule, Type } from '@nestjs/common';

/**
 * The ledger's feature modules, in one list so that adding a feature is one line here.
 * (Customer reads, internal commands, receipts, portal, audit ...)
 */
export const LEDGER_API_MODULES: ReadonlyArray<Type | DynamicModule> = [];
