import { toCommandResultMessage } from './command-result';

describe('toCommandResultMessage', () => {
  it('keeps the contract fields and drops absent and internal ones', () => {
    const outcome = {
      commandId: 'c-1',
      accountId: 'a-1',
      status: 'REJECTED' as const,
      errorCode: 'RENEWAL_PENDING',
      errorMessage: 'renewal first',
      retryable: true,
      billingLogIds: [],
      position: undefined,
      dryRun: { events: [], billingLogs: [] },
    };
    expect(toCommandResultMessage(outcome)).toEqual({
      commandId: 'c-1',
      accountId: 'a-1',
      status: 'REJECTED',
      errorCode: 'RENEWAL_PENDING',
      errorMessage: 'renewal first',
      retryable: true,
      billingLogIds: [],
    });
  });
});
