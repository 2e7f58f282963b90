import { describe, expect, it } from '@jest/globals';
import { inStreams, newEvent, type ContractContext } from './contract-context';

const payload = {
  accountId: 'acc_01HZX',
  customer: { name: '김민준', company: '주식회사 한빛소프트', note: '요금제 변경 — 다음 달부터 적용 ✓' },
  amounts: {
    maxSafe: Number.MAX_SAFE_INTEGER,
    minSafe: Number.MIN_SAFE_INTEGER,
    wonTotal: 1_234_567_890_123,
    zero: 0,
    fraction: 0.1,
  },
  lines: [
    { metric: 'seats', units: 12, unitPrice: 15_000 },
    { metric: 'api_calls', units: 2_500_000, unitPrice: 2 },
  ],
  flags: { trial: false, legacy: true, cancelledAt: null },
  deeply: { nested: { arrays: [[1, 2], [], [{ k: 'v' }]] } },
};

export function describeJsonContract(context: ContractContext): void {
  describe('JSON data', () => {
    it('round-trips nested objects, Korean text and large integers through readStream and readAll', async () => {
      const stream = context.newStream();
      const before = await context.store().headPosition();
      const metadata = { commandId: 'cmd-한글-1', issuedBy: { type: 'USER', id: 'u1' }, schema: 1 };
      const event = { ...newEvent('PlanChanged.v1', payload), metadata };
      await context.store().append(stream, [event], 'no_stream');

      const [fromStream] = await context.store().readStream(stream);
      expect(fromStream.data).toEqual(payload);
      expect(fromStream.metadata).toEqual(event.metadata);
      expect(typeof (fromStream.data.amounts as Record<string, unknown>).wonTotal).toBe('number');

      const [fromAll] = (await context.store().readAll({ after: before })).filter(inStreams(stream));
      expect(fromAll.data).toEqual(payload);
    });
  });
}
