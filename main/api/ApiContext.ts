import type { LibraryStore } from '../services/LibraryStore';
import type { PackBuildService } from '../pdf/PackBuildService';
import type { ImportParser } from '../services/importWorker/ImportParser';
import type { SyncCredentialSource } from '../services/sync/syncCredentials';
import type { SyncCredentials } from '../services/sync/LibraryRepository';

/** What the handlers share: the open library, the build workers, where built PDFs go. */
export interface ApiContext {
  store: LibraryStore;
  libraryPath: string;
  builds: PackBuildService;
  /** Parses import files (XLIFF, library JSON) off the thread that answers requests. */
  imports: ImportParser;
  /** Folder for built PDFs, served back by id (browser mode) or saved by the desktop shell. */
  outputDir: string;
  mode: 'desktop' | 'browser';
  /** Sync's credentials and office; absent: from the environment (BRIEFING_SYNC_USER/TOKEN, BRIEFING_OFFICE). */
  sync?: { credentials: SyncCredentialSource & { save?(c: SyncCredentials): void }; office?: string };
  version: string;
  /** Save dialog and system viewer: only the desktop shell provides them. */
  desktop?: {
    savePdf(file: string): Promise<string | null>;
    openPdf(file: string): Promise<boolean>;
    /** A save dialog for a text file the renderer produced (XLIFF, JSON); null if cancelled. */
    saveText(fileName: string, text: string, extension: string): Promise<string | null>;
    /** A save dialog for a copy of the library; the chosen path, or null if cancelled. */
    chooseLibraryCopy(defaultName: string): Promise<string | null>;
  };
}
