import type { PlanFacts } from '../events/event';
import type { AccountState } from '../state/account-state';

export const planFactsOf = (state: AccountState): PlanFacts => ({
  tier: state.tier,
  seatCount: state.seatCount,
  monthlyPrice: state.unitPrice,
});
