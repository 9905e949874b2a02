/**
 * Sletning efter opbevaringsperiode (electron/services/retention.ts): the setting (1–30 years,
 * audited), the plan (exactly the henvendelser closed more than N years ago, what happens to each),
 * the token (a changed henvendelse makes it stale), and the run: personal data gone from the
 * henvendelse, its texts, akter, finding and search index and from the audit log's old values, one
 * audit entry without personal data, the chain still verifying – and the statistics of earlier
 * years exactly the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHistory } from '../../../db/queries/audit';
import { RETENTION_AUDIT_ACTION, verifyAuditChain } from '../../../db/queries/audit-chain';
import { caseIdBySagsnr, getCaseCpr, getCaseDetail } from '../../../db/queries/cases';
import { listFindingVersions } from '../../../db/queries/findings';
import { listDocuments, listJournalNotes, searchDocuments, searchJournalNoteIds } from '../../../db/queries/records';
import { recommendationsForCase } from '../../../db/queries/recommendations';
import { listCases } from '../../../electron/services/cases';
import { exportJsonValue } from '../../../electron/services/export';
import { runImport } from '../../../electron/services/import';
import { formatImportIssue } from '../../../shared/domain/import-report';
import { createDemoData } from '../../../electron/services/demo';
import { documentContent } from '../../../electron/services/documents';
import { findingPdf } from '../../../electron/services/findings';
import { insightJson, searchInsight } from '../../../electron/services/insight';
import { addNote } from '../../../electron/services/journal';
import { reportStats } from '../../../electron/services/report-stats';
import { retentionPlan, retentionSettings, runRetention, saveRetentionSettings } from '../../../electron/services/retention';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';
import { RETAINED_MESSAGE, retentionCutoff } from '../../../shared/gdpr/retention';
import type { ReportQuery } from '../../../shared/report/stats';
import { rejectedAppError, thrownAppError } from '../../db/helpers';
import { gdprWorld, PERSON, PERSONAL_STRINGS, personCase, type GdprWorld } from './gdpr-world';

const year = (y: number): ReportQuery => ({ period: { from: `${y}-01-01`, to: `${y}-12-31` }, filters: { forvaltningId: null, types: [] }, minN: 5, patternMin: 3, trendPeriods: 3 });

let w: GdprWorld;
let old: { id: number; sagsnr: string };
let recent: { id: number; sagsnr: string };

beforeAll(async () => {
  w = gdprWorld('2021-06-15');
  // Demo henvendelser received over the four years before 15.06.2021, many closed, with requests,
  // henstillinger, akter and journal notes: the statistics' material.
  await createDemoData(w.ctx, { seed: 12, cases: 160 });
  old = await personCase(w, '2019-03-01', '2019-06-03');
  recent = await personCase(w, '2023-01-10', '2024-01-10');
  w.setToday('2025-06-15');
}, 120_000);
afterAll(() => w.app.close());

/** Everything stored about a henvendelse that may carry personal data, as one text. */
function caseText(caseId: number): string {
  const db = w.ctx.db;
  return JSON.stringify([
    getCaseDetail(db, caseId),
    listJournalNotes(db, caseId),
    listDocuments(db, caseId),
    recommendationsForCase(db, caseId),
    db.prepare('SELECT document_json, addressees_json, reason FROM finding_versions WHERE case_id = ?').all(caseId),
    db.prepare('SELECT blocks_json FROM finding_section_edits WHERE case_id = ?').all(caseId),
    db.prepare('SELECT term FROM finding_anonymisation_terms WHERE case_id = ?').all(caseId),
    caseHistory(db, caseId),
  ]);
}

describe('the setting', () => {
  it('is 5 years by default; 0, 31 and 2.5 are refused in Danish; a change is audited', () => {
    expect(retentionSettings(w.ctx)).toEqual({ years: 5 });
    for (const years of [0, 31, 2.5, '5']) {
      expect(thrownAppError(() => saveRetentionSettings(w.ctx, { years })).fields?.years).toBe('Opbevaringsperioden skal være et helt antal år mellem 1 og 30.');
    }
    const count = () => w.ctx.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'retention_settings'").pluck().get() as number;
    expect(saveRetentionSettings(w.ctx, { years: 7 })).toEqual({ years: 7 });
    expect(count()).toBe(1);
    expect(w.ctx.db.prepare("SELECT action, changes FROM audit_log WHERE entity = 'retention_settings'").get()).toEqual({
      action: 'Opbevaringsperiode ændret',
      changes: JSON.stringify([{ field: 'Opbevaringsperiode (år efter afslutning)', before: '5', after: '7' }]),
    });
    saveRetentionSettings(w.ctx, { years: 7 });
    expect(count()).toBe(1);
    saveRetentionSettings(w.ctx, { years: 5 });
  });

  it('counts the cutoff back whole years, 29 February to 28 February', () => {
    expect(retentionCutoff('2025-06-15', 5)).toBe('2020-06-15');
    expect(retentionCutoff('2024-02-29', 1)).toBe('2023-02-28');
  });
});

