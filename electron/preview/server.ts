/**
 * `npm run preview`: the built UI and the real backend over plain HTTP, for machines without an
 * Electron binary. It is as locked down as a local web server can be, because anything on
 * 127.0.0.1 is reachable from every web page the adviser's browser has open:
 *
 * - listens on 127.0.0.1 only;
 * - every API call needs the per-run random token in a header, compared in constant time;
 * - the Host header must be exactly 127.0.0.1:<port>, which defeats DNS rebinding;
 * - API calls must be same-origin POSTs with a JSON body: a cross-site page cannot send the custom
 *   header without a CORS preflight, which this server never approves;
 * - static files come from the renderer build only (static-files.ts), with the app's CSP.
 *
 * A call's body is the same envelope the window's call carries: `{ input, actor }` (who acts,
 * shared/ipc/actor.ts); `dispatch` checks both. The preview command hands it the backend process
 * (backend/client.ts), so a request is never stuck behind a long import; the e2e test hands it an
 * in-process backend.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Dispatch } from '../ipc/dispatch';
import { SECURITY_HEADERS } from '../security/csp';
import { readStaticFile } from '../security/static-files';
import { API_PREFIX, BRIDGE_PATH, TOKEN_HEADER, bridgeScript, injectBridge } from './bridge-script';

export const PREVIEW_HOST = '127.0.0.1';
/** import:start carries a file as base64 (≤ 80 MB in the contract); leave room for the JSON around it. */
export const MAX_BODY_BYTES = 90 * 1024 * 1024;
/**
 * An oversize body is read to its end and thrown away, so the page gets the 413 and its message
 * instead of a reset connection; past this many bytes the connection is cut all the same.
 */
const DISCARD_LIMIT_BYTES = 1024 * 1024 * 1024;

export type PreviewServerOptions = Readonly<{
  dispatch: Dispatch;
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed token for tests; otherwise 32 random bytes. */
  token?: string;
  /** The largest body an API call may carry (tests make it small); default MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}>;

export type PreviewServer = Readonly<{
  port: number;
  token: string;
  origin: string;
  /** The address to open, with the token in the fragment. */
  url: string;
  close: () => Promise<void>;
}>;

/** A fresh random token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first makes the lengths equal so length leaks nothing either. */
export function tokensMatch(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, text, 'text/plain; charset=utf-8');
}

type Body = Readonly<{ ok: true; body: Buffer }> | Readonly<{ ok: false; size: number }>;

/** The body, or how large it was when it is over `max` (its bytes are read and dropped, not kept). */
function readBody(req: IncomingMessage, max: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
      else if (chunks.length > 0) chunks.length = 0;
      if (size > DISCARD_LIMIT_BYTES) {
        resolve({ ok: false, size });
        req.destroy();
      }
    });
    req.on('end', () => resolve(size > max ? { ok: false, size } : { ok: true, body: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 });

/**
 * The 413 answer as the page's usual `{ ok: false, error }` (the bridge passes it on), so the adviser
 * reads why and what to do instead of a broken connection.
 */
export function tooLargeBodyMessage(size: number, max: number): string {
  return `Forespørgslen er for stor (${megabytes(size)} MB); preview-serveren modtager højst ${megabytes(max)} MB. Vælg en mindre fil, og prøv igen.`;
}

/** Start the preview server. Resolves once it listens. */
export async function startPreviewServer(opts: PreviewServerOptions): Promise<PreviewServer> {
  const token = opts.token ?? newToken();
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const rendererDir = path.resolve(opts.rendererDir);
  let origin = '';
  let expectedHost = '';

  async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'POST') return sendText(res, 405, 'Kun POST er tilladt.');
    // Browsers send Origin on every POST; a different one means another site is calling.
    const reqOrigin = req.headers.origin;
    if (reqOrigin !== undefined && reqOrigin !== origin) return sendText(res, 403, 'Forespørgsler fra andre websteder afvises.');
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') return sendText(res, 403, 'Forespørgsler fra andre websteder afvises.');
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string' || given.length === 0) return sendText(res, 401, 'Adgangsnøgle mangler.');
    if (!tokensMatch(token, given)) return sendText(res, 403, 'Forkert adgangsnøgle.');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendText(res, 415, 'Forventede JSON.');
    let channel: string;
    try {
      channel = decodeURIComponent(pathname.slice(API_PREFIX.length));
    } catch {
      return sendText(res, 400, 'Ugyldig kanal.');
    }
    const read = await readBody(req, maxBody);
    if (!read.ok) {
      const message = tooLargeBodyMessage(read.size, maxBody);
      return send(res, 413, JSON.stringify({ ok: false, error: { code: 'validation', message } }), 'application/json; charset=utf-8');
    }
    const body = read.body;
    let envelope: unknown;
    try {
      envelope = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendText(res, 400, 'Ugyldig JSON.');
    }
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) return sendText(res, 400, 'Forventede { input, actor }.');
    const { input, actor } = envelope as { input?: unknown; actor?: unknown };
    const result = await opts.dispatch(channel, input ?? {}, actor ?? null);
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Kun GET er tilladt.');
    if (pathname === BRIDGE_PATH) return send(res, 200, bridgeScript(), 'text/javascript; charset=utf-8');
    const found = await readStaticFile(rendererDir, pathname);
    if (found.status !== 200) return sendText(res, found.status, found.status === 403 ? 'Adgang nægtet.' : 'Ikke fundet.');
    const { file } = found;
    if (path.basename(file.file) === 'index.html') {
      return send(res, 200, injectBridge(file.body.toString('utf8')), file.contentType);
    }
    send(res, 200, file.body, file.contentType);
  }

  const server = createServer((req, res) => {
    // DNS rebinding: a hostile name that resolves to 127.0.0.1 still carries its own Host header.
    if (req.headers.host !== expectedHost) return sendText(res, 403, 'Ukendt værtsnavn.');
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', origin).pathname;
    } catch {
      return sendText(res, 400, 'Ugyldig adresse.');
    }
    const work = pathname.startsWith(API_PREFIX) ? handleApi(req, res, pathname) : handleStatic(req, res, pathname);
    work.catch((e: unknown) => {
      console.error('Preview-serveren fejlede', e);
      if (!res.headersSent) sendText(res, 500, 'Intern fejl i preview-serveren.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, PREVIEW_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `${PREVIEW_HOST}:${port}`;
  origin = `http://${expectedHost}`;

  return {
    port,
    token,
    origin,
    url: `${origin}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** True when the renderer build is present (so the CLI can say what to run first). */
export async function rendererBuilt(rendererDir: string): Promise<boolean> {
  return readFile(path.join(rendererDir, 'index.html')).then(
    () => true,
    () => false,
  );
}
