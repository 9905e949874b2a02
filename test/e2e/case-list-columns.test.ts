/**
 * The case list at a 1366 px laptop screen: each row shows its next deadline and adviser, "Mine
 * sager" keeps the henvendelser of the adviser at the desk, nothing fixed-width is cut off (a case
 * number never breaks as "2025-/0001"), and the keyboard still moves through the grid and opens a case.
 */
import { describe, expect, it } from 'vitest';
import { caseInput, pointInput } from '../fixtures/cases';
import { runAxe, seriousViolations, setupE2E } from './harness';
import { CaseFormPage } from './pages/case-form-page';
import { CaseListPage } from './pages/case-list-page';

describe('case list columns, end to end', () => {
  const e2e = setupE2E();

  it('shows the next deadline and the adviser without truncation at 1366 px, and filters "Mine sager"', async () => {
    let adviser = '';
    const app = await e2e.open({
      seed: async (call) => {
        const s = await call('settings:get', {});
        const me = s.advisers.find((a) => !a.retired)!;
        adviser = me.name;
        const social = s.forvaltninger.find((f) => f.name === 'Social')!.id;
        const mine = await call('cases:create', {
          input: caseInput({
            type: 'klage', status: 'afventer_forvaltningen', adviserId: me.id, points: [pointInput({ forvaltningId: social })],
            summary: 'Klage over manglende partshøring før afgørelsen om tilskud til merudgifter, som borgeren først så i Digital Post',
          }),
        });
        await call('requests:create', { input: { caseId: mine.id, forvaltningId: social, kind: 'redegoerelse', sentOn: '2025-03-14', spec: null, note: '' } });
        await call('cases:create', { input: caseInput({ summary: 'Vejledning om aktindsigt' }) });
      },
    });
    await app.page.setViewportSize({ width: 1366, height: 768 });
    const list = new CaseListPage(app.page);
    await list.waitForLoaded();
    await list.row('2025-0001').waitFor();

    const headers = await list.grid.getByRole('columnheader').allTextContents();
    expect(headers.map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual([
      'Sagsnr', 'Modtaget', 'Type', 'Status', 'Næste frist', 'Borger', 'Resumé', 'Forvaltninger', 'Rådgiver', 'Klagepunkter',
    ]);
    const cells = (sagsnr: string) => list.row(sagsnr).getByRole('gridcell').allTextContents();
    const first = await cells('2025-0001');
    expect(first[4]).toBe('28.03.2025 Anmodning');
    expect(first[8]).toBe(adviser);
    expect((await cells('2025-0002'))[4]).toBe('–');

    // The headings, and sagsnr, dates, type, status badge, next deadline, adviser and count: nothing cut off, no wrapping.
    const cut = await list.grid.evaluate((grid) => {
      const out: string[] = [];
      for (const row of grid.querySelectorAll('[role="row"]')) {
        const cellsOf = [...row.querySelectorAll('[role="gridcell"], [role="columnheader"]')] as HTMLElement[];
        // Every column's heading is whole; in the rows, the columns that must never be cut.
        const header = row.querySelector('[role="columnheader"]') !== null;
        for (const i of header ? cellsOf.keys() : [0, 1, 2, 3, 4, 8, 9]) {
          const c = cellsOf[i];
          if (!c) continue;
          const inner = c.firstElementChild as HTMLElement | null;
          const widest = Math.max(c.scrollWidth, inner?.getBoundingClientRect().width ?? 0);
          if (widest > c.clientWidth + 1 || c.getBoundingClientRect().height > 40) out.push(`${i}: ${c.textContent ?? ''} (${c.clientWidth} px < ${Math.ceil(widest)} px)`);
        }
      }
      return out;
    });
    expect(cut).toEqual([]);
    // …and the grid needs no horizontal scrolling.
    expect(await list.grid.evaluate((g) => g.scrollWidth - g.clientWidth)).toBeLessThanOrEqual(0);
    const sagsnrBox = await list.row('2025-0001').getByRole('link', { name: '2025-0001' }).boundingBox();
    expect(sagsnrBox?.height).toBeLessThan(30);

    // "Mine sager": only the henvendelse whose adviser is the one at the desk.
    await app.page.getByLabel('Mine sager', { exact: true }).check();
    await list.resultCount.filter({ hasText: /^\s*1 henvendelse\b/ }).waitFor();
    expect(await list.rows.count()).toBe(1);
    expect(seriousViolations(await runAxe(app.page))).toEqual([]);
    await app.page.getByLabel('Mine sager', { exact: true }).uncheck();
    await list.resultCount.filter({ hasText: /^\s*2 henvendelser/ }).waitFor();

    // The keyboard still works: ↓ selects the next row, Enter opens it (newest received first).
    await list.grid.focus();
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    await new CaseFormPage(app.page).waitForScreen('Henvendelse 2025-0001');
    expect(app.errors).toEqual([]);
  });
});
