export * from './upcaster-registry';
export * from './ledger-upcasters';
