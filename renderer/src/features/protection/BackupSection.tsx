/**
 * Sikkerhedskopier: the backups in the chosen folder (date, size, whether verified), "Tag
 * sikkerhedskopi nu", "Kontrollér" for one backup, and "Gendan …" after a confirmation naming its
 * date; the folder is chosen with the system's dialog in the desktop app, or typed. A backup is
 * verified before it counts, and a restore backs up the current state first
 * (electron/services/backups.ts); the page reloads after a restore, since every screen's data changed.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BackupList } from '../../../../shared/backup/manifest';
import { formatDanishDateTime } from '../../../../shared/domain/dates';
import { errorMessage, send } from '../../api/client';
import { TextField } from '../../components/Field';
import { SectionFeedback } from '../settings/SectionFeedback';
import { useSectionAction } from '../settings/use-settings-action';

type Backup = BackupList['backups'][number];

function sizeText(bytes: number): string {
  if (bytes < 1_048_576) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('da-DK')} kB`;
  return `${(bytes / 1_048_576).toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;
}

function statusText(b: Backup): string {
  if (!b.present) return 'Filen mangler i mappen';
  return b.verified ? `Kontrolleret ${formatDanishDateTime(b.checked)}` : `Ikke godkendt: ${b.problem ?? 'ukendt fejl'}`;
}

export function BackupSection() {
  const [list, setList] = useState<BackupList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [desktop, setDesktop] = useState(false);
  const [folder, setFolder] = useState('');
  const [confirmRestore, setConfirmRestore] = useState<Backup | null>(null);
  const refresh = useCallback(() => {
    send('backup:list', {}).then(
      (l) => { setList(l); setFolder(l.folder); setLoadError(null); },
      (e: unknown) => setLoadError(errorMessage(e)),
    );
  }, []);
  useEffect(() => {
    refresh();
    send('app:info', {}).then((info) => setDesktop(info.mode === 'electron'), () => setDesktop(false));
  }, [refresh]);
  const action = useSectionAction<unknown>(refresh);

  async function saveFolder(e: FormEvent) {
    e.preventDefault();
    await action.run(() => send('backup:set-folder', { folder }), 'Mappen til sikkerhedskopier er gemt.');
  }

  async function chooseFolder() {
    let chosen = false;
    const ok = await action.run(async () => {
      const r = await send('backup:choose-folder', {});
      chosen = r.chosen;
      if (r.chosen && r.folder) setFolder(r.folder);
      return r;
    }, 'Mappen til sikkerhedskopier er valgt.');
    // A cancelled dialog changed nothing, so nothing is announced.
    if (ok && !chosen) action.clear();
  }

  async function restore(b: Backup) {
    setConfirmRestore(null);
    const ok = await action.run(() => send('backup:restore', { file: b.file }), `Databasen er gendannet fra sikkerhedskopien fra ${formatDanishDateTime(b.created)}. Ombud indlæses igen …`);
    // Every screen's data has changed: start the page again from the restored database.
    if (ok) window.setTimeout(() => window.location.reload(), 1500);
  }

  const backups = list?.backups ?? [];
  return (
    <section id="sikkerhedskopier" tabIndex={-1} className="form-section" aria-labelledby="sikkerhedskopier-title">
      <h2 id="sikkerhedskopier-title">Sikkerhedskopier</h2>
      <p>
        Ombud tager selv en sikkerhedskopi ved opstart, når den nyeste er mere end et døgn gammel. Hver kopi er krypteret med
        databasens nøgle og kontrolleres, før den tæller. De nyeste 7 dage, 4 uger og 12 måneder gemmes.
      </p>
      {list?.lastAutomatic && !list.lastAutomatic.ok ? <p className="alert alert--error">{list.lastAutomatic.message}</p> : null}
      {loadError ? <p className="alert alert--error">{loadError}</p> : null}

      <form onSubmit={(e) => void saveFolder(e)} noValidate className="add-form">
        <TextField id="backup-folder" label="Mappe til sikkerhedskopier" hint={`Typisk et netværksdrev. Standard: ${list?.defaultFolder ?? ''}`} value={folder} maxLength={1000}
          error={action.fieldErrors['folder']} onChange={setFolder}
          after={<>
            <button type="submit" className="button button--secondary" disabled={action.busy}>Gem mappe</button>
            {desktop ? <button type="button" className="button button--secondary" disabled={action.busy} onClick={() => void chooseFolder()}>Vælg mappe …</button> : null}
          </>} />
      </form>

      <p>
        <button type="button" className="button" disabled={action.busy} onClick={() => void action.run(() => send('backup:create', {}), 'Sikkerhedskopien er taget og kontrolleret.')}>
          Tag sikkerhedskopi nu
        </button>
      </p>
      <SectionFeedback notice={action.notice} error={action.error} />

      {confirmRestore ? (
        <div role="alertdialog" aria-labelledby="restore-confirm-title" aria-describedby="restore-confirm-text" className="alert alert--warning"
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); setConfirmRestore(null); } }}>
          <h3 id="restore-confirm-title">Gendan sikkerhedskopien fra {formatDanishDateTime(confirmRestore.created)}?</h3>
          <p id="restore-confirm-text">
            Alt, der er gemt efter {formatDanishDateTime(confirmRestore.created)}, forsvinder fra databasen. Ombud tager først en
            sikkerhedskopi af den nuværende tilstand, så den kan hentes tilbage.
          </p>
          <button type="button" className="button" autoFocus onClick={() => void restore(confirmRestore)}>
            Gendan fra {formatDanishDateTime(confirmRestore.created)}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={() => setConfirmRestore(null)}>Fortryd</button>
        </div>
      ) : null}

      {backups.length === 0 ? <p>Der er endnu ingen sikkerhedskopier i mappen.</p> : (
        <div className="table-wrap"><table className="table" aria-labelledby="sikkerhedskopier-title">
          <thead>
            <tr>
              <th scope="col">Taget</th>
              <th scope="col">Størrelse</th>
              <th scope="col">Status</th>
              <th scope="col"><span className="visually-hidden">Handlinger</span></th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.file}>
                <th scope="row">{formatDanishDateTime(b.created)}</th>
                <td>{b.present && b.verified ? sizeText(b.size) : '–'}</td>
                <td>{statusText(b)}</td>
                <td>
                  <button type="button" className="button button--secondary" disabled={action.busy || !b.present}
                    aria-label={`Kontrollér sikkerhedskopien fra ${formatDanishDateTime(b.created)}`}
                    onClick={() => void action.run(() => send('backup:check', { file: b.file }), `Sikkerhedskopien fra ${formatDanishDateTime(b.created)} er kontrolleret.`)}>
                    Kontrollér
                  </button>{' '}
                  <button type="button" className="button button--secondary" disabled={action.busy || !b.present || !b.verified}
                    aria-label={`Gendan sikkerhedskopien fra ${formatDanishDateTime(b.created)} …`}
                    onClick={() => setConfirmRestore(b)}>
                    Gendan …
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
    </section>
  );
}
