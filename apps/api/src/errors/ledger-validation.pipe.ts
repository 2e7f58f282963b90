import { ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { type DtoClass, passesDtoRules } from '@ledger/contracts';
import { type ConstraintFailure, validationErrorFrom } from '@ledger/errors';

/**
 * A valid DTO (nearly every request) skips class-validator's per-call metadata walk: libs/contracts
 * runs the DTO's own constraint instances, read from class-validator's metadata once, and anything
 * it is not sure of — any failure, any feature it does not run — goes to class-validator as before,
 * whose errors are the ones reported (compiled-dto-rules.spec.ts checks the two agree; measured in
 * bench/README.md, B4).
 */
class LedgerValidationPipe extends ValidationPipe {
  protected override validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    return passesDtoRules(object, object.constructor as DtoClass) ? [] : super.validate(object, validatorOptions);
  }
}

/**
 * DTO validation for every route: unknown properties are refused (not silently dropped), and the
 * failure is a ValidationError whose details name each field and rule.
 */
export const createLedgerValidationPipe = (): ValidationPipe =>
  new LedgerValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => validationErrorFrom(errors as ConstraintFailure[]),
  });
