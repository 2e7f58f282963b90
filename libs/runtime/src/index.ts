export * from './runtime-config';
export * from './open-ledger-runtime';
