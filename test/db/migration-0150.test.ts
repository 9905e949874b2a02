/**
 * Migration 0150 adds the finding's tables: a henvendelse from version 140 gets a draft edit, an
 * issued version and extra anonymisation terms; the issued version then refuses every UPDATE and
 * DELETE, and the henvendelse it belongs to can no longer be deleted.
 */
import { describe, expect, it } from 'vitest';
import { OLD_AT, upgradedWithRequest } from './old-database';

const FROZEN = /En udsendt udtalelse kan aldrig ændres eller slettes\. Lav en ny version, der afløser den\./;

function withIssuedVersion() {
  const db = upgradedWithRequest(140);
  db.prepare("INSERT INTO finding_section_edits (case_id, section, blocks_json, edited_at, edited_by) VALUES (1, 'indledning', '[]', ?, 'Mette')").run(OLD_AT);
  db.prepare(
    `INSERT INTO finding_versions (id, case_id, version, letter_date, document_json, addressees_json, pdf, pdf_sha256, forvaltning_pdf,
       forvaltning_pdf_sha256, issued_at, issued_by)
     VALUES (1, 1, 1, '2025-03-20', '{}', '{"citizen":[],"forvaltninger":["Social"]}', x'25504446', ?, x'25504446', ?, ?, 'Mette')`,
  ).run('a'.repeat(64), 'b'.repeat(64), OLD_AT);
  db.prepare("INSERT INTO finding_anonymisation_terms (case_id, term) VALUES (1, 'Kirsten')").run();
  return db;
}

describe('migration 0150: the finding', () => {
  it('stores a version-140 henvendelse\'s draft edits, issued versions and terms', () => {
    const db = withIssuedVersion();
    expect(db.prepare('SELECT version, reason, supersedes_id FROM finding_versions').all()).toEqual([{ version: 1, reason: '', supersedes_id: null }]);
    db.prepare("INSERT INTO finding_drafts (case_id, supersedes_version_id, started_at, started_by) VALUES (1, 1, ?, 'Mette')").run(OLD_AT);
    expect(() => db.prepare("INSERT INTO finding_section_edits (case_id, section, blocks_json, edited_at, edited_by) VALUES (1, 'klage', 'ikke json', ?, 'M')").run(OLD_AT))
      .toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(
      `INSERT INTO finding_versions (case_id, version, letter_date, document_json, addressees_json, pdf, pdf_sha256, forvaltning_pdf, forvaltning_pdf_sha256, issued_at, issued_by)
       VALUES (1, 1, '2025-03-21', '{}', '{}', x'00', ?, x'00', ?, ?, 'M')`,
    ).run('c'.repeat(64), 'd'.repeat(64), OLD_AT)).toThrow(/UNIQUE constraint failed/);
    db.close();
  });

  it('refuses to change or delete an issued version, or the henvendelse it belongs to', () => {
    const db = withIssuedVersion();
    expect(() => db.prepare("UPDATE finding_versions SET pdf = x'00'").run()).toThrow(FROZEN);
    expect(() => db.prepare("UPDATE finding_versions SET issued_by = 'En anden'").run()).toThrow(FROZEN);
    expect(() => db.prepare('DELETE FROM finding_versions').run()).toThrow(FROZEN);
    expect(() => db.prepare('DELETE FROM cases WHERE id = 1').run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(db.prepare('SELECT count(*) AS n FROM finding_versions').get()).toEqual({ n: 1 });
    db.close();
  });
});
