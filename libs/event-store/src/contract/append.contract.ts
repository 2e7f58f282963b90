import { describe, expect, it } from '@jest/globals';
import { WrongExpectedRevisionError, type ExpectedRevision } from '../event-store.port';
import { ids, newEvent, newEvents, type ContractContext } from './contract-context';

async function expectConflict(
  promise: Promise<unknown>,
  streamId: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject({ streamId, expected, actual });
}

export function describeAppendContract(context: ContractContext): void {
  describe('append', () => {
    it('appends to a new stream and reports the last revision', async () => {
      const stream = context.newStream();
      const events = newEvents(2);
      const result = await context.store().append(stream, events, 'no_stream');
      expect(result.nextExpectedRevision).toBe(1n);
      const stored = await context.store().readStream(stream);
      const comparable = stored.map(({ created: _created, position: _position, ...written }) => written);
      expect(comparable).toEqual(events.map((event, index) => ({ ...event, streamId: stream, revision: BigInt(index) })));
      expect(stored[0].created).toBeInstanceOf(Date);
    });

    it("'no_stream' holds only for a stream that does not exist", async () => {
      const stream = context.newStream();
      await context.store().append(stream, [newEvent()], 'no_stream');
      await expectConflict(context.store().append(stream, [newEvent()], 'no_stream'), stream, 'no_stream', 0n);
    });

    it("'stream_exists' holds only for a stream that exists", async () => {
      const stream = context.newStream();
      await expectConflict(context.store().append(stream, [newEvent()], 'stream_exists'), stream, 'stream_exists', 'no_stream');
      await context.store().append(stream, [newEvent()], 'any');
      const result = await context.store().append(stream, [newEvent()], 'stream_exists');
      expect(result.nextExpectedRevision).toBe(1n);
    });

    it("'any' appends whatever the stream's state", async () => {
      const stream = context.newStream();
      expect((await context.store().append(stream, [newEvent()], 'any')).nextExpectedRevision).toBe(0n);
      expect((await context.store().append(stream, [newEvent()], 'any')).nextExpectedRevision).toBe(1n);
    });

    it('an exact revision must equal the revision of the last event', async () => {
      const stream = context.newStream();
      await expectConflict(context.store().append(stream, [newEvent()], 0n), stream, 0n, 'no_stream');
      await context.store().append(stream, newEvents(2), 'no_stream');
      await expectConflict(context.store().append(stream, [newEvent()], 0n), stream, 0n, 1n);
      await expectConflict(context.store().append(stream, [newEvent()], 5n), stream, 5n, 1n);
      const result = await context.store().append(stream, [newEvent()], 1n);
      expect(result.nextExpectedRevision).toBe(2n);
    });

    it('a conflicting append writes nothing', async () => {
      const stream = context.newStream();
      const first = newEvents(2);
      await context.store().append(stream, first, 'no_stream');
      await expect(context.store().append(stream, newEvents(3), 0n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(ids(await context.store().readStream(stream))).toEqual(ids(first));
    });

    it('a retried append of the same event ids returns the original result and stores nothing twice', async () => {
      const stream = context.newStream();
      const created = newEvents(2);
      const original = await context.store().append(stream, created, 'no_stream');
      const retried = await context.store().append(stream, created, 'no_stream');
      expect(retried.nextExpectedRevision).toBe(original.nextExpectedRevision);

      const next = [newEvent()];
      const appended = await context.store().append(stream, next, 1n);
      expect((await context.store().append(stream, next, 1n)).nextExpectedRevision).toBe(appended.nextExpectedRevision);
      expect(ids(await context.store().readStream(stream))).toEqual(ids([...created, ...next]));
    });

    it('of concurrent appends with the same expected revision exactly one wins', async () => {
      const stream = context.newStream();
      await context.store().append(stream, [newEvent()], 'no_stream');
      const contenders = Array.from({ length: 5 }, () => newEvents(2));
      const outcomes = await Promise.allSettled(contenders.map((events) => context.store().append(stream, events, 0n)));

      const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [contenders[index]] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
      }
      const stored = await context.store().readStream(stream);
      expect(ids(stored.slice(1))).toEqual(ids(winners[0]));
    });

    it('refuses an empty batch and duplicate ids within one batch', async () => {
      const stream = context.newStream();
      const event = newEvent();
      await expect(context.store().append(stream, [], 'any')).rejects.toBeInstanceOf(RangeError);
      await expect(context.store().append(stream, [event, event], 'any')).rejects.toBeInstanceOf(RangeError);
      expect(await context.store().readStream(stream)).toEqual([]);
    });
  });
}
