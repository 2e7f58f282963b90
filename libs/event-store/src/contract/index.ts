// Test-only entry point: imports @jest/globals, so it is deliberately not re-exported from the
// lib's index (production code importing @ledger/event-store must not load Jest).
export { describeEventStoreContract } from './event-store.contract';
export { eventually } from './contract-context';
