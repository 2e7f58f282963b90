export * from './topics';
export * from './command-result';
export * from './ledger-event-message';
export * from './dead-letter-headers';
