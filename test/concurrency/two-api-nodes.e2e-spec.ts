// Two api processes over one embedded event store and one sandbox gateway, taking charged actions on
// the same account at the same moment: 20 customers' "add one seat" (read the plan from their node,
// SEAT_ADD to one more; when another add won the race, read again), half on each node, through the
// internal command endpoint while an upgrade is sent to both nodes at once (one commandId) and
// another upgrade to one of them; then the same through the hosted portal's forms (preview, confirm).
// Afterwards: no lost update (seats = 2 + accepted seat additions = 22, each charge priced from the
// plan it replaced), no double charge (the gateway moved exactly the money the events record), every
// request answered with the outcome the replay records, and both nodes' read models equal a fresh
// replay. Twice: with the embedded store's cross-process stream locks, and with PaymentStarted events
// as the only hold (LEDGER_PAYMENT_HOLD=events: what KurrentDB nodes rely on, which have nothing but
// the store's expected-revision check). 127.0.0.1 only; bounded; stops by itself.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VISA_OK, envelope } from '../api-ledger/support/envelopes';
import { outcomeOf } from '../chaos/support/chaos-verdict';
import { expectOneTrueHistory } from './support/account-verdict';
import { ApiNode } from './support/api-node';
import { PortalSession } from './support/portal-session';

const SEAT_ADDERS = 20;
const START_SEATS = 2;
/** Tries of one "add one seat" before the test gives up (each lost race costs one). */
const MAX_SEAT_TRIES = 60;
/** Answers a caller retries with the same envelope (503: the store was busy or writers kept colliding). */
const RETRY_STATUSES = new Set([409, 503]);
const MAX_ATTEMPTS = 10;
/** A lost race in the portal: the plan moved between reading it, the preview and the confirmation. */
const LOST_RACE_NOTICES = new Set(['SEAT_COUNT_NOT_HIGHER', 'PRICE_CHANGED']);
jest.setTimeout(300_000);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- outcomes are asserted field by field
type Outcome = any;
type Envelope = Record<string, unknown>;

const tallyOf = (keys: readonly string[]): Record<string, number> => keys.reduce<Record<string, number>>((tally, key) => ({ ...tally, [key]: (tally[key] ?? 0) + 1 }), {});
const range = (tries: readonly number[]) => `tries ${Math.min(...tries)}–${Math.max(...tries)}, ${tries.reduce((sum, each) => sum + each, 0)} in all`;

const HOLD_MODES: [string, Record<string, string>][] = [
  ['store locks', {}],
  ['PaymentStarted events, as on KurrentDB', { LEDGER_PAYMENT_HOLD: 'events' }],
];

