import { InvalidArgumentError } from 'commander';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An ISO-8601 instant, or a date read as 00:00 KST (billing days are KST days). */
export function parseInstant(value: string): string {
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00.000+09:00` : value);
  if (Number.isNaN(ms)) throw new InvalidArgumentError(`not an ISO-8601 instant or YYYY-MM-DD date: ${value}`);
  return new Date(ms).toISOString();
}

export function parseFormat(value: string): 'csv' | 'ndjson' {
  if (value !== 'csv' && value !== 'ndjson') throw new InvalidArgumentError('expected csv or ndjson');
  return value;
}
