/**
 * The sandboxed preload: exposes `window.api` with exactly one method per request channel, each
 * forwarding its payload to `ipcRenderer.invoke` (Electron security checklist item 20, "Do not
 * expose Electron APIs to untrusted web content"; docs/tutorial/context-isolation.md, "one method
 * per IPC message"). No raw ipcRenderer, no send/on, no event objects reach the page.
 *
 * It imports only 'electron' and the channel list: a sandboxed preload cannot require other files,
 * so build.mjs bundles this into one CommonJS file, and zod must not come along.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels';

const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  // Only the payload is forwarded, and only the resolved value comes back.
  api[channel] = (payload?: unknown) => ipcRenderer.invoke(channel, payload ?? {});
}

contextBridge.exposeInMainWorld('api', Object.freeze(api));