describe.each(HOLD_MODES)('two api nodes charging one account at once (payments held by %s)', (mode, holdEnv) => {
  let dir: string;
  const nodes: ApiNode[] = [];
  const answered: { node: string; envelope: Envelope; outcome: Outcome }[] = [];
  let retried = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'two-api-nodes-'));
    const masterKey = randomBytes(32).toString('hex');
    // One after the other: the first creates the files, the second opens them.
    nodes.push(await ApiNode.start('A', dir, masterKey, holdEnv));
    nodes.push(await ApiNode.start('B', dir, masterKey, holdEnv));
  });

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  /** POSTs the envelope; a retry outcome is retried with the same envelope, as the API documents. */
  async function submit(node: ApiNode, body: Envelope): Promise<Outcome> {
    for (let attempt = 1; ; attempt++) {
      const response = await node.asAdmin('POST', '/internal/v1/commands', body);
      if (response.statusCode === 200) {
        answered.push({ node: node.name, envelope: body, outcome: response.json() });
        return response.json();
      }
      if (!RETRY_STATUSES.has(response.statusCode) || attempt === MAX_ATTEMPTS) {
        throw new Error(`node ${node.name}: ${String(body.type)} ${String(body.commandId)} answered ${response.statusCode}: ${response.body}`);
      }
      retried += 1;
    }
  }

  const commandFor = (accountId: string) => (type: 'PAYMENT_METHOD_UPDATE' | 'UPGRADE' | 'SEAT_ADD', payload: Record<string, unknown>) =>
    envelope(accountId, type, payload, new Date().toISOString(), { commandId: `${type.toLowerCase()}-${randomUUID()}` });

  async function givenProWithTwoSeats(accountId: string): Promise<void> {
    const command = commandFor(accountId);
    expect((await submit(nodes[0], command('PAYMENT_METHOD_UPDATE', VISA_OK))).status).toBe('ACCEPTED');
    expect((await submit(nodes[0], command('UPGRADE', { toTier: 'PRO', seatCount: START_SEATS }))).status).toBe('ACCEPTED');
  }

  /** The seat count a customer sees on a node, before asking for one more. */
  const seatsShown = async (node: ApiNode, accountId: string): Promise<number> => (await node.as('customer', accountId, '/crm-core/v1/plans/me')).json().seatCount;

  it('over the internal command endpoint: one history, no lost update, charged exactly what it records', async () => {
    const [a, b] = nodes;
    const accountId = `conc-api-${randomUUID().slice(0, 8)}`;
    const command = commandFor(accountId);
    await givenProWithTwoSeats(accountId);

    const addOneSeat = async (node: ApiNode): Promise<number> => {
      for (let tries = 1; tries <= MAX_SEAT_TRIES; tries++) {
        const outcome = await submit(node, command('SEAT_ADD', { seatCount: (await seatsShown(node, accountId)) + 1 }));
        if (outcome.status === 'ACCEPTED') return tries;
        if (outcome.errorCode !== 'SEAT_COUNT_NOT_HIGHER') throw new Error(`node ${node.name}: SEAT_ADD answered ${JSON.stringify(outcome)}`);
      }
      throw new Error(`node ${node.name}: no seat added in ${MAX_SEAT_TRIES} tries`);
    };
    const upgradeToBoth = command('UPGRADE', { toTier: 'ENTERPRISE' });
    const upgradeToB = command('UPGRADE', { toTier: 'ENTERPRISE' });
    const [tries, upgradeAnswers] = await Promise.all([
      Promise.all(Array.from({ length: SEAT_ADDERS }, (_, index) => addOneSeat(index % 2 === 0 ? a : b))),
      Promise.all([submit(a, upgradeToBoth), submit(b, upgradeToBoth), submit(b, upgradeToB)]),
    ]);

    // The upgrade sent to both nodes got one outcome; exactly one of the two upgrades was accepted.
    expect(new Set(upgradeAnswers.slice(0, 2).map(outcomeOf)).size).toBe(1);
    expect([outcomeOf(upgradeAnswers[0]).split(' ')[0], outcomeOf(upgradeAnswers[2]).split(' ')[0]].sort()).toEqual(['ACCEPTED', 'REJECTED']);
    const mine = answered.filter(({ envelope: body }) => body.accountId === accountId);
    const allowed = (outcome: Outcome) => ['ACCEPTED', 'DUPLICATE'].includes(outcome.status) || ['SEAT_COUNT_NOT_HIGHER', 'TIER_NOT_HIGHER'].includes(outcome.errorCode);
    expect(mine.filter(({ outcome }) => !allowed(outcome))).toEqual([]);

    // The first upgrade, the 20 seat additions and one ENTERPRISE upgrade charged; nothing else did.
    const verdict = await expectOneTrueHistory(dir, nodes, accountId, { tier: 'ENTERPRISE', seats: START_SEATS + SEAT_ADDERS, charges: 1 + SEAT_ADDERS + 1 });
    // Every request was answered with the outcome its command has in the store.
    expect([...verdict.commands].sort()).toEqual([...new Set(mine.map(({ envelope: body }) => String(body.commandId)))].sort());
    for (const { envelope: body, outcome } of mine) {
      const record = verdict.state.commands.get(String(body.commandId));
      expect({ commandId: body.commandId, answered: outcomeOf(outcome) }).toEqual({ commandId: body.commandId, answered: [record?.status, record?.errorCode ?? '-', record?.billingLogIds.join(',')].join(' ') });
    }
    console.info(
      `[two-api-nodes, ${mode}] internal endpoint: ${mine.length} requests on ${accountId} (A ${mine.filter((each) => each.node === 'A').length}, B ${mine.filter((each) => each.node === 'B').length}): ` +
        `${SEAT_ADDERS} concurrent "add one seat" (${range(tries)}) and 3 ENTERPRISE upgrade requests; answers ${JSON.stringify(tallyOf(mine.map(({ outcome }) => `${outcome.status}/${outcome.errorCode ?? outcome.originalStatus ?? '-'}`)))}; ` +
        `${retried} retried (409/503); ${verdict.events.length} events; final ${verdict.state.tier} × ${verdict.state.seatCount} seats; gateway ${verdict.charged.count} charges (${verdict.charged.amount} KRW) = charge events`,
    );
  });

  it('through the portal forms: one history, no lost update, charged exactly what it records', async () => {
    const accountId = `conc-portal-${randomUUID().slice(0, 8)}`;
    await givenProWithTwoSeats(accountId);
    const notices: string[] = [];

    /** A customer in their own portal session on one node: preview one more seat, confirm that total. */
    const addOneSeat = async (node: ApiNode): Promise<{ tries: number; commandId: string }> => {
      const session = await PortalSession.open(node, accountId);
      for (let tries = 1; tries <= MAX_SEAT_TRIES; tries++) {
        const answer = await session.addSeats((await seatsShown(node, accountId)) + 1);
        notices.push(answer.notice);
        if (answer.notice === 'SEAT_ADD') return { tries, commandId: answer.commandId! };
        if (!LOST_RACE_NOTICES.has(answer.notice)) throw new Error(`node ${node.name}: the seat form ended with notice ${answer.notice}`);
      }
      throw new Error(`node ${node.name}: no seat added in ${MAX_SEAT_TRIES} tries`);
    };
    const added = await Promise.all(Array.from({ length: SEAT_ADDERS }, (_, index) => addOneSeat(nodes[index % 2])));

    const verdict = await expectOneTrueHistory(dir, nodes, accountId, { tier: 'PRO', seats: START_SEATS + SEAT_ADDERS, charges: 1 + SEAT_ADDERS });
    // Each success the portal announced is an accepted command of the store, and there are no others.
    const acceptedSeatAdds = verdict.commands.filter((commandId) => commandId.startsWith('portal-') && verdict.state.commands.get(commandId)?.status === 'ACCEPTED');
    expect([...acceptedSeatAdds].sort()).toEqual(added.map(({ commandId }) => commandId).sort());
    console.info(
      `[two-api-nodes, ${mode}] portal: ${SEAT_ADDERS} sessions (10 per node) adding one seat each on ${accountId} (${range(added.map(({ tries }) => tries))}); ` +
        `notices ${JSON.stringify(tallyOf(notices))}; ${verdict.events.length} events; final ${verdict.state.tier} × ${verdict.state.seatCount} seats; gateway ${verdict.charged.count} charges (${verdict.charged.amount} KRW) = charge events`,
    );
  });
});
