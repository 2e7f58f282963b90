export * from './runtime-config';
export * from './open-ledger-runtime';
export * from './ledger-runtime.module';
export * from './embedded-files';
export * from './backup';
