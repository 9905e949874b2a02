/**
 * Frister: what is overdue, due today and due this week across all henvendelser – requests to the
 * forvaltninger, the citizens' klagefrister, statutory deadlines and the adviser's own targets – and
 * the open and overdue requests per forvaltning. Below, the frist-beregner.
 */
import { useEffect, useState } from 'react';
import type { FristOverview } from '../../../../shared/domain/deadline-tracking';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { errorMessage, send } from '../../api/client';
import { Page } from '../../components/Page';
import { DeadlineCalculator } from './DeadlineCalculator';
import { FristTable } from './FristTable';

export function FristerScreen() {
  const [overview, setOverview] = useState<FristOverview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('deadlines:overview', {}).then(
      (o) => { if (live) setOverview(o); },
      (e: unknown) => { if (live) setError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, []);

  return (
    <Page title="Frister" wide>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      {overview === null && !error ? <p role="status" className="muted">Henter frister …</p> : null}
      {overview !== null ? (
        <>
          <p className="page-meta">Opgjort {formatDanishDate(overview.today)}</p>
          <section className="form-section" aria-labelledby="frister-overdue">
            <h2 id="frister-overdue">Overskredet ({overview.overdue.length})</h2>
            <FristTable label="Overskredet" items={overview.overdue} empty="Ingen overskredne frister." />
          </section>
          <section className="form-section" aria-labelledby="frister-today">
            <h2 id="frister-today">Forfalder i dag ({overview.dueToday.length})</h2>
            <FristTable label="Forfalder i dag" items={overview.dueToday} empty="Ingen frister forfalder i dag." />
          </section>
          <section className="form-section" aria-labelledby="frister-week">
            <h2 id="frister-week">Denne uge ({overview.thisWeek.length})</h2>
            <FristTable label="Denne uge" items={overview.thisWeek} empty="Ingen andre frister i denne uge." />
          </section>
          <section className="form-section" aria-labelledby="frister-forvaltning">
            <h2 id="frister-forvaltning">Pr. forvaltning</h2>
            {overview.byForvaltning.length === 0 ? <p className="muted">Ingen åbne anmodninger.</p> : (
              <div className="table-wrap table-wrap--narrow">
                <table className="table" aria-label="Pr. forvaltning">
                  <thead><tr><th scope="col">Forvaltning</th><th scope="col">Åbne</th><th scope="col">Overskredet</th></tr></thead>
                  <tbody>
                    {overview.byForvaltning.map((f) => (
                      <tr key={f.forvaltningId}><td>{f.forvaltning}</td><td>{f.open}</td><td>{f.overdue}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : null}
      <DeadlineCalculator />
    </Page>
  );
}
