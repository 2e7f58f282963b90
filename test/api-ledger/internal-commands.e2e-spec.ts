import { envelope, kst, VISA_OK } from './support/envelopes';
import { LedgerApiHarness, bearer, seedHmacHeader } from './support/ledger-api-harness';

const COMMANDS = '/internal/v1/commands';
const AT = kst('2026-03-10 10:00:00.000');

describe('internal endpoints: commands, outcomes, api keys, readiness, metrics (e2e)', () => {
  let api: LedgerApiHarness;
  beforeAll(async () => {
    api = await LedgerApiHarness.start();
    api.at(AT);
  });
  afterAll(() => api.close());

  const post = (body: string) => api.request('POST', COMMANDS, { authorization: '', 'content-type': 'application/json' }, body);
  const postAsAdmin = async (body: string) => api.request('POST', COMMANDS, { authorization: await bearer('ops-1', 'admin'), 'content-type': 'application/json' }, body);

  describe('POST /internal/v1/commands', () => {
    it.each([['a string', '"UPGRADE"'], ['a number', '42'], ['null', 'null'], ['an empty array', '[]'], ['an array with a non-object', '[{"commandId":"x"}, 7]'], ['broken JSON', '{"commandId":']])(
      'answers 400 when the body is %s',
      async (_label, body) => {
        const response = await postAsAdmin(body);
        expect(response.statusCode).toBe(400);
        expect(response.json().errorCode).toEqual(expect.any(String));
      },
    );

    it('answers a payload that fails validation with a REJECTED VALIDATION_FAILED outcome naming the field', async () => {
      const response = await api.asAdmin('POST', COMMANDS, envelope('acct-int', 'UPGRADE', { toTier: 'PLATINUM' }, AT));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'REJECTED', errorCode: 'VALIDATION_FAILED', retryable: false, billingLogIds: [], details: [expect.objectContaining({ field: 'payload.toTier' })] });
    });

    it('answers an array with outcomes in order; a domain rejection is an outcome; any issuedBy is accepted', async () => {
      const batch = [
        envelope('acct-int', 'PAYMENT_METHOD_UPDATE', VISA_OK, AT, { issuedBy: 'ADMIN' }),
        envelope('acct-int', 'SEAT_ADD', { seatCount: 3 }, AT),
        envelope('acct-int', 'UPGRADE', { toTier: 'STARTER', seatCount: 2 }, AT, { issuedBy: 'SYSTEM' }),
      ];
      const response = await api.asAdmin('POST', COMMANDS, batch);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([
        expect.objectContaining({ commandId: batch[0].commandId, status: 'ACCEPTED' }),
        expect.objectContaining({ commandId: batch[1].commandId, status: 'REJECTED', errorCode: expect.any(String) }),
        expect.objectContaining({ commandId: batch[2].commandId, status: 'ACCEPTED', billingLogIds: [expect.stringMatching(/^CRMSBL/)] }),
      ]);
    });

    it('lets the caller read its own write at once (read-your-writes)', async () => {
      const upgrade = envelope('acct-ryw', 'UPGRADE', { toTier: 'PRO', seatCount: 2 }, AT);
      await api.accept('acct-ryw', 'PAYMENT_METHOD_UPDATE', VISA_OK, AT);
      const outcome = (await api.asAdmin('POST', COMMANDS, upgrade)).json();
      expect(outcome.status).toBe('ACCEPTED');
      const customer = await bearer('acct-ryw', 'customer');
      expect((await api.get('/crm-core/v1/plans/me', customer)).json()).toMatchObject({ tier: 'PRO', seatCount: 2 });
      expect((await api.get(`/crm-core/v1/plans/me/billing-logs/${outcome.billingLogIds[0]}`, customer)).statusCode).toBe(200);
      expect((await api.asAdmin('GET', `${COMMANDS}/${upgrade.commandId}`)).json()).toEqual({
        commandId: upgrade.commandId, accountId: 'acct-ryw', status: 'ACCEPTED', billingLogIds: outcome.billingLogIds, position: outcome.position,
      });
    });

    it('refuses a customer (403) and an API key or no credential (401)', async () => {
      const body = JSON.stringify(envelope('acct-int', 'USAGE_RECORD', { usageId: 'u', metric: 'messages', quantity: 1 }, AT));
      expect((await api.request('POST', COMMANDS, { authorization: await bearer('acct-int', 'customer'), 'content-type': 'application/json' }, body)).statusCode).toBe(403);
      expect((await post(body)).statusCode).toBe(401);
      const key = await api.issueApiKey('acct-int');
      expect((await api.request('POST', COMMANDS, { authorization: seedHmacHeader(key.apiKey, key.apiSecret), 'content-type': 'application/json' }, body)).statusCode).toBe(401);
    });
  });

  describe('GET /internal/v1/commands/:commandId', () => {
    it('answers the recorded outcome of a rejection, and the most recent one when two accounts used the same commandId', async () => {
      const shared = `shared-${Date.now()}`;
      await api.run('acct-first', 'SEAT_ADD', { seatCount: 2 }, AT, { commandId: shared });
      const later = await api.run('acct-second', 'CANCEL_SCHEDULED', {}, kst('2026-03-10 10:01:00.000'), { commandId: shared });
      expect(later).toMatchObject({ status: 'REJECTED' });
      expect((await api.asAdmin('GET', `${COMMANDS}/${shared}`)).json()).toMatchObject({ commandId: shared, accountId: 'acct-second', status: 'REJECTED', errorCode: later.errorCode, errorMessage: later.errorMessage });
    });

    it('answers 404 for an unknown command and for one that failed validation (never recorded)', async () => {
      const invalid = envelope('acct-int', 'SEAT_ADD', { seatCount: -1 }, AT);
      expect((await api.asAdmin('POST', COMMANDS, invalid)).json()).toMatchObject({ errorCode: 'VALIDATION_FAILED' });
      expect((await api.asAdmin('GET', `${COMMANDS}/${invalid.commandId}`)).statusCode).toBe(404);
      expect((await api.asAdmin('GET', `${COMMANDS}/no-such-command`)).json()).toMatchObject({ errorCode: 'NotFound' });
    });
  });

  describe('API keys', () => {
    it('issues a key whose secret works once shown, and revokes it', async () => {
      const issued = await api.asAdmin('POST', '/internal/v1/accounts/acct-keys/api-keys');
      expect(issued.statusCode).toBe(201);
      const key = issued.json();
      expect(Object.keys(key).sort()).toEqual(['apiKey', 'apiSecret']);
      expect(key.apiKey).toMatch(/^NCS[A-Z0-9]{13}$/);
      expect((await api.get('/crm-core/v1/plans/me', seedHmacHeader(key.apiKey, key.apiSecret))).json()).toMatchObject({ accountId: 'acct-keys' });

      expect((await api.asAdmin('DELETE', `/internal/v1/accounts/acct-other/api-keys/${key.apiKey}`)).statusCode).toBe(404);
      expect((await api.asAdmin('DELETE', `/internal/v1/accounts/acct-keys/api-keys/${key.apiKey}`)).statusCode).toBe(204);
      expect((await api.asAdmin('DELETE', `/internal/v1/accounts/acct-keys/api-keys/${key.apiKey}`)).statusCode).toBe(204);
      expect((await api.get('/crm-core/v1/plans/me', seedHmacHeader(key.apiKey, key.apiSecret))).statusCode).toBe(401);
    });

    it('answers 404 for an unknown key and 400 for a malformed key or account id', async () => {
      expect((await api.asAdmin('DELETE', '/internal/v1/accounts/acct-keys/api-keys/NCSZZZZZZZZZZZZZ')).statusCode).toBe(404);
      expect((await api.asAdmin('DELETE', '/internal/v1/accounts/acct-keys/api-keys/nope')).statusCode).toBe(400);
      expect((await api.asAdmin('POST', '/internal/v1/accounts/acct%20bad/api-keys')).statusCode).toBe(400);
    });
  });

  it('reports the ledger’s readiness checks', async () => {
    const ready = await api.get('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toEqual(expect.arrayContaining([
      { name: 'event-store', status: 'up' },
      { name: 'read-store', status: 'up' },
      { name: 'projection-lag', status: 'up' },
    ]));
  });

  it('exports commands by outcome and the projection lag', async () => {
    const metrics = (await api.get('/metrics')).body;
    expect(metrics).toMatch(/ledger_commands_total\{status="ACCEPTED",errorCode="none"\} [1-9]/);
    expect(metrics).toMatch(/ledger_commands_total\{status="REJECTED",errorCode="VALIDATION_FAILED"\} [1-9]/);
    expect(metrics).toMatch(/ledger_projection_lag_events 0/);
  });
});
