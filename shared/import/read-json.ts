/**
 * Reading a JSON export (`ombud export --format json`, shared/import/portable.ts) for import: the
 * whole file or nothing, like the CSV. Every problem names the henvendelse by its sagsnr and the
 * field by its path (`sag 2025-0007, felt points.1.forvaltning: …`), found by the schema (zod, with
 * Danish messages) and then by checkPortableCase — the same validation as the case form and the CSV.
 */
import { z } from 'zod';
import type { IsoDate } from '../domain/dates';
import type { ImportIssue } from '../domain/import-report';
import { nameKey } from './columns';
import { EXPORT_FORMAT, READABLE_EXPORT_VERSIONS, PortableCaseSchema, PortableExportHeadSchema, checkPortableCase, type PortableExportHead } from './portable';
import type { ImportedCase } from './validate-rows';

export type JsonImport = Readonly<{
  head: PortableExportHead | null;
  cases: ImportedCase[];
  errors: ImportIssue[];
  /** The henvendelser in the file (checked or not). */
  records: number;
}>;

/** zod's own Danish messages ("Ugyldig input: forventede string, fik number"). */
const danish = z.locales.da().localeError;

/** How a catalogue or settings problem is named: it is not one henvendelse. */
export const HEAD_RECORD = 'filens katalog og indstillinger';

function zodIssues(error: z.ZodError, at: Omit<ImportIssue, 'message' | 'column'>, prefix = ''): ImportIssue[] {
  return error.issues.map((i) => ({ ...at, column: `${prefix}${i.path.map(String).join('.')}` || null, message: i.message }));
}

/** The line a JSON.parse error points at, from the position V8 names ("… at position 1234", "… (line 3 column 5)"). */
function syntaxLine(text: string, message: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return 1;
  let n = 1;
  const end = Math.min(text.length, Number(pos[1]));
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Parse and check the whole text; the cases are checked one at a time (`onCase`, for progress and yielding). */
export function readJsonExportHead(text: string): { doc: Record<string, unknown> | null; head: PortableExportHead | null; errors: ImportIssue[]; rawCases: unknown[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { doc: null, head: null, rawCases: [], errors: [{ line: syntaxLine(text, message), column: null, message: `filen er ikke gyldig JSON (${message}); den skal være en JSON-eksport fra Ombud, uændret eller rettet med omhu` }] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { doc: null, head: null, rawCases: [], errors: [{ line: 1, column: null, message: 'filen er JSON, men ikke en eksport fra Ombud (den skal være ét objekt med "format": "ombud-export")' }] };
  }
  const d = doc as Record<string, unknown>;
  if (d['format'] !== EXPORT_FORMAT) {
    return { doc: null, head: null, rawCases: [], errors: [{ line: 1, column: 'format', message: `filen er ikke en eksport fra Ombud ("format" skal være "${EXPORT_FORMAT}")` }] };
  }
  if (typeof d['version'] !== 'number' || !READABLE_EXPORT_VERSIONS.includes(d['version'])) {
    const v = JSON.stringify(d['version'] ?? null);
    return {
      doc: null, head: null, rawCases: [],
      errors: [{ line: 1, column: 'version', message: `filen er eksporteret i format ${v}, men denne version af Ombud læser format ${READABLE_EXPORT_VERSIONS.slice(0, -1).join(', ')} og ${String(READABLE_EXPORT_VERSIONS.at(-1))}; eksportér igen fra den version af Ombud, der skrev filen, eller fra en nyere` }],
    };
  }
  const { cases, ...rest } = d;
  const errors: ImportIssue[] = [];
  const parsed = PortableExportHeadSchema.safeParse(rest, { error: danish });
  if (!parsed.success) errors.push(...zodIssues(parsed.error, { line: 0, record: HEAD_RECORD }));
  if (!Array.isArray(cases)) errors.push({ line: 0, record: HEAD_RECORD, column: 'cases', message: 'filen skal have en liste "cases" med henvendelserne (den må være tom)' });
  return { doc: d, head: parsed.success ? parsed.data : null, errors, rawCases: Array.isArray(cases) ? cases : [] };
}

/** How a henvendelse is named in a report: by its sagsnr, else by its place in the file. */
function recordName(raw: unknown, index: number): string {
  const sagsnr = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['sagsnr'] : undefined;
  return typeof sagsnr === 'string' && sagsnr.trim() !== '' ? `sag ${sagsnr.trim()}` : `henvendelse nr. ${index + 1} i filen`;
}

/** A checker for the file's henvendelser, one at a time; `finish` adds the checks across the file. */
export function createJsonCaseChecker(today: IsoDate) {
  const cases: ImportedCase[] = [];
  const errors: ImportIssue[] = [];
  const seen = new Map<string, string>();
  function check(raw: unknown, index: number): void {
    const record = recordName(raw, index);
    const at = { line: index + 1, record };
    const parsed = PortableCaseSchema.safeParse(raw, { error: danish });
    if (!parsed.success) {
      errors.push(...zodIssues(parsed.error, at));
      return;
    }
    const value = parsed.data;
    const key = nameKey(value.sagsnr);
    const first = seen.get(key);
    if (first !== undefined) errors.push({ ...at, column: 'sagsnr', message: `sagsnr ${value.sagsnr} står også i ${first}; hver henvendelse må kun stå én gang i filen` });
    else seen.set(key, `henvendelse nr. ${index + 1} i filen`);
    for (const [path, message] of Object.entries(checkPortableCase(value, today))) errors.push({ ...at, column: path, message });
    cases.push({ value, line: index + 1, rows: 1, locate: (path) => ({ ...at, column: path }) });
  }
  return { check, finish: () => ({ cases, errors }) };
}
