/** The register's rows: the case link first, so Tab goes from case to case. */
import { formatDanishDate } from '../../../../shared/domain/dates';
import { RecommendationStatus, type Recommendation } from '../../../../shared/domain/recommendation';
import { routeHref } from '../../app/router';
import { excerpt, isFollowUpDue } from './recommendation-text';

export function RecommendationsTable({ rows, today }: Readonly<{ rows: ReadonlyArray<Recommendation>; today: string }>) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Henstillinger">
        <thead>
          <tr>
            <th scope="col">Sag</th>
            <th scope="col">Givet</th>
            <th scope="col">Forvaltning</th>
            <th scope="col">Klagepunkt</th>
            <th scope="col">Henstilling</th>
            <th scope="col">Status</th>
            <th scope="col">Svar</th>
            <th scope="col">Opfølgning</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td><a className="sagsnr" href={routeHref({ name: 'case', id: r.caseId })}>{r.sagsnr}</a></td>
              <td>{formatDanishDate(r.givenOn)}</td>
              <td>{r.forvaltning}</td>
              <td>{r.pointPosition === null ? '–' : r.pointPosition}</td>
              <td>{excerpt(r.text)}</td>
              <td><span className={`badge badge--${r.status}`}>{RecommendationStatus.label(r.status)}</span></td>
              <td>{formatDanishDate(r.statusOn)}</td>
              <td>
                {formatDanishDate(r.followUpOn)}
                {isFollowUpDue(r, today) ? <span className="tag tag--retired">forfalden</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
