/**
 * The import's `regler` column records each rule as breached (ikke overholdt), so a rule that can
 * never be recorded as breached – a background rule, or a shipped one the reference could not
 * verify – is a row error in the case form's own Danish wording (breachRefusal), and nothing is
 * written. The adviser's own unverified norm is theirs to rely on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatImportIssue } from '../../../shared/domain/import-report';
import { runImport } from '../../../electron/services/import';
import type { OpenedApp } from '../../../electron/services/open-app';
import { count, csvBytes, memoryApp } from './helpers';

const H = ['sagsnr', 'modtaget', 'type', 'forvaltning', 'beskrivelse', 'regler', 'udfald'];

let app: OpenedApp | undefined;
afterEach(() => app?.close());

describe('regler: background rules', () => {
  it('refuses a shipped background rule as breached, with the form’s Danish message, and writes nothing', async () => {
    app = memoryApp();
    const rows = [
      H,
      ['2024-0400', '2024-02-01', 'klage', 'Beskæftigelse', 'Mødet blev aflyst samme dag.', 'gfs-tone|gfs-aflysning-moeder', 'kritik'],
      ['2024-0401', '2024-02-01', 'klage', 'Beskæftigelse', 'Reformen.', 'lab-reform-2026', 'kritik'],
    ];
    const report = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(rows), dryRun: true });
    expect(report.ok).toBe(false);
    expect(report.errors.map(formatImportIssue)).toEqual([
      'linje 2, kolonne regler: GFS – Aflysning af møder / varsling beskriver baggrund og kan ikke registreres som »ikke overholdt«. Vil du bygge på normen, så skriv en egen regel under Regler og tag selv ansvar for den.',
      'linje 3, kolonne regler: LAB LOV nr. 1750 af 29/12/2025 (L 66, 2025/26) – Beskæftigelsesreformen – fase 1 beskriver baggrund og kan ikke registreres som »ikke overholdt«. Vil du bygge på normen, så skriv en egen regel under Regler og tag selv ansvar for den.',
    ]);
    const written = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(rows), dryRun: false });
    expect(written.ok).toBe(false);
    expect(count(app, 'cases')).toBe(0);
  });

  it('accepts the adviser’s own unverified norm and refuses their own background rule', async () => {
    app = memoryApp();
    const ins = app.ctx.db.prepare(
      `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, role, verification, created_at, updated_at)
       VALUES (?, 'own', 'KOM', 'Kommunens retningslinjer', 'pkt. 3', ?, 'Resumé', 'adfærd', ?, 'no', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
    );
    ins.run('kom-moeder', 'Aflysning af møder', 'norm');
    ins.run('kom-baggrund', 'Mødepolitik', 'baggrund');
    const ok = await runImport(app.ctx, {
      fileName: 'sager.csv',
      content: csvBytes([H, ['2024-0500', '2024-02-01', 'klage', 'Beskæftigelse', 'Aflyst.', 'kom-moeder', 'kritik']]),
      dryRun: false,
    });
    expect(ok).toMatchObject({ ok: true, henvendelser: 1 });
    const refused = await runImport(app.ctx, {
      fileName: 'sager.csv',
      content: csvBytes([H, ['2024-0501', '2024-02-01', 'klage', 'Beskæftigelse', 'Aflyst.', 'kom-baggrund', 'kritik']]),
      dryRun: true,
    });
    expect(refused.errors.map(formatImportIssue)).toEqual([
      'linje 2, kolonne regler: KOM pkt. 3 – Mødepolitik beskriver baggrund og kan ikke registreres som »ikke overholdt«. Vil du bygge på normen, så skriv en egen regel under Regler og tag selv ansvar for den.',
    ]);
  });
});
