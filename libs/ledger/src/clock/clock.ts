/** Where the application layer gets "now" from; the domain never reads a clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that can be set and moved forward, like Stripe's test clocks. Bound in place of the
 * system clock for billing decisions when LEDGER_TEST_CLOCK=1; authentication always keeps the
 * real clock.
 */
export class SettableClock implements Clock {
  private current: number;

  constructor(start: Date | string = new Date(0)) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    const next = new Date(instant).getTime();
    if (Number.isNaN(next)) throw new RangeError(`Not an instant: ${String(instant)}`);
    this.current = next;
  }

  advance(milliseconds: number): void {
    this.current += milliseconds;
  }
}