describe('the plan and the run', () => {
  it('lists exactly the henvendelser closed more than 5 years ago, with what happens to each, and reads only', () => {
    const audits = w.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const plan = retentionPlan(w.ctx);
    expect(w.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audits);
    expect(plan).toMatchObject({ years: 5, today: '2025-06-15', cutoff: '2020-06-15' });
    expect(plan.token).toMatch(/^[0-9a-f]{64}$/);
    const due = w.ctx.db.prepare("SELECT id FROM cases WHERE closed_on < '2020-06-15' ORDER BY closed_on, id").pluck().all();
    expect(plan.cases.map((c) => c.caseId)).toEqual(due);
    expect(due.length).toBeGreaterThan(5);
    expect(plan.cases.some((c) => c.caseId === recent.id)).toBe(false);
    const mine = plan.cases.find((c) => c.caseId === old.id)!;
    expect(mine).toMatchObject({ sagsnr: old.sagsnr, closedOn: '2019-06-03' });
    expect(mine.items.map((i) => i.category)).toEqual([
      'Borgerens navn', 'Repræsentantens navn', 'CPR-nummer', 'Adresse, telefon og e-mail',
      'Fritekster (resumé, klagepunkter, journalnotater, svar, henstillinger, udkast, akternes titler)',
      'Akternes filer og læste tekst', 'Udsendte udtalelser', 'Historikkens gamle værdier',
    ]);
    expect(mine.items.find((i) => i.category === 'CPR-nummer')).toEqual({ category: 'CPR-nummer', action: 'slettes', count: 1 });
    expect(mine.items.find((i) => i.category === 'Akternes filer og læste tekst')?.count).toBe(1);
    // The plan shows no personal data.
    for (const s of PERSONAL_STRINGS) expect(JSON.stringify(plan)).not.toContain(s);
  });

  it('refuses a token that is not the plan\'s, and a plan made stale by a change, deleting nothing', () => {
    expect(thrownAppError(() => runRetention(w.ctx, 'f'.repeat(64))).code).toBe('conflict');
    const stale = retentionPlan(w.ctx).token;
    // A new history entry alone (an indsigt handed out) changes nothing the run deletes: the token holds.
    insightJson(w.ctx, { query: { cpr: PERSON.cpr, name: null }, caseIds: [old.id] });
    expect(retentionPlan(w.ctx).token).toBe(stale);
    addNote(w.ctx, { caseId: old.id, kind: 'intern_note', notedOn: '2025-06-15', notedAt: null, text: `Arkiveret. ${PERSON.name} spurgte til sagen.` });
    const refused = thrownAppError(() => runRetention(w.ctx, stale));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Intet er slettet');
    expect(getCaseDetail(w.ctx.db, old.id)?.citizen.name).toBe(PERSON.name);
    expect(w.ctx.db.prepare('SELECT count(*) FROM retention_runs').pluck().get()).toBe(0);
  });

  it('removes the personal data everywhere, keeps the statistics of earlier years, and logs it once', async () => {
    const before = [2017, 2018, 2019, 2020].map((y) => reportStats(w.ctx, year(y)));
    // Years with material to lose: henvendelser and henstillinger counted.
    expect(before.map((s) => s.henvendelser.total).every((n) => n > 0)).toBe(true);
    expect(before.reduce((n, s) => n + s.henstillinger.total, 0)).toBeGreaterThan(0);
    const plan = retentionPlan(w.ctx);
    const result = runRetention(w.ctx, plan.token);
    expect(result).toMatchObject({ cases: plan.cases.length, sagsnumre: plan.cases.map((c) => c.sagsnr) });
    expect(result.filesDeleted).toBeGreaterThanOrEqual(1);
    expect(result.findingVersions).toBe(1);
    expect(result.auditEntriesAnonymised).toBeGreaterThan(0);

    // Statistics of the earlier years: deep-equal before and after.
    expect([2017, 2018, 2019, 2020].map((y) => reportStats(w.ctx, year(y)))).toEqual(before);

    // The henvendelse itself.
    const d = getCaseDetail(w.ctx.db, old.id)!;
    expect(d.citizen).toEqual({ name: '[anonymiseret]', address: '', phone: '', email: '', cprMasked: null });
    expect(d.representative).toMatchObject({ name: '[anonymiseret]', email: '' });
    expect(getCaseCpr(w.ctx.db, old.id)).toBeNull();
    expect(d.summary).toBe('[borgeren] ([cpr-nr.]) venter på hjemmehjælp');
    const text = caseText(old.id);
    for (const s of PERSONAL_STRINGS) expect(text, s).not.toContain(s);
    // The facts stay: dates, outcome, the akt's metadata, the finding's number and checksum.
    expect(d).toMatchObject({ receivedOn: '2019-03-01', closedOn: '2019-06-03', status: 'afsluttet' });
    expect(d.points[0]?.outcome).toBe('kritik');
    expect(listDocuments(w.ctx.db, old.id)[0]).toMatchObject({ direction: 'ind', documentDate: '2019-03-01' });
    expect(listFindingVersions(w.ctx.db, old.id)[0]?.pdf_sha256).toMatch(/^[0-9a-f]{64}$/);

    // The files: the akt's and the finding's PDF say they were deleted by retention, not damaged.
    const doc = listDocuments(w.ctx.db, old.id)[0]!;
    expect(thrownAppError(() => documentContent(w.ctx, doc.id)).message).toContain(RETAINED_MESSAGE);
    const pdfRefusal = await rejectedAppError(findingPdf(w.ctx, { caseId: old.id, versionId: null, variant: 'borger', anonymised: false }));
    expect(pdfRefusal.message).toContain(RETAINED_MESSAGE);
    expect(pdfRefusal.message).not.toContain('kontrolsum');

    // The search indexes: neither the henvendelse nor its akt or note is found by the person's data.
    expect(listCases(w.ctx, { ...defaultCaseListQuery(), search: 'Şahin' }).rows.map((r) => r.id)).toEqual([recent.id]);
    expect(searchDocuments(w.ctx.db, 'sclerose', old.id, 10)).toEqual([]);
    expect(searchJournalNoteIds(w.ctx.db, 'Kirsten', old.id)).toEqual([]);
    expect(searchInsight(w.ctx, { cpr: PERSON.cpr, name: null }).map((m) => m.caseId)).toEqual([recent.id]);

    // The audit log: one entry for the run without personal data, old values anonymised, chain intact.
    const runs = w.ctx.db.prepare('SELECT action, case_id, changes FROM audit_log WHERE action = ?').all(RETENTION_AUDIT_ACTION) as Array<{ case_id: number | null; changes: string }>;
    expect(runs).toHaveLength(1);
    expect(runs[0]?.case_id).toBeNull();
    expect(runs[0]?.changes).toContain(old.sagsnr);
    for (const s of PERSONAL_STRINGS) expect(runs[0]?.changes).not.toContain(s);
    expect(verifyAuditChain(w.ctx.db).ok).toBe(true);

    // The recent henvendelse is untouched, and the next plan no longer lists what was done.
    expect(getCaseDetail(w.ctx.db, recent.id)?.citizen.name).toBe(PERSON.name);
    expect(caseText(recent.id)).toContain(PERSON.cpr.slice(0, 6));
    expect(retentionPlan(w.ctx).cases).toEqual([]);
    expect(thrownAppError(() => runRetention(w.ctx, retentionPlan(w.ctx).token)).message).toContain('Ingen henvendelser');
  });

  it('leaves a database whose JSON export still imports: the akt without its file, the finding without its PDFs', async () => {
    const json = JSON.stringify(exportJsonValue(w.ctx.db, '2025-06-15T10:00:00.000Z'));
    const target = gdprWorld('2025-06-15');
    try {
      const report = await runImport(target.ctx, { fileName: 'ombud-eksport.json', content: new TextEncoder().encode(json), dryRun: false });
      expect(report.errors.map(formatImportIssue)).toEqual([]);
      expect(report.ok).toBe(true);
      const id = caseIdBySagsnr(target.ctx.db, old.sagsnr)!;
      const [doc] = listDocuments(target.ctx.db, id);
      const source = listDocuments(w.ctx.db, old.id)[0]!;
      expect(doc).toMatchObject({ size: source.size, sha256: source.sha256, title: source.title });
      expect(thrownAppError(() => documentContent(target.ctx, doc!.id)).code).toBe('not_found');
      expect(getCaseDetail(target.ctx.db, id)?.citizen.name).toBe('[anonymiseret]');
    } finally {
      target.app.close();
    }
  });
});
