export * from './payment-gateway.port';
export * from './sandbox/sandbox-payment-gateway';
export type { Movement } from './sandbox/gateway-store';
export { SANDBOX_KEY_PREFIX } from './sandbox/sandbox-cards';
export * from './sandbox/sandbox-card-form';
export * from './sandbox/flaky-gateway';
export * from './sealing/secret-box';
export * from './sealing/master-key';
