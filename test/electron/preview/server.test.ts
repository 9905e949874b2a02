/**
 * The preview server for real: a listening socket on 127.0.0.1, raw HTTP requests (so the Host
 * and Origin headers can be forged the way an attacker's page or a DNS-rebinding name would), and
 * an API round trip into a real database file through openApp, each call an `{ input, actor }`
 * envelope. (`npm run preview` hands the server a forked backend instead: test/electron/backend.)
 */
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeScript, injectBridge, TOKEN_HEADER } from '../../../electron/preview/bridge-script';
import { startPreviewServer, tokensMatch, type PreviewServer } from '../../../electron/preview/server';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { fixedClock } from '../../../shared/domain/dates';
import { CHANNELS } from '../../../shared/ipc/channels';
import { caseInput } from '../../fixtures/cases';
import { TEST_DB_KEY } from '../../setup/db-key';
import { applyDbKey } from '../../../db/key';

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function call(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('preview server', () => {
  let dir: string;
  let server: PreviewServer;
  let opened: OpenedApp;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ombud-preview-'));
    const rendererDir = path.join(dir, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><html lang="da"><head><meta charset="utf-8"><script type="module" src="./assets/app.js"></script></head><body></body></html>',
    );
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
    await writeFile(path.join(dir, 'secret.txt'), 'HEMMELIGT');
    opened = openApp({ key: TEST_DB_KEY, file: path.join(dir, 'ombud.sqlite'), mode: 'preview', clock: fixedClock('2025-03-14T09:00:00Z'), log: () => {} });
    server = await startPreviewServer({ dispatch: opened.dispatch, rendererDir });
  });

  afterAll(async () => {
    await server?.close();
    opened?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** One call's envelope: the input and who acts (the seeded adviser unless `actor` says otherwise). */
  const envelope = (input: unknown, actor: unknown = { adviserId: getSettings(opened.ctx).advisers[0]!.id }) => JSON.stringify({ input, actor });

  const api = (channel: string, headers: Record<string, string>, body = '{}') =>
    call(server.port, { method: 'POST', path: `/__ombud/api/${encodeURIComponent(channel)}`, headers: { 'content-type': 'application/json', ...headers }, body });

  it('listens on 127.0.0.1 and prints a URL with a long random token in the fragment', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves index.html with the CSP and the bridge script injected before the app', async () => {
    const res = await call(server.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const bridgeAt = res.body.indexOf('<script src="/__ombud/bridge.js"></script>');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(res.body.indexOf('</head>'));
  });

  it('serves the bridge from its own origin, with one method per channel and no token inside', async () => {
    const res = await call(server.port, { path: '/__ombud/bridge.js' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.body).not.toContain(server.token);
    for (const channel of CHANNELS) expect(res.body).toContain(JSON.stringify(channel));
  });

  it('refuses API calls without a token (401) or with a wrong one (403)', async () => {
    expect((await api('app:info', {})).status).toBe(401);
    expect((await api('app:info', { [TOKEN_HEADER]: 'x'.repeat(43) })).status).toBe(403);
    expect((await api('app:info', { [TOKEN_HEADER]: server.token.slice(0, -1) })).status).toBe(403);
  });

  it('refuses a wrong Host header (DNS rebinding), even with the right token', async () => {
    for (const host of ['evil.example:' + server.port, 'localhost:' + server.port, '127.0.0.1', `127.0.0.1:${server.port + 1}`]) {
      const res = await api('app:info', { host, [TOKEN_HEADER]: server.token });
      expect(res.status).toBe(403);
      const page = await call(server.port, { path: '/', headers: { host } });
      expect(page.status).toBe(403);
    }
  });

  it('refuses cross-origin API calls, even with the right token', async () => {
    expect((await api('app:info', { origin: 'https://evil.example', [TOKEN_HEADER]: server.token })).status).toBe(403);
    expect((await api('app:info', { 'sec-fetch-site': 'cross-site', [TOKEN_HEADER]: server.token })).status).toBe(403);
  });

  it('accepts API calls only as JSON POSTs', async () => {
    const get = await call(server.port, { path: '/__ombud/api/app:info', headers: { [TOKEN_HEADER]: server.token } });
    expect(get.status).toBe(405);
    const form = await api('app:info', { [TOKEN_HEADER]: server.token, 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
    const broken = await api('app:info', { [TOKEN_HEADER]: server.token }, '{');
    expect(broken.status).toBe(400);
    for (const notAnEnvelope of ['[]', '"app"', 'null']) expect((await api('app:info', { [TOKEN_HEADER]: server.token }, notAnEnvelope)).status).toBe(400);
  });

  it('answers a real round trip through openApp and the contract', async () => {
    const headers = { [TOKEN_HEADER]: server.token, origin: server.origin, 'sec-fetch-site': 'same-origin' };
    const info = await api('app:info', headers);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { mode: 'preview', today: '2025-03-14' } });

    const unknown = await api('nope:nothing', headers);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const invalid = await api('cases:get', headers, envelope({ id: 'x' }));
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    // A change needs someone who acts: without an actor it is refused, and nothing is written.
    const anonymous = await api('cases:create', headers, envelope({ input: caseInput({ summary: 'Uden rådgiver' }) }, null));
    expect(JSON.parse(anonymous.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const created = await api('cases:create', headers, envelope({ input: caseInput({ summary: 'Gennem preview-serveren' }) }));
    const createdBody = JSON.parse(created.body) as { ok: boolean; value: { id: number; sagsnr: string } };
    expect(createdBody).toMatchObject({ ok: true, value: { summary: 'Gennem preview-serveren', sagsnr: '2025-0001' } });
    const history = await api('cases:history', headers, envelope({ id: createdBody.value.id }));
    expect(JSON.parse(history.body)).toMatchObject({ ok: true, value: [{ actor: getSettings(opened.ctx).advisers[0]!.name }] });
    const again = await api('cases:get', headers, envelope({ id: createdBody.value.id }));
    expect(JSON.parse(again.body)).toMatchObject({ ok: true, value: { summary: 'Gennem preview-serveren', citizen: { name: 'Søren Ærø Østergård' } } });
    // A second, independent connection sees it: the row really is in the database file.
    const reader = new Database(path.join(dir, 'ombud.sqlite'), { readonly: true });
    applyDbKey(reader, TEST_DB_KEY);
    try {
      expect(reader.prepare('SELECT summary FROM cases').all()).toEqual([{ summary: 'Gennem preview-serveren' }]);
    } finally {
      reader.close();
    }
  });

  it('refuses path traversal and non-GET static requests', async () => {
    for (const p of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const res = await call(server.port, { path: p });
      expect([403, 404]).toContain(res.status);
      expect(res.body).not.toContain('HEMMELIGT');
    }
    expect((await call(server.port, { method: 'DELETE', path: '/index.html' })).status).toBe(405);
  });

  it('tokensMatch is exact', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('abc', 'abcd')).toBe(false);
    expect(tokensMatch('abc', '')).toBe(false);
  });

  it('injectBridge puts the bridge before </head>', () => {
    expect(injectBridge('<html><head><title>x</title></head></html>')).toMatch(/<script src="\/__ombud\/bridge.js"><\/script>\s*<\/head>/);
    expect(bridgeScript()).toContain("Object.defineProperty(window, 'api'");
  });
});
