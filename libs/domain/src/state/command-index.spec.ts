import { createHash } from 'node:crypto';
import { ACCEPTED_WITHOUT_LOGS, CompactCommandIndex } from './command-index';

const fingerprint = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex').slice(0, 32);

describe('CompactCommandIndex', () => {
  const rejected = { status: 'REJECTED' as const, billingLogIds: ['log-1'], errorCode: 'PAYMENT_DECLINED', errorMessage: 'declined' };

  it('answers the original record of every command, sharing one record for plain acceptances', () => {
    const index = CompactCommandIndex.empty()
      .set('usage-1', { status: 'ACCEPTED', billingLogIds: [] })
      .set('charge-1', { status: 'ACCEPTED', billingLogIds: ['log-0'] })
      .set('declined-1', rejected);
    expect(index.get('usage-1')).toBe(ACCEPTED_WITHOUT_LOGS);
    expect(index.get('charge-1')).toEqual({ status: 'ACCEPTED', billingLogIds: ['log-0'] });
    expect(index.get('declined-1')).toEqual(rejected);
    expect([index.has('usage-1'), index.has('unknown'), index.get('unknown'), index.size]).toEqual([true, false, undefined, 3]);
  });

  it('replaces a record as a Map does, older indexes unchanged', () => {
    const plain = CompactCommandIndex.empty().set('trial-expire', ACCEPTED_WITHOUT_LOGS);
    const logged = plain.set('trial-expire', { status: 'ACCEPTED', billingLogIds: ['log-9'] });
    expect(logged.get('trial-expire')).toEqual({ status: 'ACCEPTED', billingLogIds: ['log-9'] });
    expect(logged.set('trial-expire', ACCEPTED_WITHOUT_LOGS).get('trial-expire')).toEqual(ACCEPTED_WITHOUT_LOGS);
    expect(plain.get('trial-expire')).toBe(ACCEPTED_WITHOUT_LOGS);
    expect([plain.size, logged.size, logged.set('other', ACCEPTED_WITHOUT_LOGS).size]).toEqual([1, 1, 2]);
  });

  it('lists every record keyed by the fingerprint of its commandId, the later record winning', () => {
    const index = CompactCommandIndex.empty().set('a', ACCEPTED_WITHOUT_LOGS).set('b', rejected).set('c', ACCEPTED_WITHOUT_LOGS).set('c', rejected);
    expect(index.recordsByFingerprint()).toEqual({ [fingerprint('a')]: { status: 'ACCEPTED', billingLogIds: [] }, [fingerprint('b')]: rejected, [fingerprint('c')]: rejected });
    expect(index.recordsByFingerprint()).not.toEqual(CompactCommandIndex.empty().set('a', ACCEPTED_WITHOUT_LOGS).set('b', rejected).set('d', rejected).recordsByFingerprint());
  });
});
