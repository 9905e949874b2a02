import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

function themes(): HTMLElement {
  return screen.getByRole('list', { name: 'Temaer' });
}

test('add a theme, retire it (no longer offered on intake) and take it into use again', async () => {
  const { user } = renderAt('#/indstillinger');
  await user.type(await screen.findByLabelText('Nyt tema'), 'Ventetid på hjælpemidler');
  await user.click(screen.getByRole('button', { name: 'Tilføj tema' }));
  expect(await within(themes()).findByText('Ventetid på hjælpemidler')).toBeInTheDocument();
  expect(screen.getByLabelText('Nyt tema')).toHaveValue('');
  expect((await real.call('settings:get', {})).themes.some((t) => t.name === 'Ventetid på hjælpemidler' && !t.retired)).toBe(true);

  await user.click(screen.getByRole('button', { name: 'Markér som udgået: temaet Ventetid på hjælpemidler' }));
  expect(await screen.findByRole('button', { name: 'Tag i brug igen: temaet Ventetid på hjælpemidler' })).toBeInTheDocument();
  expect((await real.call('settings:get', {})).themes.find((t) => t.name === 'Ventetid på hjælpemidler')?.retired).toBe(true);

  await user.click(screen.getByRole('link', { name: 'Ny henvendelse' }));
  const p1 = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  expect(within(p1).queryByLabelText('Ventetid på hjælpemidler')).not.toBeInTheDocument();
  expect(within(p1).getByLabelText('Partshøring')).toBeInTheDocument();

  await user.click(screen.getByRole('link', { name: 'Indstillinger' }));
  await user.click(await screen.findByRole('button', { name: 'Tag i brug igen: temaet Ventetid på hjælpemidler' }));
  await waitFor(async () => expect((await real.call('settings:get', {})).themes.find((t) => t.name === 'Ventetid på hjælpemidler')?.retired).toBe(false));
});

test('deleting a forvaltning in use is refused with the backend\'s Danish message; an unused one is deleted', async () => {
  await createCase(real); // uses the first forvaltning
  const settings = await real.call('settings:get', {});
  const used = settings.forvaltninger[0];
  const unused = settings.forvaltninger.find((f) => f.name === 'Økonomi og Administration');
  if (!used || !unused) throw new Error('seed mangler');

  const { user } = renderAt('#/indstillinger');
  await user.click(await screen.findByRole('button', { name: `Slet: forvaltningen ${used.name}` }));
  const org = screen.getByRole('region', { name: 'Organisation' });
  const alert = await within(org).findByText(new RegExp(`Forvaltningen »${used.name}« er i brug .* og kan ikke slettes`));
  expect(alert.closest('[role="alert"]')).not.toBeNull();
  expect(screen.getByRole('list', { name: 'Forvaltninger' })).toHaveTextContent(used.name);
  expect((await real.call('settings:get', {})).forvaltninger.some((f) => f.id === used.id)).toBe(true);

  await user.click(screen.getByRole('button', { name: `Slet: forvaltningen ${unused.name}` }));
  expect(await within(org).findByText(`Forvaltningen ${unused.name} er slettet.`)).toBeInTheDocument();
  expect(screen.getByRole('list', { name: 'Forvaltninger' })).not.toHaveTextContent(unused.name);
  expect((await real.call('settings:get', {})).forvaltninger.some((f) => f.id === unused.id)).toBe(false);
});

test('rename an afdeling inline and add one under a forvaltning', async () => {
  const settings = await real.call('settings:get', {});
  const social = settings.forvaltninger.find((f) => f.name === 'Social');
  const afd = social?.afdelinger[0];
  if (!social || !afd) throw new Error('seed mangler');
  const { user } = renderAt('#/indstillinger');
  await user.click(await screen.findByRole('button', { name: `Omdøb: afdelingen ${afd.name}` }));
  const input = screen.getByLabelText(`Nyt navn til afdelingen ${afd.name}`);
  await user.clear(input);
  await user.type(input, 'Voksenhandicap{Enter}');
  await waitFor(async () => expect((await real.call('settings:get', {})).forvaltninger.find((f) => f.id === social.id)?.afdelinger[0]?.name).toBe('Voksenhandicap'));

  await user.type(screen.getByLabelText('Ny afdeling under Social'), 'Misbrugscenter');
  await user.click(screen.getByRole('button', { name: 'Tilføj afdeling under Social' }));
  expect(await within(screen.getByRole('list', { name: 'Afdelinger under Social' })).findByText('Misbrugscenter')).toBeInTheDocument();
});

