/**
 * shared/demo/records.ts: the demo's akter and journal notes fit each henvendelse – first contact by
 * its channel, the forvaltning's statement on each answered request, nothing dated in the future or
 * before receipt – pass the import's own check, and the PDFs read back as the text carried with them.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../electron/services/document-text';
import { buildDemoExport } from '../../../electron/services/demo';
import { openApp } from '../../../electron/services/open-app';
import { fixedClock } from '../../../shared/domain/dates';
import { checkPortableCase, PortableCaseSchema } from '../../../shared/import/portable';

const TODAY = '2025-06-30';

describe('demo akter og journal', () => {
  const app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock(`${TODAY}T10:00:00Z`), actor: () => 'Test' });
  const cases = buildDemoExport(app.ctx, { seed: 3, cases: 120 }).cases;
  app.close();

  it('give each henvendelse its first contact by channel, and each answered request its statement', () => {
    for (const c of cases) {
      const first = [...c.documents.filter((d) => d.request === null), ...c.journal.filter((n) => n.kind !== 'intern_note')];
      expect(first.length, c.sagsnr).toBeGreaterThanOrEqual(1);
      if (c.channel === 'email') expect(c.documents[0]?.mediaType, c.sagsnr).toBe('message/rfc822');
      if (c.channel === 'telefon') expect(c.journal[0]?.kind, c.sagsnr).toBe('telefonnotat');
      c.requests.forEach((q, i) => {
        const statement = c.documents.find((d) => d.request === i + 1);
        if (q.answeredOn === null) expect(statement, c.sagsnr).toBeUndefined();
        else expect(statement, c.sagsnr).toMatchObject({ documentDate: q.answeredOn, party: q.forvaltning, direction: 'ind' });
      });
      for (const d of [...c.documents.map((x) => x.documentDate), ...c.journal.map((n) => n.notedOn)]) {
        expect(d >= c.receivedOn && d <= TODAY, `${c.sagsnr} ${d}`).toBe(true);
      }
      expect(checkPortableCase(PortableCaseSchema.parse(c), TODAY), c.sagsnr).toEqual({});
    }
    expect(cases.some((c) => c.documents.some((d) => d.request !== null))).toBe(true);
    expect(cases.some((c) => c.journal.some((n) => n.kind === 'intern_note'))).toBe(true);
  });

  it('make PDFs whose text reads back as the text they carry', async () => {
    const pdf = cases.flatMap((c) => c.documents).find((d) => d.mediaType === 'application/pdf');
    if (!pdf) throw new Error('ingen PDF i demo-data');
    const read = await readDocument('pdf', new Uint8Array(Buffer.from(pdf.contentBase64, 'base64')));
    expect(read.status).toBe('laest');
    for (const line of pdf.extractedText.split('\n').slice(0, 6)) expect(read.text.replace(/\s+/g, ' ')).toContain(line.replace(/\s+/g, ' '));
  });
});
