/** Every klagepunkt that cites the rule, newest case first, with a link to the case. */
import { Assessment, type RuleCitation } from '../../../../shared/domain/rule';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { routeHref } from '../../app/router';

const EXCERPT = 220;

function excerpt(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= EXCERPT ? t : `${t.slice(0, EXCERPT - 1)}…`;
}

export function RuleCitations({ citations }: Readonly<{ citations: ReadonlyArray<RuleCitation> }>) {
  const sorted = [...citations].sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : a.position - b.position));
  return (
    <section className="form-section" aria-labelledby="rule-citations-title">
      <h2 id="rule-citations-title">Klagepunkter, der henviser til reglen</h2>
      {sorted.length === 0 ? <p className="muted">Ingen klagepunkter henviser til reglen endnu.</p> : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="rule-citations-title">
            <thead>
              <tr>
                <th scope="col">Sag</th>
                <th scope="col">Modtaget</th>
                <th scope="col">Klagepunkt</th>
                <th scope="col">Forvaltning</th>
                <th scope="col">Vurdering</th>
                <th scope="col">Begrundelse</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => (
                <tr key={c.pointId}>
                  <td><a className="sagsnr" href={routeHref({ name: 'case', id: c.caseId })}>{c.sagsnr}</a></td>
                  <td>{formatDanishDate(c.receivedOn)}</td>
                  <td>Klagepunkt {c.position}</td>
                  <td>{c.forvaltning ?? 'Ikke angivet'}</td>
                  <td><span className={`badge badge--${c.assessment}`}>{Assessment.label(c.assessment)}</span></td>
                  <td>{c.reasoning.trim() === '' ? <span className="muted">Ingen begrundelse</span> : excerpt(c.reasoning)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
