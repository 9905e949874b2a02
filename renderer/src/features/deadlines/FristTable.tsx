/** One group of the Frister overview as a table: the case link first, so Tab goes case to case. */
import { formatDanishDate } from '../../../../shared/domain/dates';
import { FristKind, type FristItem } from '../../../../shared/domain/deadline-tracking';
import { routeHref } from '../../app/router';
import { DeadlineStateBadge } from './DeadlineStateBadge';
import { FristExplanation } from './FristExplanation';

export const FRIST_KIND_LABEL: Readonly<Record<FristItem['kind'], string>> = Object.fromEntries(FristKind.entries.map((e) => [e.code, e.label])) as Record<FristItem['kind'], string>;

/** "Anmodning: Redegørelse fra Social"; the title alone when it already says what it is. */
function whatText(f: FristItem): string {
  const kind = FRIST_KIND_LABEL[f.kind];
  const title = f.title.trim();
  if (title === '') return kind;
  return title.toLocaleLowerCase('da-DK').startsWith(kind.toLocaleLowerCase('da-DK')) ? title : `${kind}: ${title}`;
}

export function FristTable({ label, items, empty }: Readonly<{ label: string; items: ReadonlyArray<FristItem>; empty: string }>) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Sag</th>
            <th scope="col">Frist</th>
            <th scope="col">Hvad</th>
            <th scope="col">Forvaltning</th>
            <th scope="col">Status</th>
            <th scope="col">Beregning</th>
          </tr>
        </thead>
        <tbody>
          {items.map((f, i) => {
            const about = `${FRIST_KIND_LABEL[f.kind].toLowerCase()}, sag ${f.sagsnr}, ${formatDanishDate(f.dueOn)}`;
            return (
              <tr key={`${f.kind}-${f.caseId}-${f.dueOn}-${i}`}>
                <td className="nowrap"><a className="sagsnr" href={routeHref({ name: 'case', id: f.caseId, section: f.kind === 'henstilling' ? 'henstillinger' : 'anmodninger' })}>{f.sagsnr}</a></td>
                <td className="nowrap">{formatDanishDate(f.dueOn)}</td>
                <td>{whatText(f)}</td>
                <td>{f.forvaltning ?? '–'}</td>
                <td><DeadlineStateBadge state={f.state} /></td>
                <td>
                  {/* A henstilling's follow-up date is the adviser's own choice: nothing was counted. */}
                  {f.kind === 'henstilling' ? <span className="muted">Dato valgt af rådgiveren</span> : <FristExplanation item={f} about={about} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
