const assertSafeInteger = (value: number, name: string): void => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
};

/**
 * floor(numerator / denominator) for integers. The float quotient is only a first guess: it can land
 * one off when the exact fraction sits just below an integer, so it is corrected with exact products.
 */
export const floorDiv = (numerator: number, denominator: number): number => {
  assertSafeInteger(numerator, 'numerator');
  assertSafeInteger(denominator, 'denominator');
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  let quotient = Math.floor(numerator / denominator);
  while (quotient * denominator > numerator) quotient -= 1;
  while ((quotient + 1) * denominator <= numerator) quotient += 1;
  return quotient;
};

/** `66666` → `66,666`; integers only. */
export const formatKrw = (amount: number): string => {
  assertSafeInteger(amount, 'amount');
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return amount < 0 ? `-${digits}` : digits;
};
