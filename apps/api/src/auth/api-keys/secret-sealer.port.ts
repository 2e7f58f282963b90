export const SECRET_SEALER = Symbol('SECRET_SEALER');

/**
 * Encryption at rest for API secrets; the payments lib's SecretBox fits as is. `context` is
 * authenticated, so a sealed secret copied to another key's stream does not open there.
 */
export interface SecretSealer {
  seal(plaintext: string, context: string): string | Promise<string>;
  open(sealed: string, context: string): string | Promise<string>;
}
