import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createCase, type RealApi } from './real-api';
import { renderEditor, showSection } from './case-workspace-helpers';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

test('an edit is saved with the version and shows up in the historik', async () => {
  const created = await createCase(real, { citizenName: 'Åse Ørsted', summary: 'Manglende svar' });
  const { user } = await renderEditor(created.id, 'henvendelsen');
  expect(await screen.findByRole('heading', { level: 1, name: `Henvendelse ${created.sagsnr}` })).toBeInTheDocument();
  expect(document.title).toBe(`Henvendelse ${created.sagsnr} – Ombud`);

  const summary = screen.getByLabelText('Resumé');
  await user.clear(summary);
  await user.type(summary, 'Manglende svar på klage over hjemmehjælp');
  await user.selectOptions(screen.getByLabelText('Status'), 'Under behandling');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));

  expect(await screen.findByText(/Ændringerne er gemt 14\.03\.2025 kl\. 11\.00/)).toBeInTheDocument();
  const stored = await real.call('cases:get', { id: created.id });
  expect(stored.summary).toBe('Manglende svar på klage over hjemmehjælp');
  expect(stored.status).toBe('under_behandling');
  expect(stored.version).toBe(created.version + 1);

  await showSection(user, 'Historik');
  const history = screen.getByRole('region', { name: 'Historik' });
  await waitFor(() => expect(within(history).getAllByRole('listitem').length).toBeGreaterThan(1));
  expect(history).toHaveTextContent('14.03.2025 kl. 11.00');
  expect(history).toHaveTextContent('Manglende svar → Manglende svar på klage over hjemmehjælp');
  expect(history).toHaveTextContent('Modtaget → Under behandling');
  // Opening the page is recorded once (the reloads after saving read without recording).
  expect((await real.call('cases:history', { id: created.id })).filter((h) => h.action === 'Sag åbnet')).toHaveLength(1);
});

test('the CPR is masked, revealed on request, and kept when saving without touching it', async () => {
  const created = await createCase(real, { citizen: { name: 'Bo Berg', address: '', phone: '', email: '', cpr: '010190-1234' } });
  const { user } = await renderEditor(created.id, 'henvendelsen');
  const cpr = await screen.findByLabelText('CPR-nummer');
  expect(cpr).toHaveValue('010190-••••');
  await user.click(screen.getByRole('button', { name: 'Vis CPR-nummer' }));
  await waitFor(() => expect(cpr).toHaveValue('010190-1234'));

  await user.type(screen.getByLabelText('Borgerens adresse'), 'Storegade 1, 8000 Aarhus C');
  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByText(/Ændringerne er gemt/)).toBeInTheDocument();
  expect((await real.call('cases:reveal-cpr', { id: created.id })).cpr).toBe('010190-1234');
  expect((await real.call('cases:get', { id: created.id })).citizen.address).toBe('Storegade 1, 8000 Aarhus C');
  // Read again after the save: masked in the header and in the section.
  expect(screen.getByRole('region', { name: 'Sagens hoved' })).toHaveTextContent('010190-••••');
  expect(screen.getByRole('tabpanel')).toHaveTextContent('010190-••••');
});

test('a save against a newer version shows the Danish conflict message and keeps the edit', async () => {
  const created = await createCase(real, { summary: 'Første resumé' });
  const { user } = await renderEditor(created.id, 'henvendelsen');
  const summary = await screen.findByLabelText('Resumé');
  // Someone else saves in the meantime.
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, citizen, points, ...rest } = created;
  await real.call('cases:update', {
    id: created.id,
    expectedVersion: created.version,
    input: { ...rest, citizen: { name: citizen.name, address: citizen.address, phone: citizen.phone, email: citizen.email, cpr: null },
      points: points.map(({ position: _p, ...p }) => p), description: 'Ændret af en kollega' },
  });
  await user.clear(summary);
  await user.type(summary, 'Mit resumé');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(/ændret/i);
  // Said once: the conflict box, not the error summary as well.
  expect(screen.getAllByRole('alert')).toHaveLength(1);
  expect(document.querySelector('.error-summary')).toBeNull();
  expect(screen.getByLabelText('Resumé')).toHaveValue('Mit resumé');
  expect((await real.call('cases:get', { id: created.id })).summary).toBe('Første resumé');
  expect(screen.getByRole('button', { name: /Hent den nyeste version/ })).toBeInTheDocument();
});

