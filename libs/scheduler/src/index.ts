export * from './billing-scheduler';
export * from './scheduler-config';
export * from './scheduler-of-runtime';
export * from './scheduler-ports';
export { systemCommandOf, SCHEDULER_ISSUER } from './system-commands';
