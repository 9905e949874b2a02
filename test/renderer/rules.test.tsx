import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { NOT_FULLY_VERIFIED } from '../../shared/domain/rule';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';
import { createOwnRule, forvaltningId, themeId } from './rule-fixtures';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

const table = () => screen.getByRole('table', { name: 'Regler' });
const rowOf = (text: string | RegExp) => within(table()).getByRole('row', { name: text });

test('the Regler screen lists the shipped catalogue, filters by law and searches as the adviser types', async () => {
  const all = await real.call('rules:list', { search: '', lawShort: null, category: null, includeRetired: false });
  expect(all.length).toBeGreaterThan(40);
  const { user } = renderAt('#/regler');
  await screen.findByRole('heading', { level: 1, name: 'Regler' });
  expect(document.title).toBe('Regler – Ombud');
  await screen.findByText(`${all.length} regler`);
  expect(screen.getByRole('link', { name: /^Regler/ })).toHaveAttribute('aria-current', 'page');

  // Every rule that is not fully verified carries the mark in its row.
  const unverified = all.find((r) => r.verification !== 'yes' && r.role === 'norm');
  if (unverified) expect(rowOf(new RegExp(unverified.id))).toHaveTextContent(NOT_FULLY_VERIFIED);
  const verified = all.find((r) => r.verification === 'yes');
  if (verified) expect(rowOf(new RegExp(verified.id))).not.toHaveTextContent(NOT_FULLY_VERIFIED);

  const fvl = all.filter((r) => r.lawShort === 'FVL');
  expect(fvl.length).toBeGreaterThan(0);
  await user.selectOptions(screen.getByLabelText('Lov'), 'FVL');
  await screen.findByText(fvl.length === 1 ? '1 regel' : `${fvl.length} regler`);
  expect(within(table()).getAllByRole('row')).toHaveLength(fvl.length + 1);

  // The "/" hint is worded as on the Sager screen.
  expect(screen.getByRole('searchbox', { name: 'Søg' })).toHaveAccessibleDescription(/Tryk \/ for at søge\.$/);
  await user.type(screen.getByRole('searchbox', { name: 'Søg' }), 'partshøring');
  await waitFor(() => expect(within(table()).getAllByRole('row').length).toBeLessThan(fvl.length + 1));
  expect(rowOf(/fvl-19-partshoering/)).toBeInTheDocument();

  await user.selectOptions(screen.getByLabelText('Lov'), 'Alle love');
  await user.clear(screen.getByRole('searchbox', { name: 'Søg' }));
  await user.type(screen.getByRole('searchbox', { name: 'Søg' }), 'ingen regel hedder sådan');
  expect(await screen.findByText('Ingen regler matcher søgningen og filtrene.')).toBeInTheDocument();
});

test('retired rules are hidden unless "Vis udgåede" is ticked', async () => {
  await createOwnRule(real);
  await real.call('rules:set-retired', { id: 'kom-svarpolitik', retired: true });
  const { user } = renderAt('#/regler');
  const search = await screen.findByRole('searchbox', { name: 'Søg' });
  await user.type(search, 'kom-svarpolitik');
  expect(await screen.findByText('Ingen regler matcher søgningen og filtrene.')).toBeInTheDocument();
  await user.click(screen.getByLabelText('Vis udgåede'));
  expect(await screen.findByRole('link', { name: 'Svar på henvendelser inden 10 arbejdsdage' })).toBeInTheDocument();
  expect(rowOf(/kom-svarpolitik/)).toHaveTextContent('udgået');
});

