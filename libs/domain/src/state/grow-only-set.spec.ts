import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { GrowOnlySet } from './grow-only-set';

/** Written independently of the implementation: SHA-256 of the UTF-8 text, of 0xFF + UTF-16LE with a lone surrogate. */
const fingerprint = (id: string): string => {
  const sha = createHash('sha256');
  if (/[\uD800-\uDFFF]/u.test(id)) sha.update(Buffer.of(0xff)).update(id, 'utf16le');
  else sha.update(id, 'utf8');
  return sha.digest('hex').slice(0, 32);
};
const known = new Map<string, string>();
const fingerprintsOf = (ids: Iterable<string>): string[] => [...ids].map((id) => known.get(id) ?? known.set(id, fingerprint(id)).get(id)!);
const addAll = (set: GrowOnlySet, ids: readonly string[]): GrowOnlySet => ids.reduce((grown, id) => grown.add(id), set);

/** Ids that differ only in non-ASCII characters, composed or not, lone surrogates (U+FFFD in UTF-8), and the empty id. */
const TRICKY_IDS = ['', 'a', 'é', 'e\u0301', 'ｅ', '명령', '명렁', '😀', '😁', '\uD83D', '\uDE00', '\uD800', '\uDC00', '\uFFFD', 'u-\uD800', 'u-\uFFFD'];

describe('GrowOnlySet', () => {
  it('adds ids once and keeps their fingerprints in insertion order', () => {
    const set = GrowOnlySet.empty().add('a').add('b').add('a');
    expect([set.has('a'), set.has('b'), set.has('c'), set.size]).toEqual([true, true, false, 2]);
    expect([...set.fingerprints()]).toEqual(fingerprintsOf(['a', 'b']));
    expect([...set.fingerprints()][0]).toBe('ca978112ca1bbdcafac231b39a23dc4d');
    expect(set.add('b')).toBe(set);
    expect([GrowOnlySet.empty().size, GrowOnlySet.empty().has(''), [...GrowOnlySet.empty().fingerprints()]]).toEqual([0, false, []]);
  });

  it('never changes a view: adding to an older view forks it', () => {
    const base = GrowOnlySet.empty().add('x');
    const newer = base.add('y');
    const fork = base.add('z');
    const newest = newer.add('w');
    const forkOfFork = fork.add('y');
    expect([...base.fingerprints()]).toEqual(fingerprintsOf(['x']));
    expect([...newer.fingerprints()]).toEqual(fingerprintsOf(['x', 'y']));
    expect([...fork.fingerprints()]).toEqual(fingerprintsOf(['x', 'z']));
    expect([...newest.fingerprints()]).toEqual(fingerprintsOf(['x', 'y', 'w']));
    expect([...forkOfFork.fingerprints()]).toEqual(fingerprintsOf(['x', 'z', 'y']));
    expect([fork.has('y'), newer.has('z'), base.has('y'), newer.has('w'), fork.has('w')]).toEqual([false, false, false, false, false]);
  });

  it('tells apart ids that differ only in non-ASCII characters, lone surrogates included, and the empty id', () => {
    const set = addAll(GrowOnlySet.empty(), TRICKY_IDS);
    expect(set.size).toBe(TRICKY_IDS.length);
    expect(new Set(set.fingerprints()).size).toBe(TRICKY_IDS.length);
    expect(TRICKY_IDS.every((id) => set.has(id))).toBe(true);
    for (const [index, id] of TRICKY_IDS.entries()) {
      const others = addAll(GrowOnlySet.empty(), TRICKY_IDS.filter((_, at) => at !== index));
      expect([id, others.has(id)]).toEqual([id, false]);
    }
  });

  it('keeps every view exact across many doublings, forking from views at any size', () => {
    const ids = Array.from({ length: 5000 }, (_, index) => `usage-${index}`);
    const views = ids.reduce<GrowOnlySet[]>((all, id) => [...all, (all[all.length - 1] ?? GrowOnlySet.empty()).add(id)], []);
    const full = views[views.length - 1];
    expect([full.size, ids.every((id) => full.has(id)), full.has('usage-5000')]).toEqual([5000, true, false]);
    for (const size of [1, 2, 3, 4, 7, 8, 127, 128, 1024, 3071, 4097]) {
      const view = views[size - 1];
      expect([view.size, view.has(ids[size - 1]), view.has(ids[size])]).toEqual([size, true, false]);
      const fork = addAll(view, ['other', ids[size], 'more']);
      expect([fork.size, fork.has('other'), fork.has(ids[size]), fork.has(ids[size + 1]), full.has('other')]).toEqual([size + 3, true, true, false, false]);
      expect([...fork.fingerprints()]).toEqual(fingerprintsOf([...ids.slice(0, size), 'other', ids[size], 'more']));
    }
    expect([...full.fingerprints()]).toEqual(fingerprintsOf(ids));
  });

  /** Adds each id to the view `from` picks ('newest', or any view by index) and compares every view with a copied Set. */
  const behavesLikeCopiedSets = (from: fc.Arbitrary<number | 'newest'>, ids: readonly string[], maxSteps: number, numRuns: number) =>
    fc.assert(
      fc.property(fc.array(fc.record({ from, id: fc.constantFrom(...ids) }), { maxLength: maxSteps }), (steps) => {
        const views: GrowOnlySet[] = [GrowOnlySet.empty()];
        const models: Set<string>[] = [new Set()];
        for (const step of steps) {
          const at = step.from === 'newest' ? views.length - 1 : step.from % views.length;
          views.push(views[at].add(step.id));
          models.push(new Set(models[at]).add(step.id));
        }
        views.forEach((view, index) => {
          expect(view.size).toBe(models[index].size);
          expect([...view.fingerprints()]).toEqual(fingerprintsOf(models[index]));
          for (const id of [...ids, 'absent']) if (view.has(id) !== models[index].has(id)) throw new Error(`view ${index} disagrees on ${JSON.stringify(id)}`);
        });
      }),
      { numRuns },
    );

  it('behaves like a copied Set for any sequence of adds to any earlier view (tricky ids)', () => {
    behavesLikeCopiedSets(fc.nat(), TRICKY_IDS, 60, 300);
  });

  it('behaves like a copied Set while the table doubles and older views fork', () => {
    // Mostly adds to the newest view, as a fold does, so the sets grow past several doublings.
    const from = fc.oneof({ arbitrary: fc.constant('newest' as const), weight: 9 }, { arbitrary: fc.nat(), weight: 1 });
    behavesLikeCopiedSets(from, Array.from({ length: 300 }, (_, index) => `id-${index}`), 250, 25);
  });
});
