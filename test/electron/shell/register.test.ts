import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FORBIDDEN_SENDER, registerIpc } from '../../../electron/ipc/register';
import { requests } from '../../../shared/ipc/contract';
import { CHANNELS } from '../../../shared/ipc/channels';
import { ipcMain, resetElectronMock } from '../../mocks/electron';

const mainFrame = { url: 'app://ombud/index.html', parent: null };

function eventFrom(senderFrame: { url: string; parent: unknown } | null): IpcMainInvokeEvent {
  return { senderFrame, sender: {}, frameId: 1, processId: 1 } as unknown as IpcMainInvokeEvent;
}

describe('registerIpc', () => {
  const dispatch = vi.fn(async (channel: string, payload: unknown, _actor: unknown) => ({ ok: true as const, value: { channel, payload } }));

  beforeEach(() => {
    resetElectronMock();
    dispatch.mockClear();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('registers every channel exactly once, and nothing else', () => {
    registerIpc(dispatch);
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(registered).toHaveLength(CHANNELS.length);
    expect(new Set(registered)).toEqual(new Set(CHANNELS));
  });

  it('the channel list is exactly the contract', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(requests).sort());
  });

  it('passes the payload and who acts of a trusted sender to dispatch and returns its result', async () => {
    registerIpc(dispatch);
    const payload = { id: 7 };
    const result = await ipcMain.invoke('cases:get', eventFrom(mainFrame), payload, { adviserId: 2 });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('cases:get', payload, { adviserId: 2 });
    expect(result).toEqual({ ok: true, value: { channel: 'cases:get', payload } });
  });

  it('a call without an actor reaches dispatch with null (which lets it read, never write)', async () => {
    registerIpc(dispatch);
    await ipcMain.invoke('app:info', eventFrom(mainFrame), {});
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('app:info', {}, null);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a subframe on our origin', { url: 'app://ombud/index.html', parent: mainFrame }],
    ['a file:// page', { url: 'file:///tmp/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('answers forbidden to %s without calling dispatch', async (_name, frame) => {
    registerIpc(dispatch);
    for (const channel of CHANNELS) {
      const result = await ipcMain.invoke(channel, eventFrom(frame), {});
      expect(result).toEqual(FORBIDDEN_SENDER);
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(FORBIDDEN_SENDER).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('uses an injected sender check', async () => {
    const check = vi.fn(() => false);
    registerIpc(dispatch, check);
    await expect(ipcMain.invoke('app:info', eventFrom(mainFrame), {})).resolves.toEqual(FORBIDDEN_SENDER);
    expect(check).toHaveBeenCalledOnce();
  });

  it('unregister removes every handler, so registering again does not throw', () => {
    const unregister = registerIpc(dispatch);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    expect(() => registerIpc(dispatch)).not.toThrow();
  });

  it('registering twice without unregistering fails loudly, as in Electron', () => {
    registerIpc(dispatch);
    expect(() => registerIpc(dispatch)).toThrow(/second handler/);
  });
});
