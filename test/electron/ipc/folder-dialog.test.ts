/**
 * "Vælg mappe …" in the desktop app (electron/ipc/folder-dialog.ts): the chosen folder goes through
 * backup:set-folder like a typed one (validated, Danish refusal passed on), a cancelled dialog sets
 * nothing, and every other channel is passed through untouched.
 */
import { describe, expect, it, vi } from 'vitest';
import { withFolderDialog } from '../../../electron/ipc/folder-dialog';
import type { Dispatch } from '../../../electron/ipc/dispatch';

function backend(answer: (channel: string, payload: unknown) => unknown) {
  const calls: Array<{ channel: string; payload: unknown; actor: unknown }> = [];
  const dispatch: Dispatch = async (channel, payload, actor) => {
    calls.push({ channel, payload, actor });
    const value = answer(channel, payload);
    return value instanceof Error ? { ok: false, error: { code: 'validation', message: value.message } } : { ok: true, value };
  };
  return { dispatch, calls };
}

describe('withFolderDialog', () => {
  it('sets the chosen folder through backup:set-folder, as the adviser who acts', async () => {
    const b = backend((_c, p) => ({ folder: (p as { folder: string }).folder }));
    const d = withFolderDialog(b.dispatch, async () => '/mnt/netværk/Ombud');
    expect(await d('backup:choose-folder', {}, { adviserId: 2 })).toEqual({ ok: true, value: { chosen: true, folder: '/mnt/netværk/Ombud' } });
    expect(b.calls).toEqual([{ channel: 'backup:set-folder', payload: { folder: '/mnt/netværk/Ombud' }, actor: { adviserId: 2 } }]);
  });

  it('passes the refusal of a folder on', async () => {
    const b = backend(() => new Error('Ombud kan ikke skrive i mappen.'));
    const d = withFolderDialog(b.dispatch, async () => '/skrivebeskyttet');
    expect(await d('backup:choose-folder', {}, { adviserId: 2 })).toEqual({ ok: false, error: { code: 'validation', message: 'Ombud kan ikke skrive i mappen.' } });
  });

  it('sets nothing when the dialog is cancelled, and passes other channels through', async () => {
    const b = backend(() => ({ version: '1' }));
    const choose = vi.fn(async () => null);
    const d = withFolderDialog(b.dispatch, choose);
    expect(await d('backup:choose-folder', {}, { adviserId: 2 })).toEqual({ ok: true, value: { chosen: false, folder: null } });
    expect(b.calls).toEqual([]);
    expect(await d('app:info', {}, null)).toEqual({ ok: true, value: { version: '1' } });
    expect(choose).toHaveBeenCalledTimes(1);
    expect(b.calls).toEqual([{ channel: 'app:info', payload: {}, actor: null }]);
  });
});
