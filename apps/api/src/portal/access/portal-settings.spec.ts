import { ValidationError } from '@ledger/errors';
import { type PortalSettings, resolveReturnUrl } from './portal-settings';

describe('resolveReturnUrl (no open redirect)', () => {
  const settings: PortalSettings = { publicUrl: 'https://billing.example.com', allowedOrigins: ['https://app.example.com', 'https://billing.example.com'], secureCookies: true };

  it('keeps a URL on an allowed origin', () => {
    expect(resolveReturnUrl('https://app.example.com/settings/billing?tab=1', settings)).toBe('https://app.example.com/settings/billing?tab=1');
  });

  it('defaults to the first allowed origin', () => {
    expect(resolveReturnUrl(undefined, settings)).toBe('https://app.example.com/');
  });

  it.each([
    'https://evil.example.com/',
    'https://app.example.com.evil.com/',
    'http://app.example.com/',
    'https://app.example.com:8443/',
    'https://user:pass@app.example.com/',
    'javascript:alert(1)',
    '//app.example.com/x',
    'not a url',
  ])('refuses %s with a ValidationError naming returnUrl', (returnUrl) => {
    expect(() => resolveReturnUrl(returnUrl, settings)).toThrow(ValidationError);
    try {
      resolveReturnUrl(returnUrl, settings);
    } catch (error) {
      expect((error as ValidationError).details).toEqual([expect.objectContaining({ field: 'returnUrl' })]);
    }
  });
});
