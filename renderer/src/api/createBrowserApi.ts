import type { Api, ApiResult } from '../../../shared/api/apiContract';
import { createApiClient } from '../../../shared/api/createApiClient';

function failure(code: string, params: Record<string, string | number> = {}): ApiResult<never> {
  return { ok: false, error: { code, params, problems: [] } };
}

/** Browser mode: every channel is a POST to /api/<channel> carrying the session's bearer token. */
export function createBrowserApi(token: string | null): Api {
  return createApiClient(async (channel, input) => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(input),
      });
      const body = (await response.json()) as ApiResult<unknown>;
      if (body && typeof body === 'object' && 'ok' in body) return body;
      return failure('unexpected', { detail: `HTTP ${response.status}` });
    } catch (error) {
      return failure('unexpected', { detail: (error as Error)?.message ?? String(error) });
    }
  });
}
