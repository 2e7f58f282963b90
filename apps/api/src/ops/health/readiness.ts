import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/** A dependency the api needs to serve traffic. `check` resolves when it is fine and throws otherwise. */
export interface ReadinessProbe {
  readonly name: string;
  check(): Promise<unknown>;
}

/**
 * Marks a provider class as a readiness probe; every one in the app is run by GET /health/ready
 * (e.g. event store reachable, read store reachable, projection lag under its threshold).
 */
export const ReadinessCheck = DiscoveryService.createDecorator<void>();

export interface ProbeResult {
  readonly name: string;
  readonly status: 'up' | 'down';
  readonly error?: string;
}

const PROBE_TIMEOUT_MS = 2000;

const withTimeout = (probe: ReadinessProbe): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
    probe.check().then(resolve, reject).finally(() => clearTimeout(timer));
  });

@Injectable()
export class ReadinessService {
  private readonly registered: ReadinessProbe[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  /** For probes that are not classes (e.g. built in a factory). */
  register(probe: ReadinessProbe): void {
    this.registered.push(probe);
  }

  async run(): Promise<ProbeResult[]> {
    const discovered = this.discovery
      .getProviders({ metadataKey: ReadinessCheck.KEY })
      .map((wrapper) => wrapper.instance as ReadinessProbe | undefined)
      .filter((probe): probe is ReadinessProbe => probe !== undefined && typeof probe.check === 'function');
    const probes = [...discovered, ...this.registered];
    const outcomes = await Promise.allSettled(probes.map(withTimeout));
    return probes.map((probe, index) => {
      const outcome = outcomes[index];
      return outcome.status === 'fulfilled'
        ? { name: probe.name, status: 'up' }
        : { name: probe.name, status: 'down', error: outcome.reason instanceof Error ? outcome.reason.message : 'failed' };
    });
  }
}
