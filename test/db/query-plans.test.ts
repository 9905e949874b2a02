/**
 * EXPLAIN QUERY PLAN of the case list (architecture rule 7): with 100,000 henvendelser a full table
 * scan or a sort of every match would make the list sluggish, so the page and count queries must
 * be served by indexes. The plans are checked on a small database without ANALYZE statistics, which
 * is how a new installation starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEXT_DEADLINE_SQL, caseListSql, chooseListMode, type ListMode } from '../../db/queries/cases';
import { LIST_DOCUMENTS_SQL, LIST_NOTES_SQL } from '../../db/queries/records';
import { REPORT_SQL } from '../../db/queries/report';
import type { WritableDB } from '../../db/types';
import { defaultCaseListQuery, type CaseListQuery } from '../../shared/domain/case-list';
import { NOW, org, seededDb } from './helpers';

let db: WritableDB;
let social: number;
let theme: number;

beforeAll(() => {
  db = seededDb();
  const o = org(db);
  social = o.forvaltning('Social');
  theme = o.theme('Aktindsigt');
  const insCase = db.prepare(
    `INSERT INTO cases (sagsnr, sagsnr_key, sagsnr_year, sagsnr_seq, received_on, type, citizen_name, citizen_sort, status, created_at, updated_at)
     VALUES (?, ?, 2025, ?, ?, 'klage', ?, ?, ?, ?, ?)`,
  );
  const insPoint = db.prepare(`INSERT INTO complaint_points (case_id, position, forvaltning_id, created_at, updated_at) VALUES (?, 1, ?, ?, ?)`);
  const insTheme = db.prepare('INSERT INTO complaint_point_themes (point_id, theme_id) VALUES (?, ?)');
  const statuses = ['modtaget', 'under_behandling', 'afventer_forvaltningen', 'afsluttet'];
  db.transaction(() => {
    for (let i = 1; i <= 2000; i++) {
      const sagsnr = `2025-${String(i).padStart(4, '0')}`;
      const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const id = Number(insCase.run(sagsnr, sagsnr, i, day, `Borger ${i}`, `borger ${i}`, statuses[i % 4], NOW, NOW).lastInsertRowid);
      const point = Number(insPoint.run(id, i % 7 === 0 ? social : social + 1, NOW, NOW).lastInsertRowid);
      insTheme.run(point, i % 5 === 0 ? theme : theme + 1);
    }
  })();
});
afterAll(() => db.close());

function plans(q: Partial<CaseListQuery>, mode: ListMode = 'set', ftsIds: string | null = null): { page: string[]; count: string[] } {
  const s = caseListSql({ ...defaultCaseListQuery(), ...q }, mode, ftsIds);
  const explain = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail);
  return {
    page: explain(`SELECT c.id FROM cases c ${s.where} ${s.orderBy} LIMIT 100 OFFSET 0`),
    count: explain(`SELECT count(*) FROM cases c ${s.where}`),
  };
}

/** A line that reads every row of `cases` through the table itself rather than an index. */
const bareCasesScan = (line: string) => /^SCAN (c|cases)\b(?!.*USING)/.test(line);

