import { contextBridge, ipcRenderer } from 'electron';
import type { Api, ApiResult, Channel } from '../../shared/api/apiContract';
import { createApiClient } from '../../shared/api/createApiClient';

/**
 * The only thing the renderer gets: one typed `api` object. Every call goes through one IPC
 * channel, and main validates each input against the channel's schema.
 */
const api: Api = createApiClient(
  (channel: Channel, input: unknown) => ipcRenderer.invoke('api', channel, input) as Promise<ApiResult<unknown>>,
);

contextBridge.exposeInMainWorld('api', api);
