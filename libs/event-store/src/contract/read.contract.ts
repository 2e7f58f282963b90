import { describe, expect, it } from '@jest/globals';
import { comparePositions, type RecordedEvent } from '../event-store.port';
import { ids, inStreams, newEvent, newEvents, type ContractContext } from './contract-context';

const revisions = (events: readonly RecordedEvent[]) => events.map((event) => event.revision);

const expectAscendingPositions = (events: readonly RecordedEvent[]) =>
  events.slice(1).forEach((event, index) => expect(comparePositions(events[index].position, event.position)).toBeLessThan(0));

export function describeReadContract(context: ContractContext): void {
  describe('readStream', () => {
    async function streamOfFive(): Promise<string> {
      const stream = context.newStream();
      await context.store().append(stream, newEvents(5), 'no_stream');
      return stream;
    }

    it('reads forwards from the start by default', async () => {
      const stream = await streamOfFive();
      expect(revisions(await context.store().readStream(stream))).toEqual([0n, 1n, 2n, 3n, 4n]);
    });

    it('reads backwards from the end', async () => {
      const stream = await streamOfFive();
      expect(revisions(await context.store().readStream(stream, { direction: 'backwards' }))).toEqual([4n, 3n, 2n, 1n, 0n]);
    });

    it('starts at fromRevision, inclusive, in either direction', async () => {
      const stream = await streamOfFive();
      expect(revisions(await context.store().readStream(stream, { fromRevision: 2n }))).toEqual([2n, 3n, 4n]);
      const backwards = await context.store().readStream(stream, { direction: 'backwards', fromRevision: 2n });
      expect(revisions(backwards)).toEqual([2n, 1n, 0n]);
    });

    it('stops after maxCount events', async () => {
      const stream = await streamOfFive();
      expect(revisions(await context.store().readStream(stream, { maxCount: 2 }))).toEqual([0n, 1n]);
      expect(revisions(await context.store().readStream(stream, { fromRevision: 3n, maxCount: 10 }))).toEqual([3n, 4n]);
      expect(revisions(await context.store().readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([4n, 3n]);
      expect(await context.store().readStream(stream, { maxCount: 0 })).toEqual([]);
    });

    it('yields an empty list for an unknown stream', async () => {
      const stream = context.newStream('never-written');
      expect(await context.store().readStream(stream)).toEqual([]);
      expect(await context.store().readStream(stream, { direction: 'backwards' })).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('returns events of all streams in global order, strictly after `after`', async () => {
      const [a, b] = [context.newStream('a'), context.newStream('b')];
      const before = await context.store().headPosition();
      const a0 = newEvent();
      const b0 = newEvent();
      const a1 = newEvent();
      await context.store().append(a, [a0], 'no_stream');
      await context.store().append(b, [b0], 'no_stream');
      await context.store().append(a, [a1], 0n);

      const ours = (await context.store().readAll({ after: before })).filter(inStreams(a, b));
      expect(ids(ours)).toEqual(ids([a0, b0, a1]));
      expectAscendingPositions(ours);

      const afterFirst = (await context.store().readAll({ after: ours[0].position })).filter(inStreams(a, b));
      expect(ids(afterFirst)).toEqual(ids([b0, a1]));
      const afterLast = (await context.store().readAll({ after: ours[2].position })).filter(inStreams(a, b));
      expect(afterLast).toEqual([]);
    });

    it('stops after maxCount events', async () => {
      const stream = context.newStream();
      const before = await context.store().headPosition();
      await context.store().append(stream, newEvents(3), 'no_stream');

      const firstPage = await context.store().readAll({ after: before, maxCount: 2 });
      expect(firstPage.map(({ streamId, revision }) => ({ streamId, revision }))).toEqual([
        { streamId: stream, revision: 0n },
        { streamId: stream, revision: 1n },
      ]);
      const nextPage = await context.store().readAll({ after: firstPage[1].position, maxCount: 1 });
      expect(nextPage.map(({ streamId, revision }) => ({ streamId, revision }))).toEqual([{ streamId: stream, revision: 2n }]);
      expect(await context.store().readAll({ maxCount: 2 })).toHaveLength(2);
    });
  });

  describe('headPosition', () => {
    it('is the position of the last event in $all and advances with every append', async () => {
      const stream = context.newStream();
      await context.store().append(stream, newEvents(2), 'no_stream');
      const head = await context.store().headPosition();
      const [last] = await context.store().readStream(stream, { direction: 'backwards', maxCount: 1 });
      expect(head).toEqual(last.position);

      await context.store().append(stream, [newEvent()], 1n);
      const next = await context.store().headPosition();
      expect(next && head && comparePositions(next, head)).toBeGreaterThan(0);
    });
  });
}
