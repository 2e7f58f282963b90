import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import * as classValidator from 'class-validator';
import { type ConstraintFailure, validationErrorFrom } from '@ledger/errors';
import { BillingLogIdParam, BillingLogPageQuery } from '../billing-logs/billing-log.dto';
import { createLedgerValidationPipe } from './ledger-validation.pipe';

/** Nest's pipe with the same options: what the ledger's pipe must answer, value for value. */
const reference = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  exceptionFactory: (errors) => validationErrorFrom(errors as ConstraintFailure[]),
});

const outcome = (pipe: ValidationPipe, value: unknown, metadata: ArgumentMetadata) =>
  pipe.transform(value, metadata).then(
    (transformed: unknown) => ({ ok: transformed }),
    (error: unknown) => ({ error }),
  );

describe('the ledger validation pipe (class-validator skipped for valid DTOs)', () => {
  const pipe = createLedgerValidationPipe();

  it.each([
    ['a valid page', BillingLogPageQuery, { limit: '20', offset: '40' }],
    ['defaults', BillingLogPageQuery, {}],
    ['limit 0', BillingLogPageQuery, { limit: '0' }],
    ['a limit over the maximum', BillingLogPageQuery, { limit: '101' }],
    ['a fractional offset', BillingLogPageQuery, { offset: '1.5' }],
    ['a non-number', BillingLogPageQuery, { limit: 'ten' }],
    ['an unknown key', BillingLogPageQuery, { limit: '5', sort: 'asc' }],
    ['a prototype-polluting key', BillingLogPageQuery, JSON.parse('{"__proto__": {"x": 1}, "limit": "5"}')],
    ['a valid log id', BillingLogIdParam, { logId: 'CRMSBL260410090000000SBL00000001' }],
    ['a malformed log id', BillingLogIdParam, { logId: 'nope' }],
  ])('%s: the same result as Nest ValidationPipe', async (_case, metatype, value) => {
    const metadata: ArgumentMetadata = { type: 'query', metatype };
    expect(await outcome(pipe, structuredClone(value), metadata)).toEqual(await outcome(reference, structuredClone(value), metadata));
  });

  it('answers a valid DTO without class-validator, and an invalid one with it', async () => {
    const validate = jest.spyOn(classValidator, 'validate');
    try {
      await pipe.transform({ limit: '20' }, { type: 'query', metatype: BillingLogPageQuery });
      expect(validate).not.toHaveBeenCalled();
      await expect(pipe.transform({ limit: '0' }, { type: 'query', metatype: BillingLogPageQuery })).rejects.toThrow();
      expect(validate).toHaveBeenCalledTimes(1);
    } finally {
      validate.mockRestore();
    }
  });
});
