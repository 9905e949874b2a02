/**
 * The audit trail as a whole (electron/services/audit.ts): reading personal data is recorded (a
 * henvendelse opened, the CPR number shown, an akt fetched, a letter or finding PDF, every export),
 * the chain is verified at start-up in the background while requests are answered, a broken chain
 * is reported until an adviser has read it (which is recorded), a log cut short is found against
 * the anchor written on close, and the log is listed with filters and exported with formulas
 * neutralised.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../db/queries/audit';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { TEST_DB_KEY } from '../../setup/db-key';
import { auditCsv, copenhagenDayStart } from '../../../electron/services/audit';
import { NO_AUDIT_FILTER, type AuditPage, type AuditStatus } from '../../../shared/domain/audit';
import { fixedClock } from '../../../shared/domain/dates';
import { CHANNELS_WITHOUT_ACTOR } from '../../../shared/ipc/actor';
import type { Channel } from '../../../shared/ipc/contract';
import { caseInput } from '../../fixtures/cases';

const opened: OpenedApp[] = [];
let dir = '';
afterEach(() => {
  opened.splice(0).forEach((a) => a.close());
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

function open(file = ':memory:', now = '2025-06-15T10:00:00.000Z'): OpenedApp {
  const app = openApp({ file, key: file === ':memory:' ? null : TEST_DB_KEY, mode: 'test', clock: fixedClock(now), actor: () => 'Tester', log: () => {} });
  opened.push(app);
  return app;
}

/** A dispatch that acts as the first seeded adviser, unwrapping the result. */
function asAdviser(app: OpenedApp) {
  const adviser = getSettings(app.ctx).advisers[0]!;
  const call = async <T>(channel: Channel, input: unknown): Promise<T> => {
    const r = await app.dispatch(channel, input, { adviserId: adviser.id });
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  return { call, name: adviser.name };
}

const actions = (app: OpenedApp, caseId: number) => app.ctx.db.prepare('SELECT action FROM audit_log WHERE case_id = ? ORDER BY id').pluck().all(caseId) as string[];
const lastEntry = (app: OpenedApp) => app.ctx.db.prepare('SELECT actor, action, entity, case_id AS caseId, changes FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;

describe('reading personal data is recorded', () => {
  it('a henvendelse opened (not every reload), its CPR number shown, an akt fetched, a letter and a finding as PDF', async () => {
    const app = open();
    const { call, name } = asAdviser(app);
    const created = await call<{ id: number }>('cases:create', { input: caseInput({ citizen: { name: 'Åse Øberg', address: '', phone: '', email: '', cpr: '010203-1234' } }) });
    const id = created.id;
    await call('cases:get', { id });
    expect(actions(app, id)).toEqual(['Oprettet']);
    await call('cases:open', { id });
    expect(lastEntry(app)).toMatchObject({ actor: name, action: 'Sag åbnet', caseId: id });
    await call('cases:reveal-cpr', { id });
    expect(lastEntry(app)).toMatchObject({ actor: name, action: 'CPR-nummer vist', caseId: id });

    const doc = await call<{ id: number }>('documents:add', {
      caseId: id, fileName: 'notat.txt', contentBase64: Buffer.from('Borgeren ringede.').toString('base64'), direction: 'ind',
    });
    await call('documents:content', { id: doc.id });
    expect(lastEntry(app)).toMatchObject({ actor: name, action: 'Akt åbnet eller gemt', entity: 'document', caseId: id });

    await call('letters:pdf', { caseId: id, kind: 'kvittering', requestId: null });
    expect(lastEntry(app)).toMatchObject({ actor: name, action: 'Brev hentet som PDF', caseId: id });
    await call('findings:pdf', { caseId: id, versionId: null, variant: 'borger', anonymised: false });
    expect(lastEntry(app)).toMatchObject({ actor: name, action: 'Udtalelse hentet som PDF', caseId: id });
  });

  it('every channel that records a reading needs a chosen adviser', () => {
    const logged: Channel[] = [
      'cases:open', 'cases:reveal-cpr', 'documents:content', 'documents:open', 'findings:pdf', 'findings:open', 'letters:pdf', 'report:export', 'export:build',
      'audit:export', 'audit:acknowledge', 'audit:list',
    ];
    expect(logged.filter((c) => CHANNELS_WITHOUT_ACTOR.has(c))).toEqual([]);
  });
});

describe('the start-up verification', () => {
  it('runs in chunks: requests are answered while it checks 20,000 rows', async () => {
    const app = open();
    const { call } = asAdviser(app);
    app.ctx.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) appendAudit(app.ctx.db, { at: '2025-06-15T09:00:00.000Z', actor: 'A', entity: 'case', entityId: null, caseId: null, action: 'Ændret', changes: [] });
    })();
    const check = app.checkAuditChain();
    // Answered between two chunks: part of the log checked, not all of it.
    let during = await call<AuditStatus>('audit:status', {});
    while (during.state === 'checking' && during.rowsChecked === 0) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      during = await call<AuditStatus>('audit:status', {});
    }
    expect(during).toMatchObject({ state: 'checking', rowsChecked: 5_000 });
    expect((await check).state).toBe('ok');
    expect(await call<AuditStatus>('audit:status', {})).toMatchObject({ state: 'ok', rows: actionsCount(app) });
  });

  it('reports a broken chain until an adviser has read it, and records the reading', async () => {
    const app = open();
    const { call, name } = asAdviser(app);
    await call('cases:create', { input: caseInput() });
    await call('cases:create', { input: caseInput() });
    app.ctx.db.exec("DROP TRIGGER audit_log_only_anonymised; UPDATE audit_log SET actor = 'En anden' WHERE id = 1");
    await app.checkAuditChain();
    const status = await call<AuditStatus>('audit:status', {});
    expect(status).toMatchObject({ state: 'broken', firstBrokenId: 1, acknowledgedBy: null });
    const read = await call<AuditStatus>('audit:acknowledge', {});
    expect(read).toMatchObject({ state: 'broken', firstBrokenId: 1, acknowledgedBy: name });
    expect(lastEntry(app)).toMatchObject({ actor: name, action: 'Advarsel om brudt revisionsspor læst' });
    expect(String(lastEntry(app)['changes'])).toContain('Række 1 er ændret');
    // Read once is enough: a second reading records nothing more.
    const before = actionsCount(app);
    await call('audit:acknowledge', {});
    expect(actionsCount(app)).toBe(before);
  });

  it('finds a log cut short since the last close (the anchor beside the file)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ombud-spor-'));
    const file = path.join(dir, 'ombud.sqlite');
    const first = open(file);
    const { call } = asAdviser(first);
    await call('cases:create', { input: caseInput() });
    await call('cases:create', { input: caseInput() });
    expect(await first.checkAuditChain()).toMatchObject({ state: 'ok' });
    const rows = actionsCount(first);
    first.close();

    const second = open(file);
    expect(await second.checkAuditChain()).toMatchObject({ state: 'ok', rows });
    second.ctx.db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = ${rows}`);
    second.close();

    const third = open(file);
    expect(await third.checkAuditChain()).toMatchObject({ state: 'broken', firstBrokenId: rows, reason: expect.stringMatching(/kortere end sidst/) });
  });
});

function actionsCount(app: OpenedApp): number {
  return app.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
}

describe('the whole log', () => {
  it('is listed newest first with filters by period (Copenhagen days), adviser, action and sagsnr, a page at a time', async () => {
    const app = open();
    const { call, name } = asAdviser(app);
    const a = await call<{ id: number; sagsnr: string }>('cases:create', { input: caseInput() });
    await call('cases:create', { input: caseInput() });
    const db = app.ctx.db;
    // 22:30 UTC on 15 June is 00:30 on 16 June in Copenhagen.
    appendAudit(db, { at: '2025-06-15T22:30:00.000Z', actor: 'Ulla', entity: 'case', entityId: a.id, caseId: a.id, action: 'Sag åbnet', changes: [] });
    const all = await call<AuditPage>('audit:list', { filter: NO_AUDIT_FILTER, offset: 0 });
    expect(all.rows[0]).toMatchObject({ actor: 'Ulla', sagsnr: a.sagsnr });
    expect(all.actors).toEqual(expect.arrayContaining(['Ulla', name]));
    const day16 = await call<AuditPage>('audit:list', { filter: { ...NO_AUDIT_FILTER, from: '2025-06-16', to: '2025-06-16' }, offset: 0 });
    expect(day16.rows.map((r) => r.actor)).toEqual(['Ulla']);
    const day15 = await call<AuditPage>('audit:list', { filter: { ...NO_AUDIT_FILTER, to: '2025-06-15' }, offset: 0 });
    expect(day15.rows.map((r) => r.actor)).not.toContain('Ulla');
    expect((await call<AuditPage>('audit:list', { filter: { ...NO_AUDIT_FILTER, actor: name, action: 'Oprettet' }, offset: 0 })).total).toBe(2);
    expect((await call<AuditPage>('audit:list', { filter: { ...NO_AUDIT_FILTER, sagsnr: a.sagsnr.toLowerCase() }, offset: 0 })).rows.map((r) => r.action)).toEqual(['Sag åbnet', 'Oprettet']);

    for (let i = 0; i < 60; i++) appendAudit(db, { at: '2025-06-16T10:00:00.000Z', actor: 'Bo', entity: 'settings', entityId: null, caseId: null, action: 'Ændret', changes: [] });
    const page2 = await call<AuditPage>('audit:list', { filter: { ...NO_AUDIT_FILTER, actor: 'Bo' }, offset: 50 });
    expect(page2).toMatchObject({ total: 60 });
    expect(page2.rows).toHaveLength(10);
  });

  it('is exported as CSV with formulas neutralised and as JSON, and the export is recorded', async () => {
    const app = open();
    const { call, name } = asAdviser(app);
    appendAudit(app.ctx.db, {
      at: '2025-06-15T09:00:00.000Z', actor: '=cmd|\' /C calc\'!A0', entity: 'case', entityId: null, caseId: null, action: '@SUM(A1)',
      changes: [{ field: 'Navn', before: '+45 1234', after: '=HYPERLINK("http://x","klik")' }],
    });
    const csv = await call<{ fileName: string; contentBase64: string }>('audit:export', { filter: NO_AUDIT_FILTER, format: 'csv' });
    expect(csv.fileName).toBe('ombud-revisionsspor-2025-06-15.csv');
    const text = Buffer.from(csv.contentBase64, 'base64').toString('utf8');
    expect(text).toContain(`;'=cmd|' /C calc'!A0;'@SUM(A1);`);
    expect(text).toContain(`;Navn;'+45 1234;"'=HYPERLINK(""http://x"",""klik"")";`);
    expect(text).not.toMatch(/;[=+@-]/);
    expect(lastEntry(app)).toMatchObject({ actor: name, action: 'Revisionsspor eksporteret som CSV' });

    const json = await call<{ contentBase64: string }>('audit:export', { filter: { ...NO_AUDIT_FILTER, action: 'Revisionsspor eksporteret som CSV' }, format: 'json' });
    const dump = JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8')) as { entries: Array<{ actor: string }> };
    expect(dump.entries).toEqual([expect.objectContaining({ actor: name })]);
  });

  it('writes the header alone for an empty log', () => {
    expect(auditCsv([])).toBe('\uFEFFNr.;Tidspunkt;Rådgiver;Hændelse;Område;Sagsnr.;Felt;Før;Efter;Anonymiseret\r\n');
  });

  it('counts days in Copenhagen time, summer and winter', () => {
    expect(copenhagenDayStart('2025-06-16')).toBe('2025-06-15T22:00:00.000Z');
    expect(copenhagenDayStart('2025-01-16')).toBe('2025-01-15T23:00:00.000Z');
  });
});
