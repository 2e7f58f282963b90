export * from './demo-step';
export * from './acme-history';
export * from './trial-account';
export * from './seed-demo-data';
