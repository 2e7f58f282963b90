import fc from 'fast-check';
import { GrowOnlySet } from './grow-only-set';

describe('GrowOnlySet', () => {
  it('adds ids once and keeps insertion order', () => {
    const set = GrowOnlySet.empty().add('a').add('b').add('a');
    expect([set.has('a'), set.has('b'), set.has('c'), set.size]).toEqual([true, true, false, 2]);
    expect([...set]).toEqual(['a', 'b']);
    expect(set.add('b')).toBe(set);
  });

  it('never changes a view: adding to an older view forks it', () => {
    const base = GrowOnlySet.empty().add('x');
    const newer = base.add('y');
    const fork = base.add('z');
    const newest = newer.add('w');
    expect([...base]).toEqual(['x']);
    expect([...newer]).toEqual(['x', 'y']);
    expect([...fork]).toEqual(['x', 'z']);
    expect([...newest]).toEqual(['x', 'y', 'w']);
    expect([fork.has('y'), newer.has('z'), base.has('y'), newer.has('w')]).toEqual([false, false, false, false]);
  });

  it('spills into further segments and forks across them', () => {
    const ids = Array.from({ length: 7 }, (_, index) => `id-${index}`);
    const views = ids.reduce<GrowOnlySet[]>((all, id) => [...all, (all[all.length - 1] ?? GrowOnlySet.empty(3)).add(id)], []);
    const full = views[views.length - 1];
    expect(ids.every((id) => full.has(id))).toBe(true);
    expect([...full]).toEqual(ids);
    const fork = views[4].add('other');
    expect([...fork]).toEqual([...ids.slice(0, 5), 'other']);
    expect(full.has('other')).toBe(false);
  });

  it('behaves like a copied Set for any sequence of adds to any earlier view', () => {
    const step = fc.record({ from: fc.nat(), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h') });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 60 }), (segmentEntries, steps) => {
        const views: GrowOnlySet[] = [GrowOnlySet.empty(segmentEntries)];
        const models: Set<string>[] = [new Set()];
        for (const { from, id } of steps) {
          const at = from % views.length;
          views.push(views[at].add(id));
          models.push(new Set(models[at]).add(id));
        }
        views.forEach((view, index) => {
          expect([...view]).toEqual([...models[index]]);
          expect(view.size).toBe(models[index].size);
          for (const id of 'abcdefghz') expect(view.has(id)).toBe(models[index].has(id));
        });
      }),
      { numRuns: 300 },
    );
  });
});
