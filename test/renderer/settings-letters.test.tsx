/**
 * Indstillinger for the letters: Brevpapir (the sender's lines and the logo), the adviser's title
 * under the signature, and the phrase library (Standardtekster), each through the real backend.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { jpegImage, pngImage } from '../fixtures/images';
import type { RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); vi.restoreAllMocks(); });

const fileOf = (bytes: Uint8Array, name: string, type: string) => new File([new Uint8Array(bytes)], name, { type });

test('Brevpapir: the sender\'s lines are saved and previewed; too many lines are refused next to the field', async () => {
  const { user } = renderAt('#/indstillinger');
  const section = await screen.findByRole('region', { name: 'Brevpapir' });
  const office = await within(section).findByLabelText('Afsender');
  expect(office).toHaveValue('Borgerrådgiveren');
  await user.clear(office);
  await user.type(office, 'Borgerrådgiveren i Ærø');
  await user.type(within(section).getByLabelText('Adresse'), 'Statene 2{Enter}{Enter}5970 Ærøskøbing');
  await user.type(within(section).getByLabelText('Kontaktoplysninger'), 'Tlf. 63 52 50 00');
  await user.click(within(section).getByRole('button', { name: 'Gem brevpapir' }));
  expect(await within(section).findByText('Brevpapiret er gemt. Nye breve og udtalelser bruger det.')).toBeInTheDocument();
  expect(await real.call('letterhead:get', {})).toMatchObject({
    office: 'Borgerrådgiveren i Ærø', addressLines: ['Statene 2', '5970 Ærøskøbing'], contactLines: ['Tlf. 63 52 50 00'],
  });
  const preview = within(section).getByRole('figure', { name: 'Sådan står afsenderen i brevene' });
  expect(preview).toHaveTextContent('Borgerrådgiveren i Ærø');
  expect(preview).toHaveTextContent('5970 Ærøskøbing');

  await user.type(within(section).getByLabelText('Adresse'), '{Enter}3{Enter}4{Enter}5{Enter}6{Enter}7');
  await user.click(within(section).getByRole('button', { name: 'Gem brevpapir' }));
  const address = within(section).getByLabelText('Adresse');
  expect(address).toHaveAccessibleDescription(expect.stringContaining('Der må højst være 6 linjer i adressen (der er 7).'));
  expect((await real.call('letterhead:get', {})).addressLines).toHaveLength(2);
});

test('Brevpapir: a PNG logo is shown and removed; a renamed file and a large one are refused with the reason', async () => {
  const { user } = renderAt('#/indstillinger');
  const section = await screen.findByRole('region', { name: 'Brevpapir' });
  await user.upload(await within(section).findByLabelText('Vælg logo'), fileOf(pngImage(), 'logo.png', 'image/png'));
  expect(await within(section).findByRole('img', { name: 'Det nuværende logo i brevene' })).toBeInTheDocument();
  expect(within(section).getByText('Logoet «logo.png» er gemt og står nu i brevene.')).toBeInTheDocument();
  expect((await real.call('letterhead:get', {})).logo?.mediaType).toBe('image/png');

  await user.click(within(section).getByRole('button', { name: 'Fjern logo' }));
  expect(await within(section).findByText('Brevene har intet logo.')).toBeInTheDocument();
  expect((await real.call('letterhead:get', {})).logo).toBeNull();

  // A JPEG renamed to .png: the content says what it is.
  await user.upload(within(section).getByLabelText('Vælg logo'), fileOf(jpegImage(), 'omdøbt.png', 'image/png'));
  expect(await within(section).findByLabelText('Vælg logo')).toHaveAccessibleDescription(
    expect.stringContaining('«omdøbt.png» hedder .png, men indholdet er ikke et PNG-billede. Filen kan være beskadiget eller omdøbt.'),
  );
  const big = new Uint8Array(1024 * 1024 + 200_000);
  big.set(pngImage());
  await user.upload(within(section).getByLabelText('Vælg logo'), fileOf(big, 'stort.png', 'image/png'));
  expect(await within(section).findByText('«stort.png» fylder 1,2 MB. Logoet må højst fylde 1 MB – gem det i en mindre udgave og prøv igen.')).toBeInTheDocument();
  expect((await real.call('letterhead:get', {})).logo).toBeNull();
});

test('an adviser\'s title under the signature is edited with the adviser, and too long a title is refused', async () => {
  const { user } = renderAt('#/indstillinger');
  const region = await screen.findByRole('region', { name: 'Rådgivere' });
  const target = `rådgiveren ${real.adviser.name}`;
  await user.click(within(region).getByRole('button', { name: `Redigér: ${target}` }));
  const title = within(region).getByLabelText(`Titel (under underskriften) for ${target}`);
  expect(title).toHaveValue('Borgerrådgiver');
  await user.clear(title);
  await user.type(title, 'x'.repeat(121));
  await user.click(within(region).getByRole('button', { name: `Gem: ${target}` }));
  expect(title).toHaveAccessibleDescription(expect.stringContaining('Titlen må højst være 120 tegn.'));
  await user.clear(title);
  await user.type(title, 'Chefkonsulent');
  await user.click(within(region).getByRole('button', { name: `Gem: ${target}` }));
  await waitFor(async () => expect((await real.call('settings:get', {})).advisers.find((a) => a.id === real.adviser.id)?.title).toBe('Chefkonsulent'));
  expect(await within(region).findByText(/Chefkonsulent/)).toBeInTheDocument();
});

test('Standardtekster: add one for a rule, edit it inline, move it, and delete it after a confirmation', async () => {
  const { user } = renderAt('#/indstillinger');
  const section = await screen.findByRole('region', { name: 'Standardtekster' });
  expect(await within(section).findByRole('list', { name: 'Standardtekster: Kritisabelt' })).toHaveTextContent('Kritisabelt – med henstilling');

  // Nothing chosen: each field says what is missing.
  await user.selectOptions(within(section).getByLabelText('Hører til'), 'regel');
  await user.click(within(section).getByRole('button', { name: 'Tilføj standardtekst' }));
  expect(within(section).getByLabelText('Regel')).toHaveAccessibleDescription(expect.stringContaining('Vælg den regel, standardteksten hører til.'));
  expect(within(section).getByLabelText('Overskrift')).toHaveAccessibleDescription(expect.stringContaining('Skriv en overskrift til standardteksten.'));
  expect(within(section).getByLabelText('Regel')).toHaveFocus();

  await waitFor(() => expect(within(within(section).getByLabelText('Regel')).getAllByRole('option').length).toBeGreaterThan(10));
  await user.selectOptions(within(section).getByLabelText('Regel'), 'FVL § 22 – Begrundelsespligt');
  await user.type(within(section).getByLabelText('Overskrift'), 'Begrundelse – skabelon');
  await user.type(within(section).getByLabelText('Tekst'), 'Afgørelsen manglede en begrundelse for …');
  await user.click(within(section).getByRole('button', { name: 'Tilføj standardtekst' }));
  const list = await within(section).findByRole('list', { name: 'Standardtekster: FVL § 22 – Begrundelsespligt' });
  expect(await within(list).findByText('Begrundelse – skabelon')).toBeInTheDocument();
  expect(within(list).getAllByRole('listitem').map((li) => within(li).getByText(/^Begrundelse/, { selector: '.entry-name' }).textContent))
    .toEqual(['Begrundelse', 'Begrundelse – skabelon']);

  await user.click(within(list).getByRole('button', { name: 'Flyt op: standardteksten Begrundelse – skabelon' }));
  await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Begrundelse – skabelon'));
  await waitFor(() => expect(within(list).getByRole('button', { name: 'Flyt ned: standardteksten Begrundelse – skabelon' })).toHaveFocus());

  await user.click(within(list).getByRole('button', { name: 'Redigér: standardteksten Begrundelse – skabelon' }));
  const text = within(list).getByLabelText('Tekst');
  await user.clear(text);
  await user.click(within(list).getByRole('button', { name: 'Gem: standardteksten Begrundelse – skabelon' }));
  expect(text).toHaveAccessibleDescription(expect.stringContaining('Skriv selve standardteksten.'));
  await user.type(text, 'Forvaltningen begrundede ikke …');
  await user.click(within(list).getByRole('button', { name: 'Gem: standardteksten Begrundelse – skabelon' }));
  expect(await within(list).findByText('Forvaltningen begrundede ikke …')).toBeInTheDocument();

  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
  await user.click(within(list).getByRole('button', { name: 'Slet: standardteksten Begrundelse – skabelon' }));
  expect(confirm).toHaveBeenCalledWith('Vil du slette standardteksten »Begrundelse – skabelon«? Den kan ikke hentes igen, men teksten står i historikken.');
  await waitFor(() => expect(within(list).queryByText('Begrundelse – skabelon')).not.toBeInTheDocument());
  const left = await real.call('phrases:list', {});
  expect(left.filter((p) => p.key === 'fvl-22-begrundelse').map((p) => p.title)).toEqual(['Begrundelse']);
});
