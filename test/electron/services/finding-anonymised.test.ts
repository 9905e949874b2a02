/**
 * The finding's two letters and its anonymised version, read back from the PDFs with poppler: the
 * letter to the forvaltning names the forvaltning as recipient with a copy to the citizen; the
 * anonymised PDF holds none of the case's personal data – name, CPR with and without the dash,
 * address, e-mail, phone, the representative, the adviser's extra term – in its text, its
 * document information or its XMP (read raw: the XMP stream is stored uncompressed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCase, getCase } from '../../../electron/services/cases';
import { anonymisedFinding, findingPdf, findingState, issueFinding, setAnonymisationTerms } from '../../../electron/services/findings';
import { blockTexts } from '../../../shared/letters/document';
import { caseInput } from '../../db/helpers';
import { text } from '../pdf/poppler';
import { deadlineWorld } from './deadline-helpers';

const w = deadlineWorld('2026-03-02');
const dir = mkdtempSync(path.join(tmpdir(), 'ombud-finding-anon-'));
afterAll(() => {
  w.app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Everything personal the case holds, as it could appear in a letter. */
const PERSONAL = [
  'Kirsten', 'Ølgaard', 'Şahin', 'Havnegade', '7100 Vejle', '010190-1234', '0101901234', 'kirsten.sahin@eksempel.dk', '23 45 67 89', '23456789',
  'Łukasz', 'Nowak', 'lukasz@advokat.dk', '87 65 43 21', 'Vejle Sygehus',
];

function personalCase(): number {
  const base = caseInput(w.ctx.db, { receivedOn: '2026-01-05' });
  const point = base.points[0]!;
  const c = createCase(w.ctx, {
    ...base,
    citizen: { name: 'Kirsten Ølgaard Şahin', address: 'Havnegade 12, 7100 Vejle', phone: '23 45 67 89', email: 'kirsten.sahin@eksempel.dk', cpr: '010190-1234' },
    representative: { name: 'Łukasz Nowak', relation: 'advokat', phone: '87 65 43 21', email: 'lukasz@advokat.dk', powerOfAttorney: true },
    // Free text names the citizen, the CPR without the dash, a phone and the extra term.
    summary: 'Kirsten Ølgaard Şahin (0101901234) fik ikke svar; ring 23456789 eller skriv til kirsten.sahin@eksempel.dk',
    points: [{ ...point, description: 'Vejle Sygehus fik akterne uden samtykke fra Kirsten Ølgaard Şahin', outcome: 'kritik' }],
  });
  setAnonymisationTerms(w.ctx, c.id, ['Vejle Sygehus']);
  return c.id;
}

async function readBack(name: string, bytes: Uint8Array): Promise<{ body: string; info: string; xmp: string; raw: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  const raw = Buffer.from(bytes).toString('latin1');
  const start = raw.indexOf('<x:xmpmeta');
  const end = raw.indexOf('</x:xmpmeta>');
  expect(start, 'the XMP packet').toBeGreaterThan(0);
  return {
    body: await text('pdftotext', ['-layout', file, '-']),
    info: await text('pdfinfo', [file]),
    xmp: Buffer.from(bytes.subarray(start, end + 12)).toString('utf8'),
    raw,
  };
}

function expectNothingPersonal(where: string, s: string): void {
  for (const p of PERSONAL) expect(s.includes(p), `${where} holds "${p}"`).toBe(false);
}

