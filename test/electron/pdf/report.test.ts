/**
 * The annual report's PDF read back with the Debian tools: every table's cells as formatted, in
 * Table/TR/TH/TD order; every chart as a Figure with its description as /Alt and its labels as text;
 * a chart never split over two pages; a long table's header row repeated on each page; fonts embedded;
 * qpdf clean; the same input and date give the same bytes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFHexString } from 'pdf-lib';
import { renderLetterPdf } from '../../../electron/pdf/index';
import type { Block } from '../../../shared/letters/document';
import { annualReportDocument } from '../../../shared/report/report-document';
import { annualReportFixture } from '../../fixtures/annual-report';
import { text } from './poppler';

const createdAt = new Date('2026-02-15T10:00:00Z');
const doc = annualReportDocument(annualReportFixture());
const tables = doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
const charts = doc.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : []));

let dir: string;
let file: string;
let bytes: Uint8Array;
let pages: number;
/** `pdfinfo -struct-text` reads the page content once per marked-content piece: slow on a report, so read once. */
let structText: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ombud-report-pdf-'));
  file = path.join(dir, 'aarsberetning.pdf');
  bytes = await renderLetterPdf(doc, { createdAt });
  writeFileSync(file, bytes);
  pages = Number(/Pages:\s+(\d+)/.exec(await text('pdfinfo', [file]))?.[1]);
  structText = await text('pdfinfo', ['-struct-text', file]);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pageText = (f: string, p: number) => text('pdftotext', ['-f', String(p), '-l', String(p), f, '-']);

/** The text of each TH and TD in structure order (`pdfinfo -struct-text`), a wrapped cell's lines joined. */
function structCells(struct: string): string[] {
  const cells: string[] = [];
  let inCell = false;
  for (const raw of struct.split('\n')) {
    const line = raw.trim();
    if (/^T[HD]:?$/.test(line)) {
      cells.push('');
      inCell = true;
    } else if (inCell && line.startsWith('"')) {
      const i = cells.length - 1;
      cells[i] = cells[i] === '' ? line.slice(1, -1) : `${cells[i]} ${line.slice(1, -1)}`;
    } else if (!line.startsWith('/')) inCell = false;
  }
  return cells;
}

describe('the annual report as PDF', () => {
  it('is a tagged A4 report of several pages with the report metadata and a page number on every page', async () => {
    const info = await text('pdfinfo', [file]);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Årsberetning 2025/);
    expect(info).toMatch(/Keywords:\s+årsberetning, borgerrådgiver, Ærø Kommune, 2025/);
    expect(pages).toBeGreaterThanOrEqual(6);
    for (let p = 1; p <= pages; p++) expect(await pageText(file, p)).toContain(`Side ${p} af ${pages}`);
    // The cover alone on page 1, the contents alone on page 2.
    expect(await pageText(file, 1)).toContain('Beretning for perioden 01.01.2025–31.12.2025');
    expect(await pageText(file, 1)).not.toContain('Indhold');
    expect(await pageText(file, 2)).toContain('Indhold');
    expect(await pageText(file, 2)).not.toContain('Forord\n\nDet forløbne');
  });

  it('has every table\'s header and cells as formatted, in Table/TR/TH/TD order', async () => {
    const struct = structText;
    const expected = tables.flatMap((t) => [...t.columns.map((c) => c.label), ...t.rows.flat()]);
    expect(structCells(struct)).toEqual(expected);
    const all = await text('pdftotext', [file, '-']);
    for (const t of tables) {
      expect(all).toContain(t.caption);
      for (const row of t.rows) row.forEach((cell, i) => { if (t.columns[i]?.kind === 'number') expect(all).toContain(cell); });
    }
    expect(all).toContain('1.234');
    expect(all).toContain('56,7 %');
    expect(all).toContain('14,5');
  });

  it('has the structure elements of tables and figures, each chart a Figure with its description as /Alt', async () => {
    const tags = (await text('pdfinfo', ['-struct', file])).split('\n').map((l) => l.trim().split(/[ :]/)[0]);
    for (const t of ['Table', 'Caption', 'TR', 'TH', 'TD', 'Figure', 'H1', 'H2', 'L']) expect(tags).toContain(t);
    expect(tags.filter((t) => t === 'Figure')).toHaveLength(charts.length);
    expect(tags.filter((t) => t === 'Table')).toHaveLength(tables.length);
    const raw = Buffer.from(bytes).toString('latin1');
    for (const c of charts) expect(raw).toContain(`/Alt ${PDFHexString.fromText(c.description).toString()}`);
    expect(raw).toMatch(/\/Scope \/Column/);
    expect(raw.match(/\/O \/Layout\s+\/BBox \[ [\d.]+ [\d.]+ [\d.]+ [\d.]+ \]/g)).toHaveLength(charts.length);
  });

  it('draws each chart with its title and labels as text, the whole chart on one page', async () => {
    const struct = structText;
    const texts = await Promise.all(Array.from({ length: pages }, (_, i) => pageText(file, i + 1)));
    for (const c of charts) {
      const labels = c.marks.flatMap((m) => (m.kind === 'text' ? [m.text] : []));
      // The figure's content is its labels in drawing order.
      expect(struct).toContain(`"${labels.join('')}"`);
      const page = texts.findIndex((t) => t.includes(c.title));
      expect(page, c.title).toBeGreaterThanOrEqual(0);
      for (const m of c.marks) if (m.kind === 'text' && m.rotate === undefined) expect(texts[page], `${c.id}: ${m.text}`).toContain(m.text);
    }
    expect(texts.join('\n')).toContain('Børne- og Ungdomsforvaltningen,…');
  });

  it('repeats a long table\'s header row on every page it runs over, and never splits a row', async () => {
    const long = path.join(dir, 'lang.pdf');
    const rows = Array.from({ length: 70 }, (_, i) => [`Række ${i + 1} med en tekst, der er lang nok til at fylde to linjer i sin kolonne, når tabellen er smal`, String(i + 1)]);
    const table: Block = { kind: 'table', caption: 'En lang tabel', note: '', columns: [{ label: 'Tekst', kind: 'text' }, { label: 'Talværdi', kind: 'number' }], rows };
    writeFileSync(long, await renderLetterPdf({ ...doc, blocks: [table] }, { createdAt }));
    const n = Number(/Pages:\s+(\d+)/.exec(await text('pdfinfo', [long]))?.[1]);
    expect(n).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= n; p++) {
      const t = (await pageText(long, p)).replace(/\s+/g, ' ');
      expect(t).toContain('Talværdi');
      // Every row begun on a page ends there.
      for (const [label] of rows) if (t.includes(`${(label as string).split(' med')[0]} med`)) expect(t).toContain((label as string).slice(-25));
    }
    // The repeated header rows are artifacts: the structure has the header once.
    expect(structCells(await text('pdfinfo', ['-struct-text', long])).filter((c) => c === 'Talværdi')).toHaveLength(1);
  });

  it('embeds its fonts as subsets, passes qpdf --check and gives the same bytes for the same input and date', async () => {
    const rows = (await text('pdffonts', [file])).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+SourceSans3-.*\syes\s+yes\s+yes\s/);
    expect(await text('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const meta = await text('pdfinfo', ['-meta', file]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    const again = await renderLetterPdf(annualReportDocument(annualReportFixture()), { createdAt });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });
});