test('klagepunkter can be added and removed on the case page', async () => {
  const created = await createCase(real);
  const { user } = await renderEditor(created.id, 'klagepunkter');
  await screen.findByRole('group', { name: 'Klagepunkt 1' });
  await user.click(screen.getByRole('button', { name: 'Tilføj klagepunkt' }));
  const p2 = screen.getByRole('group', { name: 'Klagepunkt 2' });
  await user.selectOptions(within(p2).getByLabelText('Forvaltning'), 'Borgerservice');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  expect(await screen.findByText(/Ændringerne er gemt/)).toBeInTheDocument();
  expect((await real.call('cases:get', { id: created.id })).points).toHaveLength(2);

  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  await user.click(await screen.findByRole('button', { name: 'Fjern klagepunkt 1' }));
  expect(screen.queryByRole('group', { name: 'Klagepunkt 2' })).not.toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  await waitFor(async () => expect((await real.call('cases:get', { id: created.id })).points).toHaveLength(1));
  const settings = await real.call('settings:get', {});
  const borgerservice = settings.forvaltninger.find((f) => f.name === 'Borgerservice');
  expect((await real.call('cases:get', { id: created.id })).points[0]?.forvaltningId).toBe(borgerservice?.id);
});

test('an unknown case shows a Danish error', async () => {
  renderAt('#/sager/999');
  expect(await screen.findByRole('alert')).toHaveTextContent('Henvendelsen findes ikke');
});

test('leaving with unsaved edits asks first; refusing keeps the edit, a pristine page leaves without asking', async () => {
  const created = await createCase(real, { summary: 'Ventetid på svar' });
  const { user } = await renderEditor(created.id, 'henvendelsen');
  await screen.findByLabelText('Resumé');
  const asked: string[] = [];
  let answer = false;
  const confirm = vi.spyOn(window, 'confirm').mockImplementation((q?: string) => {
    asked.push(q ?? '');
    return answer;
  });
  try {
    await user.click(screen.getByRole('link', { name: /^Sager/ }));
    await screen.findByRole('heading', { level: 1, name: 'Sager' });
    expect(asked).toEqual([]);

    window.location.hash = `#/sager/${created.id}/henvendelsen`;
    await user.click(await screen.findByRole('button', { name: /^Rediger/ }));
    const again = await screen.findByLabelText('Resumé');
    await user.type(again, ' (rettet)');
    await user.click(screen.getByRole('link', { name: /^Sager/ }));
    expect(asked).toEqual(['Du har ændringer, der ikke er gemt. Vil du forlade siden og kassere dem?']);
    expect(window.location.hash).toBe(`#/sager/${created.id}/henvendelsen`);
    expect(screen.getByLabelText('Resumé')).toHaveValue('Ventetid på svar (rettet)');

    answer = true;
    await user.click(screen.getByRole('link', { name: /^Sager/ }));
    await screen.findByRole('heading', { level: 1, name: 'Sager' });
    expect(asked).toHaveLength(2);
    expect((await real.call('cases:get', { id: created.id })).summary).toBe('Ventetid på svar');
  } finally {
    confirm.mockRestore();
  }
});

