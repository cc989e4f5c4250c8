import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors/AppError';
import type { SyncCredentials } from '../services/sync/LibraryRepository';
import type { SyncCredentialSource } from '../services/sync/syncCredentials';

/** The part of Electron's safeStorage the vault needs (a seam: tests pass their own). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The desktop app's sync credentials, encrypted by the OS (Electron safeStorage) in a file in the
 * app's user-data folder. Never written in clear: where the OS cannot encrypt, saving is refused
 * and the credentials live only in memory for the session.
 */
export class SyncCredentialVault implements SyncCredentialSource {
  private session: SyncCredentials | null = null;

  constructor(
    private readonly safe: SafeStorageLike,
    private readonly file: string,
    /** Asked when nothing is saved (the environment, as for the CLI). */
    private readonly fallback: SyncCredentialSource | null = null,
  ) {}

  save(credentials: SyncCredentials): void {
    if (!this.safe.isEncryptionAvailable()) throw new AppError('sync.credentialsUnsafe');
    const sealed = this.safe.encryptString(JSON.stringify(credentials));
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    fs.writeFileSync(temp, sealed, { mode: 0o600 });
    fs.renameSync(temp, this.file);
  }

  /** For this session only (the OS could not encrypt, or the user did not want them kept). */
  useForSession(credentials: SyncCredentials | null): void {
    this.session = credentials;
  }

  forget(): void {
    this.session = null;
    fs.rmSync(this.file, { force: true });
  }

  async credentials(): Promise<SyncCredentials | null> {
    return this.saved() ?? (await this.fallback?.credentials()) ?? null;
  }

  private saved(): SyncCredentials | null {
    if (this.session) return this.session;
    if (!fs.existsSync(this.file) || !this.safe.isEncryptionAvailable()) return null;
    try {
      const value = JSON.parse(this.safe.decryptString(fs.readFileSync(this.file))) as Partial<SyncCredentials>;
      return typeof value.username === 'string' && typeof value.password === 'string'
        ? { username: value.username, password: value.password }
        : null;
    } catch {
      // Sealed by another user or machine: as if none were saved; the user enters them again.
      return null;
    }
  }
}
