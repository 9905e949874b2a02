import { readFile } from 'node:fs/promises';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels';
import { contextBridge, ipcRenderer } from '../../mocks/electron';

type ExposedApi = Record<string, (payload?: unknown, actor?: unknown) => Promise<unknown>>;

describe('preload', () => {
  let api: ExposedApi;

  beforeAll(async () => {
    await import('../../../electron/preload/index');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    api = contextBridge.exposed.get('api') as ExposedApi;
  });

  beforeEach(() => ipcRenderer.invoke.mockClear());

  it('exposes only window.api', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api']);
  });

  it('exposes exactly one function per channel and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
    // No generic escape hatches of the @electron-toolkit kind.
    for (const key of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) expect(api).not.toHaveProperty(key);
  });

  it('the exposed object is frozen', () => {
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each method invokes its own channel with the payload and who acts, nothing else', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 1 });
    await expect(api['cases:get']!({ id: 3 }, { adviserId: 4 })).resolves.toEqual({ ok: true, value: 1 });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('cases:get', { id: 3 }, { adviserId: 4 });
  });

  it('sends {} and no actor (null) when called without them', async () => {
    await api['app:info']!();
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('app:info', {}, null);
  });

  it('imports nothing but electron and the channel list (it must bundle without zod)', async () => {
    const source = await readFile(new URL('../../../electron/preload/index.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../../shared/ipc/channels', 'electron']);
    const channels = await readFile(new URL('../../../shared/ipc/channels.ts', import.meta.url), 'utf8');
    expect(channels).not.toMatch(/^\s*import\s/m);
  });
});
