import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncCredentialVault, type SafeStorageLike } from '../../../main/electron/syncCredentialVault';
import { isAppError } from '../../../shared/errors/AppError';
import { credentialsFromEnv } from '../../../main/services/sync/syncCredentials';

/** Stands in for the OS: a reversible transform under a per-"machine" key, as safeStorage behaves. */
function fakeSafeStorage(available: boolean, key = 7): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.concat([Buffer.from('SEALED'), flip(Buffer.from(plain, 'utf8'))]),
    decryptString: (sealed) => {
      if (!sealed.subarray(0, 6).equals(Buffer.from('SEALED'))) throw new Error('not sealed');
      return flip(sealed.subarray(6)).toString('utf8');
    },
  };
}

const file = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-vault-')), 'sync-credentials.bin');
const secret = { username: 'ottawa', password: 'tok-9f8e7d-secret' };

describe('the desktop sync credential vault (Electron safeStorage seam)', () => {
  it('saves sealed by the OS, never in clear, and reads them back', async () => {
    const at = file();
    new SyncCredentialVault(fakeSafeStorage(true), at).save(secret);
    const bytes = fs.readFileSync(at);
    expect(bytes.toString('latin1')).not.toContain(secret.password);
    expect(bytes.toString('latin1')).not.toContain(secret.username);
    expect(await new SyncCredentialVault(fakeSafeStorage(true), at).credentials()).toEqual(secret);
  });

  it('refuses to save where the OS cannot encrypt, writing nothing; the session may still use them', async () => {
    const at = file();
    const vault = new SyncCredentialVault(fakeSafeStorage(false), at);
    let error: unknown;
    try {
      vault.save(secret);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe('sync.credentialsUnsafe');
    expect(fs.readdirSync(path.dirname(at))).toEqual([]);
    expect(await vault.credentials()).toBeNull();
    vault.useForSession(secret);
    expect(await vault.credentials()).toEqual(secret);
    expect(fs.readdirSync(path.dirname(at))).toEqual([]);
  });

  it('a file sealed elsewhere (another key) or damaged reads as none; forget removes it', async () => {
    const at = file();
    new SyncCredentialVault(fakeSafeStorage(true, 7), at).save(secret);
    expect(await new SyncCredentialVault(fakeSafeStorage(true, 9), at).credentials()).toBeNull();
    fs.writeFileSync(at, 'garbage');
    const vault = new SyncCredentialVault(fakeSafeStorage(true), at);
    expect(await vault.credentials()).toBeNull();
    vault.forget();
    expect(fs.existsSync(at)).toBe(false);
  });

  it('with nothing saved, the environment’s credentials (as the CLI reads them); saved ones come first', async () => {
    const at = file();
    const env = credentialsFromEnv({ BRIEFING_SYNC_USER: 'env-user', BRIEFING_SYNC_TOKEN: 'env-token' });
    const vault = new SyncCredentialVault(fakeSafeStorage(true), at, env);
    expect(await vault.credentials()).toEqual({ username: 'env-user', password: 'env-token' });
    vault.save(secret);
    expect(await vault.credentials()).toEqual(secret);
  });
});
