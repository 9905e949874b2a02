/**
 * The finding's workflow (electron/services/findings.ts, migration 0150): sections edited and reset,
 * issuing (both PDFs stored with their SHA-256, the history), a new version from the issued text
 * with a reason, every version readable, and an issued version that neither the services nor SQL
 * can change.
 */
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findingVersionPdf } from '../../../db/queries/findings';
import { createCase, getCaseHistory } from '../../../electron/services/cases';
import {
  discardFindingDraft,
  findingPdf,
  findingState,
  findingVersion,
  issueFinding,
  resetFindingSection,
  saveFindingSection,
  setAnonymisationTerms,
  startNewFindingVersion,
} from '../../../electron/services/findings';
import { blockTexts } from '../../../shared/letters/document';
import { sectionBlocks, sectionText } from '../../../shared/letters/section-text';
import { caseInput, rejectedAppError, thrownAppError } from '../../db/helpers';
import { deadlineWorld } from './deadline-helpers';

const w = deadlineWorld('2026-03-02');
afterAll(() => w.app.close());

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

function newCase(name = 'Åse Ørsted'): number {
  const base = caseInput(w.ctx.db, { receivedOn: '2026-01-05' });
  return createCase(w.ctx, { ...base, citizen: { ...base.citizen, name }, points: [{ ...base.points[0]!, outcome: 'beklageligt' }] }).id;
}

function letterText(doc: { blocks: Parameters<typeof blockTexts>[0][] }): string {
  return doc.blocks.flatMap(blockTexts).join('\n');
}

describe('editing the draft', () => {
  it('puts an edited section in place of the automatic one, and back again on reset', () => {
    const caseId = newCase();
    const before = findingState(w.ctx, caseId);
    expect(before.mode).toBe('udkast');
    expect(before.sections.map((s) => s.key)).toContain('indledning');
    expect(before.sections.every((s) => !s.edited)).toBe(true);
    const auto = before.sections.find((s) => s.key === 'indledning')!.text;

    const edited = saveFindingSection(w.ctx, caseId, 'indledning', 'Tak for **din** henvendelse.\n\nJeg har nu set på sagen.');
    const intro = edited.sections.find((s) => s.key === 'indledning')!;
    expect(intro).toMatchObject({ edited: true, text: 'Tak for **din** henvendelse.\n\nJeg har nu set på sagen.' });
    expect(letterText(edited.document)).toContain('Jeg har nu set på sagen.');
    expect(letterText(edited.document)).not.toContain(auto);
    // Every other section still follows the case.
    expect(edited.sections.filter((s) => s.edited).map((s) => s.key)).toEqual(['indledning']);
    expect(getCaseHistory(w.ctx, caseId)[0]).toMatchObject({ action: 'Udkast til udtalelse redigeret', actor: 'Mette Rådgiver' });

    const reset = resetFindingSection(w.ctx, caseId, 'indledning');
    expect(reset.sections.find((s) => s.key === 'indledning')).toMatchObject({ edited: false, text: auto });
    expect(reset.document).toEqual(before.document);
  });

  it('keeps an emptied section out of the letter but in the list, to be written again or reset', () => {
    const caseId = newCase();
    const emptied = saveFindingSection(w.ctx, caseId, 'klage', '');
    expect(emptied.document.blocks.some((b) => b.section === 'klage')).toBe(false);
    expect(emptied.sections.find((s) => s.key === 'klage')).toMatchObject({ label: 'Din klage', edited: true, text: '' });
    expect(emptied.sections.map((s) => s.key).indexOf('klage')).toBe(findingState(w.ctx, newCase()).sections.map((s) => s.key).indexOf('klage'));
    const reset = resetFindingSection(w.ctx, caseId, 'klage');
    expect(reset.document.blocks.some((b) => b.section === 'klage')).toBe(true);
  });

  it('refuses a text that does not parse, and a section the letter does not have, in Danish', () => {
    const caseId = newCase();
    const bad = thrownAppError(() => saveFindingSection(w.ctx, caseId, 'indledning', '# Ny titel'));
    expect(bad.code).toBe('validation');
    expect(bad.fields?.text).toContain('Brevets titel kan ikke ændres');
    const unknown = thrownAppError(() => saveFindingSection(w.ctx, caseId, 'henstillinger', 'Noget'));
    expect(unknown.fields?.section).toContain('Afsnittet findes ikke');
    expect(findingState(w.ctx, caseId).sections.some((s) => s.edited)).toBe(false);
  });

  it('keeps the extra anonymisation terms trimmed, once each ignoring case, within the limits', () => {
    const caseId = newCase();
    const state = setAnonymisationTerms(w.ctx, caseId, ['  Kirsten Hansen ', 'kirsten hansen', '', 'Vejle Sygehus']);
    expect(state.anonymisationTerms).toEqual(['Kirsten Hansen', 'Vejle Sygehus']);
    expect(thrownAppError(() => setAnonymisationTerms(w.ctx, caseId, ['x'.repeat(201)])).fields?.terms).toContain('højst være 200 tegn');
    expect(thrownAppError(() => setAnonymisationTerms(w.ctx, caseId, Array.from({ length: 101 }, (_, i) => `ord ${i}`))).fields?.terms).toContain('Højst 100');
    expect(findingState(w.ctx, caseId).anonymisationTerms).toEqual(['Kirsten Hansen', 'Vejle Sygehus']);
  });
});

