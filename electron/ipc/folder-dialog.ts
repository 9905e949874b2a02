/**
 * "Vælg mappe …" for the backup folder in the desktop app: the main process shows the system's
 * folder dialog (the backend process has no desktop) and sets the chosen folder through the ordinary
 * `backup:set-folder`, so it is validated exactly as a typed path is. main.ts wraps the backend's
 * dispatch with it, like system-viewer.ts; elsewhere the backend answers `chosen: false` and the
 * adviser types the path.
 *
 * Plain Node: the dialog is passed in, so the behaviour is tested without Electron.
 */
import type { Result } from '../../shared/ipc/result';
import type { Dispatch } from './dispatch';

/** Electron's dialog.showOpenDialog for one folder: the chosen path, or null when cancelled. */
export type ChooseFolder = () => Promise<string | null>;

export function withFolderDialog(dispatch: Dispatch, choose: ChooseFolder): Dispatch {
  return async (channel, payload, actor): Promise<Result<unknown>> => {
    if (channel !== 'backup:choose-folder') return dispatch(channel, payload, actor);
    const folder = await choose();
    if (folder === null) return { ok: true, value: { chosen: false, folder: null } };
    const set = await dispatch('backup:set-folder', { folder }, actor);
    if (!set.ok) return set;
    return { ok: true, value: { chosen: true, folder: (set.value as { folder: string }).folder } };
  };
}
