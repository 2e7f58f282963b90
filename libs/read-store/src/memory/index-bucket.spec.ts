import fc from 'fast-check';
import { FieldIndex } from './field-index';
import { anyEntryOf, entriesOf, sizeOf, withEntry, withoutEntry, type Bucket } from './index-bucket';
import { keyPinOf } from './key-pin';

interface Item {
  readonly n: number;
  key?: string;
}

describe('index buckets of the in-memory adapter', () => {
  it('hold exactly the entries added and not removed, across the single, array and Set forms', () => {
    const items: Item[] = Array.from({ length: 400 }, (_, n) => ({ n }));
    // Three adds to one removal, so buckets grow past the array limit into a Set and shrink again.
    const operation = fc.tuple(fc.nat(3).map((roll) => roll > 0), fc.integer({ min: 0, max: items.length - 1 }));
    fc.assert(
      fc.property(fc.array(operation, { minLength: 600, maxLength: 1_500 }), (operations) => {
        let bucket: Bucket<Item> | undefined;
        const model = new Set<Item>();
        const sizes: [number, number][] = [];
        for (const [adding, at] of operations) {
          const item = items[at];
          if (adding && !model.has(item)) {
            bucket = withEntry(bucket, item);
            model.add(item);
          } else if (!adding && bucket !== undefined) {
            bucket = withoutEntry(bucket, item);
            model.delete(item);
          }
          sizes.push([bucket === undefined ? 0 : sizeOf(bucket), model.size]);
        }
        expect(sizes.filter(([size, expected]) => size !== expected)).toEqual([]);
        expect(new Set(bucket === undefined ? [] : entriesOf([bucket]))).toEqual(model);
        if (bucket !== undefined) expect(model.has(anyEntryOf(bucket))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a lone entry as itself, with no array around it', () => {
    const item: Item = { n: 1 };
    expect(withEntry(undefined, item)).toBe(item);
    expect(withoutEntry(withEntry(withEntry(undefined, item), { n: 2 }), { n: 3 })).toHaveLength(2);
  });
});

describe('field index', () => {
  const indexOf = () => new FieldIndex<Item>('key', (item) => item.key);
  const file = (index: FieldIndex<Item>, item: Item, key: string) => (item.key = index.add(item, key));

  it('lets every entry of one key remember the same key string', () => {
    const index = indexOf();
    const [first, second]: Item[] = [{ n: 1 }, { n: 2 }];
    file(index, first, ['acc', '1'].join('-'));
    file(index, second, ['acc', '1'].join('-'));
    expect(second.key).toBe(first.key);
  });

  it('narrows by listed keys or by a pass over its keys, never over entries it does not hold', () => {
    const index = indexOf();
    const items = ['2026-01-01', '2026-02-01', '2026-02-01', '2026-03-01'].map((key, n) => {
      const item: Item = { n };
      file(index, item, key);
      return item;
    });
    const pin = (condition: Parameters<typeof keyPinOf>[1]) => keyPinOf('key', condition)!;
    expect(index.narrow(pin([{ operator: '$lte', operand: '2026-02-01' }])).size).toBe(3);
    expect(index.narrow(pin([{ operator: '$in', operands: ['2026-03-01', '2026-04-01'] }])).size).toBe(1);
    index.remove(items[1], items[1].key!);
    expect([...entriesOf(index.narrow(pin([{ operator: '$eq', operand: '2026-02-01' }])).buckets)]).toEqual([items[2]]);
  });
});
