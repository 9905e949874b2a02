/**
 * Every issued version of the finding, newest first: its letter date, when and by whom it was
 * issued, which version it replaced and why, and the SHA-256 of the stored PDF – the proof that the
 * letter read today is the one sent. "Vis" shows a version's frozen text in the preview.
 */
import { formatDanishDate, formatDanishDateTime } from '../../../../shared/domain/dates';
import type { FindingVersion } from '../../../../shared/letters/finding-state';

export function FindingVersions({ versions, shownId, onShow }: Readonly<{
  versions: ReadonlyArray<FindingVersion>;
  /** The version in the preview, or null for the newest/the draft. */
  shownId: number | null;
  onShow: (v: FindingVersion) => void;
}>) {
  if (versions.length === 0) return null;
  return (
    <section className="finding-versions" aria-labelledby="finding-versions-title">
      <h3 id="finding-versions-title">Udsendte versioner</h3>
      <div className="table-wrap"><table className="table" aria-labelledby="finding-versions-title">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Brevets dato</th>
            <th scope="col">Udsendt</th>
            <th scope="col">Erstatter</th>
            <th scope="col">Begrundelse</th>
            <th scope="col">Kontrolsum (SHA-256)</th>
            <th scope="col"><span className="visually-hidden">Handling</span></th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} aria-current={shownId === v.id ? 'true' : undefined}>
              <th scope="row">Version {v.version}</th>
              <td>{formatDanishDate(v.letterDate)}</td>
              <td>{formatDanishDateTime(v.issuedAt)}, {v.issuedBy}</td>
              <td>{v.supersedes === null ? '–' : `Version ${v.supersedes}`}</td>
              <td>{v.reason === '' ? '–' : v.reason}</td>
              <td><code title={v.sha256}>{v.sha256.slice(0, 16)}…</code></td>
              <td>
                <button type="button" className="button button--secondary button--small" aria-label={`Vis version ${v.version}`} onClick={() => onShow(v)}>
                  Vis
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table></div>
    </section>
  );
}
