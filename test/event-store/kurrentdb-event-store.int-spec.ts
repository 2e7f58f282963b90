import { createServer } from 'node:net';
import { EventStoreUnavailableError, openKurrentDBEventStore, type EventStore } from '@ledger/event-store';
import { describeEventStoreContract } from '../../libs/event-store/src/contract';

const KURRENTDB_URL = process.env.KURRENTDB_URL;
/** How fast a store on a closed port must say so: callers decide on retries, not the adapter. */
const UNAVAILABLE_WITHIN_MS = 3_000;

if (KURRENTDB_URL) {
  describeEventStoreContract('KurrentDB', async () => openKurrentDBEventStore({ connectionString: KURRENTDB_URL }));
}
const contractNote = KURRENTDB_URL
  ? ''
  : ' (the contract suite did not run: set KURRENTDB_URL, e.g. kurrentdb://127.0.0.1:2113?tls=false, to run it)';

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

async function expectUnavailableQuickly(operation: () => Promise<unknown>): Promise<void> {
  const startedAt = Date.now();
  await expect(operation()).rejects.toBeInstanceOf(EventStoreUnavailableError);
  expect(Date.now() - startedAt).toBeLessThan(UNAVAILABLE_WITHIN_MS);
}

describe(`KurrentDB adapter without a reachable server${contractNote}`, () => {
  let store: EventStore;
  beforeEach(async () => {
    store = openKurrentDBEventStore({ connectionString: `kurrentdb://127.0.0.1:${await closedPort()}?tls=false` });
  });
  afterEach(() => store.close());

  const event = { id: '6f1c2d3e-4a5b-4c6d-8e7f-001122334455', type: 'Probe.v1', data: {}, metadata: {} };

  it('append reports EventStoreUnavailableError quickly', () =>
    expectUnavailableQuickly(() => store.append('account-unreachable', [event], 'any')));

  it('readStream, readAll and headPosition report EventStoreUnavailableError quickly', async () => {
    await expectUnavailableQuickly(() => store.readStream('account-unreachable'));
    await expectUnavailableQuickly(() => store.readAll({ maxCount: 1 }));
    await expectUnavailableQuickly(() => store.headPosition());
  });

  it('subscribeToAll passes EventStoreUnavailableError to onError', async () => {
    const startedAt = Date.now();
    const error = await new Promise<Error>((resolve) => {
      store.subscribeToAll({}, () => undefined, resolve);
    });
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(Date.now() - startedAt).toBeLessThan(UNAVAILABLE_WITHIN_MS);
  });
});
