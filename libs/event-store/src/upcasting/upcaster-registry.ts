/**
 * Schema evolution of stored events (design.md: "a change of shape is a new version with an
 * upcaster, never a rename"). Stored events keep their original type and bytes, so the hash chain
 * still verifies; upcasters only change what readers see, one version step at a time.
 */

export interface StoredEventShape {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** Turns `<name>.v<N>` data into `<name>.v<N+1>` data. Pure: replays must give the same result. */
export type UpcastData = (data: Record<string, unknown>) => Record<string, unknown>;

export interface EventTypeVersion {
  readonly name: string;
  readonly version: number;
}

const TYPE_PATTERN = /^(.+)\.v(\d+)$/;

export const parseEventType = (type: string): EventTypeVersion | undefined => {
  const match = TYPE_PATTERN.exec(type);
  return match ? { name: match[1], version: Number(match[2]) } : undefined;
};

export const eventTypeOf = (name: string, version: number): string => `${name}.v${version}`;

export class UpcasterRegistry {
  private readonly steps = new Map<string, UpcastData>();

  /** Registers the step from `fromType` (e.g. `PaymentMethodUpdated.v0`) to the next version. */
  register(fromType: string, upcast: UpcastData): this {
    if (!parseEventType(fromType)) throw new RangeError(`Not a versioned event type: ${fromType}`);
    if (this.steps.has(fromType)) throw new RangeError(`Upcaster already registered for ${fromType}`);
    this.steps.set(fromType, upcast);
    return this;
  }

  /** Applies every registered step in turn until the newest known version; other events pass as they are. */
  upcast(event: StoredEventShape): StoredEventShape {
    let current = event;
    for (let step = this.steps.get(current.type); step !== undefined; step = this.steps.get(current.type)) {
      const { name, version } = parseEventType(current.type)!;
      current = { type: eventTypeOf(name, version + 1), data: step(current.data) };
    }
    return current;
  }

  get registeredTypes(): readonly string[] {
    return [...this.steps.keys()];
  }
}
