/** `ombud backup` and `ombud restore`: a verified backup, and a restore that backs up the current state first. */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliFolder } from './run-cli';

const { db, dir, userData, ombud } = cliFolder('ombud-cli-backup');

async function caseCount(): Promise<number> {
  const r = await ombud('export', '--format', 'json', '--out', 'alt.json', '--db', db);
  return Number(/Eksporteret (\d+)/.exec(r.out)?.[1]);
}

describe('ombud backup / ombud restore', () => {
  it('takes a verified backup into the chosen folder and restores it, the current state backed up first', async () => {
    expect((await ombud('demo', '--cases', '5', '--seed', '3', '--db', db)).code).toBe(0);
    const taken = await ombud('backup', '--db', db);
    expect(taken.err).toBe('');
    expect(taken.code).toBe(0);
    const folder = path.join(userData, 'Sikkerhedskopier');
    expect(taken.out).toContain(`Sikkerhedskopi taget og kontrolleret: ${folder}${path.sep}ombud-`);
    const backup = readdirSync(folder).find((f) => f.endsWith('.sqlite'));
    expect(backup).toBeDefined();

    expect((await ombud('demo', '--cases', '3', '--seed', '9', '--db', db)).code).toBe(0);
    const more = await caseCount();
    expect(more).toBeGreaterThan(5);

    // Without --ja only the check and the plan.
    const dry = await ombud('restore', backup!, '--db', db);
    expect(dry.code).toBe(2);
    expect(dry.out).toContain('er kontrolleret og kan gendannes');
    expect(dry.out).toContain('--ja');
    expect(await caseCount()).toBe(more);

    const restored = await ombud('restore', backup!, '--ja', '--db', db);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Databasen er gendannet fra');
    expect(restored.out).toMatch(/Tilstanden før gendannelsen er gemt i .*ombud-.*\.sqlite/);
    expect(await caseCount()).toBe(5);
    // The state before is a second backup in the folder.
    expect(readdirSync(folder).filter((f) => f.endsWith('.sqlite')).length).toBe(2);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const bad = path.join(dir, 'ødelagt.sqlite');
    writeFileSync(bad, Buffer.alloc(4096, 1));
    const before = await caseCount();
    const r = await ombud('restore', bad, '--ja', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Sikkerhedskopien kan ikke bruges');
    expect(r.err).toContain('Intet er ændret');
    expect(await caseCount()).toBe(before);
  });

  it('restores over a database that cannot be opened, and says the backup of it was skipped', async () => {
    const taken = await ombud('backup', '--dir', 'kopier', '--db', db);
    expect(taken.code).toBe(0);
    const count = await caseCount();
    writeFileSync(db, Buffer.alloc(8192, 9));
    const file = readdirSync(path.join(dir, 'kopier')).find((f) => f.endsWith('.sqlite'))!;
    const r = await ombud('restore', path.join('kopier', file), '--ja', '--dir', 'kopier', '--db', db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Den nuværende database kan ikke åbnes');
    expect(r.out).toContain('der er ikke taget en sikkerhedskopi af den først');
    expect(await caseCount()).toBe(count);
  });
});
