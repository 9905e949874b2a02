/**
 * The handler behind `protocol.handle('app', …)` in main.ts (Electron security checklist item 18,
 * "Avoid usage of the file:// protocol and prefer usage of custom protocols"). It answers only GET
 * on app://ombud/…, only with files inside the renderer build (see static-files.ts), and attaches
 * the CSP and the other security headers to every response. It uses the web-standard Request and
 * Response classes, so it needs no 'electron' import and is tested in plain Node.
 */
import { SECURITY_HEADERS } from './csp';
import { APP_HOST, APP_SCHEME } from './sender';
import { readStaticFile } from './static-files';

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** A protocol handler serving `rendererDir` on app://ombud, GET only, with the security headers. */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return refuse(405, 'Kun GET er tilladt.');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400, 'Ugyldig adresse.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.username !== '' || url.port !== '') {
      return refuse(404, 'Ikke fundet.');
    }
    // The URL parser has already collapsed literal "../"; the raw path is checked too, so that an
    // escaped traversal ("%2e%2e%2f") is caught even if a parser in between decodes it.
    const rawPath = rawPathname(request.url);
    if (rawPath === null || rawPath !== url.pathname) return refuse(403, 'Adgang nægtet.');
    const found = await readStaticFile(rendererDir, url.pathname);
    if (found.status !== 200) return refuse(found.status, found.status === 403 ? 'Adgang nægtet.' : 'Ikke fundet.');
    return new Response(new Uint8Array(found.file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': found.file.contentType, 'Cache-Control': 'no-cache' },
    });
  };
}

/** The path part of the URL exactly as written (no dot-segment removal), or null if there is none. */
function rawPathname(href: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(\/[^?#]*)?/i.exec(href);
  if (!m) return null;
  return m[1] ?? '/';
}
