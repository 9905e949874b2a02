/**
 * Migration 0200: the retention setting (default 5 years, 1–30 enforced by the database) and the
 * runs; an issued finding written under the old schema survives, and its trigger now lets exactly
 * one change through – a retention run, while it is open and names the henvendelse, emptying the
 * PDFs and replacing the letter's text – and refuses everything else as before.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const SHA = 'a'.repeat(64);

/** A database at 0180 with one henvendelse and one issued finding, then migrated to the newest. */
function withIssuedFinding(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 180) });
  db.prepare(
    "INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, status, citizen_name, created_at, updated_at) VALUES (1, '2019-0001', '2019-0001', '2019-01-02', 'klage', 'afsluttet', 'Åse Ørsted', 'x', 'x')",
  ).run();
  db.prepare(
    `INSERT INTO finding_versions (id, case_id, version, letter_date, document_json, addressees_json, pdf, pdf_sha256, forvaltning_pdf, forvaltning_pdf_sha256, issued_at, issued_by)
     VALUES (1, 1, 1, '2019-02-01', '{"t":"Åse Ørsted"}', '{}', X'25504446', ?, X'25504446', ?, 'x', 'Mette')`,
  ).run(SHA, SHA);
  migrate(db, { file: null });
  return db;
}

const erase = "UPDATE finding_versions SET pdf = X'', forvaltning_pdf = X'', document_json = '{\"t\":\"[borgeren]\"}' WHERE id = 1";

function openRun(db: WritableDB, caseId = 1): number {
  const id = Number(db.prepare("INSERT INTO retention_runs (token, cutoff, years, started_at, run_by, case_count) VALUES (?, '2021-01-01', 5, 'x', 'Mette', 1)").run(SHA).lastInsertRowid);
  db.prepare('INSERT INTO retention_run_cases (run_id, case_id) VALUES (?, ?)').run(id, caseId);
  return id;
}

describe('migration 0200: retention', () => {
  it('keeps the issued finding and starts the period at 5 years, refusing 0 and 31', () => {
    const db = withIssuedFinding();
    expect(db.prepare('SELECT document_json, length(pdf) AS n FROM finding_versions').get()).toEqual({ document_json: '{"t":"Åse Ørsted"}', n: 4 });
    expect(db.prepare('SELECT years FROM retention_settings').pluck().get()).toBe(5);
    expect(() => db.prepare('UPDATE retention_settings SET years = 0').run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE retention_settings SET years = 31').run()).toThrow(/CHECK/);
    expect(() => db.prepare('INSERT INTO retention_settings (id, years) VALUES (2, 5)').run()).toThrow(/CHECK|UNIQUE/);
    db.close();
  });

  it('refuses a change to an issued finding outside a retention run, as before', () => {
    const db = withIssuedFinding();
    expect(() => db.prepare(erase).run()).toThrow(/aldrig ændres/);
    expect(() => db.prepare('DELETE FROM finding_versions').run()).toThrow(/aldrig ændres/);
    db.close();
  });

  it('lets an open run that names the henvendelse empty the PDFs and anonymise the text, and nothing more', () => {
    const db = withIssuedFinding();
    const run = openRun(db);
    // Everything but the erasure stays refused inside the run.
    expect(() => db.prepare("UPDATE finding_versions SET pdf_sha256 = ? WHERE id = 1").run('b'.repeat(64))).toThrow(/aldrig ændres/);
    expect(() => db.prepare("UPDATE finding_versions SET document_json = '{}' WHERE id = 1").run()).toThrow(/aldrig ændres/);
    expect(() => db.prepare("UPDATE finding_versions SET pdf = X'', forvaltning_pdf = X'', issued_by = 'Anden' WHERE id = 1").run()).toThrow(/aldrig ændres/);
    expect(() => db.prepare('DELETE FROM finding_versions').run()).toThrow(/aldrig ændres/);
    db.prepare(erase).run();
    expect(db.prepare('SELECT document_json, length(pdf) AS n, pdf_sha256 FROM finding_versions').get()).toEqual({ document_json: '{"t":"[borgeren]"}', n: 0, pdf_sha256: SHA });
    db.prepare("UPDATE retention_runs SET finished_at = 'x' WHERE id = ?").run(run);
    expect(() => db.prepare("UPDATE finding_versions SET document_json = '{}', pdf = X'', forvaltning_pdf = X'' WHERE id = 1").run()).toThrow(/aldrig ændres/);
    db.close();
  });

  it('does not let a run for another henvendelse touch this one', () => {
    const db = withIssuedFinding();
    db.prepare(
      "INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, status, citizen_name, created_at, updated_at) VALUES (2, '2019-0002', '2019-0002', '2019-01-02', 'klage', 'afsluttet', 'B', 'x', 'x')",
    ).run();
    openRun(db, 2);
    expect(() => db.prepare(erase).run()).toThrow(/aldrig ændres/);
    db.close();
  });
});
