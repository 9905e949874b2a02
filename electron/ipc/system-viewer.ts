/**
 * "Åbn" for an akt or the finding in the desktop app: the file is written to a private temporary
 * folder (only this OS user can read it; removed when Ombud quits) and handed to the system's
 * viewer – Acrobat, Outlook, Word – as a double-click in Explorer would. The main process does this,
 * since the backend process has no desktop; it wraps the dispatch that forwards to the backend and
 * answers `documents:open` and `findings:open` itself, fetching the bytes through the ordinary
 * `documents:content` and `findings:pdf` with the same input.
 *
 * Plain Node: the shell's `openPath` is passed in, so the behaviour is tested without Electron.
 * Elsewhere (preview, tests) the backend answers both with `opened: false`, and the page shows or
 * saves the file itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Result } from '../../shared/ipc/result';
import type { Dispatch } from './dispatch';

export type SystemViewer = Readonly<{
  /** Where the private folders go (the OS temp folder). */
  tempRoot: string;
  /** Electron's shell.openPath: resolves to '' on success, else the OS's error text. */
  openPath: (file: string) => Promise<string>;
}>;

/** A file name safe on Windows, macOS and Linux, keeping æøå and the extension the viewer needs. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').trim();
  return cleaned === '' ? 'akt' : cleaned.slice(0, 200);
}

/** Which channel gives the file to open, and what the refusal calls it. */
type OpenSource = Readonly<{ content: 'documents:content' | 'findings:pdf'; what: string }>;

/** The "Åbn" channels this wrapper answers: each takes the same input as its content channel. */
const OPENERS: ReadonlyMap<string, OpenSource> = new Map([
  ['documents:open', { content: 'documents:content', what: 'Akten' }],
  ['findings:open', { content: 'findings:pdf', what: 'Udtalelsen' }],
]);

export function withSystemViewer(dispatch: Dispatch, viewer: SystemViewer): { dispatch: Dispatch; cleanUp: () => void } {
  let folder: string | null = null;
  let serial = 0;
  const open = async (source: OpenSource, payload: unknown, actor: unknown): Promise<Result<unknown>> => {
    const content = await dispatch(source.content, payload, actor);
    if (!content.ok) return content;
    const file = content.value as { fileName: string; contentBase64: string };
    // mkdtemp gives a folder of this user's only (0700 on POSIX; the user's own temp on Windows).
    folder ??= mkdtempSync(path.join(viewer.tempRoot, 'ombud-akter-'));
    // One subfolder per opening: the same name opened twice (or still open in Word) never collides.
    const dir = path.join(folder, String(++serial));
    const target = path.join(dir, safeFileName(file.fileName));
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(target, Buffer.from(file.contentBase64, 'base64'), { flag: 'wx', mode: 0o600 });
    const failure = await viewer.openPath(target);
    if (failure !== '') return { ok: false, error: { code: 'internal', message: `${source.what} kunne ikke åbnes: ${failure}. Brug «Gem som …» og åbn filen derfra.` } };
    return { ok: true, value: { opened: true } };
  };
  return {
    dispatch: (channel, payload, actor) => {
      const source = OPENERS.get(channel);
      return source === undefined ? dispatch(channel, payload, actor) : open(source, payload, actor);
    },
    cleanUp: () => {
      try {
        if (folder !== null) rmSync(folder, { recursive: true, force: true });
      } catch {
        // A file still open in Word on Windows cannot be removed; the OS clears its temp folder later.
      }
    },
  };
}
