import { UpsertWriteModes } from './write-mode';

describe('UpsertWriteModes', () => {
  it('reads positions first for a collection it has not seen (its first batch may be a replay)', () => {
    expect(new UpsertWriteModes().shouldInsertFirst('outcomes')).toBe(false);
  });

  it('inserts first after a batch of new ids, and reads again once many ids were stored', () => {
    const modes = new UpsertWriteModes();
    modes.record('outcomes', 1000, 0);
    expect(modes.shouldInsertFirst('outcomes')).toBe(true);
    modes.record('outcomes', 1000, 125);
    expect(modes.shouldInsertFirst('outcomes')).toBe(true);
    modes.record('outcomes', 1000, 126);
    expect(modes.shouldInsertFirst('outcomes')).toBe(false);
    modes.record('outcomes', 1000, 3);
    expect(modes.shouldInsertFirst('outcomes')).toBe(true);
  });

  it('judges each collection on its own', () => {
    const modes = new UpsertWriteModes();
    modes.record('outcomes', 10, 0);
    modes.record('plans', 10, 10);
    expect([modes.shouldInsertFirst('outcomes'), modes.shouldInsertFirst('plans')]).toEqual([true, false]);
  });
});
