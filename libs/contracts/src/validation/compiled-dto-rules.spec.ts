import fc from 'fast-check';
import { IsOptional, validateSync } from 'class-validator';
import { CommandEnvelopeDto, IssuedByDto } from '../envelope/command-envelope.dto';
import { PAYLOAD_DTO_BY_TYPE } from '../payloads/payload-dto-by-type';
import { COMMAND_TYPES, ISSUER_TYPES, TIERS, TRIAL_ON_EXPIRY, USAGE_METRICS } from '../vocabulary';
import { passesDtoRules } from './compiled-dto-rules';
import { validEnvelope, VALID_PAYLOADS } from './valid-envelope.fixtures';
import { toDtoInstance, VALIDATOR_OPTIONS, type DtoClass } from './validate-against-dto';

/**
 * Every DTO with rules, each with a valid plain value to mutate so the cases reach every rule, not
 * only the first (the DTO without fields never takes the fast path; see the last tests).
 */
const DTOS = new Map<DtoClass, Record<string, unknown>>([
  [CommandEnvelopeDto, validEnvelope('UPGRADE', { dryRun: false })],
  [IssuedByDto, { type: 'ADMIN', id: 'admin-1' }],
  ...COMMAND_TYPES.filter((type) => Object.keys(VALID_PAYLOADS[type]).length > 0).map((type) => [PAYLOAD_DTO_BY_TYPE[type], VALID_PAYLOADS[type]] as const),
]);

const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...COMMAND_TYPES, ...ISSUER_TYPES, ...TIERS, ...TRIAL_ON_EXPIRY, ...USAGE_METRICS, 'pro', 'X'),
  fc.constantFrom('', '2026-04-23T00:15:30.123Z', '2026-02-29T00:00:00Z', '2028-02-29T23:59:59+09:00', '2026-04-23', '2026-08', '2026-13'),
  fc.constantFrom('CRMSBL260423091530123SBL11122233', '4242', '424', 'acct 42', 'acct_42', 'UPGRADE', 'upgrade', '\ud83d\ude00'),
  fc.string({ maxLength: 4 }),
  fc.string({ minLength: 28, maxLength: 32 }),
  fc.integer({ min: 195, max: 205 }).map((length) => 'x'.repeat(length)),
  fc.integer({ min: 490, max: 1010 }).map((length) => 'k'.repeat(length)),
  fc.integer({ min: -2, max: 32 }),
  fc.integer({ min: 9_998, max: 10_002 }),
  fc.constantFrom(0.5, -0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, Number.NaN, Infinity),
  fc.constantFrom(null, undefined, true, false, [], {}),
  fc.jsonValue({ maxDepth: 1 }),
);

/** A valid value with some fields replaced, removed or added (unknown keys included). */
const mutated = (valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .tuple(
      fc.dictionary(fc.constantFrom(...Object.keys(valid), 'seatCount', 'toTier', 'x', 'priority'), fieldValue, { maxKeys: 3 }),
      fc.subarray(Object.keys(valid), { maxLength: Math.min(2, Object.keys(valid).length) }),
    )
    .map(([changes, removed]) => {
      const value: Record<string, unknown> = { ...valid, ...changes };
      removed.forEach((key) => delete value[key]);
      return value;
    });

const validateSyncPasses = (instance: object): boolean => validateSync(instance, VALIDATOR_OPTIONS).length === 0;

describe('passesDtoRules', () => {
  it.each([...DTOS].map(([dto, valid]) => [dto.name, dto, valid] as const))('agrees with validateSync on %s', (_name, dto, valid) => {
    let passed = 0;
    fc.assert(
      fc.property(fc.oneof(fc.constant(valid), mutated(valid)), (plain) => {
        const instance = toDtoInstance(dto, plain);
        const fast = passesDtoRules(instance, dto);
        expect(fast).toBe(validateSyncPasses(instance));
        if (fast) passed += 1;
      }),
      { numRuns: 1_000 },
    );
    expect(passed).toBeGreaterThan(50); // the fast path is taken, so the comparison covers both answers
  });

  it('leaves a DTO without rules to validateSync (it refuses such a value as unknown)', () => {
    class NoRulesDto {}
    expect(passesDtoRules(new NoRulesDto(), NoRulesDto)).toBe(false);
  });

  it('answers "not sure" for an instance of another class, so validateSync judges it', () => {
    class OtherDto {
      @IsOptional()
      seatCount?: number;
    }
    expect(passesDtoRules(toDtoInstance(OtherDto, { seatCount: 3 }), PAYLOAD_DTO_BY_TYPE.SEAT_ADD)).toBe(false);
  });
});
