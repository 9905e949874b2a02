/**
 * An API call whose body is over the preview server's limit is answered 413 with a Danish message
 * the page shows (the bridge passes it on as a refusal), never a reset connection.
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeScript, TOKEN_HEADER } from '../../../electron/preview/bridge-script';
import { MAX_BODY_BYTES, startPreviewServer, tooLargeBodyMessage, type PreviewServer } from '../../../electron/preview/server';

type Reply = { status: number; body: string };

/** A POST written in pieces, the way a browser uploads a large file. */
function post(port: number, token: string, body: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/__ombud/api/import%3Astart', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
    req.end();
  });
}

describe('preview server: an oversize body', () => {
  let dir: string;
  let server: PreviewServer;
  const dispatch = vi.fn(async () => ({ ok: true as const, value: {} }));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ombud-preview-413-'));
    server = await startPreviewServer({ dispatch, rendererDir: dir, maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is answered 413 with the Danish message as a result, and the backend never sees it', async () => {
    const body = Buffer.from(JSON.stringify({ input: { fileName: 'stor.csv', contentBase64: 'A'.repeat(2 * 1024 * 1024), dryRun: true }, actor: null }));
    const r = await post(server.port, server.token, body);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'validation', message: tooLargeBodyMessage(body.length, 64 * 1024) } });
    expect(tooLargeBodyMessage(body.length, 64 * 1024)).toBe('Forespørgslen er for stor (2 MB); preview-serveren modtager højst 0,1 MB. Vælg en mindre fil, og prøv igen.');
    expect(dispatch).not.toHaveBeenCalled();
    // The server still answers afterwards.
    expect((await post(server.port, server.token, Buffer.from('{}'))).status).toBe(200);
  });

  it('the real limit leaves room for the largest import the contract allows', () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(80 * 1024 * 1024);
  });

  it('the page gets the message as a refusal it shows, not "fejl 413"', async () => {
    const message = tooLargeBodyMessage(100 * 1024 * 1024, MAX_BODY_BYTES);
    const window: Record<string, unknown> = {};
    const store = new Map<string, string>();
    runInNewContext(bridgeScript(), {
      window, Object, JSON, Promise,
      location: { hash: '#token=abcdefghijklmnopqrstuvwxyz', pathname: '/', search: '' },
      sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => { store.set(k, v); } },
      history: { replaceState: () => {} },
      fetch: async () => ({ status: 413, ok: false, json: async () => ({ ok: false, error: { code: 'validation', message } }) }),
    });
    const api = window['api'] as Record<string, (p: unknown, a: unknown) => Promise<unknown>>;
    expect(await api['import:start']!({}, null)).toEqual({ ok: false, error: { code: 'validation', message } });
  });
});
