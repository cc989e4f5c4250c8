import { AppError, isAppError } from '../../../shared/errors/AppError';

/**
 * What went wrong talking to the shared repository, as a message the user can act on: refused
 * credentials, no repository at that address, or no answer at all (offline, server down).
 */
export function remoteError(error: unknown, url: string): AppError {
  if (isAppError(error)) return error;
  const e = error as { code?: string; data?: { statusCode?: number }; message?: string };
  const status = e.data?.statusCode;
  if (e.code === 'UserCanceledError' || status === 401 || status === 403) return new AppError('sync.authFailed', { url }, [], { cause: error });
  if (e.code === 'ETIMEDOUT') return new AppError('sync.timeout', { url }, [], { cause: error });
  if (status === 404) return new AppError('sync.remoteNotFound', { url }, [], { cause: error });
  if (e.code === 'HttpError' || e.code === 'SmartHttpError' || e.code === 'ParseError') {
    return new AppError('sync.remoteFailed', { url, detail: status ? `HTTP ${status}` : (e.code ?? '') }, [], { cause: error });
  }
  return new AppError('sync.unreachable', { url, detail: e.code ?? e.message ?? '' }, [], { cause: error });
}
