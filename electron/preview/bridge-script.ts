/**
 * The browser-side `window.api` for the preview: one method per channel, each a same-origin POST to
 * /__ombud/api/<channel> carrying the per-run token. Served as a separate file from the preview's
 * own origin (an inline script would need 'unsafe-inline' in the CSP). The token arrives in the URL
 * fragment — never sent to the server in the request line, never in a log — and is moved to
 * sessionStorage at once, and the fragment is removed so the hash router starts clean. Each call
 * posts `{ input, actor }`: the input and who acts, as the renderer passes them.
 */
import { CHANNELS } from '../../shared/ipc/channels';

export const BRIDGE_PATH = '/__ombud/bridge.js';
export const API_PREFIX = '/__ombud/api/';
export const TOKEN_HEADER = 'x-ombud-token';
export const TOKEN_STORAGE_KEY = 'ombud.preview-token';

/** The JavaScript text of the bridge, generated from the channel list. */
export function bridgeScript(): string {
  return `// Ombud preview: window.api over HTTP to the local preview server (generated).
(() => {
  'use strict';
  const CHANNELS = ${JSON.stringify(CHANNELS)};
  const KEY = ${JSON.stringify(TOKEN_STORAGE_KEY)};
  const match = /(?:^#|&)token=([A-Za-z0-9_-]{16,128})(?:&|$)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const fail = (code, message) => ({ ok: false, error: { code, message } });
  async function invoke(channel, payload, actor) {
    const token = sessionStorage.getItem(KEY);
    if (!token) return fail('forbidden', 'Adgangsnøglen til preview mangler. Åbn den adresse, som "npm run preview" skrev i terminalen.');
    let response;
    try {
      response = await fetch(${JSON.stringify(API_PREFIX)} + encodeURIComponent(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: token },
        body: JSON.stringify({ input: payload === undefined ? {} : payload, actor: actor === undefined ? null : actor }),
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      return fail('internal', 'Preview-serveren svarer ikke. Kører "npm run preview" stadig?');
    }
    if (response.status === 401 || response.status === 403) {
      return fail('forbidden', 'Preview-serveren afviste adgangsnøglen. Åbn den nye adresse fra terminalen.');
    }
    // Too large: the server says so in Danish, as a result the page shows like any other refusal.
    if (response.status === 413) return response.json().catch(() => fail('validation', 'Forespørgslen er for stor til preview-serveren.'));
    if (!response.ok) return fail('internal', 'Preview-serveren svarede med fejl ' + response.status + '.');
    return response.json();
  }
  const api = {};
  for (const channel of CHANNELS) api[channel] = (payload, actor) => invoke(channel, payload, actor);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true, configurable: false, writable: false });
})();
`;
}

/** index.html with the bridge script added before the app's own scripts run. */
export function injectBridge(indexHtml: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  // A classic script in <head> runs before Vite's module script, which is deferred.
  if (/<\/head>/i.test(indexHtml)) return indexHtml.replace(/<\/head>/i, `    ${tag}\n  </head>`);
  return `${tag}\n${indexHtml}`;
}
