import type { ApiError, ApiResult } from '../../../shared/api/apiContract';

/** A failed call, thrown so callers can use try/catch; carries the translatable error. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
    this.name = 'ApiFailure';
  }
}

export function unwrap<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiFailure(result.error);
}

/** Any caught value as an ApiError, so every failure is shown the same way. */
export function toApiError(caught: unknown): ApiError {
  if (caught instanceof ApiFailure) return caught.error;
  return { code: 'unexpected', params: { detail: (caught as Error)?.message ?? String(caught) }, problems: [] };
}
