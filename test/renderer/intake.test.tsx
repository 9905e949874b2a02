import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

test('defaults: today, kanal telefon, type klage, status modtaget, sagsnr preview, focus on the name', async () => {
  renderAt('#/ny');
  const name = await screen.findByLabelText('Borgerens navn');
  await waitFor(() => expect(name).toHaveFocus());
  expect(screen.getByLabelText('Modtaget')).toHaveValue('14.03.2025');
  expect(screen.getByLabelText('Kanal')).toHaveDisplayValue('Telefon');
  expect(screen.getByLabelText('Type')).toHaveDisplayValue('Klage');
  expect(screen.getByLabelText('Status')).toHaveDisplayValue('Modtaget');
  await waitFor(() => expect(screen.getByLabelText('Sagsnummer')).toHaveValue('2025-0001'));
  expect(document.title).toBe('Ny henvendelse – Ombud');
});

test('an impossible date is called that, not a format error', async () => {
  const { user } = renderAt('#/ny');
  await screen.findByLabelText('Borgerens navn');
  const received = screen.getByLabelText('Modtaget');
  await user.clear(received);
  await user.type(received, '31.02.2025');
  await user.keyboard('{Control>}s{/Control}');
  await screen.findByRole('alert');
  expect(received).toHaveAccessibleDescription(/31\.02\.2025 er ikke en gyldig dato\./);
  await user.clear(received);
  await user.type(received, '31.2');
  await user.keyboard('{Control>}s{/Control}');
  await waitFor(() => expect(received).toHaveAccessibleDescription(/Skriv datoen som dd\.mm\.åååå/));
});

test('an invalid CPR shows a Danish error next to the field, and nothing typed is lost', async () => {
  const { user } = renderAt('#/ny');
  const name = await screen.findByLabelText('Borgerens navn');
  await user.type(name, 'Åse Ørsted');
  const cpr = screen.getByLabelText('CPR-nummer');
  await user.type(cpr, '320190-1234');
  await user.tab();
  expect(cpr).toHaveAccessibleDescription(/første seks cifre \(320190\) er ikke en gyldig dato/);
  expect(cpr).toHaveAttribute('aria-invalid', 'true');

  await user.type(screen.getByLabelText('Resumé'), 'Manglende svar');
  await user.keyboard('{Control>}s{/Control}');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Henvendelsen er ikke gemt');
  expect(alert).toHaveTextContent('ikke en gyldig dato');
  // Still on the intake form with everything the adviser typed.
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ny henvendelse');
  expect(screen.getByLabelText('Borgerens navn')).toHaveValue('Åse Ørsted');
  expect(screen.getByLabelText('CPR-nummer')).toHaveValue('320190-1234');
  expect(screen.getByLabelText('Resumé')).toHaveValue('Manglende svar');
  expect((await real.call('cases:list', { search: '', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'sagsnr', direction: 'asc', offset: 0, limit: 10 })).total).toBe(0);

  // Correcting the number removes the message.
  await user.clear(cpr);
  await user.type(cpr, '010190-1234');
  expect(cpr).not.toHaveAccessibleDescription(/gyldig dato/);
});

test('a klage needs a forvaltning on each klagepunkt: the error sits on the point', async () => {
  const { user } = renderAt('#/ny');
  await user.type(await screen.findByLabelText('Borgerens navn'), 'Bo Berg');
  await user.type(screen.getByLabelText('Resumé'), 'Lang ventetid');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  const point = screen.getByRole('group', { name: 'Klagepunkt 1' });
  expect(within(point).getByLabelText('Forvaltning')).toHaveAccessibleDescription('Klagepunkt 1: vælg den forvaltning, klagen angår.');
});

