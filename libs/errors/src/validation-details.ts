import { type ErrorDetail, ValidationError } from './ledger-error';

/**
 * The shape of a class-validator `ValidationError`, declared structurally so that this lib stays
 * free of dependencies while HTTP and Kafka both turn DTO failures into the same details.
 */
export interface ConstraintFailure {
  readonly property: string;
  readonly constraints?: Readonly<Record<string, string>>;
  readonly children?: readonly ConstraintFailure[];
}

export const detailsFromConstraintFailures = (failures: readonly ConstraintFailure[], parentPath = ''): ErrorDetail[] =>
  failures.flatMap((failure) => {
    const field = parentPath === '' ? failure.property : `${parentPath}.${failure.property}`;
    const own = Object.entries(failure.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...detailsFromConstraintFailures(failure.children ?? [], field)];
  });

export const validationErrorFrom = (failures: readonly ConstraintFailure[]): ValidationError => {
  const details = detailsFromConstraintFailures(failures);
  const fields = [...new Set(details.map((detail) => detail.field))].join(', ');
  return new ValidationError(`요청 값이 올바르지 않습니다: ${fields}`, details);
};
