import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';
import { hardenAllWebContents, hardenSession, hardenWebContents } from '../../../electron/security/harden';
import { MockEvent, MockWebContents, app, resetElectronMock, session, shell } from '../../mocks/electron';

function setup() {
  const contents = new MockWebContents();
  const openExternal = vi.fn(async (_url: string) => undefined);
  hardenWebContents(contents as unknown as WebContents, openExternal);
  return { contents, openExternal };
}

function emitNavigation(contents: MockWebContents, name: string, url: string): MockEvent {
  const event = new MockEvent(url);
  contents.emit(name, event, url);
  return event;
}

describe('hardenWebContents', () => {
  beforeEach(() => {
    resetElectronMock();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('lets the page navigate within app://ombud (a reload)', () => {
    const { contents } = setup();
    expect(emitNavigation(contents, 'will-navigate', 'app://ombud/index.html#/sager').defaultPrevented).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'app://evil/index.html', 'javascript:alert(1)'])(
    'cancels will-navigate to %s and does not open it',
    (url) => {
      const { contents, openExternal } = setup();
      expect(emitNavigation(contents, 'will-navigate', url).defaultPrevented).toBe(true);
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('cancels will-navigate to an allowed site but opens it in the system browser', () => {
    const { contents, openExternal } = setup();
    const url = 'https://www.retsinformation.dk/eli/lta/2024/47';
    expect(emitNavigation(contents, 'will-navigate', url).defaultPrevented).toBe(true);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(url);
  });

  it('cancels will-redirect away from the app, and subframe navigations too', () => {
    const { contents, openExternal } = setup();
    expect(emitNavigation(contents, 'will-redirect', 'https://www.borger.dk/').defaultPrevented).toBe(true);
    const frameNav = new MockEvent('https://evil.example/');
    contents.emit('will-frame-navigate', frameNav);
    expect(frameNav.defaultPrevented).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('blocks <webview> attachment', () => {
    const { contents } = setup();
    const event = new MockEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies window.open for every URL; allowed ones go to the system browser', () => {
    const { contents, openExternal } = setup();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://ombud/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://user@borger.dk/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(handler({ url: 'https://www.ombudsmanden.dk/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://www.ombudsmanden.dk/');
  });

  it('uses shell.openExternal by default', () => {
    const contents = new MockWebContents();
    hardenWebContents(contents as unknown as WebContents);
    contents.windowOpenHandler!({ url: 'https://borger.dk/' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://borger.dk/');
  });

  it('hardenAllWebContents guards every webContents the app creates', () => {
    hardenAllWebContents(app as unknown as App);
    const contents = new MockWebContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(emitNavigation(contents, 'will-navigate', 'https://evil.example/').defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  beforeEach(() => resetElectronMock());

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial'])(
    'denies the %s permission request and check',
    (permission) => {
      const ses = session.defaultSession;
      hardenSession(ses as unknown as Session);
      const callback = vi.fn();
      ses.permissionRequestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheckHandler!({}, permission, 'app://ombud', {})).toBe(false);
      expect(ses.devicePermissionHandler!({})).toBe(false);
    },
  );

  it('adds the strict CSP to app:// responses, replacing nothing else', () => {
    const ses = session.defaultSession;
    hardenSession(ses as unknown as Session);
    expect(ses.headersReceived!.filter).toEqual({ urls: ['app://*/*'] });
    const callback = vi.fn();
    ses.headersReceived!.listener({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('the CSP is the strict one: no inline, no eval, no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|https?:|\*/);
  });
});
