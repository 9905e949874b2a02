/**
 * Rule assessment end to end, through the real UI and the real backend: an adviser assesses a
 * klagepunkt against the rule catalogue (a rule found with the picker, another taken from the
 * theme's suggestions), records the outcome, the forvaltning's reaction and a henstilling, saves,
 * and then finds that klagepunkt on the rule's page reached from the Regler screen.
 */
import { describe, expect, it } from 'vitest';
import { caseInput, pointInput } from '../fixtures/cases';
import { ruleHeading } from '../../renderer/src/features/rules/rule-text';
import { runAxe, seriousViolations, setupE2E } from './harness';
import { CaseFormPage } from './pages/case-form-page';
import { PointAssessment } from './pages/point-assessment';
import { RecommendationsSection } from './pages/recommendations-section';
import { RulePage, RulesPage } from './pages/rules-page';

const PICKED = 'fvl-19-partshoering';
const SUGGESTED = 'gfs-besvarelse';

describe('rule catalogue and breach assessment, end to end', () => {
  const e2e = setupE2E();

  it('links rules to a klagepunkt, assesses them, gives a henstilling, and finds the klagepunkt on the rule page', async () => {
    let caseId = 0;
    let themeId = 0;
    const app = await e2e.open({
      seed: async (call) => {
        const s = await call('settings:get', {});
        const social = s.forvaltninger.find((f) => f.name === 'Social')!.id;
        themeId = s.themes.find((t) => t.name === 'Manglende svar')!.id;
        // The theme → rule mapping is the adviser's to edit; pin it so the suggestion is known.
        await call('rules:set-theme-rules', { themeId, ruleIds: [SUGGESTED] });
        caseId = (await call('cases:create', { input: caseInput({ type: 'klage', summary: 'Afgørelse uden partshøring', points: [pointInput({ forvaltningId: social })] }) })).id;
      },
    });
    const picked = (await app.call('rules:get', { id: PICKED })).rule;
    const suggested = (await app.call('rules:get', { id: SUGGESTED })).rule;

    await app.goto(`#/sager/${caseId}/klagepunkter`);
    const form = new CaseFormPage(app.page);
    await form.waitForScreen('Henvendelse 2025-0001');
    await form.edit();
    const point = new PointAssessment(app.page, 1);

    // By the picker: type part of the title, Enter adds the highlighted rule.
    await point.addByPicker('partshøring', new RegExp(`^${escape(ruleHeading(picked))}`));
    await point.linked(ruleHeading(picked)).waitFor();
    expect(await point.picker.inputValue()).toBe('');

    // By a suggestion: choosing the theme offers the rules usually involved.
    await point.point.getByRole('checkbox', { name: 'Manglende svar' }).check();
    await point.suggestion(`Tilføj ${ruleHeading(suggested)}`).click();
    await point.linked(ruleHeading(suggested)).waitFor();

    await point.assess(ruleHeading(picked), 'Ikke overholdt', 'Borgeren blev ikke partshørt over lægens udtalelse før afgørelsen.');
    await point.assess(ruleHeading(suggested), 'Overholdt', 'Henvendelsen blev besvaret inden for fristen.');
    await point.field('Udfald').selectOption({ label: 'Kritisabelt' });
    await point.field('Forvaltningen erkendte fejl').selectOption({ label: 'Ja' });
    await point.field('Forvaltningen har beklaget').check();
    await point.field('Forholdet er rettet op').check();
    await app.page.keyboard.press('Control+s');
    await app.page.getByRole('status').filter({ hasText: 'Ændringerne er gemt' }).waitFor();

    await form.openSection('Henstillinger');
    const henstilling = new RecommendationsSection(app.page);
    await henstilling.addButton.click();
    expect(await henstilling.field('Forvaltning').locator('option:checked').textContent()).toBe('Social');
    await henstilling.field('Henstilling').fill('Forvaltningen bør partshøre over nye oplysninger, før der træffes afgørelse.');
    await henstilling.field('Opfølgningsdato').fill('01.05.2025');
    await henstilling.saveButton.click();
    await henstilling.list.getByText('Forvaltningen bør partshøre').waitFor();

    const stored = await app.call('cases:get', { id: caseId });
    expect(stored.points[0]).toMatchObject({
      outcome: 'kritik', forvaltningAgreed: true, apologised: true, putRight: true,
      themeIds: [themeId],
      rules: [
        { ruleId: PICKED, assessment: 'ikke_overholdt', reasoning: 'Borgeren blev ikke partshørt over lægens udtalelse før afgørelsen.' },
        { ruleId: SUGGESTED, assessment: 'overholdt', reasoning: 'Henvendelsen blev besvaret inden for fristen.' },
      ],
    });
    const recs = await app.call('recommendations:for-case', { caseId });
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ pointId: stored.points[0]!.id, forvaltning: 'Social', status: 'afventer', givenOn: '2025-03-14', followUpOn: '2025-05-01' });
    expect(seriousViolations(await runAxe(app.page))).toEqual([]);

    // Regler from the keyboard shortcut, search, open the rule.
    await app.page.keyboard.press('Alt+5');
    const rules = new RulesPage(app.page);
    await rules.waitForLoaded();
    expect(seriousViolations(await runAxe(app.page))).toEqual([]);
    await rules.search.fill('partshøring');
    await rules.row(PICKED).waitFor();
    await rules.ruleLink(picked.title).click();

    const rulePage = new RulePage(app.page);
    await rulePage.waitForScreen(ruleHeading(picked));
    if (picked.verification !== 'yes') await app.page.getByText('ikke fuldt verificeret').first().waitFor();
    const citation = rulePage.citation('2025-0001');
    await citation.waitFor();
    const row = (await citation.textContent()) ?? '';
    expect(row).toContain('10.03.2025');
    expect(row).toContain('Klagepunkt 1');
    expect(row).toContain('Social');
    expect(row).toContain('Ikke overholdt');
    expect(row).toContain('Borgeren blev ikke partshørt');
    expect(seriousViolations(await runAxe(app.page))).toEqual([]);

    await citation.getByRole('link', { name: '2025-0001' }).click();
    await form.waitForScreen('Henvendelse 2025-0001');
    expect(app.page.url()).toContain(`#/sager/${caseId}`);
    expect(app.errors).toEqual([]);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
