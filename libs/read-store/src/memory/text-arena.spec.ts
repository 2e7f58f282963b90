import { TextArena, type ArenaSlot } from './text-arena';

const slot = (): ArenaSlot => ({ chunk: 0, offset: 0, length: 0 });

describe('text arena of the in-memory adapter', () => {
  it('reads back every text, Korean and larger than a chunk included', () => {
    const arena = new TextArena();
    const texts = ['{"a":1}', '{"d":"환불 결제 실패"}', `{"big":"${'x'.repeat(3 << 20)}"}`, '{"b":2}'];
    const slots = texts.map((text) => {
      const at = slot();
      arena.write(at, text);
      return at;
    });
    expect(slots.map((at) => arena.read(at))).toEqual(texts);
  });

  it('finds a needle only inside the slot it is asked about', () => {
    const arena = new TextArena();
    const [first, second] = [slot(), slot()];
    arena.write(first, '{"s":"a"}');
    arena.write(second, '{"s":"환불"}');
    expect(arena.includes(first, Buffer.from('"a"'))).toBe(true);
    expect(arena.includes(first, Buffer.from('"환불"'))).toBe(false);
    expect(arena.includes(second, Buffer.from('"환불"'))).toBe(true);
  });

  it('becomes wasteful once replaced texts dominate, and compaction keeps the live texts intact', () => {
    const arena = new TextArena();
    const live = Array.from({ length: 10 }, slot);
    for (let round = 0; round < 600 && !arena.wasteful; round++) {
      live.forEach((at, i) => {
        if (round > 0) arena.release(at);
        arena.write(at, JSON.stringify({ i, round, pad: '결'.repeat(300) }));
      });
    }
    expect(arena.wasteful).toBe(true);
    const before = live.map((at) => arena.read(at));
    arena.compact(live);
    expect(arena.wasteful).toBe(false);
    expect(live.map((at) => arena.read(at))).toEqual(before);
  });
});
