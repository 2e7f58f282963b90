import { detailsFromConstraintFailures, validationErrorFrom } from './validation-details';

describe('validation details', () => {
  const failures = [
    { property: 'limit', constraints: { max: 'limit must not be greater than 100' } },
    { property: 'payload', children: [{ property: 'seatCount', constraints: { isInt: 'seatCount must be an integer' } }] },
  ];

  it('names nested fields with a dotted path', () => {
    expect(detailsFromConstraintFailures(failures)).toStrictEqual([
      { field: 'limit', rule: 'max', message: 'limit must not be greater than 100' },
      { field: 'payload.seatCount', rule: 'isInt', message: 'seatCount must be an integer' },
    ]);
  });

  it('builds a ValidationError whose message lists the fields', () => {
    const error = validationErrorFrom(failures);
    expect(error.code).toBe('ValidationError');
    expect(error.message).toContain('limit, payload.seatCount');
  });
});
