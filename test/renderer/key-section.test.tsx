/**
 * Databeskyttelse → Databasenøgle (renderer/src/features/protection/KeySection.tsx): nothing is shown
 * or recorded before the adviser confirms; then the raw key in eight blocks of eight (read aloud),
 * "Kopiér" puts the 64 digits WITHOUT spaces on the clipboard (with spaces OMBUD_DB_KEY would take
 * them as a passphrase), "Skjul" removes it; a passphrase is not shown; an in-memory database gives
 * the backend's Danish message; axe-clean. The reveal runs the real service (revealDbKey) with a key,
 * since the test backend is in memory; the in-memory case is the unchanged real backend.
 */
import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { generateDbKey, type DbKey } from '../../db/key';
import { KEY_SHOWN_ACTION, revealDbKey } from '../../electron/services/db-key-reveal';
import type { Result } from '../../shared/ipc/result';
import type { RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The channel answered by the real service, as if the database had this key. */
function withKey(key: DbKey): void {
  Object.assign(real.api, {
    'security:reveal-key': async (): Promise<Result<unknown>> => ({ ok: true, value: revealDbKey({ ...real.ctx, dbKey: key, actor: () => real.adviser.name }) }),
  });
}

const shownCount = () => (real.ctx.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(KEY_SHOWN_ACTION) as number);

async function openSection() {
  const utils = renderAt('#/databeskyttelse');
  const section = await screen.findByRole('region', { name: 'Databasenøgle' });
  return { ...utils, section };
}

test('explains the key, asks before showing it, shows it in blocks of 8, copies it without spaces, and hides it', async () => {
  const key = generateDbKey();
  if (key.kind !== 'raw') throw new Error('expected a raw key');
  withKey(key);
  const { user, section } = await openSection();
  expect(section.textContent).toMatch(/kun åbnes med denne nøgle/);
  expect(section.textContent).toMatch(/password-vault/);
  expect(section.textContent).toMatch(/OMBUD_DB_KEY/);
  expect(section.textContent).toMatch(/SQLCipher 4.*x'…'/);
  const blocks = key.hex.match(/.{8}/g)!;
  expect(blocks).toHaveLength(8);

  // Cancelled: nothing shown, nothing recorded, focus back on the button.
  await user.click(within(section).getByRole('button', { name: 'Vis nøglen …' }));
  const dialog = within(section).getByRole('alertdialog', { name: 'Vis databasenøglen?' });
  expect(dialog.textContent).toMatch(/revisionssporet/);
  expect(await axeViolations()).toEqual([]);
  await user.click(within(dialog).getByRole('button', { name: 'Fortryd' }));
  expect(within(section).queryByRole('alertdialog')).toBeNull();
  expect(within(section).getByRole('button', { name: 'Vis nøglen …' })).toHaveFocus();
  expect(section.textContent).not.toContain(blocks[0]);
  expect(shownCount()).toBe(0);

  // Confirmed: eight blocks of eight in a monospace element, recorded once.
  await user.click(within(section).getByRole('button', { name: 'Vis nøglen …' }));
  await user.click(within(section).getByRole('button', { name: 'Vis nøglen' }));
  const shown = await within(section).findByText(blocks.join(' '));
  expect(shown.tagName).toBe('CODE');
  expect(shownCount()).toBe(1);
  expect(await axeViolations()).toEqual([]);

  // Copied by hand (selected, Ctrl+C): the reading spaces are left behind too.
  window.getSelection()!.selectAllChildren(shown);
  const byHand = await user.copy();
  expect(byHand?.getData('text/plain')).toBe(key.hex);

  await user.click(within(section).getByRole('button', { name: 'Kopiér' }));
  expect(await navigator.clipboard.readText()).toBe(key.hex);
  expect(section.textContent).toMatch(/Nøglen er kopieret\./);

  await user.click(within(section).getByRole('button', { name: 'Skjul' }));
  expect(section.textContent).not.toContain(blocks[0]);
  expect(within(section).getByRole('button', { name: 'Vis nøglen …' })).toHaveFocus();
  expect(shownCount()).toBe(1);
});

test('a passphrase is not shown: the section says where IT gave it', async () => {
  withKey({ kind: 'passphrase', text: 'kommunens hemmelige sætning' });
  const { user, section } = await openSection();
  await user.click(within(section).getByRole('button', { name: 'Vis nøglen …' }));
  await user.click(within(section).getByRole('button', { name: 'Vis nøglen' }));
  await within(section).findByText(/Ombud viser den ikke/);
  expect(section.textContent).toMatch(/adgangssætning.*OMBUD_DB_KEY.*OMBUD_DB_KEY_FILE/);
  expect(document.body.textContent).not.toContain('hemmelige');
  expect(within(section).queryByRole('button', { name: 'Kopiér' })).toBeNull();
  expect(shownCount()).toBe(1);
  expect(await axeViolations()).toEqual([]);
});

test('an in-memory database: the backend says in Danish that it has no key', async () => {
  const { user, section } = await openSection();
  await user.click(within(section).getByRole('button', { name: 'Vis nøglen …' }));
  await user.click(within(section).getByRole('button', { name: 'Vis nøglen' }));
  const alert = await within(section).findByText('Databasen i hukommelsen har ingen nøgle.');
  expect(alert.closest('[role="alert"]')).not.toBeNull();
  expect(shownCount()).toBe(0);
});
