import { CHANNELS, type Channel } from './channels';
import type { Api, ApiResult } from './apiContract';

/** Builds an Api from one transport function; the preload (IPC) and browser mode (HTTP) use it. */
export function createApiClient(call: (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>): Api {
  const api = {} as Record<Channel, (input: unknown) => Promise<ApiResult<unknown>>>;
  for (const channel of CHANNELS) api[channel] = (input) => call(channel, input);
  return api as unknown as Api;
}