test('creating a case through the form stores it and opens the case page', async () => {
  const settings = await real.call('settings:get', {});
  const social = settings.forvaltninger.find((f) => f.name === 'Social');
  const afd = social?.afdelinger[0];
  const theme = settings.themes.find((t) => t.name === 'Partshøring');
  if (!social || !afd || !theme) throw new Error('seed mangler');

  const { user } = renderAt('#/ny');
  await user.type(await screen.findByLabelText('Borgerens navn'), 'Åse Ørsted');
  await user.type(screen.getByLabelText('CPR-nummer'), '0101901234');
  await user.type(screen.getByLabelText('Resumé'), 'Ikke partshørt før afgørelse');
  await user.click(screen.getByLabelText('Borgeren har en repræsentant'));
  await user.type(screen.getByLabelText('Repræsentantens navn'), 'Karen Ørsted');
  await user.click(screen.getByLabelText('Fuldmagt foreligger'));

  const p1 = screen.getByRole('group', { name: 'Klagepunkt 1' });
  await user.selectOptions(within(p1).getByLabelText('Forvaltning'), 'Social');
  await user.selectOptions(within(p1).getByLabelText('Afdeling'), afd.name);
  await user.click(within(p1).getByLabelText('Partshøring'));
  await user.selectOptions(within(p1).getByLabelText('Udfald'), 'Kritisabelt');

  // Alt+K adds a second klagepunkt and focuses its forvaltning.
  await user.keyboard('{Alt>}k{/Alt}');
  const p2 = screen.getByRole('group', { name: 'Klagepunkt 2' });
  expect(within(p2).getByLabelText('Forvaltning')).toHaveFocus();
  await user.selectOptions(within(p2).getByLabelText('Forvaltning'), 'Borgerservice');

  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByRole('heading', { level: 1, name: 'Henvendelse 2025-0001' })).toBeInTheDocument();
  const id = Number(/#\/sager\/(\d+)/.exec(window.location.hash)?.[1]);
  const stored = await real.call('cases:get', { id });
  expect(stored.sagsnr).toBe('2025-0001');
  expect(stored.receivedOn).toBe('2025-03-14');
  expect(stored.channel).toBe('telefon');
  expect(stored.citizen.name).toBe('Åse Ørsted');
  expect(stored.citizen.cprMasked).toBe('010190-••••');
  expect(stored.representative).toMatchObject({ name: 'Karen Ørsted', powerOfAttorney: true });
  expect(stored.summary).toBe('Ikke partshørt før afgørelse');
  expect(stored.points).toHaveLength(2);
  expect(stored.points[0]).toMatchObject({ forvaltningId: social.id, afdelingId: afd.id, themeIds: [theme.id], outcome: 'kritik' });
  expect((await real.call('cases:reveal-cpr', { id })).cpr).toBe('010190-1234');
});

test('the afdeling list follows the forvaltning and leaves out retired afdelinger', async () => {
  const settings = await real.call('settings:get', {});
  const social = settings.forvaltninger.find((f) => f.name === 'Social');
  const retired = social?.afdelinger[0];
  if (!social || !retired) throw new Error('seed mangler');
  await real.call('catalog:set-retired', { kind: 'afdeling', id: retired.id, retired: true });

  const { user } = renderAt('#/ny');
  const p1 = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  await user.selectOptions(within(p1).getByLabelText('Forvaltning'), 'Social');
  const options = within(within(p1).getByLabelText('Afdeling')).getAllByRole('option').map((o) => o.textContent);
  expect(options).not.toContain(retired.name);
  expect(options).toEqual(['Ingen bestemt afdeling', ...social.afdelinger.slice(1).map((a) => a.name)]);
});

test('a vejledning starts without a klagepunkt and saves none; an untouched klagepunkt is not saved either', async () => {
  const { user } = renderAt('#/ny');
  await user.type(await screen.findByLabelText('Borgerens navn'), 'Åse Ørsted');
  await user.type(screen.getByLabelText('Resumé'), 'Spørgsmål om aktindsigt');
  expect(screen.getByRole('group', { name: 'Klagepunkt 1' })).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText('Type'), 'Vejledning');
  // The blank klagepunkt a new henvendelse starts with goes with the type.
  expect(screen.queryByRole('group', { name: 'Klagepunkt 1' })).not.toBeInTheDocument();
  // Back to klage brings one back; a vejledning with an untouched one still saves none.
  await user.selectOptions(screen.getByLabelText('Type'), 'Klage');
  expect(screen.getByRole('group', { name: 'Klagepunkt 1' })).toBeInTheDocument();
  await user.selectOptions(screen.getByLabelText('Type'), 'Vejvisning');
  await user.keyboard('{Alt>}k{/Alt}');
  expect(screen.getByRole('group', { name: 'Klagepunkt 1' })).toBeInTheDocument();
  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByRole('heading', { level: 1, name: 'Henvendelse 2025-0001' })).toBeInTheDocument();
  const id = Number(/#\/sager\/(\d+)/.exec(window.location.hash)?.[1]);
  const stored = await real.call('cases:get', { id });
  expect(stored).toMatchObject({ type: 'vejvisning', points: [] });
});

