import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { REPORT_EXPORT_LEAVES_OUT } from '../../../electron/report-export/about';
import { reportCsvFiles, reportCsvZip } from '../../../electron/report-export/csv';
import { parseCsv } from '../../../shared/import/csv';
import { reportTables } from '../../../shared/report/tables';
import { REPORT_STATS_FIXTURE } from '../../fixtures/report-stats';

/** A Danish number as the CSV writes it: no thousands separator, a decimal comma. */
function danishNumber(field: string): number {
  expect(field).toMatch(/^-?\d+(,\d+)?$/);
  return Number(field.replace(',', '.'));
}

describe('reportCsvFiles', () => {
  it('writes one file per report table, named by its id, in the tables\' order', () => {
    const files = reportCsvFiles(REPORT_STATS_FIXTURE);
    expect(files.map((f) => f.fileName)).toEqual(reportTables(REPORT_STATS_FIXTURE).map((t) => `${t.id}.csv`));
  });

  it('writes UTF-8 with a BOM, ";" between fields and CRLF after every line', () => {
    for (const f of reportCsvFiles(REPORT_STATS_FIXTURE)) {
      expect(f.content.charCodeAt(0), f.fileName).toBe(0xfeff);
      expect(f.content.endsWith('\r\n')).toBe(true);
      expect(f.content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(parseCsv(f.content).separator).toBe(';');
    }
  });

  it('reads back with the import\'s CSV parser to every cell of the tables: text exact, counts exact, shares and days within their rounding, null empty', () => {
    const tables = reportTables(REPORT_STATS_FIXTURE);
    const files = reportCsvFiles(REPORT_STATS_FIXTURE);
    let nulls = 0;
    let shares = 0;
    tables.forEach((t, ti) => {
      const parsed = parseCsv((files[ti] as { content: string }).content);
      expect(parsed.problem).toBeNull();
      const [head, ...rows] = parsed.records;
      expect(head?.fields).toEqual(t.columns.map((c) => (c.kind === 'share' ? `${c.label} (%)` : c.label)));
      expect(rows, t.id).toHaveLength(t.rows.length);
      t.rows.forEach((r, ri) => {
        const fields = (rows[ri] as { fields: string[] }).fields;
        expect(fields, `${t.id} række ${ri + 2}`).toHaveLength(t.columns.length);
        t.columns.forEach((c, ci) => {
          const want = r.cells[ci] ?? null;
          const got = fields[ci] as string;
          const where = `${t.id} række ${ri + 2} kolonne ${c.label}`;
          if (want === null) { nulls++; expect(got, where).toBe(''); return; }
          if (typeof want === 'string') { expect(got, where).toBe(want); return; }
          const n = danishNumber(got);
          if (c.kind === 'count') expect(n, where).toBe(want);
          else if (c.kind === 'share') { shares++; expect(Math.abs(n - want * 100), where).toBeLessThanOrEqual(0.05 + 1e-9); }
          else if (c.kind === 'days') expect(Math.abs(n - want), where).toBeLessThanOrEqual(0.05 + 1e-9);
          else expect(Math.abs(n - want), where).toBeLessThanOrEqual(0.005 + 1e-9);
        });
      });
    });
    expect(nulls).toBeGreaterThan(3);
    expect(shares).toBeGreaterThan(20);
  });

  it('quotes a field with ";" or quotes as RFC 4180 says, and writes shares as percentages with a decimal comma', () => {
    const files = new Map(reportCsvFiles(REPORT_STATS_FIXTURE).map((f) => [f.fileName, f.content]));
    expect(files.get('uden-for-kompetence.csv')).toContain('\r\n"Politiske beslutninger (""byrådets skøn"")";17;1,2;1390;0\r\n');
    expect(files.get('klagepunkter-afdeling.csv')).toContain('\r\nTeknik- og Miljøforvaltningen;"Byggesager; lokalplaner";81;5,8;1390\r\n');
    // 812 of 1.234 klager: 65,8 %; the count has no thousands separator so Excel reads it as a number.
    expect(files.get('henvendelser-type.csv')).toBe('\uFEFFType;Antal 2025;Andel (%);Andel af;Antal 2024\r\nKlage;812;65,8;1234;745\r\nVejledning;301;24,4;1234;268\r\nVejvisning;109;8,8;1234;89\r\nEgen drift;12;1;1234;0\r\n');
    // 2024's median is null (nothing answered): an empty field; 9,5 working days keep their decimal.
    expect(files.get('svartid.csv')).toContain('\r\nForvaltningernes svartid;9,5;341;\r\n');
    // Eight henstillinger are fewer than minN (10): no shares.
    expect(files.get('henstillinger.csv')).toContain('\r\nFulgt;5;;8;3\r\n');
  });
});

describe('reportCsvZip', () => {
  const CREATED = new Date('2026-01-15T09:30:00Z');

  it('bundles exactly the CSV files, dated the day it was made, with a comment on what they count and leave out', async () => {
    const zip = await JSZip.loadAsync(await reportCsvZip(REPORT_STATS_FIXTURE, { createdAt: CREATED }));
    const files = reportCsvFiles(REPORT_STATS_FIXTURE);
    const entries = Object.values(zip.files);
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.fileName));
    for (const [i, e] of entries.entries()) {
      expect(await e.async('string')).toBe((files[i] as { content: string }).content);
      expect(e.date.toISOString()).toBe(CREATED.toISOString());
    }
    const comment = (zip as unknown as { comment: string }).comment;
    expect(comment).toContain('statistik 2025');
    expect(comment).toContain('svartid.csv: Svartid og egen sagsbehandlingstid (median, arbejdsdage).');
    expect(comment).toContain(REPORT_EXPORT_LEAVES_OUT);
  });

  it('gives the same bytes for the same stats and date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-01T08:00:00Z'));
      const a = await reportCsvZip(REPORT_STATS_FIXTURE, { createdAt: CREATED });
      vi.setSystemTime(new Date('2026-07-09T17:45:13Z'));
      const b = await reportCsvZip(REPORT_STATS_FIXTURE, { createdAt: CREATED });
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
