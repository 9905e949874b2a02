/**
 * The only file that talks to ipcMain (architecture § 3.2 #4). Each channel in the contract gets
 * one `ipcMain.handle`; the sender is checked first (Electron security checklist item 17), then
 * the payload and who acts go to `dispatch` — in the app the backend process's (backend/client.ts),
 * which validates both against the contract there. A refused sender gets a Result, not a thrown
 * error, because Electron passes only `message` through a rejection.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Result } from '../../shared/ipc/result';
import { isTrustedSenderFrame } from '../security/sender';
import type { Dispatch } from './dispatch';

export const FORBIDDEN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Forespørgslen kom ikke fra Ombuds eget vindue og blev afvist.' },
};

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Default check: the main frame of an app://ombud page. */
export const defaultSenderCheck: SenderCheck = (event) => isTrustedSenderFrame(event.senderFrame);

/** Register a handler for every channel; returns a function that removes them again. */
export function registerIpc(dispatch: Dispatch, isTrustedSender: SenderCheck = defaultSenderCheck): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown, actor: unknown) => {
      if (!isTrustedSender(event)) {
        console.warn(`Ombud: afviste ${channel} fra en ukendt afsender`, event.senderFrame?.url ?? '(ingen ramme)');
        return FORBIDDEN_SENDER;
      }
      return dispatch(channel, payload, actor ?? null);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
