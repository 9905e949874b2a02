import { describe, expect, it } from 'vitest';
import { backupsToKeep, isoWeekOf, type RotationEntry } from '../../../shared/backup/rotation';
import { automaticBackupDue, newestGoodBackup, type BackupEntry } from '../../../shared/backup/manifest';
import { copenhagenDate } from '../../../shared/domain/dates';

/** One backup a day at 08:00 UTC for a whole year, like a desk that starts Ombud every morning. */
function yearOfDailyBackups(): RotationEntry[] {
  const out: RotationEntry[] = [];
  for (let d = 0; d < 365; d++) {
    const at = new Date(Date.UTC(2025, 0, 1, 8, 0, 0) + d * 86_400_000);
    out.push({ file: `b-${at.toISOString()}`, created: at.toISOString() });
  }
  return out;
}

describe('isoWeekOf', () => {
  it('follows ISO 8601 at the turn of the year', () => {
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2025-06-15')).toBe('2025-W24');
  });
});

describe('backupsToKeep (7 daily, 4 weekly, 12 monthly)', () => {
  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months of a year of daily backups', () => {
    const all = yearOfDailyBackups();
    const keep = backupsToKeep(all);
    const kept = all.filter((e) => keep.has(e.file));
    const days = kept.map((e) => copenhagenDate(new Date(e.created)));
    // The last 7 days.
    for (let d = 358; d < 365; d++) expect(keep.has(all[d]!.file)).toBe(true);
    // The newest of each of the last 4 ISO weeks (Sundays, or the last day for the current week).
    const weeks = new Set(days.map(isoWeekOf));
    const lastWeeks = [...new Set(all.map((e) => isoWeekOf(copenhagenDate(new Date(e.created)))))].slice(-4);
    for (const w of lastWeeks) expect(weeks.has(w)).toBe(true);
    // The newest (last day) of each of the 12 months.
    for (let m = 0; m < 12; m++) {
      const lastOfMonth = new Date(Date.UTC(2025, m + 1, 0, 8)).toISOString();
      expect(kept.some((e) => e.created === lastOfMonth), `month ${m + 1}`).toBe(true);
    }
    // And nothing else: at most 7 + 4 + 12, fewer where they overlap.
    expect(kept.length).toBeLessThanOrEqual(23);
    expect(kept.length).toBeGreaterThanOrEqual(12 + 4);
    // Nothing from a month older than the last 12.
    expect(kept.every((e) => e.created >= '2025-01-01')).toBe(true);
  });

  it('counts days in Danish local time: 23:30 UTC on 31 March belongs to 1 April in Copenhagen', () => {
    const entries: RotationEntry[] = [
      { file: 'late', created: '2025-03-31T23:30:00.000Z' },
      { file: 'morning', created: '2025-04-01T06:00:00.000Z' },
      { file: 'earlier', created: '2025-03-31T10:00:00.000Z' },
    ];
    const keep = backupsToKeep(entries, { daily: 2, weekly: 0, monthly: 0 });
    // 'late' and 'morning' are both 1 April in Denmark: only the newer one is that day's.
    expect([...keep].sort()).toEqual(['earlier', 'morning']);
  });

  it('with several backups a day keeps only the newest of each day', () => {
    const entries: RotationEntry[] = [8, 12, 16].map((h) => ({ file: `h${h}`, created: `2025-05-05T${String(h).padStart(2, '0')}:00:00.000Z` }));
    expect([...backupsToKeep(entries, { daily: 7, weekly: 4, monthly: 12 })]).toEqual(['h16']);
  });

  it('always keeps the newest backup', () => {
    const keep = backupsToKeep([{ file: 'only', created: '2025-05-05T08:00:00.000Z' }], { daily: 0, weekly: 0, monthly: 0 });
    expect(keep.has('only')).toBe(true);
  });
});

function entry(file: string, created: string, verified = true): BackupEntry {
  return { file, created, size: 1, sha256: 'x', counts: {}, auditHead: null, verified, checked: created, problem: verified ? null : 'fejl' };
}

describe('automaticBackupDue', () => {
  const now = new Date('2025-05-05T08:00:00.000Z');
  it('is due without any good backup', () => {
    expect(automaticBackupDue([], now)).toBe(true);
    expect(automaticBackupDue([entry('bad', '2025-05-05T07:00:00.000Z', false)], now)).toBe(true);
  });
  it('is not due when the newest good backup is younger than 24 hours', () => {
    expect(automaticBackupDue([entry('a', '2025-05-04T08:00:01.000Z')], now)).toBe(false);
  });
  it('is due when the newest good backup is 24 hours old', () => {
    expect(automaticBackupDue([entry('a', '2025-05-04T08:00:00.000Z')], now)).toBe(true);
  });
  it('never counts an unverified backup as the newest good one', () => {
    expect(newestGoodBackup([entry('old', '2025-05-01T08:00:00.000Z'), entry('new', '2025-05-05T07:00:00.000Z', false)])?.file).toBe('old');
  });
});
