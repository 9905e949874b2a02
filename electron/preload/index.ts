/**
 * The sandboxed preload: exposes `window.api` with exactly one method per request channel, each
 * forwarding its payload and who acts (the adviser chosen at start, shared/ipc/actor.ts) to
 * `ipcRenderer.invoke` (Electron security checklist item 20, "Do not expose Electron APIs to
 * untrusted web content"; docs/tutorial/context-isolation.md, "one method per IPC message"). No raw
 * ipcRenderer, no send/on, no event objects reach the page.
 *
 * It imports only 'electron' and the channel list: a sandboxed preload cannot require other files,
 * so build.mjs bundles this into one CommonJS file, and zod must not come along.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels';

const api: Record<string, (payload?: unknown, actor?: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  // Only the payload and the actor are forwarded (both checked by dispatch), and only the resolved value comes back.
  api[channel] = (payload?: unknown, actor?: unknown) => ipcRenderer.invoke(channel, payload ?? {}, actor ?? null);
}

contextBridge.exposeInMainWorld('api', Object.freeze(api));
