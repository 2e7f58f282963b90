import { ValidationPipe } from '@nestjs/common';
import { type ConstraintFailure, validationErrorFrom } from '@ledger/errors';

/**
 * DTO validation for every route: unknown properties are refused (not silently dropped), and the
 * failure is a ValidationError whose details name each field and rule.
 */
export const createLedgerValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => validationErrorFrom(errors as ConstraintFailure[]),
  });
