/**
 * "Vis nøglen" (electron/services/db-key-reveal.ts) through the real dispatcher: the raw key comes
 * back only to a chosen adviser, every reveal is in the audit log without the key (the log is exported
 * and must not become a second copy of it), a passphrase is never sent, a damaged file still answers
 * it, and an in-memory database says in Danish that it has no key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDbKey, type DbKey } from '../../../db/key';
import { KEY_SHOWN_ACTION, NO_KEY_IN_MEMORY } from '../../../electron/services/db-key-reveal';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { NO_AUDIT_FILTER } from '../../../shared/domain/audit';
import { fixedClock } from '../../../shared/domain/dates';

let dir: string;
let app: OpenedApp | null = null;

beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'ombud-key-reveal-')); });
afterEach(() => {
  app?.close();
  app = null;
  rmSync(dir, { recursive: true, force: true });
});

function open(key: DbKey | undefined, file = path.join(dir, 'ombud.sqlite')): { app: OpenedApp; actor: { adviserId: number }; name: string } {
  app = openApp({ file, mode: 'test', clock: fixedClock('2025-06-15T10:00:00.000Z'), log: () => undefined, ...(key ? { key } : {}) });
  const adviser = getSettings(app.ctx).advisers[0];
  if (!adviser) throw new Error('Ingen rådgiver i testdatabasen');
  return { app, actor: { adviserId: adviser.id }, name: adviser.name };
}

type AuditRow = { actor: string; entity: string; action: string; changes: string };
const auditRows = (a: OpenedApp) => a.ctx.db.prepare('SELECT actor, entity, action, changes FROM audit_log ORDER BY id').all() as AuditRow[];

describe('security:reveal-key', () => {
  it('answers the raw key to a chosen adviser and records each reveal, by that adviser, without the key', async () => {
    const key = generateDbKey();
    if (key.kind !== 'raw') throw new Error('expected a raw key');
    const { app: a, actor, name } = open(key);
    const before = auditRows(a).length;

    const first = await a.dispatch('security:reveal-key', {}, actor);
    expect(first).toEqual({ ok: true, value: { kind: 'raw', hex: key.hex } });
    await a.dispatch('security:reveal-key', {}, actor);

    const shown = auditRows(a).slice(before);
    expect(shown.map((r) => [r.actor, r.entity, r.action])).toEqual([[name, 'settings', KEY_SHOWN_ACTION], [name, 'settings', KEY_SHOWN_ACTION]]);
    // Not in the log itself, nor in its export (any case, any part of the key).
    const log = JSON.stringify(a.ctx.db.prepare('SELECT * FROM audit_log').all()).toLowerCase();
    expect(log).not.toContain(key.hex.slice(0, 16));
    expect(log).not.toContain(key.hex.slice(48));
    for (const format of ['csv', 'json'] as const) {
      const exported = await a.dispatch('audit:export', { filter: NO_AUDIT_FILTER, format }, actor);
      if (!exported.ok) throw new Error(exported.error.message);
      const text = Buffer.from((exported.value as { contentBase64: string }).contentBase64, 'base64').toString('utf8').toLowerCase();
      expect(text).toContain(KEY_SHOWN_ACTION.toLowerCase());
      expect(text).not.toContain(key.hex.slice(0, 16));
    }
  });

  it('still answers while the file is damaged: the key is what restoring a backup elsewhere needs', async () => {
    const key = generateDbKey();
    const { app: a, actor } = open(key);
    a.integrity.noteError(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
    expect(a.integrity.damaged()).toBe(true);
    expect(await a.dispatch('security:reveal-key', {}, actor)).toEqual({ ok: true, value: { kind: 'raw', hex: key.kind === 'raw' ? key.hex : '' } });
  });

  it('refuses a call without a chosen adviser and records nothing', async () => {
    const { app: a } = open(generateDbKey());
    const before = auditRows(a).length;
    const r = await a.dispatch('security:reveal-key', {}, null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('forbidden');
    expect(JSON.stringify(r)).not.toMatch(/[0-9a-f]{64}/);
    expect(auditRows(a).length).toBe(before);
  });

  it('never sends a passphrase: it says which kind of key it is, and the log says it was not shown', async () => {
    const passphrase = 'kommunens hemmelige sætning 2025';
    const { app: a, actor } = open({ kind: 'passphrase', text: passphrase });
    const r = await a.dispatch('security:reveal-key', {}, actor);
    expect(r).toEqual({ ok: true, value: { kind: 'passphrase' } });
    expect(JSON.stringify(r)).not.toContain('hemmelige');
    const last = auditRows(a).at(-1);
    expect(last?.action).toBe(KEY_SHOWN_ACTION);
    expect(last?.changes).not.toContain('hemmelige');
  });

  it('an in-memory database has no key: a Danish message, nothing recorded', async () => {
    const { app: a, actor } = open(undefined, ':memory:');
    const before = auditRows(a).length;
    const r = await a.dispatch('security:reveal-key', {}, actor);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: NO_KEY_IN_MEMORY } });
    expect(NO_KEY_IN_MEMORY).toMatch(/^Databasen i hukommelsen har ingen nøgle/);
    expect(auditRows(a).length).toBe(before);
  });
});