test('Enter in a field does not save the henvendelse; Ctrl+S does', async () => {
  const { user } = renderAt('#/ny');
  const name = await screen.findByLabelText('Borgerens navn');
  await user.type(name, 'Åse Ørsted{Enter}');
  await user.type(screen.getByLabelText('Resumé'), 'Manglende svar{Enter}');
  // Nothing was submitted: no error summary about the missing forvaltning, still on the intake form.
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ny henvendelse');
  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByRole('alert')).toHaveTextContent('Henvendelsen er ikke gemt');
});

test('"Kassér kladde" empties the intake after a confirmation, and keeps it when the adviser says no', async () => {
  const { user } = renderAt('#/ny');
  const name = await screen.findByLabelText('Borgerens navn');
  await user.type(name, 'Åse Ørsted');
  await user.type(screen.getByLabelText('Resumé'), 'Manglende svar');
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
  await user.click(screen.getByRole('button', { name: 'Kassér kladde' }));
  expect(confirm).toHaveBeenCalledTimes(1);
  expect(screen.getByLabelText('Borgerens navn')).toHaveValue('Åse Ørsted');
  confirm.mockReturnValue(true);
  await user.click(screen.getByRole('button', { name: 'Kassér kladde' }));
  await waitFor(() => expect(screen.getByLabelText('Borgerens navn')).toHaveValue(''));
  expect(screen.getByLabelText('Resumé')).toHaveValue('');
  await waitFor(() => expect(screen.getByLabelText('Borgerens navn')).toHaveFocus());
  await waitFor(() => expect(screen.getByLabelText('Sagsnummer')).toHaveValue('2025-0001'));
  confirm.mockRestore();
});

test('a paste over the length limit is kept whole and refused out loud, with a counter near the limit', async () => {
  const { user } = renderAt('#/ny');
  await screen.findByLabelText('Borgerens navn');
  const description = screen.getByLabelText('Beskrivelse af henvendelsen');
  await user.click(description);
  await user.paste('a'.repeat(90_000));
  expect(description).toHaveAccessibleDescription('90.000 af 100.000 tegn');
  await user.paste('b'.repeat(42_000));
  // Not silently shortened to the limit.
  expect((description as HTMLTextAreaElement).value).toHaveLength(132_000);
  expect(description).toHaveAttribute('aria-invalid', 'true');
  expect(description).toHaveAccessibleDescription('Teksten er 132000 tegn; højst 100000 er tilladt. 132.000 af 100.000 tegn');
  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByRole('alert')).toHaveTextContent('Teksten er 132000 tegn; højst 100000 er tilladt.');
});

test('the themes are one Tab stop: ↑/↓ move between them, Space chooses, Tab goes on to the description', async () => {
  const { user } = renderAt('#/ny');
  // The intake puts focus on the name once it is shown; wait for that, or it lands mid-test on a slow machine.
  await waitFor(() => expect(screen.getByLabelText('Borgerens navn')).toHaveFocus());
  const point = screen.getByRole('group', { name: 'Klagepunkt 1' });
  const boxes = within(within(point).getByRole('group', { name: /^Temaer/ })).getAllByRole('checkbox');
  expect(boxes.length).toBeGreaterThan(2);
  expect(boxes.filter((b) => b.tabIndex === 0)).toHaveLength(1);
  boxes[0]!.focus();
  await user.keyboard('{ArrowDown}');
  expect(boxes[1]).toHaveFocus();
  await user.keyboard(' ');
  expect(boxes[1]).toBeChecked();
  await user.keyboard('{ArrowUp}{ArrowUp}');
  expect(boxes.at(-1)).toHaveFocus();
  await user.tab();
  expect(within(point).getByLabelText('Beskrivelse af klagepunktet')).toHaveFocus();
  // Back in, Tab lands on the theme the adviser was on.
  await user.tab({ shift: true });
  expect(boxes.at(-1)).toHaveFocus();
});
