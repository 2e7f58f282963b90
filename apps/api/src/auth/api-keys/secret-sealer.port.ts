export const SECRET_SEALER = Symbol('SECRET_SEALER');

/** Encryption at rest for API secrets (bound to the payments lib's SecretBox by the app). */
export interface SecretSealer {
  seal(plaintext: string): string | Promise<string>;
  open(sealed: string): string | Promise<string>;
}
