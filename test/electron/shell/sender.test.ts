import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedSenderFrame } from '../../../electron/security/sender';

describe('isTrustedSenderFrame', () => {
  const top = { url: 'app://ombud/index.html', parent: null };

  it('trusts the main frame of app://ombud', () => {
    expect(isTrustedSenderFrame(top)).toBe(true);
    expect(isTrustedSenderFrame({ url: 'app://ombud/index.html#/sager/4', parent: null })).toBe(true);
  });

  it('refuses a subframe, even on our own origin', () => {
    expect(isTrustedSenderFrame({ url: 'app://ombud/index.html', parent: top })).toBe(false);
  });

  it('refuses a destroyed or missing frame', () => {
    expect(isTrustedSenderFrame(null)).toBe(false);
    expect(isTrustedSenderFrame(undefined)).toBe(false);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/',
    'file:///C:/Ombud/index.html',
    'app://ombud.evil/index.html',
    'app://evil/index.html',
    'app://x@ombud/index.html',
    'app://ombud:8080/index.html',
    'ombud://ombud/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,hi',
    '',
  ])('refuses a main frame on %s', (url) => {
    expect(isTrustedSenderFrame({ url, parent: null })).toBe(false);
  });

  it('isAppUrl accepts only app://ombud', () => {
    expect(isAppUrl('app://ombud/')).toBe(true);
    expect(isAppUrl('app://OMBUD/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
