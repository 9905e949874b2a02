/**
 * Migration 0060 adds the formal citation, the role, the deadline's owner and what is due to the
 * rules, and lets a klagepunkt's deadline follow the svarpolitik instead of a rule. Data written
 * under version 50 survives: rules keep their content and get sensible defaults (a rolled deadline
 * is the citizen's, a shipped background rule the adviser edited is still background), links and
 * assessments are untouched, and existing point deadlines keep their ids and follow their rule.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

/** Up to `version` only: later migrations belong to other work and are tested on their own. */
const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version);

function rule(db: WritableDB, r: { id: string; origin: 'shipped' | 'own'; edited?: 0 | 1; amount?: number | null; unit?: string | null; text?: string; roll?: 0 | 1 }) {
  db.prepare(
    `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category,
                        deadline_amount, deadline_unit, deadline_text, deadline_from, deadline_roll_forward,
                        sources, verification, note, catalog_version, edited, created_at, updated_at)
     VALUES (?, ?, 'X', 'Lov om noget', '§ 1', 'Titel', 'Resumé', 'kategori', ?, ?, ?, '', ?, '["https://example.dk/a"]', 'yes', 'Note', ?, ?, ?, ?)`,
  ).run(r.id, r.origin, r.amount ?? null, r.unit ?? null, r.text ?? '', r.roll ?? 0, r.origin === 'shipped' ? 1 : null, r.edited ?? 0, AT, AT);
}

