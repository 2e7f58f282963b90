import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidMasterKeyError, decodeMasterKey, loadOrCreateMasterKey } from './master-key';

const HEX_KEY = 'a1'.repeat(32);

describe('loadOrCreateMasterKey', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'master-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prefers LEDGER_MASTER_KEY in hex or base64 and writes no file', () => {
    const fromHex = loadOrCreateMasterKey(dataDir, { env: { LEDGER_MASTER_KEY: HEX_KEY } });
    const fromBase64 = loadOrCreateMasterKey(dataDir, { env: { LEDGER_MASTER_KEY: Buffer.from(HEX_KEY, 'hex').toString('base64') } });
    expect(fromHex).toEqual({ key: Buffer.from(HEX_KEY, 'hex'), source: 'env' });
    expect(fromBase64.key.equals(fromHex.key)).toBe(true);
    expect(() => statSync(join(dataDir, 'master.key'))).toThrow();
  });

  it('refuses a malformed LEDGER_MASTER_KEY instead of generating one', () => {
    for (const bad of ['abc', 'a1'.repeat(31), Buffer.alloc(16).toString('base64'), `${HEX_KEY}00`]) {
      expect(() => loadOrCreateMasterKey(dataDir, { env: { LEDGER_MASTER_KEY: bad } })).toThrow(InvalidMasterKeyError);
    }
  });

  it('generates a key file with mode 0600 once, then reads it back', () => {
    const nested = join(dataDir, 'data');
    const created = loadOrCreateMasterKey(nested, { env: {} });
    expect(created.source).toBe('generated');
    expect(statSync(join(nested, 'master.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(nested, 'master.key'), 'utf8').trim()).toBe(created.key.toString('hex'));

    const loaded = loadOrCreateMasterKey(nested, { env: {} });
    expect(loaded.source).toBe('file');
    expect(loaded.key.equals(created.key)).toBe(true);
  });

  it('refuses to invent a key when generation is not allowed', () => {
    expect(() => loadOrCreateMasterKey(dataDir, { env: {}, allowGenerate: false })).toThrow(InvalidMasterKeyError);
  });

  it('refuses a key file readable by other users', () => {
    const path = join(dataDir, 'master.key');
    writeFileSync(path, HEX_KEY, { mode: 0o644 });
    chmodSync(path, 0o644);
    expect(() => loadOrCreateMasterKey(dataDir, { env: {} })).toThrow(/chmod 600/);
  });

  it('decodes URL-safe base64 as well', () => {
    const key = Buffer.from('fb'.repeat(32), 'hex');
    expect(decodeMasterKey(key.toString('base64url'), 'test').equals(key)).toBe(true);
  });
});
