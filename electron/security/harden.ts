/**
 * Hardening applied to every webContents and to the session (Electron security checklist items
 * 5, 7, 12, 13, 14 and 15). Whatever the page does — a link with target=_blank, a script setting
 * location, a redirect, an injected <webview> — it cannot leave app://ombud or open a new window.
 * Links to allow-listed https sites (url-policy.ts) go to the system browser instead.
 */
import { shell, type App, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { isAppUrl } from './sender';
import { isAllowedExternalUrl } from './url-policy';

export type OpenExternal = (url: string) => Promise<void>;

function openIfAllowed(url: string, openExternal: OpenExternal): void {
  if (!isAllowedExternalUrl(url)) {
    console.warn('Ombud: blokerede et link, der ikke står på listen over tilladte adresser:', url.slice(0, 200));
    return;
  }
  openExternal(url).catch((e: unknown) => console.error('Ombud kunne ikke åbne linket i browseren', e));
}

/** Guard one webContents: navigation, redirects, new windows and <webview> (items 12–15). */
// openExternal is only reached through openIfAllowed: https and a host on the allowlist derived from
// the rule catalogue's sources (url-policy.ts, tested in url-policy.test.ts), never a file: or custom scheme.
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal = (url) => shell.openExternal(url)): void { // eng-disable OPEN_EXTERNAL_JS_CHECK
  // Item 13: the page may only navigate within its own origin (e.g. a reload); anything else is
  // cancelled, and if it is an allowed external link it opens in the system browser.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openIfAllowed(url, openExternal);
  });
  // Subframes get the same rule (Electron ≥ 26 reports their navigations here).
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
  });
  // Item 12: no <webview>, even if some script manages to create one.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  // Item 14: no new Electron windows, ever.
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, openExternal);
    return { action: 'deny' };
  });
}

/** Guard the session: deny every permission (item 5) and put the CSP on app:// responses (item 7). */
export function hardenSession(ses: Session): void {
  // Ombud needs no camera, microphone, location, notifications, clipboard-read, MIDI, HID, serial…
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The app:// handler already sends the CSP; this covers any response that does not pass through
  // it, so a policy is always present.
  ses.webRequest.onHeadersReceived({ urls: ['app://*/*'] }, (details, callback) => {
    callback({
      // The policy is a constant built in csp.ts, which Electronegativity cannot evaluate here ("unable to
      // parse CSP"); csp.test.ts checks it: default-src 'self', no unsafe-inline scripts, no eval.
      responseHeaders: { ...(details.responseHeaders ?? {}), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }, // eng-disable CSP_GLOBAL_CHECK
    });
  });
}

/** Apply hardenWebContents to every webContents the app ever creates, including devtools and popups. */
export function hardenAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