function v50(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: upTo(50) });
  db.prepare("INSERT INTO forvaltninger (id, name, name_key, created_at) VALUES (1, 'Social', 'social', ?)").run(AT);
  db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, created_at, updated_at)
     VALUES (1, '2025-0001', '2025-0001', '2025-03-03', 'klage', 'Aflyst møde', 'modtaget', ?, ?)`,
  ).run(AT, AT);
  db.prepare("INSERT INTO complaint_points (id, case_id, position, forvaltning_id, description, outcome, created_at, updated_at) VALUES (1, 1, 1, 1, 'Mødet blev aflyst', 'kritik', ?, ?)").run(AT, AT);
  rule(db, { id: 'rsl-67-klagefrist', origin: 'shipped', amount: 4, unit: 'uger', text: '4 uger', roll: 1 });
  rule(db, { id: 'fvl-16-aktindsigt-frist', origin: 'shipped', amount: 7, unit: 'arbejdsdage', text: '7 arbejdsdage' });
  // A shipped background rule the adviser edited (the sync leaves it alone) and cited as breached.
  rule(db, { id: 'gfs-aflysning-moeder', origin: 'shipped', edited: 1 });
  rule(db, { id: 'kom-svar', origin: 'own', amount: 5, unit: 'arbejdsdage', text: '5 arbejdsdage', roll: 1 });
  rule(db, { id: 'kom-tone', origin: 'own' });
  db.prepare("INSERT INTO point_rules (point_id, rule_id, position, assessment, reasoning) VALUES (1, 'gfs-aflysning-moeder', 1, 'ikke_overholdt', 'Aflyst samme dag')").run();
  db.prepare(
    `INSERT INTO point_deadlines (id, point_id, rule_id, start_on, due_on, met_on, note, created_at, updated_at)
     VALUES (7, 1, 'fvl-16-aktindsigt-frist', '2025-05-26', '2025-06-04', NULL, 'Aktindsigt', ?, ?)`,
  ).run(AT, AT);
  return db;
}

const deadline = (db: WritableDB, basis: string, ruleId: string | null) =>
  db
    .prepare(`INSERT INTO point_deadlines (point_id, basis, rule_id, start_on, due_on, created_at, updated_at) VALUES (1, ?, ?, '2025-03-03', '2025-03-17', ?, ?)`)
    .run(basis, ruleId, AT, AT);

describe('migration 0060: rule citations, roles, deadline owners and svarpolitik deadlines', () => {
  it('keeps every rule written under version 50 and gives it the defaults', () => {
    const db = v50();
    expect(migrate(db, { file: null, list: upTo(60) })).toMatchObject({ from: 50 });
    const rows = db.prepare('SELECT id, title, deadline_amount, deadline_roll_forward, sources, edited, citation, role, deadline_owner, deadline_owes FROM rules ORDER BY id').all();
    const common = { title: 'Titel', sources: '["https://example.dk/a"]', citation: '', deadline_owes: '' };
    expect(rows).toEqual([
      { ...common, id: 'fvl-16-aktindsigt-frist', deadline_amount: 7, deadline_roll_forward: 0, edited: 0, role: 'norm', deadline_owner: 'myndighed' },
      // Still background after the adviser's edit: the catalogue sync would not rewrite it.
      { ...common, id: 'gfs-aflysning-moeder', deadline_amount: null, deadline_roll_forward: 0, edited: 1, role: 'baggrund', deadline_owner: 'myndighed' },
      // Own rules: a deadline that moved to the next weekday was the citizen's.
      { ...common, id: 'kom-svar', deadline_amount: 5, deadline_roll_forward: 1, edited: 0, role: 'norm', deadline_owner: 'borger' },
      { ...common, id: 'kom-tone', deadline_amount: null, deadline_roll_forward: 0, edited: 0, role: 'norm', deadline_owner: 'myndighed' },
      { ...common, id: 'rsl-67-klagefrist', deadline_amount: 4, deadline_roll_forward: 1, edited: 0, role: 'norm', deadline_owner: 'borger' },
    ]);
    db.close();
  });

  it('keeps the links and the assessment already recorded, background rule or not', () => {
    const db = v50();
    migrate(db, { file: null, list: upTo(60) });
    expect(db.prepare('SELECT point_id, rule_id, assessment, reasoning FROM point_rules').all()).toEqual([
      { point_id: 1, rule_id: 'gfs-aflysning-moeder', assessment: 'ikke_overholdt', reasoning: 'Aflyst samme dag' },
    ]);
    db.close();
  });

  it('keeps a point deadline with its id, following its rule, and still protects the rule and follows the klagepunkt', () => {
    const db = v50();
    migrate(db, { file: null, list: upTo(60) });
    expect(db.prepare('SELECT id, point_id, basis, rule_id, start_on, due_on, met_on, note FROM point_deadlines').all()).toEqual([
      { id: 7, point_id: 1, basis: 'regel', rule_id: 'fvl-16-aktindsigt-frist', start_on: '2025-05-26', due_on: '2025-06-04', met_on: null, note: 'Aktindsigt' },
    ]);
    expect(() => db.prepare("DELETE FROM rules WHERE id = 'fvl-16-aktindsigt-frist'").run()).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'point_deadlines' ORDER BY name").pluck().all()).toEqual([
      'point_deadlines_point',
      'point_deadlines_rule',
    ]);
    db.prepare('DELETE FROM complaint_points WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM point_deadlines').pluck().get()).toBe(0);
    db.close();
  });

  it('a deadline follows a rule or the svarpolitik, never both and never neither', () => {
    const db = v50();
    migrate(db, { file: null, list: upTo(60) });
    expect(() => deadline(db, 'svarpolitik', null)).not.toThrow();
    expect(() => deadline(db, 'regel', 'fvl-16-aktindsigt-frist')).not.toThrow();
    expect(() => deadline(db, 'regel', null)).toThrow(/CHECK/);
    expect(() => deadline(db, 'svarpolitik', 'fvl-16-aktindsigt-frist')).toThrow(/CHECK/);
    expect(() => deadline(db, 'lovfrist', 'fvl-16-aktindsigt-frist')).toThrow(/CHECK/);
    expect(() => deadline(db, 'regel', 'findes-ikke')).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('refuses a role or a deadline owner outside the vocabularies', () => {
    const db = v50();
    migrate(db, { file: null, list: upTo(60) });
    expect(() => db.prepare("UPDATE rules SET role = 'vejledning' WHERE id = 'kom-tone'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE rules SET deadline_owner = 'kommune' WHERE id = 'kom-tone'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE rules SET role = 'baggrund', deadline_owner = 'maal', citation = 'pkt. 2' WHERE id = 'kom-tone'").run()).not.toThrow();
    db.close();
  });
});
