/** `ombud akter <sagsnr>` and the CSV export's word on what it leaves out, on demo data through the CLI's main(). */
import { cliFolder } from './run-cli';

const { db, ombud } = cliFolder('ombud-cli-akter');

describe('ombud akter', () => {
  it('lists a henvendelse\'s akter and notes in date order, as text and as JSON, and refuses an unknown sagsnr', async () => {
    expect((await ombud('demo', '--cases', '30', '--seed', '4', '--db', db)).code).toBe(0);
    const exported = await ombud('export', '--format', 'json', '--out', 'alt.json', '--db', db);
    expect(exported.code).toBe(0);
    const csv = await ombud('export', '--format', 'csv', '--out', 'sager.csv', '--db', db);
    expect(csv.out).toMatch(/^CSV-filen indeholder ikke de \d+ akter og \d+ journalnotater; brug --format json for at få dem med\.$/m);

    const json = await ombud('akter', '--json', '--db', db, ...(await firstSagsnrWithAkter()));
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { documents: Array<{ title: string; documentDate: string }>; journal: unknown[] };
    expect(parsed.documents.length).toBeGreaterThan(0);
    expect(parsed.documents[0]).not.toHaveProperty('contentBase64');

    const text = await ombud('akter', '--db', db, ...(await firstSagsnrWithAkter()));
    expect(text.out).toMatch(/^\d\d\.\d\d\.\d{4} {2}Akt \(indgående\) {2}/m);
    expect(text.out).toMatch(/^\d+ (akt|akter) og \d+ (notat|notater) i sag /m);

    const unknown = await ombud('akter', '1999-9999', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Der er ingen henvendelse med sagsnummer 1999-9999.');
  });

  async function firstSagsnrWithAkter(): Promise<[string]> {
    const r = await ombud('export', '--format', 'json', '--out', 'alt.json', '--db', db);
    expect(r.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const out = /til (.+)$/m.exec(r.out)?.[1] ?? '';
    const dump = JSON.parse(readFileSync(path.resolve(out), 'utf8')) as { cases: Array<{ sagsnr: string; documents: unknown[] }> };
    const c = dump.cases.find((x) => x.documents.length > 0);
    if (!c) throw new Error('ingen sag med akter');
    return [c.sagsnr];
  }
});
