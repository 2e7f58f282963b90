import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { MASTER_KEY_BYTES } from './master-key';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED_V1 = /^sealed:v1:([A-Za-z0-9_-]{16}):([A-Za-z0-9_-]{22}):([A-Za-z0-9_-]*)$/;

export class SealedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedValueError';
  }
}

/**
 * AES-256-GCM for secrets at rest (billing keys, API secrets):
 * `sealed:v1:<iv>:<tag>:<ciphertext>`, each part base64url. The cipher key is derived from the
 * master key (HKDF) so the master key itself is never used directly and can key other purposes.
 * An optional context (e.g. the account id) is authenticated, so a sealed value copied to another
 * row does not open there.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== MASTER_KEY_BYTES) throw new RangeError(`the master key must be ${MASTER_KEY_BYTES} bytes`);
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'ledger/secret-box/v1', 32));
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(PREFIX + context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${PREFIX}${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${ciphertext.toString('base64url')}`;
  }

  /** Throws SealedValueError when the value is malformed, was altered, or was sealed with another key or context. */
  open(sealed: string, context = ''): string {
    const parts = SEALED_V1.exec(sealed);
    if (!parts) throw new SealedValueError('not a sealed:v1 value');
    const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
    // base64url has spare bits in its last character; refuse non-canonical text so any altered string fails.
    if ([iv, tag, ciphertext].some((bytes, index) => bytes.toString('base64url') !== parts[index + 1])) {
      throw new SealedValueError('the sealed value was altered');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(PREFIX + context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedValueError('the sealed value was altered or sealed with another key');
    }
  }
}
