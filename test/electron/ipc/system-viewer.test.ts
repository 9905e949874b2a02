/**
 * electron/ipc/system-viewer.ts: "Åbn" in the desktop app writes the akt or the finding's PDF to a private temp folder
 * and hands it to the system's viewer (Electron's shell.openPath, passed in here); every other
 * channel goes to the backend untouched. The real shell cannot run on this machine (no Electron
 * binary); what it is given is checked instead.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../../electron/ipc/dispatch';
import { safeFileName, withSystemViewer } from '../../../electron/ipc/system-viewer';

let root: string;
beforeEach(() => { root = mkdtempSync(path.join(tmpdir(), 'ombud-viewer-test-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

const backend: Dispatch = async (channel, payload) => {
  if (channel === 'documents:content') {
    const id = (payload as { id: number }).id;
    if (id !== 7) return { ok: false, error: { code: 'not_found', message: 'Akten findes ikke. Den kan være slettet.' } };
    return { ok: true, value: { fileName: 'Klage: Åse/Ørsted.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 klage').toString('base64') } };
  }
  if (channel === 'findings:pdf') {
    const input = payload as { caseId: number; versionId: number | null; variant: string; anonymised: boolean };
    const name = `Udtalelse 2026-0042${input.variant === 'forvaltning' ? ' til forvaltningen' : ''}${input.anonymised ? ' anonymiseret' : ''}.pdf`;
    return { ok: true, value: { fileName: name, mediaType: 'application/pdf', contentBase64: Buffer.from(`%PDF-1.7 ${JSON.stringify(input)}`).toString('base64') } };
  }
  return { ok: true, value: { channel } };
};

it('writes the akt under a private folder with a safe name, opens it, and removes the folder at quit', async () => {
  const openPath = vi.fn(async (_file: string) => '');
  const viewer = withSystemViewer(backend, { tempRoot: root, openPath });
  expect(await viewer.dispatch('documents:open', { id: 7 }, null)).toEqual({ ok: true, value: { opened: true } });
  const file = openPath.mock.calls[0]?.[0] as string;
  expect(path.basename(file)).toBe('Klage_ Åse_Ørsted.pdf');
  expect(readFileSync(file, 'utf8')).toBe('%PDF-1.4 klage');
  if (process.platform !== 'win32') expect(statSync(path.dirname(path.dirname(file))).mode & 0o777).toBe(0o700);
  // Opened twice (still open in the viewer the first time): a second copy, no clash.
  await viewer.dispatch('documents:open', { id: 7 }, null);
  expect(openPath.mock.calls[1]?.[0]).not.toBe(file);
  viewer.cleanUp();
  expect(existsSync(file)).toBe(false);
});

it('passes the backend\'s refusal on, says in Danish when the viewer fails, and leaves other channels alone', async () => {
  const viewer = withSystemViewer(backend, { tempRoot: root, openPath: async () => 'No application is associated' });
  expect(await viewer.dispatch('documents:open', { id: 8 }, null)).toEqual({ ok: false, error: { code: 'not_found', message: 'Akten findes ikke. Den kan være slettet.' } });
  const failed = await viewer.dispatch('documents:open', { id: 7 }, null);
  expect(failed).toEqual({ ok: false, error: { code: 'internal', message: 'Akten kunne ikke åbnes: No application is associated. Brug «Gem som …» og åbn filen derfra.' } });
  expect(await viewer.dispatch('cases:list', {}, null)).toEqual({ ok: true, value: { channel: 'cases:list' } });
  expect(safeFileName('  ..  ')).toBe('akt');
});

it('opens the finding\'s PDF that findings:pdf gives for the very same input, and says "Udtalelsen" when the viewer fails', async () => {
  const openPath = vi.fn(async (_file: string) => '');
  const viewer = withSystemViewer(backend, { tempRoot: root, openPath });
  const input = { caseId: 3, versionId: 9, variant: 'forvaltning', anonymised: true };
  expect(await viewer.dispatch('findings:open', input, null)).toEqual({ ok: true, value: { opened: true } });
  const file = openPath.mock.calls[0]?.[0] as string;
  expect(path.basename(file)).toBe('Udtalelse 2026-0042 til forvaltningen anonymiseret.pdf');
  expect(readFileSync(file, 'utf8')).toBe(`%PDF-1.7 ${JSON.stringify(input)}`);
  viewer.cleanUp();
  expect(existsSync(file)).toBe(false);
  const failing = withSystemViewer(backend, { tempRoot: root, openPath: async () => 'No application is associated' });
  expect(await failing.dispatch('findings:open', input, null)).toEqual({
    ok: false, error: { code: 'internal', message: 'Udtalelsen kunne ikke åbnes: No application is associated. Brug «Gem som …» og åbn filen derfra.' },
  });
  failing.cleanUp();
});
