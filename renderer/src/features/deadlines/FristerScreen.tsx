/**
 * Frister: what is overdue, due today and due in the next days (Kalender og frister: "dage frem",
 * 14 by default) across the open henvendelser – requests to the forvaltninger, the citizens'
 * klagefrister, statutory deadlines, the adviser's own targets and the follow-up dates of
 * henstillinger awaiting an answer – and the open and overdue items per forvaltning. "Rådgiver"
 * narrows it to one adviser's henvendelser ("Mine sager": the adviser at the desk); the backend
 * filters. Below, the frist-beregner.
 */
import { useEffect, useState } from 'react';
import type { FristOverview } from '../../../../shared/domain/deadline-tracking';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { SelectField, type Option } from '../../components/Field';
import { Page } from '../../components/Page';
import { useActor } from '../actor/ActorProvider';
import { DeadlineCalculator } from './DeadlineCalculator';
import { FristTable } from './FristTable';

/** The select's value: '' all, 'mine' the adviser at the desk, else an adviser's id. */
const MINE = 'mine';

/** "Næste 14 dage"; one day ahead is tomorrow. */
export function aheadHeading(days: number): string {
  return days === 1 ? 'I morgen' : `Næste ${days} dage`;
}

export function FristerScreen() {
  const { settings } = useAppData();
  const { adviser } = useActor();
  const [whose, setWhose] = useState('');
  const [overview, setOverview] = useState<FristOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const adviserId = whose === '' ? null : whose === MINE ? (adviser?.id ?? null) : Number(whose);

  useEffect(() => {
    let live = true;
    setError(null);
    send('deadlines:overview', { adviserId }).then(
      (o) => { if (live) setOverview(o); },
      (e: unknown) => { if (live) setError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, [adviserId]);

  const whoseOptions: Option[] = [
    { value: '', label: 'Alle' },
    ...(adviser === null ? [] : [{ value: MINE, label: `Mine sager (${adviser.name})` }]),
    ...settings.advisers.filter((a) => a.id !== adviser?.id).map((a) => ({ value: String(a.id), label: a.retired ? `${a.name} (fratrådt)` : a.name })),
  ];
  const ahead = overview === null ? '' : aheadHeading(overview.lookaheadDays);

  return (
    <Page title="Frister" wide>
      <div className="filters" role="search" aria-label="Filtrér frister">
        <SelectField id="frister-adviser" label="Rådgiver" width="m" value={whose} options={whoseOptions} onChange={setWhose}
          hint="Vis kun frister på henvendelser, hvor den valgte er rådgiver." />
      </div>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      {overview === null && !error ? <p role="status" className="muted">Henter frister …</p> : null}
      {overview !== null ? (
        <>
          <p className="page-meta">Opgjort {formatDanishDate(overview.today)}. Kun åbne henvendelser.</p>
          <section className="form-section" aria-labelledby="frister-overdue">
            <h2 id="frister-overdue">Overskredet ({overview.overdue.length})</h2>
            <FristTable label="Overskredet" items={overview.overdue} empty="Ingen overskredne frister." />
          </section>
          <section className="form-section" aria-labelledby="frister-today">
            <h2 id="frister-today">Forfalder i dag ({overview.dueToday.length})</h2>
            <FristTable label="Forfalder i dag" items={overview.dueToday} empty="Ingen frister forfalder i dag." />
          </section>
          <section className="form-section" aria-labelledby="frister-ahead">
            <h2 id="frister-ahead">{ahead} ({overview.ahead.length})</h2>
            <FristTable label={ahead} items={overview.ahead} empty={`Ingen frister ${overview.lookaheadDays === 1 ? 'i morgen' : `de næste ${overview.lookaheadDays} dage`}.`} />
          </section>
          <section className="form-section" aria-labelledby="frister-forvaltning">
            <h2 id="frister-forvaltning">Pr. forvaltning</h2>
            {overview.byForvaltning.length === 0 ? <p className="muted">Ingen åbne frister hos forvaltningerne.</p> : (
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
