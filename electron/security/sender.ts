/**
 * Who may call the IPC channels (Electron security checklist item 17, "Validate the sender of all
 * IPC messages"; VS Code's validatedIpcMain). Only the top-level frame of our own app://ombud page
 * passes: not a subframe, not a page that navigated elsewhere, not a destroyed frame.
 * Pure, so it is tested with plain objects.
 */

/** The app's own origin: the custom protocol registered in main.ts. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ombud';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The part of Electron's WebFrameMain the check needs. */
export type FrameLike = Readonly<{ url: string; parent: unknown }>;

/** True when `url` is a page on app://ombud (and nothing else, e.g. app://ombud.evil or app://x@ombud). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.hostname === APP_HOST && parsed.port === '' && parsed.username === '' && parsed.password === '';
}

/** True when the IPC message came from the main frame of an app://ombud page. */
export function isTrustedSenderFrame(frame: FrameLike | null | undefined): boolean {
  if (!frame) return false; // the frame navigated away or was destroyed before the message arrived
  if (frame.parent !== null) return false; // subframes (iframes) are never trusted
  return isAppUrl(frame.url);
}
