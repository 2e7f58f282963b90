/** Injection tokens of the worker's Kafka plumbing. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
export const WORKER_SETTINGS = Symbol('WORKER_SETTINGS');
