import { ValidationError } from '@ledger/errors';
import { MAX_COMMANDS_PER_REQUEST, commandBatchOf } from './command-batch';

const detailsOf = (body: unknown): unknown => {
  try {
    commandBatchOf(body);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).details;
  }
  throw new Error('expected a ValidationError');
};

describe('commandBatchOf', () => {
  it('passes one object through as a single envelope, whatever it holds', () => {
    expect(commandBatchOf({ anything: 1 })).toEqual({ envelopes: [{ anything: 1 }], isList: false });
  });

  it('passes a list of objects through as a list', () => {
    expect(commandBatchOf([{ a: 1 }, {}])).toEqual({ envelopes: [{ a: 1 }, {}], isList: true });
  });

  it.each([['a string', 'x'], ['a number', 42], ['null', null], ['nothing', undefined], ['true', true]])('refuses %s', (_label, body) => {
    expect(detailsOf(body)).toEqual([expect.objectContaining({ field: '$', rule: 'isObject' })]);
  });

  it('names the first element that is not an object', () => {
    expect(detailsOf([{}, [], {}])).toEqual([expect.objectContaining({ field: '[1]', rule: 'isObject' })]);
    expect(detailsOf([{}, 'x'])).toEqual([expect.objectContaining({ field: '[1]' })]);
  });

  it(`refuses an empty list and one longer than ${MAX_COMMANDS_PER_REQUEST}`, () => {
    expect(detailsOf([])).toEqual([expect.objectContaining({ rule: 'arrayLength' })]);
    expect(detailsOf(Array.from({ length: MAX_COMMANDS_PER_REQUEST + 1 }, () => ({})))).toEqual([expect.objectContaining({ rule: 'arrayLength' })]);
    expect(commandBatchOf(Array.from({ length: MAX_COMMANDS_PER_REQUEST }, () => ({}))).envelopes).toHaveLength(MAX_COMMANDS_PER_REQUEST);
  });
});