describe('case list query plans', () => {
  it('default sort (received, newest first) walks cases_received without sorting', () => {
    const p = plans({});
    expect(p.page.join('\n')).toMatch(/SCAN c USING (COVERING )?INDEX cases_received/);
    expect(p.page.join('\n')).not.toContain('TEMP B-TREE');
    expect(p.count.some(bareCasesScan)).toBe(false);
  });

  it.each([
    ['citizenName', 'cases_citizen_sort'],
    ['updatedAt', 'cases_updated'],
    ['status', 'cases_status'],
    ['type', 'cases_type'],
    ['sagsnr', 'sqlite_autoindex_cases'],
  ] as const)('sort by %s uses %s without sorting', (sort, index) => {
    const p = plans({ sort, direction: 'asc' });
    expect(p.page.join('\n')).toContain(index);
    expect(p.page.join('\n')).not.toContain('TEMP B-TREE');
  });

  it('a forvaltning filter is served by points_forvaltning, never a bare scan of cases', () => {
    const p = plans({ forvaltningId: social });
    expect(p.page.join('\n')).toContain('points_forvaltning');
    expect(p.page.some(bareCasesScan)).toBe(false);
    expect(p.count.join('\n')).toContain('points_forvaltning');
    expect(p.count.some(bareCasesScan)).toBe(false);
  });

  it('a theme filter is served by point_themes_theme', () => {
    const p = plans({ themeId: theme });
    expect(p.page.join('\n')).toContain('point_themes_theme');
    expect(p.page.some(bareCasesScan)).toBe(false);
  });

  it('status and period filters search their indexes', () => {
    expect(plans({ statuses: ['afsluttet'] }).count.join('\n')).toContain('cases_status');
    expect(plans({ receivedFrom: '2025-03-01', receivedTo: '2025-03-31' }).page.join('\n')).toMatch(/cases_received \(received_on>\? AND received_on<\?\)/);
  });

  it('a CPR search looks up cases_cpr; full-text hits are looked up by rowid, not by scanning cases', () => {
    expect(plans({ search: '010190-1234' }).page.join('\n')).toContain('cases_cpr');
    const fts = plans({ search: 'søren', statuses: ['afsluttet'] }, 'set', '[1,2,3]');
    expect(fts.count.join('\n')).toMatch(/json_each|INTEGER PRIMARY KEY/);
    expect(fts.count.some(bareCasesScan)).toBe(false);
  });

  it('walk mode reads the sort index in order and probes the filters, without sorting', () => {
    const byNumber = plans({ statuses: ['afsluttet'], forvaltningId: social, sort: 'sagsnr', direction: 'asc' }, 'walk').page.join('\n');
    expect(byNumber).toContain('sqlite_autoindex_cases');
    expect(byNumber).not.toContain('TEMP B-TREE');
    expect(byNumber).toMatch(/points_forvaltning \(forvaltning_id=\? AND case_id=\?\)/);
    const byTheme = plans({ themeId: theme, types: ['klage'] }, 'walk').page.join('\n');
    expect(byTheme).toContain('cases_received');
    expect(byTheme).not.toContain('TEMP B-TREE');
    expect(byTheme).toContain('point_themes_theme');
  });

  it('"Mine sager" is served by cases_adviser in newest-first order, and probed per row in walk mode', () => {
    const set = plans({ adviserId: 1 });
    expect(set.page.join('\n')).toContain('cases_adviser (adviser_id=?)');
    expect(set.page.join('\n')).not.toContain('TEMP B-TREE');
    expect(set.count.join('\n')).toContain('cases_adviser');
    expect(set.count.some(bareCasesScan)).toBe(false);
    const walk = plans({ adviserId: 1, sort: 'citizenName', direction: 'asc' }, 'walk').page.join('\n');
    expect(walk).toContain('cases_citizen_sort');
    expect(walk).not.toContain('TEMP B-TREE');
  });

  it("the page's next deadline looks up each listed case's requests, klagepunkter and their deadlines by index", () => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${NEXT_DEADLINE_SQL}`).all('[1,2,3]') as { detail: string }[]).map((r) => r.detail);
    const text = plan.join('\n');
    expect(text).toMatch(/SEARCH r USING INDEX requests_case \(case_id=\?\)/);
    expect(text).toMatch(/SEARCH p USING (COVERING )?INDEX points_case \(case_id=\?\)/);
    expect(text).toMatch(/SEARCH d USING INDEX point_deadlines_point \(point_id=\?\)/);
    expect(plan.some(bareCasesScan)).toBe(false);
    expect(plan.some((l) => /^SCAN (r|p|d)\b/.test(l))).toBe(false);
  });

  it('chooses walk when matches are dense and set when they are sparse or the page is deep', () => {
    expect(chooseListMode(60_000, 70_000, 0, 100)).toBe('walk');
    expect(chooseListMode(9_000, 70_000, 0, 100)).toBe('walk');
    expect(chooseListMode(500, 70_000, 0, 100)).toBe('set');
    expect(chooseListMode(9_000, 70_000, 8_900, 100)).toBe('set');
    expect(chooseListMode(0, 70_000, 0, 100)).toBe('set');
  });
});

describe('akter og journal query plans', () => {
  it('read one henvendelse\'s akter and notes through their case indexes, never a scan of the tables', () => {
    const explain = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(explain(LIST_DOCUMENTS_SQL)).toMatch(/SEARCH d USING INDEX case_documents_case \(case_id=\?\)/);
    expect(explain(LIST_NOTES_SQL)).toMatch(/SEARCH n USING INDEX journal_notes_case \(case_id=\?\)/);
  });
});

describe('annual report query plans', () => {
  it('reads a period through cases_received, cases_closed and requests_sent, never a whole table of henvendelser or requests', () => {
    const explain = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '2025-01-01', to: '2025-12-31', forvaltning: null }) as { detail: string }[]).map((r) => r.detail);
    for (const [name, sql] of Object.entries(REPORT_SQL)) {
      const plan = explain(sql);
      expect(plan.some(bareCasesScan), `${name}: ${plan.join(' | ')}`).toBe(false);
      expect(plan.some((l) => /^SCAN (r|requests)\b(?!.*USING)/.test(l)), `${name}: ${plan.join(' | ')}`).toBe(false);
      expect(plan.some((l) => /^SCAN (p|complaint_points)\b(?!.*USING)/.test(l)), `${name}: ${plan.join(' | ')}`).toBe(false);
    }
    expect(explain(REPORT_SQL.closed).join('\n')).toContain('cases_closed');
    expect(explain(REPORT_SQL.requests).join('\n')).toContain('requests_sent');
    expect(explain(REPORT_SQL.cases).join('\n')).toContain('cases_received');
  });
});
