/**
 * Who acts: the start screen "Hvem er du?" (features/actor/), against the real backend. Nobody
 * chosen → the chooser, keyboard first and axe-clean; the choice is remembered by the backend and
 * carried by every call, so the history names the adviser; a person not on the list adds
 * themselves; "Skift rådgiver" switches without losing the intake draft.
 */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect, test } from 'vitest';
import type { RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
afterEach(() => { real.close(); });

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('nobody chosen: the start screen asks who you are, keyboard only, and the choice is remembered', async () => {
  real = freshBackend({ chosen: false });
  const { user } = renderAt('#/sager');
  const heading = await screen.findByRole('heading', { level: 1, name: 'Hvem er du?' });
  // The page focuses its heading in an effect after the first paint: wait for it, not for a clock.
  await waitFor(() => expect(heading).toHaveFocus());
  expect(document.title).toBe('Hvem er du? – Ombud');
  expect(screen.queryByRole('navigation', { name: 'Hovedmenu' })).not.toBeInTheDocument();
  expect(await violations()).toEqual([]);
  // The only active adviser is preselected; Tab reaches it, Enter continues.
  const only = screen.getByRole('radio', { name: 'Borgerrådgiver (BR)' });
  expect(only).toBeChecked();
  await user.tab();
  expect(only).toHaveFocus();
  await user.keyboard('{Enter}');
  expect(await screen.findByRole('heading', { level: 1, name: 'Sager' })).toBeInTheDocument();
  expect(screen.getByRole('navigation', { name: 'Hovedmenu' })).toBeInTheDocument();
  expect(screen.getByText('Borgerrådgiver', { selector: '.app-actor-name' })).toBeInTheDocument();
  expect(await real.call('actor:get', {})).toEqual({ adviserId: real.adviser.id });
});

test('with several advisers nobody is preselected; continuing without a choice says so, and arrow keys choose', async () => {
  real = freshBackend({ chosen: false });
  await real.call('catalog:add', { kind: 'adviser', name: 'Mette Jensen', parentId: null, initials: 'MJ', email: '' });
  const { user } = renderAt('#/sager');
  await screen.findByRole('heading', { level: 1, name: 'Hvem er du?' });
  const group = screen.getByRole('group', { name: 'Jeg er' });
  for (const r of within(group).getAllByRole('radio')) expect(r).not.toBeChecked();
  await user.click(screen.getByRole('button', { name: 'Fortsæt' }));
  expect(await screen.findByText('Vælg, hvem du er.')).toBeInTheDocument();
  const first = within(group).getAllByRole('radio')[0]!;
  expect(first).toHaveFocus();
  expect(await violations()).toEqual([]);
  await user.keyboard('{ArrowDown}');
  expect(screen.getByRole('radio', { name: 'Mette Jensen (MJ)' })).toBeChecked();
  await user.click(screen.getByRole('button', { name: 'Fortsæt' }));
  await screen.findByRole('heading', { level: 1, name: 'Sager' });
  const mette = (await real.call('settings:get', {})).advisers.find((a) => a.name === 'Mette Jensen')!;
  expect(await real.call('actor:get', {})).toEqual({ adviserId: mette.id });
});

test('the desk\'s default adviser (Indstillinger) is offered first', async () => {
  real = freshBackend({ chosen: false });
  const s = await real.call('catalog:add', { kind: 'adviser', name: 'Mette Jensen', parentId: null, initials: 'MJ', email: '' });
  await real.call('settings:set-current-adviser', { adviserId: s.advisers.find((a) => a.name === 'Mette Jensen')!.id });
  renderAt('#/sager');
  await screen.findByRole('heading', { level: 1, name: 'Hvem er du?' });
  expect(screen.getByRole('radio', { name: 'Mette Jensen (MJ)' })).toBeChecked();
  expect(screen.getByRole('radio', { name: 'Borgerrådgiver (BR)' })).not.toBeChecked();
});

test('every change carries the chosen adviser: the history names them, never the OS account', async () => {
  real = freshBackend({ chosen: false });
  await real.call('catalog:add', { kind: 'adviser', name: 'Mette Jensen', parentId: null, initials: 'MJ', email: '' });
  const arranged = (real.ctx.db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
  const { user } = renderAt('#/indstillinger');
  await user.click(await screen.findByRole('radio', { name: 'Mette Jensen (MJ)' }));
  await user.click(screen.getByRole('button', { name: 'Fortsæt' }));
  await user.type(await screen.findByLabelText('Nyt tema'), 'Ventetid');
  await user.click(screen.getByRole('button', { name: 'Tilføj tema' }));
  await waitFor(() => {
    const last = real.ctx.db.prepare("SELECT actor FROM audit_log WHERE action = 'Oprettet' ORDER BY id DESC LIMIT 1").get();
    expect(last).toEqual({ actor: 'Mette Jensen' });
  });
  // Everything since the test's own arrangement (done as the seeded adviser) is Mette's.
  const actors = real.ctx.db.prepare('SELECT DISTINCT actor FROM audit_log WHERE id > ?').all(arranged) as Array<{ actor: string }>;
  expect(actors.map((a) => a.actor)).toEqual(['Mette Jensen']);
});

test('someone not on the list adds themselves, recorded under their own name, and goes on as them', async () => {
  real = freshBackend({ chosen: false });
  const { user } = renderAt('#/sager');
  await screen.findByRole('heading', { level: 1, name: 'Hvem er du?' });
  await user.click(screen.getByRole('button', { name: 'Opret mig, og fortsæt' }));
  expect(await screen.findByText('Skriv dit navn.')).toBeInTheDocument();
  expect(screen.getByLabelText('Dit navn')).toHaveFocus();
  await user.type(screen.getByLabelText('Dit navn'), 'Søren Ærø Østergård');
  await user.type(screen.getByLabelText('Initialer'), 'SØ');
  await user.click(screen.getByRole('button', { name: 'Opret mig, og fortsæt' }));
  await screen.findByRole('heading', { level: 1, name: 'Sager' });
  expect(screen.getByText('Søren Ærø Østergård', { selector: '.app-actor-name' })).toBeInTheDocument();
  const created = real.ctx.db.prepare("SELECT actor, entity FROM audit_log WHERE entity = 'adviser'").all();
  expect(created).toEqual([{ actor: 'Søren Ærø Østergård', entity: 'adviser' }]);
});

test('a name already taken is refused next to the field, in Danish', async () => {
  real = freshBackend({ chosen: false });
  const { user } = renderAt('#/sager');
  await screen.findByRole('heading', { level: 1, name: 'Hvem er du?' });
  await user.type(screen.getByLabelText('Dit navn'), 'borgerrådgiver');
  await user.click(screen.getByRole('button', { name: 'Opret mig, og fortsæt' }));
  const field = screen.getByLabelText('Dit navn');
  await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
  expect(field).toHaveFocus();
  expect(screen.getByText(/findes allerede/)).toBeInTheDocument();
});

test('Skift rådgiver switches who acts, keeps the intake draft, and Annullér goes back unchanged', async () => {
  real = freshBackend();
  await real.call('catalog:add', { kind: 'adviser', name: 'Mette Jensen', parentId: null, initials: 'MJ', email: '' });
  const { user } = renderAt('#/ny');
  await user.type(await screen.findByLabelText('Borgerens navn'), 'Jens Hansen');
  // A new henvendelse is the acting adviser's by default.
  expect(screen.getByLabelText('Rådgiver')).toHaveDisplayValue('Borgerrådgiver (BR)');

  await user.click(screen.getByRole('button', { name: 'Skift rådgiver' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Hvem er du?' })).toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'Borgerrådgiver (BR)' })).toBeChecked();
  await user.click(screen.getByRole('button', { name: 'Annullér – fortsæt som Borgerrådgiver' }));
  expect(await screen.findByLabelText('Borgerens navn')).toHaveValue('Jens Hansen');

  await user.click(screen.getByRole('button', { name: 'Skift rådgiver' }));
  await user.click(await screen.findByRole('radio', { name: 'Mette Jensen (MJ)' }));
  await user.click(screen.getByRole('button', { name: 'Fortsæt' }));
  expect(await screen.findByLabelText('Borgerens navn')).toHaveValue('Jens Hansen');
  expect(screen.getByText('Mette Jensen', { selector: '.app-actor-name' })).toBeInTheDocument();
  expect(screen.getByLabelText('Rådgiver')).toHaveDisplayValue('Mette Jensen (MJ)');
  const mette = (await real.call('settings:get', {})).advisers.find((a) => a.name === 'Mette Jensen')!;
  expect(await real.call('actor:get', {})).toEqual({ adviserId: mette.id });
});