describe('issuing', () => {
  it('freezes the draft with both PDFs, their SHA-256, who and when, and writes the history', async () => {
    w.setToday('2026-03-02');
    const caseId = newCase();
    saveFindingSection(w.ctx, caseId, 'indledning', 'Min egen indledning.');
    const draft = findingState(w.ctx, caseId);
    const issued = await issueFinding(w.ctx, caseId, null);
    expect(issued.mode).toBe('udsendt');
    expect(issued.sections).toEqual([]);
    expect(issued.draftSupersedes).toBeNull();
    const v = issued.versions[0]!;
    expect(v).toMatchObject({ version: 1, letterDate: '2026-03-02', issuedBy: 'Mette Rådgiver', supersedes: null, reason: '' });
    expect(issued.document).toEqual(draft.document);

    const stored = findingVersionPdf(w.ctx.db, v.id, 'borger')!;
    const toForvaltning = findingVersionPdf(w.ctx.db, v.id, 'forvaltning')!;
    expect(sha(stored.bytes)).toBe(v.sha256);
    expect(sha(toForvaltning.bytes)).toBe(v.forvaltningSha256);
    expect(v.sha256).not.toBe(v.forvaltningSha256);

    const history = getCaseHistory(w.ctx, caseId)[0]!;
    expect(history.action).toBe('Udtalelse udsendt');
    expect(history.changes).toEqual(expect.arrayContaining([
      { field: 'Version', before: '', after: '1' },
      { field: 'SHA-256 (til borgeren)', before: '', after: v.sha256 },
      { field: 'SHA-256 (til forvaltningen)', before: '', after: v.forvaltningSha256 },
    ]));

    // The PDF served is the stored bytes exactly, whatever day it is asked for.
    w.setToday('2026-04-15');
    const served = await findingPdf(w.ctx, { caseId, versionId: null, variant: 'borger', anonymised: false });
    expect(Buffer.compare(Buffer.from(served.bytes), Buffer.from(stored.bytes))).toBe(0);
    expect(served.fileName).toMatch(/^Udtalelse \d{4}-\d{4}\.pdf$/);
    const servedForvaltning = await findingPdf(w.ctx, { caseId, versionId: v.id, variant: 'forvaltning', anonymised: false });
    expect(Buffer.compare(Buffer.from(servedForvaltning.bytes), Buffer.from(toForvaltning.bytes))).toBe(0);
    expect(servedForvaltning.fileName).toMatch(/ til forvaltningen\.pdf$/);
    expect(findingState(w.ctx, caseId).document.letterhead.date).toBe('2026-03-02');
    w.setToday('2026-03-02');
  });

  it('writes nothing until a long write (the import) has let go, and refuses when the draft moved meanwhile', async () => {
    const caseId = newCase();
    let letGo: () => void = () => {};
    let waited = false;
    const issuing = issueFinding(w.ctx, caseId, null, () => {
      waited = true;
      return new Promise<void>((r) => (letGo = r));
    });
    await vi.waitFor(() => expect(waited).toBe(true));
    expect(findingState(w.ctx, caseId).versions).toEqual([]);
    letGo();
    expect((await issuing).versions).toHaveLength(1);

    const other = newCase();
    const moved = issueFinding(w.ctx, other, null, async () => {
      saveFindingSection(w.ctx, other, 'indledning', 'Skrevet fra et andet vindue.');
    });
    expect((await rejectedAppError(moved)).message).toContain('blev ændret, mens den blev gjort klar');
    expect(findingState(w.ctx, other)).toMatchObject({ mode: 'udkast', versions: [] });
  });

  it('refuses edits and a second issue while the newest version is issued, and says to start a new version', async () => {
    const caseId = newCase();
    await issueFinding(w.ctx, caseId, null);
    const refused = thrownAppError(() => saveFindingSection(w.ctx, caseId, 'indledning', 'Ændret'));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Start en ny version');
    expect(thrownAppError(() => resetFindingSection(w.ctx, caseId, 'indledning')).code).toBe('conflict');
    expect((await rejectedAppError(issueFinding(w.ctx, caseId, 'igen'))).code).toBe('conflict');
    // Nothing to discard: the issued version stays.
    expect(discardFindingDraft(w.ctx, caseId).versions).toHaveLength(1);
  });
});

