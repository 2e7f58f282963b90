export * from './ledger-error';
export * from './error-policy';
export * from './validation-details';
