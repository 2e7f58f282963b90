import { pollUntil } from '../../../../test/infra/poll';
import { type LaneWork, PartitionLane } from './partition-lane';

interface Recorder {
  readonly log: string[];
  readonly rewinds: bigint[];
}

/** A lane whose hooks record what happened. */
function recordedLane(): { lane: PartitionLane } & Recorder {
  const log: string[] = [];
  const rewinds: bigint[] = [];
  const lane = new PartitionLane({
    rewind: (offset) => void rewinds.push(offset),
    onFinishFailed: (error, offset) => void log.push(`failed ${offset}: ${(error as Error).message}`),
    onCommitFailed: (error) => void log.push(`commit failed: ${(error as Error).message}`),
  });
  return { lane, log, rewinds };
}

/** A batch whose publishing the test completes (or fails) by hand. */
function work(recorder: Recorder, firstOffset: number) {
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  const item: LaneWork = {
    firstOffset: BigInt(firstOffset),
    finish: () =>
      new Promise<void>((resolve, reject) => {
        recorder.log.push(`finish ${firstOffset}`);
        settle = { resolve, reject };
      }),
    commit: async () => void recorder.log.push(`commit ${firstOffset}`),
  };
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  const started = () =>
    pollUntil(async () => settle ?? Promise.reject(new Error('not finishing yet')), { what: `batch ${firstOffset} finishing`, timeoutMs: 2_000, intervalMs: 1 });
  return {
    item,
    publish: async () => {
      (await started()).resolve();
      await turn();
    },
    fail: async (message: string) => {
      (await started()).reject(new Error(message));
      await turn();
    },
  };
}

describe('PartitionLane', () => {
  it('finishes batches one after another and commits each only after it finished', async () => {
    const recorder = recordedLane();
    const [first, second] = [work(recorder, 0), work(recorder, 10)];
    recorder.lane.push(first.item);
    recorder.lane.push(second.item);

    await first.publish();
    expect(recorder.log).toEqual(['finish 0', 'commit 0', 'finish 10']);
    await second.publish();
    await recorder.lane.drain();
    expect(recorder.log).toEqual(['finish 0', 'commit 0', 'finish 10', 'commit 10']);
  });

  it('after a failed publish, commits nothing later and rewinds to the failed batch until it comes again', async () => {
    const recorder = recordedLane();
    const [failing, fetchedBefore, fetchedAfter, again] = [work(recorder, 0), work(recorder, 10), work(recorder, 20), work(recorder, 0)];
    recorder.lane.push(failing.item);
    recorder.lane.push(fetchedBefore.item);

    await failing.fail('broker down');
    recorder.lane.push(fetchedAfter.item); // already fetched when the rewind was asked for
    recorder.lane.push(again.item);
    await again.publish();
    await recorder.lane.drain();

    expect(recorder.rewinds).toEqual([0n]);
    expect(recorder.log).toEqual(['finish 0', 'failed 0: broker down', 'finish 0', 'commit 0']);
  });

  it('holds the transport while `limit` batches wait to finish', async () => {
    const recorder = recordedLane();
    const [first, second] = [work(recorder, 0), work(recorder, 10)];
    recorder.lane.push(first.item);
    recorder.lane.push(second.item);
    let released = false;
    const waiting = recorder.lane.below(2).then(() => (released = true));

    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toBe(false);
    await first.publish();
    await waiting;
    expect(released).toBe(true);
    await second.publish();
    await recorder.lane.drain();
  });

  it('reports a failed commit and goes on', async () => {
    const recorder = recordedLane();
    recorder.lane.push({ firstOffset: 0n, finish: async () => undefined, commit: () => Promise.reject(new Error('rebalancing')) });
    const next = work(recorder, 5);
    recorder.lane.push(next.item);
    await next.publish();
    await recorder.lane.drain();
    expect(recorder.log).toEqual(['commit failed: rebalancing', 'finish 5', 'commit 5']);
  });
});