describe('a new version', () => {
  it('starts from exactly the issued text, needs a reason, supersedes the old one, and every version stays readable', async () => {
    w.setToday('2026-03-02');
    const caseId = newCase();
    saveFindingSection(w.ctx, caseId, 'indledning', 'Første udgave af indledningen.');
    // A section issued empty stays empty in the new version.
    saveFindingSection(w.ctx, caseId, 'klage', '');
    const first = await issueFinding(w.ctx, caseId, null);
    const v1 = first.versions[0]!;
    const v1Bytes = Buffer.from(findingVersionPdf(w.ctx.db, v1.id, 'borger')!.bytes);
    const v1Document = findingVersion(w.ctx, v1.id).document;

    w.setToday('2026-03-09');
    const started = startNewFindingVersion(w.ctx, caseId);
    expect(started).toMatchObject({ mode: 'udkast', draftSupersedes: 1 });
    for (const s of started.sections) expect(s.text, s.key).toBe(sectionText(sectionBlocks(v1Document, s.key)));
    expect(started.document.blocks).toEqual(v1Document.blocks);
    expect(started.document.letterhead.date).toBe('2026-03-09');
    expect(thrownAppError(() => startNewFindingVersion(w.ctx, caseId)).message).toContain('afløser version 1');

    saveFindingSection(w.ctx, caseId, 'indledning', 'Rettet indledning.');
    const noReason = await rejectedAppError(issueFinding(w.ctx, caseId, '  '));
    expect(noReason.fields?.reason).toContain('Skriv hvorfor');
    const second = await issueFinding(w.ctx, caseId, 'Datoen for mødet var forkert.');
    expect(second.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(second.versions[0]).toMatchObject({ supersedes: 1, reason: 'Datoen for mødet var forkert.', letterDate: '2026-03-09' });
    expect(letterText(second.document)).toContain('Rettet indledning.');
    expect(getCaseHistory(w.ctx, caseId)[0]!.changes).toContainEqual({ field: 'Begrundelse', before: '', after: 'Datoen for mødet var forkert.' });

    // Version 1 is unchanged and readable, its PDF the same bytes, named as an earlier version.
    const again = findingVersion(w.ctx, v1.id);
    expect(again.version).toEqual(v1);
    expect(again.document).toEqual(v1Document);
    expect(letterText(again.document)).toContain('Første udgave af indledningen.');
    const old = await findingPdf(w.ctx, { caseId, versionId: v1.id, variant: 'borger', anonymised: false });
    expect(Buffer.compare(Buffer.from(old.bytes), v1Bytes)).toBe(0);
    expect(old.fileName).toMatch(/ version 1\.pdf$/);
  });

  it('is dropped by discarding the draft, back to the issued version', async () => {
    const caseId = newCase();
    const issued = await issueFinding(w.ctx, caseId, null);
    startNewFindingVersion(w.ctx, caseId);
    saveFindingSection(w.ctx, caseId, 'indledning', 'Et forsøg.');
    const back = discardFindingDraft(w.ctx, caseId);
    expect(back).toMatchObject({ mode: 'udsendt', draftSupersedes: null, versions: issued.versions });
    expect(back.document).toEqual(issued.document);
    expect(getCaseHistory(w.ctx, caseId)[0]!.action).toBe('Ny version af udtalelsen kasseret');
  });

  it('lets a first draft be issued without a reason, also for a henvendelse without klagepunkter', async () => {
    const base = caseInput(w.ctx.db, { receivedOn: '2026-01-05' });
    const caseId = createCase(w.ctx, { ...base, type: 'vejledning', points: [] }).id;
    const state = await issueFinding(w.ctx, caseId, null);
    expect(state.versions[0]).toMatchObject({ version: 1, reason: '' });
  });
});

describe('an issued version cannot be changed', () => {
  it('is refused by the database for UPDATE and DELETE, the PDF column included', async () => {
    const caseId = newCase();
    const v = (await issueFinding(w.ctx, caseId, null)).versions[0]!;
    const db = w.ctx.db;
    const message = /En udsendt udtalelse kan aldrig ændres eller slettes/;
    expect(() => db.prepare("UPDATE finding_versions SET pdf = x'00' WHERE id = ?").run(v.id)).toThrow(message);
    expect(() => db.prepare("UPDATE finding_versions SET forvaltning_pdf = x'00', forvaltning_pdf_sha256 = ? WHERE id = ?").run('0'.repeat(64), v.id)).toThrow(message);
    expect(() => db.prepare("UPDATE finding_versions SET document_json = '{}' WHERE id = ?").run(v.id)).toThrow(message);
    expect(() => db.prepare("UPDATE finding_versions SET reason = 'x'").run()).toThrow(message);
    expect(() => db.prepare('DELETE FROM finding_versions WHERE id = ?').run(v.id)).toThrow(message);
    expect(() => db.prepare('DELETE FROM finding_versions').run()).toThrow(message);
    // Nor can the henvendelse it belongs to be deleted.
    expect(() => db.prepare('DELETE FROM cases WHERE id = ?').run(caseId)).toThrow(/FOREIGN KEY constraint failed/);
    expect(findingVersion(w.ctx, v.id).version).toEqual(v);
  });

  it('is never served when its bytes no longer match their SHA-256', async () => {
    const world = deadlineWorld('2026-03-02');
    try {
      const base = caseInput(world.ctx.db, { receivedOn: '2026-01-05' });
      const caseId = createCase(world.ctx, base).id;
      const v = (await issueFinding(world.ctx, caseId, null)).versions[0]!;
      // Only by removing the guard, as damage or tampering outside Ombud would.
      world.ctx.db.exec('DROP TRIGGER finding_versions_no_update');
      world.ctx.db.prepare("UPDATE finding_versions SET pdf = CAST('%PDF-1.7 falsk' AS BLOB) WHERE id = ?").run(v.id);
      const refused = await rejectedAppError(findingPdf(world.ctx, { caseId, versionId: null, variant: 'borger', anonymised: false }));
      expect(refused.message).toContain('svarer ikke til sin kontrolsum (SHA-256)');
      // The letter to the forvaltning is untouched and still served.
      expect((await findingPdf(world.ctx, { caseId, versionId: null, variant: 'forvaltning', anonymised: false })).bytes.length).toBeGreaterThan(1000);
    } finally {
      world.app.close();
    }
  });

  it('does not change through the services: a new version, edits and discarding leave version 1 as issued', async () => {
    const caseId = newCase();
    const v1 = (await issueFinding(w.ctx, caseId, null)).versions[0]!;
    const row = () => w.ctx.db.prepare('SELECT * FROM finding_versions WHERE id = ?').get(v1.id);
    const before = row();
    startNewFindingVersion(w.ctx, caseId);
    saveFindingSection(w.ctx, caseId, 'indledning', 'Noget andet.');
    discardFindingDraft(w.ctx, caseId);
    startNewFindingVersion(w.ctx, caseId);
    await issueFinding(w.ctx, caseId, 'Ny version');
    expect(row()).toEqual(before);
  });
});

it('refuses a version of another henvendelse', async () => {
  const a = newCase();
  const b = newCase();
  const v = (await issueFinding(w.ctx, a, null)).versions[0]!;
  expect((await rejectedAppError(findingPdf(w.ctx, { caseId: b, versionId: v.id, variant: 'borger', anonymised: false }))).code).toBe('not_found');
});