test('"Ny regel" shows Danish errors next to the fields, then creates the rule and opens its page', async () => {
  const { user } = renderAt('#/regler');
  await user.click(await screen.findByRole('button', { name: 'Ny regel' }));
  const form = screen.getByRole('form', { name: 'Ny regel' });
  await user.type(within(form).getByLabelText('Id'), 'Kom Svar');
  await user.click(within(form).getByLabelText('Reglen fastsætter en frist'));
  await user.type(within(form).getByLabelText('Antal'), '10');
  await user.type(within(form).getByLabelText('Kilder'), 'www.example.dk/svarpolitik');
  await user.type(within(form).getByLabelText('Henvisning i breve'), 'https://www.example.dk/svarpolitik');
  await user.click(within(form).getByRole('button', { name: 'Opret regel' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('Reglen er ikke gemt');
  expect(within(form).getByLabelText('Id')).toHaveAccessibleDescription(/små bogstaver, tal og bindestreg/);
  expect(within(form).getByLabelText('Titel')).toHaveAccessibleDescription('Giv reglen en titel.');
  expect(within(form).getByLabelText('Antal')).toHaveAccessibleDescription('Angiv både antal og enhed, eller ingen af dem.');
  expect(within(form).getByLabelText('Kilder')).toHaveAccessibleDescription(/Linje 1: En kilde skal være en https-adresse/);
  // A letter cites the law, never a web page; and an own deadline must say whose it is.
  expect(within(form).getByLabelText('Henvisning i breve')).toHaveAccessibleDescription(/ikke en webadresse/);
  expect(within(form).getByLabelText('Hvis frist')).toHaveAccessibleDescription(/Angiv, hvis frist det er/);
  await user.clear(within(form).getByLabelText('Henvisning i breve'));
  await user.type(within(form).getByLabelText('Henvisning i breve'), 'Kommunens svarpolitik, pkt. 2');
  await user.selectOptions(within(form).getByLabelText('Hvis frist'), 'Lokal målsætning');
  await user.type(within(form).getByLabelText('Det skal være sket senest på dagen'), 'et svar på henvendelsen');

  await user.clear(within(form).getByLabelText('Id'));
  await user.type(within(form).getByLabelText('Id'), 'kom-svarpolitik');
  await user.type(within(form).getByLabelText('Lovens forkortelse'), 'KOM');
  await user.type(within(form).getByLabelText('Lovens fulde navn'), 'Kommunens svarpolitik');
  await user.type(within(form).getByLabelText('Paragraf'), 'Svarpolitik, pkt. 2');
  await user.type(within(form).getByLabelText('Titel'), 'Svar inden 10 arbejdsdage');
  await user.type(within(form).getByLabelText('Kategori'), 'Svarfrister');
  await user.type(within(form).getByLabelText('Resumé'), 'Kommunen svarer på skriftlige henvendelser inden 10 arbejdsdage.');
  await user.selectOptions(within(form).getByLabelText('Enhed'), 'arbejdsdage');
  await user.type(within(form).getByLabelText('Løber fra'), 'kommunens modtagelse af henvendelsen');
  await user.clear(within(form).getByLabelText('Kilder'));
  await user.type(within(form).getByLabelText('Kilder'), 'https://www.example.dk/svarpolitik');
  await user.click(within(form).getByRole('button', { name: 'Opret regel' }));

  expect(await screen.findByRole('heading', { level: 1, name: 'KOM Svarpolitik, pkt. 2 – Svar inden 10 arbejdsdage' })).toBeInTheDocument();
  expect(window.location.hash).toBe('#/regler/kom-svarpolitik');
  expect(screen.getByText(/^10 arbejdsdage fra kommunens modtagelse af henvendelsen/)).toBeInTheDocument();
  // New own rules start as "Ikke verificeret", so the page carries the mark.
  expect(screen.getAllByText(NOT_FULLY_VERIFIED).length).toBeGreaterThan(0);
  const stored = await real.call('rules:get', { id: 'kom-svarpolitik' });
  expect(stored.rule).toMatchObject({
    origin: 'own', lawShort: 'KOM', citation: 'Kommunens svarpolitik, pkt. 2', role: 'norm', sources: ['https://www.example.dk/svarpolitik'],
    deadline: { amount: 10, unit: 'arbejdsdage', rollForward: false, owner: 'maal', owes: 'et svar på henvendelsen' },
  });
  expect(screen.getByText('Lokal målsætning')).toBeInTheDocument();
});

test('the rule page shows the deadline, sources as external links, the mark, and every klagepunkt that cites it', async () => {
  await createOwnRule(real);
  const social = await forvaltningId(real, 'Social');
  const created = await createCase(real, {
    points: [
      { forvaltningId: social, afdelingId: null, themeIds: [], description: '', outcome: 'kritik',
        rules: [{ ruleId: 'kom-svarpolitik', assessment: 'ikke_overholdt', reasoning: 'Borgeren ventede 31 arbejdsdage på svar.' }] },
    ],
  });
  const { user } = renderAt('#/regler/kom-svarpolitik');
  await screen.findByRole('heading', { level: 1, name: /Svar på henvendelser inden 10 arbejdsdage/ });
  expect(screen.getByText(/^10 arbejdsdage fra kommunens modtagelse af henvendelsen/)).toBeInTheDocument();
  expect(screen.getByText(/forlænges fristen til næste arbejdsdag/)).toBeInTheDocument();
  const source = screen.getByRole('link', { name: 'https://www.example.dk/svarpolitik' });
  expect(source).toHaveAttribute('target', '_blank');
  expect(source).toHaveAttribute('rel', 'noreferrer');
  expect(screen.getByText(NOT_FULLY_VERIFIED)).toBeInTheDocument();
  expect(screen.getByText(/Delvist verificeret – Kun kontrolleret mod den trykte udgave\./)).toBeInTheDocument();

  const citations = screen.getByRole('table', { name: 'Klagepunkter, der henviser til reglen' });
  const row = within(citations).getByRole('row', { name: new RegExp(created.sagsnr) });
  expect(row).toHaveTextContent('10.03.2025');
  expect(row).toHaveTextContent('Klagepunkt 1');
  expect(row).toHaveTextContent('Social');
  expect(row).toHaveTextContent('Ikke overholdt');
  expect(row).toHaveTextContent('Borgeren ventede 31 arbejdsdage på svar.');
  await user.click(within(row).getByRole('link', { name: created.sagsnr }));
  expect(await screen.findByRole('heading', { level: 1, name: `Henvendelse ${created.sagsnr}` })).toBeInTheDocument();
});

test('the rule page edits the rule, retires it, and sets the themes that suggest it', async () => {
  await createOwnRule(real);
  const manglendeSvar = await themeId(real, 'Manglende svar');
  const { user } = renderAt('#/regler/kom-svarpolitik');
  await screen.findByRole('heading', { level: 1, name: /Svar på henvendelser/ });

  await user.click(screen.getByRole('checkbox', { name: 'Manglende svar' }));
  await waitFor(async () => expect(await real.call('rules:suggest', { themeIds: [manglendeSvar] })).toContain('kom-svarpolitik'));
  await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Manglende svar' })).toBeChecked());

  await user.click(screen.getByRole('button', { name: 'Ret reglen' }));
  const form = screen.getByRole('form', { name: 'Ret reglen' });
  await user.selectOptions(within(form).getByLabelText('Verificering'), 'Verificeret');
  await user.click(within(form).getByRole('button', { name: 'Gem reglen' }));
  expect(await screen.findByText('Reglen er gemt.')).toBeInTheDocument();
  expect(screen.queryByText(NOT_FULLY_VERIFIED)).not.toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Markér reglen som udgået' }));
  expect(await screen.findByRole('button', { name: 'Tag reglen i brug igen' })).toBeInTheDocument();
  expect((await real.call('rules:list', { search: 'svarpolitik', lawShort: null, category: null, includeRetired: false })).map((r) => r.id)).not.toContain('kom-svarpolitik');
});

test('editing a shipped rule warns that new catalogue versions will leave it alone, and keeps its role', async () => {
  const { user } = renderAt('#/regler/fvl-19-partshoering');
  await screen.findByRole('heading', { level: 1, name: /Partshøring/i });
  await user.click(screen.getByRole('button', { name: 'Ret reglen' }));
  expect(screen.getByText(/ikke længere opdateret af nye versioner af kataloget/)).toBeInTheDocument();
  const form = screen.getByRole('form', { name: 'Ret reglen' });
  expect(within(form).queryByLabelText('Rolle')).not.toBeInTheDocument();
  expect(within(form).getByLabelText('Henvisning i breve')).toHaveValue(
    'forvaltningslovens § 19, stk. 1, jf. lovbekendtgørelse nr. 433 af 22. april 2014, som ændret ved lov nr. 503 af 23. maj 2018',
  );
  expect(within(form).getByLabelText('Hvis frist')).toHaveDisplayValue('Borgerens frist');
});

test('background rules are listed apart, with a one-line explanation and the mark', async () => {
  renderAt('#/regler');
  const section = await screen.findByRole('region', { name: 'Baggrund' });
  expect(section).toHaveTextContent(/kan ikke registreres som »ikke overholdt«/);
  const background = within(section).getByRole('table', { name: 'Baggrundsregler' });
  const aflysning = within(background).getByRole('row', { name: /gfs-aflysning-moeder/ });
  expect(aflysning).toHaveTextContent(NOT_FULLY_VERIFIED);
  expect(within(background).getByRole('row', { name: /lab-reform-2026/ })).toBeInTheDocument();
  // sdp-27 was downgraded to partial by the reference: background, and marked.
  expect(within(background).getByRole('row', { name: /sdp-27-forlaengelse/ })).toHaveTextContent(NOT_FULLY_VERIFIED);
  expect(within(table()).queryByRole('row', { name: /gfs-aflysning-moeder/ })).not.toBeInTheDocument();
  expect(rowOf(/fvl-19-partshoering/)).toBeInTheDocument();
});

test('a background rule’s page says it cannot be recorded as breached and how to rely on it, and offers no themes', async () => {
  renderAt('#/regler/gfs-aflysning-moeder');
  await screen.findByRole('heading', { level: 1, name: /Aflysning af møder/ });
  const note = screen.getByRole('note', { name: 'Baggrund' });
  expect(note).toHaveTextContent(/kan ikke registreres som »ikke overholdt«/);
  expect(note).toHaveTextContent(/opret en egen regel .* du står selv inde for/);
  expect(screen.getAllByText(NOT_FULLY_VERIFIED).length).toBeGreaterThan(0);
  expect(screen.queryByRole('region', { name: 'Foreslås ved temaerne' })).not.toBeInTheDocument();
  const facts = screen.getByRole('region', { name: 'Reglen' });
  expect(within(facts).getByText('Rolle').nextElementSibling).toHaveTextContent(/^Baggrund – beskriver baggrund/);
});

test('a rule’s page shows the formal citation for letters, whose deadline it is and what is due', async () => {
  renderAt('#/regler/ofl-36-frist');
  await screen.findByRole('heading', { level: 1, name: /Frist for aktindsigt/ });
  const facts = screen.getByRole('region', { name: 'Reglen' });
  const value = (term: string) => within(facts).getByText(term).nextElementSibling;
  expect(value('Henvisning i breve')).toHaveTextContent('offentlighedslovens § 36, stk. 2, jf. lovbekendtgørelse nr. 145 af 24. februar 2020');
  expect(value('Rolle')).toHaveTextContent('Retsregel');
  expect(value('Hvis frist')).toHaveTextContent('Lovbestemt frist for myndigheden');
  expect(value('Skal være sket senest på dagen')).toHaveTextContent('en afgørelse eller besked om, hvornår den kommer');
  expect(screen.queryByRole('note', { name: 'Baggrund' })).not.toBeInTheDocument();
});
