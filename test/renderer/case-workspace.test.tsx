/**
 * The case page as a workspace: the header, the sections as tabs (keyboard and URL), read first and
 * edit on purpose (R, Escape, Annullér, the unsaved-edits guard across sections), closing with the
 * open items listed, and the status that follows the requests.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { UNSAVED_CHANGES_QUESTION } from '../../renderer/src/app/router';
import { DeadlineState } from '../../shared/domain/deadline-tracking';
import { createCase, type RealApi } from './real-api';
import { showSection } from './case-workspace-helpers';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); vi.restoreAllMocks(); });

const header = () => screen.getByRole('region', { name: 'Sagens hoved' });

async function sendRequest(caseId: number, forvaltningId: number, sentOn = '2025-03-11') {
  return real.call('requests:create', { input: { caseId, forvaltningId, kind: 'redegoerelse', sentOn, spec: null, note: '' } });
}

test('the header shows who and what, the next deadline with its state and the citizen\'s klagefrist', async () => {
  const settings = await real.call('settings:get', {});
  const adviser = settings.advisers[0]!;
  const created = await createCase(real, {
    citizenName: 'Åse Margrethe Ørsted-Kristiansen Vestergaard-Frederiksen', adviserId: adviser.id,
    citizen: { name: 'Åse Margrethe Ørsted-Kristiansen Vestergaard-Frederiksen', address: '', phone: '', email: '', cpr: '010190-1234' },
  });
  await real.call('klagefrist:set', { caseId: created.id, notice: { notifiedOn: '2025-03-03', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } } });
  const klagefrist = (await real.call('klagefrist:get', { caseId: created.id })).klagefrist!;
  const next = (await real.call('cases:next-deadline', { id: created.id })).next!;
  const { user } = renderAt(`#/sager/${created.id}`);
  await screen.findByRole('heading', { level: 1, name: `Henvendelse ${created.sagsnr}` });
  const h = header();
  expect(h).toHaveTextContent(created.sagsnr);
  expect(h).toHaveTextContent('Åse Margrethe Ørsted-Kristiansen Vestergaard-Frederiksen');
  expect(h).toHaveTextContent('010190-••••');
  expect(h).not.toHaveTextContent('010190-1234');
  expect(h).toHaveTextContent('TypeKlage');
  expect(h).toHaveTextContent('Modtaget følger sagen');
  expect(h).toHaveTextContent(`Rådgiver${adviser.name}`);
  const dd = (d: string) => d.split('-').reverse().join('.');
  await waitFor(() => expect(h).toHaveTextContent(`Næste frist${dd(next.dueOn)}`));
  const nextCell = within(h).getByText('Næste frist').parentElement as HTMLElement;
  expect(within(nextCell).getByText(DeadlineState.label(next.state), { selector: '.badge' })).toBeInTheDocument();
  // The klagefrist in the banner's words; near or passed, announced.
  expect(h).toHaveTextContent(`Borgerens klagefrist udløber ${dd(klagefrist.dueOn)}`);

  await user.click(within(h).getByRole('button', { name: 'Vis CPR-nummer' }));
  await waitFor(() => expect(h).toHaveTextContent('010190-1234'));
  await user.click(within(h).getByRole('button', { name: 'Skjul CPR-nummer' }));
  expect(h).toHaveTextContent('010190-••••');
});

test('the sections are tabs: arrows, Home/End and Alt+Shift+digit select one, and the URL keeps it', async () => {
  const created = await createCase(real);
  const { user, unmount } = renderAt(`#/sager/${created.id}`);
  const overblik = await screen.findByRole('tab', { name: 'Overblik' });
  expect(overblik).toHaveAttribute('aria-selected', 'true');
  expect(screen.getByRole('tabpanel', { name: 'Overblik' })).toBeInTheDocument();
  expect(screen.getAllByRole('tab').map((t) => [t.textContent, t.getAttribute('aria-keyshortcuts')])).toEqual([
    ['Overblik', 'Alt+Shift+1'], ['Klagepunkter', 'Alt+Shift+2'], ['Henvendelsen', 'Alt+Shift+3'], ['Akter og journal', 'Alt+Shift+4'],
    ['Anmodninger og frister', 'Alt+Shift+5'], ['Henstillinger', 'Alt+Shift+6'], ['Udtalelse', 'Alt+Shift+7'], ['Historik', 'Alt+Shift+8'],
  ]);

  overblik.focus();
  await user.keyboard('{ArrowRight}');
  await waitFor(() => expect(window.location.hash).toBe(`#/sager/${created.id}/klagepunkter`));
  expect(await screen.findByRole('tab', { name: 'Klagepunkter', selected: true })).toHaveFocus();
  await user.keyboard('{End}');
  await screen.findByRole('tabpanel', { name: 'Historik' });
  expect(window.location.hash).toBe(`#/sager/${created.id}/historik`);
  await user.keyboard('{ArrowRight}');
  await screen.findByRole('tabpanel', { name: 'Overblik' });
  await user.keyboard('{ArrowLeft}');
  await screen.findByRole('tabpanel', { name: 'Historik' });
  await user.keyboard('{Home}');
  await screen.findByRole('tabpanel', { name: 'Overblik' });
  await user.keyboard('{Alt>}{Shift>}5{/Shift}{/Alt}');
  await screen.findByRole('tabpanel', { name: 'Anmodninger og frister' });
  expect(window.location.hash).toBe(`#/sager/${created.id}/anmodninger`);
  // The main navigation's Alt+digit still goes between screens.
  await user.keyboard('{Alt>}7{/Alt}');
  await screen.findByRole('heading', { level: 1, name: 'Frister' });
  unmount();

  // Reloaded at a section, the page opens there; an unknown section shows Overblik.
  renderAt(`#/sager/${created.id}/henstillinger`);
  expect(await screen.findByRole('tab', { name: 'Henstillinger', selected: true })).toBeInTheDocument();
});

test('an unknown section opens Overblik', async () => {
  const created = await createCase(real);
  renderAt(`#/sager/${created.id}/findes-ikke`);
  expect(await screen.findByRole('tab', { name: 'Overblik', selected: true })).toBeInTheDocument();
});

test('R works from the selected tab too, where Alt+Shift+digit leaves the focus', async () => {
  const created = await createCase(real, { summary: 'Ventetid på svar' });
  const { user } = renderAt(`#/sager/${created.id}`);
  await screen.findByRole('tabpanel', { name: 'Overblik' });
  await user.keyboard('{Alt>}{Shift>}3{/Shift}{/Alt}');
  await screen.findByRole('tabpanel', { name: 'Henvendelsen' });
  screen.getByRole('tab', { name: 'Henvendelsen' }).focus();
  await user.keyboard('r');
  expect(await screen.findByLabelText('Resumé')).toHaveValue('Ventetid på svar');
});

test('read first: R opens the editor, Escape leaves it and asks when there are edits, and switching section with edits asks', async () => {
  const created = await createCase(real, { summary: 'Ventetid på svar' });
  const { user } = renderAt(`#/sager/${created.id}/henvendelsen`);
  const panel = await screen.findByRole('tabpanel', { name: 'Henvendelsen' });
  expect(panel).toHaveTextContent('ResuméVentetid på svar');
  expect(screen.queryByLabelText('Resumé')).not.toBeInTheDocument();
  panel.focus();
  await user.keyboard('r');
  const summary = await screen.findByLabelText('Resumé');
  // R typed in a field is a letter, not "Rediger".
  await user.type(summary, ' r');
  expect(summary).toHaveValue('Ventetid på svar r');

  const asked: string[] = [];
  let answer = false;
  vi.spyOn(window, 'confirm').mockImplementation((q?: string) => { asked.push(q ?? ''); return answer; });
  await user.keyboard('{Escape}');
  expect(asked).toEqual([UNSAVED_CHANGES_QUESTION]);
  expect(screen.getByLabelText('Resumé')).toHaveValue('Ventetid på svar r');

  // Another section with edits: asked, refused, nothing lost.
  await user.click(screen.getByRole('tab', { name: 'Overblik' }));
  expect(asked).toHaveLength(2);
  expect(window.location.hash).toBe(`#/sager/${created.id}/henvendelsen`);
  expect(screen.getByLabelText('Resumé')).toHaveValue('Ventetid på svar r');

  answer = true;
  await user.click(screen.getByRole('button', { name: /^Annullér/ }));
  expect(asked).toHaveLength(3);
  await waitFor(() => expect(screen.queryByLabelText('Resumé')).not.toBeInTheDocument());
  expect(screen.getByRole('tabpanel', { name: 'Henvendelsen' })).toHaveTextContent('ResuméVentetid på svar');
  // Focus goes back to where editing started, once the editor is gone.
  await waitFor(() => expect(screen.getByRole('button', { name: /^Rediger/ })).toHaveFocus());

  // Without edits nothing is asked; Ctrl+S saves from the editor.
  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  await user.keyboard('{Escape}');
  expect(asked).toHaveLength(3);
  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  await user.type(await screen.findByLabelText('Resumé'), ' (rettet)');
  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByText(/Ændringerne er gemt/)).toBeInTheDocument();
  expect((await real.call('cases:get', { id: created.id })).summary).toBe('Ventetid på svar (rettet)');
  expect(screen.queryByLabelText('Resumé')).not.toBeInTheDocument();
});

test('closing lists what is open with a way to each; "Luk alligevel" closes and the history names what was acknowledged', async () => {
  const created = await createCase(real);
  const forvaltning = created.points[0]!.forvaltningId!;
  await sendRequest(created.id, forvaltning);
  const listed = async () => {
    const o = await real.call('deadlines:overview', { adviserId: null });
    return [...o.overdue, ...o.dueToday, ...o.ahead].filter((i) => i.caseId === created.id).map((i) => i.kind);
  };
  expect(await listed()).toContain('anmodning');
  const { user } = renderAt(`#/sager/${created.id}/henvendelsen`);
  await user.click(await screen.findByRole('button', { name: /^Rediger/ }));
  await user.selectOptions(await screen.findByLabelText('Status'), 'Afsluttet');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  const panel = (await screen.findByRole('heading', { level: 2, name: 'Sagen har 2 åbne punkter' })).closest('section') as HTMLElement;
  expect(panel).toHaveTextContent('Klagepunkt 1 har intet udfald.');
  expect(panel).toHaveTextContent(/Redegørelse fra .+ er ikke besvaret \(svarfrist \d\d\.\d\d\.2025\)/);
  expect(within(panel).getAllByRole('link', { name: 'Gå til punktet' }).map((a) => a.getAttribute('href')))
    .toEqual([`#/sager/${created.id}/klagepunkter`, `#/sager/${created.id}/anmodninger`]);
  expect((await real.call('cases:get', { id: created.id })).status).not.toBe('afsluttet');

  await user.click(within(panel).getByRole('button', { name: 'Luk alligevel' }));
  expect(await screen.findByText(/Ændringerne er gemt/)).toBeInTheDocument();
  expect((await real.call('cases:get', { id: created.id })).status).toBe('afsluttet');
  const entry = (await real.call('cases:history', { id: created.id })).find((h) => h.action === 'Ændret');
  expect(entry?.changes.filter((c) => c.field === 'Lukket med åbent punkt').map((c) => c.after)).toEqual([
    'Klagepunkt 1 har intet udfald.', expect.stringMatching(/^Redegørelse fra .+ er ikke besvaret/),
  ]);
  // Closed: it no longer offers "Luk sagen", and its deadlines leave Frister.
  expect(within(header()).queryByRole('button', { name: 'Luk sagen' })).not.toBeInTheDocument();
  expect(await listed()).toEqual([]);
  await user.keyboard('{Alt>}7{/Alt}');
  await screen.findByRole('heading', { level: 1, name: 'Frister' });
  await screen.findByRole('heading', { level: 2, name: /^Overskredet/ });
  expect(screen.queryByRole('link', { name: created.sagsnr })).not.toBeInTheDocument();
});

test('"Luk sagen" with nothing open asks once and closes; a link to an open item takes the adviser there', async () => {
  const created = await createCase(real, { points: [], type: 'vejledning' });
  const other = await createCase(real);
  const { user, unmount } = renderAt(`#/sager/${created.id}`);
  await user.click(await within(await screen.findByRole('region', { name: 'Sagens hoved' })).findByRole('button', { name: 'Luk sagen' }));
  expect(await screen.findByText(/Der er intet åbent på henvendelsen/)).toBeInTheDocument();
  await user.click(screen.getAllByRole('button', { name: 'Luk sagen' }).at(-1)!);
  await waitFor(async () => expect((await real.call('cases:get', { id: created.id })).status).toBe('afsluttet'));
  unmount();

  const r = await sendRequest(other.id, other.points[0]!.forvaltningId!);
  const second = renderAt(`#/sager/${other.id}`);
  await second.user.click(await within(await screen.findByRole('region', { name: 'Sagens hoved' })).findByRole('button', { name: 'Luk sagen' }));
  const links = await screen.findAllByRole('link', { name: 'Gå til punktet' });
  await second.user.click(links[1]!);
  await screen.findByRole('tabpanel', { name: 'Anmodninger og frister' });
  await waitFor(() => expect(document.getElementById(`anmodning-${r.id}`)).toHaveFocus());
});

test('the status follows the requests, and one set by hand can be let follow again', async () => {
  const created = await createCase(real);
  const forvaltning = created.points[0]!.forvaltningId!;
  const r = await sendRequest(created.id, forvaltning);
  const { user } = renderAt(`#/sager/${created.id}/historik`);
  await waitFor(() => expect(screen.getByRole('region', { name: 'Historik' })).toHaveTextContent('Status ændret automatisk: anmodning sendt'));
  await waitFor(() => expect(header()).toHaveTextContent('Afventer forvaltningen følger sagen'));

  // Chosen by hand in the form: the header says so, and answering the request leaves it.
  await showSection(user, 'Henvendelsen');
  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  await user.selectOptions(await screen.findByLabelText('Status'), 'Under behandling');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  await waitFor(() => expect(header()).toHaveTextContent('Under behandling sat af rådgiveren'));
  const other = await sendRequest(created.id, forvaltning);
  await real.call('requests:answer', { id: r.id, answer: { answeredOn: '2025-03-12', summary: '', agreed: [] } });
  expect((await real.call('cases:get', { id: created.id })).status).toBe('under_behandling');

  await user.click(within(header()).getByRole('button', { name: 'Lad status følge sagen' }));
  await waitFor(() => expect(header()).toHaveTextContent('Afventer forvaltningen følger sagen'));
  expect(await screen.findByText('Status følger nu sagen.')).toBeInTheDocument();
  await real.call('requests:close', { id: other.id, closedOn: '2025-03-13', reason: 'Afklaret i telefonen.' });
  expect((await real.call('cases:get', { id: created.id })).status).toBe('under_behandling');
});

test('Overblik words each statutory deadline\'s state: a passed one not yet met is Overskredet', async () => {
  const created = await createCase(real);
  // Aktindsigt within 7 arbejdsdage (OFL § 36), asked for in January: passed by 14.03.2025, not met.
  await real.call('point-deadlines:create', { input: { pointId: created.points[0]!.id, ruleId: 'ofl-36-frist', startOn: '2025-01-06', metOn: null, note: '' } });
  const [deadline] = await real.call('point-deadlines:for-case', { caseId: created.id });
  expect(deadline!.kept).toBe(false);
  renderAt(`#/sager/${created.id}`);
  const panel = await screen.findByRole('tabpanel', { name: 'Overblik' });
  const item = await within(panel).findByText((_, el) => el?.tagName === 'LI' && (el.textContent ?? '').startsWith(`Klagepunkt 1: ${deadline!.ruleLabel}`));
  expect(within(item).getByText('Overskredet', { selector: '.badge' })).toBeInTheDocument();
});

test('Overblik counts the akter and notes and lists the newest, linking to Akter og journal', async () => {
  const created = await createCase(real);
  const text = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  await real.call('documents:add', { caseId: created.id, fileName: 'Klage.txt', contentBase64: text('Borgeren klager.'), direction: 'ind', documentDate: '2025-03-10', title: 'Borgerens klage' });
  await real.call('journal:add', { input: { caseId: created.id, kind: 'telefonnotat', notedOn: '2025-03-12', notedAt: null, text: 'Borgeren ringede om mødet, der blev aflyst.' } });
  renderAt(`#/sager/${created.id}`);
  const block = await screen.findByRole('region', { name: 'Akter og journal' });
  await within(block).findByText('1 akt · 1 notat');
  expect(within(block).getByRole('list', { name: 'Seneste akter og notater' }).textContent).toBe(
    '12.03.2025 · Telefonnotat · Borgeren ringede om mødet, der blev aflyst.10.03.2025 · Indgående akt · Borgerens klage',
  );
  expect(within(block).getByRole('link', { name: 'Gå til akter og journal' })).toHaveAttribute('href', `#/sager/${created.id}/akter`);
});
