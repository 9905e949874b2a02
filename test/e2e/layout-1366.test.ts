/**
 * At 1366 × 768, the common laptop screen: the values an adviser reads at a glance are not cut or
 * broken — an assessment ("Ikke overholdt"), a chosen adviser, the status badges, and a sagsnr
 * ("2026-0088", never "2026-" above "0088").
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { caseInput, pointInput } from '../fixtures/cases';
import { setupE2E } from './harness';

/** Every matched element whose content is cut (scrollWidth > clientWidth) or that wraps onto a second line. */
async function clipped(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.flatMap((el) => {
    const e = el as HTMLElement;
    const lineHeight = parseFloat(getComputedStyle(e).lineHeight) || 20;
    const wrapped = e.getClientRects().length > 1 || e.getBoundingClientRect().height > lineHeight * 1.6;
    return e.scrollWidth > e.clientWidth + 1 || wrapped ? [e.textContent ?? ''] : [];
  }));
}

/** Selects whose chosen option's text is wider than the room inside the select. */
async function cutSelects(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((els) => els.flatMap((el) => {
    const s = el as HTMLSelectElement;
    const text = s.selectedOptions[0]?.text ?? '';
    const style = getComputedStyle(s);
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx) return [];
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    // Padding plus the arrow (about 20 px) is not room for text.
    const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return ctx.measureText(text).width > room ? [text] : [];
  }));
}

describe('layout at 1366 × 768', () => {
  const e2e = setupE2E();

  it('cuts no assessment, adviser, badge or sagsnr', async () => {
    let caseId = 0;
    const app = await e2e.open({
      seed: async (call) => {
        const s = await call('settings:get', {});
        const social = s.forvaltninger.find((f) => f.name === 'Social')!.id;
        const c = await call('cases:create', { input: caseInput({ type: 'klage', summary: 'Afgørelse uden partshøring',
          citizen: { name: 'Åse Margrethe Ørsted-Kristiansen Vestergaard-Frederiksen Bjørnholm', address: '', phone: '', email: '', cpr: '010190-1234' },
          points: [pointInput({ forvaltningId: social, rules: [{ ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt', reasoning: 'Ingen partshøring.' }] })] }) });
        caseId = c.id;
        await call('recommendations:create', { input: { caseId, pointId: c.points[0]!.id, forvaltningId: social, text: 'Forvaltningen bør partshøre.',
          givenOn: '2025-03-12', status: 'ikke_fulgt', statusOn: '2025-03-13', answer: 'Nej.', followUpOn: null } });
      },
    });
    await app.page.setViewportSize({ width: 1366, height: 768 });

    // The header at the top of the case page: the sagsnr, badges and tabs whole, a long name wrapping
    // inside its cell rather than widening the page.
    await app.goto(`#/sager/${caseId}`);
    const header = app.page.getByRole('region', { name: 'Sagens hoved' });
    await header.getByText('Ingen åbne frister').or(header.locator('.badge--dl-afventer, .badge--dl-snart, .badge--dl-overskredet, .badge--dl-laenge_overskredet')).first().waitFor();
    expect(await clipped(app.page, '.case-header .sagsnr')).toEqual([]);
    expect(await clipped(app.page, '.case-header .badge')).toEqual([]);
    // A tab is a button with padding: cut, not taller than one line, is what matters.
    expect(await app.page.locator('.case-tab').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getClientRects().length > 1).map((e) => e.textContent))).toEqual([]);
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const box = await header.boundingBox();
    expect(box !== null && box.height < 768 / 3).toBe(true);

    await app.goto(`#/sager/${caseId}/klagepunkter`);
    await app.page.getByRole('button', { name: /^Rediger/ }).click();
    const assessment = app.page.getByLabel('Vurdering', { exact: true });
    await assessment.waitFor();
    expect(await assessment.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text)).toBe('Ikke overholdt');
    expect(await cutSelects(app.page, 'select')).toEqual([]);

    await app.goto('#/henstillinger');
    await app.page.locator('.badge').first().waitFor();
    expect(await clipped(app.page, '.badge')).toEqual([]);
    expect(await clipped(app.page, 'a.sagsnr')).toEqual([]);

    await app.goto('#/indstillinger');
    await app.page.getByLabel('Aktuel rådgiver').waitFor();
    expect(await clipped(app.page, '.field-label')).toEqual([]);
    expect(await cutSelects(app.page, 'select')).toEqual([]);
  });
});