describe('the two letters', () => {
  it('sends the letter to the forvaltning with a copy to the citizen, and the citizen\'s with a copy to the forvaltning', async () => {
    const caseId = personalCase();
    const forvaltning = getCase(w.ctx, caseId).points[0]!;
    const state = await issueFinding(w.ctx, caseId, null);
    const name = (await w.ctx.db.prepare('SELECT name FROM forvaltninger WHERE id = ?').pluck().get(forvaltning.forvaltningId)) as string;
    const toCitizen = await readBack('borger.pdf', (await findingPdf(w.ctx, { caseId, versionId: null, variant: 'borger', anonymised: false })).bytes);
    const toForvaltning = await readBack('forvaltning.pdf', (await findingPdf(w.ctx, { caseId, versionId: null, variant: 'forvaltning', anonymised: false })).bytes);
    expect(toCitizen.body).toContain('Kirsten Ølgaard Şahin');
    // The letter itself carries the personal data in its metadata too (the subject is the case's
    // summary), so the anonymised checks below would see it if it survived.
    expect(toCitizen.info).toContain('Kirsten Ølgaard Şahin');
    expect(toCitizen.xmp).toContain('Kirsten Ølgaard Şahin');
    expect(toCitizen.body).toContain(`Kopi til: ${name}`);
    expect(toForvaltning.body).toContain('Kopi til: Kirsten Ølgaard Şahin');
    // The recipient block of the letter to the forvaltning is the forvaltning, not the citizen's address.
    expect(toForvaltning.body).not.toContain('Havnegade 12');
    expect(toForvaltning.body.indexOf(name)).toBeLessThan(toForvaltning.body.indexOf('Kopi til: Kirsten Ølgaard Şahin'));
    expect(state.versions[0]!.forvaltningSha256).not.toBe(state.versions[0]!.sha256);
  });
});

describe('the anonymised version', () => {
  it('replaces the personal data everywhere in the review document, and lists what it replaced', () => {
    const caseId = personalCase();
    const { document, replacements } = anonymisedFinding(w.ctx, caseId, null);
    const all = [
      ...document.blocks.flatMap(blockTexts), ...document.letterhead.recipient, ...document.letterhead.copyTo,
      document.meta.title, document.meta.subject, ...document.meta.keywords, document.meta.author, document.meta.runningHeader,
    ].join('\n');
    expectNothingPersonal('the anonymised document', all);
    expect(all).toContain('[borgeren]');
    expect(replacements.map((r) => r.original)).toEqual(expect.arrayContaining(['Kirsten Ølgaard Şahin', 'Vejle Sygehus']));
    // The review shows a CPR number masked, as the case page does until it is revealed (and logged).
    const cprs = replacements.filter((r) => r.replacement === '[cpr-nr.]');
    expect(cprs.length).toBeGreaterThan(0);
    for (const r of cprs) expect(r.original).toBe('010190-••••');
    // The draft itself is untouched.
    expect(findingState(w.ctx, caseId).document.letterhead.recipient[0]).toBe('Kirsten Ølgaard Şahin');
  });

  for (const variant of ['borger', 'forvaltning'] as const) {
    it(`leaves nothing personal in the PDF to ${variant === 'borger' ? 'the citizen' : 'the forvaltning'}: text, document information and XMP`, async () => {
      const caseId = personalCase();
      const draft = await readBack(`utkast-${variant}.pdf`, (await findingPdf(w.ctx, { caseId, versionId: null, variant, anonymised: true })).bytes);
      await issueFinding(w.ctx, caseId, null);
      const pdf = await findingPdf(w.ctx, { caseId, versionId: null, variant, anonymised: true });
      expect(pdf.fileName).toMatch(/ anonymiseret\.pdf$/);
      const issued = await readBack(`udsendt-${variant}.pdf`, pdf.bytes);
      for (const [what, out] of [['the draft', draft], ['the issued version', issued]] as const) {
        expect(out.body, what).toContain('[borgeren]');
        expectNothingPersonal(`${what}: pdftotext`, out.body);
        expectNothingPersonal(`${what}: pdfinfo`, out.info);
        expectNothingPersonal(`${what}: XMP`, out.xmp);
        expectNothingPersonal(`${what}: the raw bytes`, out.raw);
      }
      // The meaning survives: the XMP still carries the letter's title.
      expect(issued.xmp).toContain('Udtalelse i sag');
    });
  }
});