test('competence and handling are chosen per klagepunkt; the henvendelse shows their summary, and outside-but-undersøgt only warns', async () => {
  const settings = await real.call('settings:get', {});
  const social = settings.forvaltninger.find((f) => f.name === 'Social');
  const substance = settings.competenceReasons.find((r) => r.name.startsWith('Afgørelsens indhold'));
  const created = await createCase(real, {
    points: [
      { forvaltningId: social?.id ?? null, afdelingId: null, themeIds: [], description: 'Afslaget er forkert', outcome: null },
      { forvaltningId: social?.id ?? null, afdelingId: null, themeIds: [], description: 'Ingen partshøring', outcome: null },
    ],
  });
  const { user } = await renderEditor(created.id, 'henvendelsen');
  // No case-level fields while there are klagepunkter: the summary says what the points say.
  const assessment = await screen.findByRole('region', { name: 'Vurdering og status' });
  expect(within(assessment).queryByLabelText('Kompetence')).not.toBeInTheDocument();
  expect(within(assessment).getByText(/2 klagepunkter inden for kompetence/)).toBeInTheDocument();
  await user.keyboard('{Escape}');

  await showSection(user, 'Klagepunkter');
  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  const p1 = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  const p2 = screen.getByRole('group', { name: 'Klagepunkt 2' });
  await user.selectOptions(within(p1).getByLabelText('Kompetence'), 'Uden for: Afgørelsens indhold (hører under klageinstansen)');
  await user.selectOptions(within(p1).getByLabelText('Håndtering'), 'Vejvist');
  await user.selectOptions(within(p2).getByLabelText('Håndtering'), 'Undersøgt');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  expect(await screen.findByText(/Ændringerne er gemt/)).toBeInTheDocument();
  const stored = await real.call('cases:get', { id: created.id });
  expect(stored.points.map((p) => [p.competenceReasonId, p.handling])).toEqual([[substance?.id, 'vejvist'], [null, 'undersoegt']]);
  // Read in Henvendelsen: the summary of the klagepunkter's choices.
  const facts = await showSection(user, 'Henvendelsen');
  expect(facts).toHaveTextContent(
    '1 klagepunkt uden for kompetence: afgørelsens indhold (hører under klageinstansen) – vejvist; 1 klagepunkt undersøgt',
  );

  // Outside competence yet undersøgt: a warning beside the field, and the case still saves.
  await showSection(user, 'Klagepunkter');
  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  const saved1 = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  await user.selectOptions(within(saved1).getByLabelText('Håndtering'), 'Undersøgt');
  expect(within(saved1).getByLabelText('Håndtering')).toHaveAccessibleDescription(
    'Klagepunktet er uden for kompetence, men markeret som undersøgt. Det kan gemmes sådan; tjek, om det er rigtigt.',
  );
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  await waitFor(async () => expect((await real.call('cases:get', { id: created.id })).points[0]?.handling).toBe('undersoegt'));
});

test('a henvendelse without klagepunkter has its own competence and handling, which move onto the first klagepunkt added', async () => {
  const settings = await real.call('settings:get', {});
  const other = settings.competenceReasons.find((r) => r.name.startsWith('Anden klageinstans'));
  const created = await createCase(real, { type: 'vejvisning', points: [], competenceReasonId: other?.id ?? null, handling: 'vejvist' });
  const { user } = await renderEditor(created.id, 'henvendelsen');
  const assessment = await screen.findByRole('region', { name: 'Vurdering og status' });
  expect(within(assessment).getByLabelText('Kompetence')).toHaveDisplayValue('Uden for: Anden klageinstans, ombudsmand eller domstol');
  expect(within(assessment).getByLabelText('Håndtering')).toHaveDisplayValue('Vejvist');
  await user.keyboard('{Escape}');

  await showSection(user, 'Klagepunkter');
  expect(screen.getByRole('tabpanel')).toHaveTextContent('Henvendelsen har ingen klagepunkter.');
  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  await user.click(await screen.findByRole('button', { name: 'Tilføj klagepunkt' }));
  const p1 = screen.getByRole('group', { name: 'Klagepunkt 1' });
  expect(within(p1).getByLabelText('Kompetence')).toHaveDisplayValue('Uden for: Anden klageinstans, ombudsmand eller domstol');
  expect(within(p1).getByLabelText('Håndtering')).toHaveDisplayValue('Vejvist');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  expect(await screen.findByText(/Ændringerne er gemt/)).toBeInTheDocument();
  const stored = await real.call('cases:get', { id: created.id });
  expect([stored.competenceReasonId, stored.handling]).toEqual([null, null]);
  expect(stored.points.map((p) => [p.competenceReasonId, p.handling])).toEqual([[other?.id, 'vejvist']]);
});

test('a field error found by the backend gets the same summary as one found in the form', async () => {
  const first = await createCase(real);
  const second = await createCase(real);
  const { user } = await renderEditor(second.id, 'henvendelsen');
  const sagsnr = await screen.findByLabelText('Sagsnummer');
  await user.clear(sagsnr);
  await user.type(sagsnr, first.sagsnr);
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  const alert = await screen.findByRole('alert');
  expect(within(alert).getByRole('heading')).toHaveTextContent('Henvendelsen er ikke gemt. Ret de markerede felter.');
  expect(alert).toHaveTextContent(`Sagsnummeret ${first.sagsnr} er allerede brugt af en anden henvendelse.`);
});
