/**
 * A finding travels through the JSON export and import (format 4): issued versions keep their
 * frozen letter and their PDFs byte for byte, a new version in progress and the extra terms come
 * along; a file whose versions do not follow the workflow is refused in Danish, and bytes that no
 * longer match their SHA-256 are imported but never served.
 */
import { expect, it } from 'vitest';
import { createCase } from '../../../electron/services/cases';
import { exportJsonValue } from '../../../electron/services/export';
import { findingPdf, findingState, issueFinding, saveFindingSection, setAnonymisationTerms, startNewFindingVersion } from '../../../electron/services/findings';
import { runImport } from '../../../electron/services/import';
import type { OpenedApp } from '../../../electron/services/open-app';
import { formatImportIssue } from '../../../shared/domain/import-report';
import { caseInput, rejectedAppError } from '../../db/helpers';
import { appsClosedAfterEach, NOW } from './helpers';

const app = appsClosedAfterEach();

async function withIssuedFinding(): Promise<{ source: OpenedApp; caseId: number }> {
  const source = app();
  const caseId = createCase(source.ctx, caseInput(source.ctx.db, { receivedOn: '2025-05-05' })).id;
  saveFindingSection(source.ctx, caseId, 'indledning', 'Min indledning.');
  await issueFinding(source.ctx, caseId, null);
  startNewFindingVersion(source.ctx, caseId);
  saveFindingSection(source.ctx, caseId, 'indledning', 'Den rettede indledning.');
  setAnonymisationTerms(source.ctx, caseId, ['Nabo Nielsen']);
  return { source, caseId };
}

async function importInto(json: string): Promise<{ target: OpenedApp; report: Awaited<ReturnType<typeof runImport>> }> {
  const target = app();
  const report = await runImport(target.ctx, { fileName: 'eksport.json', content: new TextEncoder().encode(json), dryRun: false });
  return { target, report };
}

it('carries issued versions byte for byte, the version in progress and the extra terms', async () => {
  const { source, caseId } = await withIssuedFinding();
  const { target, report } = await importInto(JSON.stringify(exportJsonValue(source.ctx.db, NOW)));
  expect(report.errors.map(formatImportIssue)).toEqual([]);
  const targetId = target.ctx.db.prepare('SELECT id FROM cases').pluck().get() as number;
  const [before, after] = [findingState(source.ctx, caseId), findingState(target.ctx, targetId)];
  expect(after).toMatchObject({ mode: 'udkast', draftSupersedes: 1, anonymisationTerms: ['Nabo Nielsen'] });
  expect(after.versions.map(({ id: _id, ...v }) => v)).toEqual(before.versions.map(({ id: _id, ...v }) => v));
  expect(after.sections.find((s) => s.key === 'indledning')).toMatchObject({ edited: true, text: 'Den rettede indledning.' });
  for (const variant of ['borger', 'forvaltning'] as const) {
    const a = await findingPdf(source.ctx, { caseId, versionId: before.versions[0]!.id, variant, anonymised: false });
    const b = await findingPdf(target.ctx, { caseId: targetId, versionId: after.versions[0]!.id, variant, anonymised: false });
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)), variant).toBe(0);
  }
});

it('refuses versions that do not follow the workflow, in Danish', async () => {
  const { source } = await withIssuedFinding();
  const value = exportJsonValue(source.ctx.db, NOW);
  const broken = { ...value, cases: value.cases.map((c) => ({ ...c, finding: { ...c.finding!, versions: c.finding!.versions.map((v) => ({ ...v, version: 3 })), draft: { ...c.finding!.draft!, supersedes: 3 } } })) };
  const { report } = await importInto(JSON.stringify(broken));
  expect(report.ok).toBe(false);
  expect(report.errors.map(formatImportIssue).join('\n')).toContain('Udtalelsens versioner skal være nummereret 1, 2, 3');
});

it('imports bytes that no longer match their SHA-256 as they are, and never serves them', async () => {
  const { source } = await withIssuedFinding();
  const value = exportJsonValue(source.ctx.db, NOW);
  const altered = {
    ...value,
    cases: value.cases.map((c) => ({ ...c, finding: { ...c.finding!, versions: c.finding!.versions.map((v) => ({ ...v, pdfBase64: Buffer.from('%PDF-1.7 ændret').toString('base64') })) } })),
  };
  const { target, report } = await importInto(JSON.stringify(altered));
  expect(report.errors.map(formatImportIssue)).toEqual([]);
  const targetId = target.ctx.db.prepare('SELECT id FROM cases').pluck().get() as number;
  const refused = await rejectedAppError(findingPdf(target.ctx, { caseId: targetId, versionId: findingState(target.ctx, targetId).versions[0]!.id, variant: 'borger', anonymised: false }));
  expect(refused.message).toContain('svarer ikke til sin kontrolsum');
});
