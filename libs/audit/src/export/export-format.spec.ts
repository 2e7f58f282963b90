import { csvField } from './export-format';

describe('csvField', () => {
  it('quotes only what needs quoting and doubles quotes (RFC 4180)', () => {
    expect(csvField('PRO 정기 결제')).toBe('PRO 정기 결제');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
    expect(csvField(73_332)).toBe('73332');
  });
});
