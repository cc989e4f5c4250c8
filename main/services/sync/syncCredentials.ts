import type { SyncCredentials } from './LibraryRepository';

/**
 * Where a sync's credentials come from: the environment for the CLI and browser mode
 * (BRIEFING_SYNC_USER, BRIEFING_SYNC_TOKEN), the OS keychain for the desktop app (see
 * main/electron/syncCredentialVault.ts). Read at each sync, never copied into the library.
 */
export interface SyncCredentialSource {
  credentials(): SyncCredentials | null | Promise<SyncCredentials | null>;
}

export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>): SyncCredentialSource {
  return {
    credentials: () => {
      const token = env.BRIEFING_SYNC_TOKEN;
      return token ? { username: env.BRIEFING_SYNC_USER || 'token', password: token } : null;
    },
  };
}
