export * from './clock/clock';
export * from './handling/action-date';
export * from './handling/command-handler';
export * from './handling/command-outcome';
export * from './handling/payment-step';
export * from './stream/account-repository';
export * from './stream/account-stream';
