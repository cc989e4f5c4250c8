/** Why a backup was taken (main/services/backups/backupNames.ts names its files by it). */
export const BACKUP_REASONS = ['scheduled', 'manual', 'import', 'xliff', 'restore', 'migration'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** A backup as the renderer sees it: a name in the backups folder, never a path it could choose. */
export interface BackupInfo {
  name: string;
  /** ISO time. */
  takenAt: string;
  bytes: number;
  reason: BackupReason;
}

export interface BackupsList {
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** The last restore this running app made and has not undone: `undo` puts the library back as it was. */
  lastRestore: { restored: BackupInfo; undo: BackupInfo } | null;
}

export interface BackupRestored {
  restored: string;
  undo: BackupInfo;
}