test('advisers: add one, make them the current adviser, and the municipality name shows in the header', async () => {
  const { user } = renderAt('#/indstillinger');
  await user.type(await screen.findByLabelText('Rådgiverens navn'), 'Søren Ærø');
  await user.type(screen.getByLabelText('Initialer'), 'SÆ');
  await user.type(screen.getByLabelText('Rådgiverens e-mail'), 'soeren@kommune.dk');
  await user.click(screen.getByRole('button', { name: 'Tilføj rådgiver' }));
  expect(await within(screen.getByRole('list', { name: 'Rådgivere' })).findByText('Søren Ærø')).toBeInTheDocument();

  await user.selectOptions(screen.getByLabelText('Aktuel rådgiver'), 'Søren Ærø');
  await waitFor(async () => {
    const s = await real.call('settings:get', {});
    expect(s.advisers.find((a) => a.id === s.currentAdviserId)?.name).toBe('Søren Ærø');
  });

  const name = screen.getByLabelText('Kommunens navn');
  await user.clear(name);
  await user.type(name, 'Ærøskøbing Kommune');
  await user.click(screen.getByRole('button', { name: 'Gem kommunens navn' }));
  expect(await within(screen.getByRole('banner')).findByText('Ærøskøbing Kommune')).toBeInTheDocument();
});

test('a bad adviser e-mail is refused with the field message', async () => {
  const { user } = renderAt('#/indstillinger');
  await user.type(await screen.findByLabelText('Rådgiverens navn'), 'Bo');
  await user.type(screen.getByLabelText('Rådgiverens e-mail'), 'ikke-en-adresse');
  await user.click(screen.getByRole('button', { name: 'Tilføj rådgiver' }));
  const region = screen.getByRole('region', { name: 'Rådgivere' });
  expect(await within(region).findByText(/E-mailadressen ser ikke rigtig ud/)).toBeInTheDocument();
});

test('competence reasons: the municipality adds its own, it is offered per klagepunkt, and a retired one is not', async () => {
  const { user } = renderAt('#/indstillinger');
  const section = await screen.findByRole('region', { name: 'Kompetencegrunde' });
  const list = within(section).getByRole('list', { name: 'Kompetencegrunde' });
  expect(within(list).getByText('Fuldmagt mangler')).toBeInTheDocument();
  await user.type(within(section).getByLabelText('Ny kompetencegrund'), 'Sag hos Udbetaling Danmark');
  await user.click(within(section).getByRole('button', { name: 'Tilføj kompetencegrund' }));
  expect(await within(list).findByText('Sag hos Udbetaling Danmark')).toBeInTheDocument();

  // "Ikke forelagt forvaltningen" is a step, not a reason: refused with the reason why.
  await user.type(within(section).getByLabelText('Ny kompetencegrund'), 'Ikke forelagt forvaltningen');
  await user.click(within(section).getByRole('button', { name: 'Tilføj kompetencegrund' }));
  expect(await within(section).findByText(/er ikke en kompetencegrund, men et trin/)).toBeInTheDocument();

  await user.click(within(section).getByRole('button', { name: 'Markér som udgået: kompetencegrunden Ansættelsesforhold' }));
  expect(await within(section).findByRole('button', { name: 'Tag i brug igen: kompetencegrunden Ansættelsesforhold' })).toBeInTheDocument();

  await user.click(screen.getByRole('link', { name: 'Ny henvendelse' }));
  const p1 = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  const options = within(within(p1).getByLabelText('Kompetence')).getAllByRole('option').map((o) => o.textContent);
  expect(options).toContain('Uden for: Sag hos Udbetaling Danmark');
  expect(options).not.toContain('Uden for: Ansættelsesforhold');
  expect(options[0]).toBe('Inden for kompetence');
});
