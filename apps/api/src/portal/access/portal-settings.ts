import { ValidationError } from '@ledger/errors';
import type { PlatformConfig } from '../../config/platform-config';

export const PORTAL_SETTINGS = Symbol('PORTAL_SETTINGS');

export interface PortalSettings {
  /** Where customers reach the api; portal links are built on it. */
  readonly publicUrl: string;
  /** Origins a returnUrl may point to (LEDGER_PORTAL_ALLOWED_ORIGINS, default the api's own). */
  readonly allowedOrigins: readonly string[];
  /** Cookies get `Secure` when the public URL is https. */
  readonly secureCookies: boolean;
}

export const portalSettingsFrom = (config: PlatformConfig): PortalSettings => ({
  publicUrl: config.publicUrl,
  allowedOrigins: config.portalAllowedOrigins,
  secureCookies: new URL(config.publicUrl).protocol === 'https:',
});

const returnUrlError = (message: string): ValidationError =>
  new ValidationError('returnUrl이 허용된 주소가 아닙니다.', [{ field: 'returnUrl', rule: 'allowedOrigin', message }]);

/**
 * No open redirect: an absolute http(s) URL on an allowed origin. Without one, the first allowed
 * origin's root stands in for the "app dashboard" of the seed (we have no dashboard URL setting).
 */
export const resolveReturnUrl = (requested: string | undefined, settings: PortalSettings): string => {
  if (requested === undefined) return `${settings.allowedOrigins[0] ?? settings.publicUrl}/`;
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    throw returnUrlError('returnUrl must be an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw returnUrlError('returnUrl must be an http(s) URL');
  if (url.username !== '' || url.password !== '') throw returnUrlError('returnUrl must not carry credentials');
  if (!settings.allowedOrigins.includes(url.origin)) throw returnUrlError(`origin ${url.origin} is not in LEDGER_PORTAL_ALLOWED_ORIGINS`);
  return url.href;
};
