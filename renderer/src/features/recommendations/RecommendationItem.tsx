/** One henstilling in the case page's list: text, to whom, when, and where the answer stands. */
import { formatDanishDate } from '../../../../shared/domain/dates';
import { RecommendationStatus, type Recommendation } from '../../../../shared/domain/recommendation';
import { isFollowUpDue } from './recommendation-text';

export function RecommendationItem({ item, today, onEdit, onDelete }: Readonly<{
  item: Recommendation;
  today: string;
  onEdit: () => void;
  onDelete: () => void;
}>) {
  const where = item.pointPosition === null ? 'Hele henvendelsen' : `Klagepunkt ${item.pointPosition}`;
  return (
    <div className="recommendation">
      <p className="prewrap recommendation-text">{item.text}</p>
      <p className="muted">
        {item.forvaltning} · {where} · givet {formatDanishDate(item.givenOn)} ·{' '}
        <span className={`badge badge--${item.status}`}>{RecommendationStatus.label(item.status)}</span>
        {item.statusOn ? ` · svar ${formatDanishDate(item.statusOn)}` : ''}
        {item.followUpOn ? ` · opfølgning ${formatDanishDate(item.followUpOn)}` : ''}
        {isFollowUpDue(item, today) ? <span className="tag tag--retired">opfølgning forfalden</span> : null}
      </p>
      {item.answer.trim() !== '' ? <p className="prewrap"><span className="history-field">Forvaltningens svar:</span> {item.answer}</p> : null}
      <div className="entry-actions">
        <button type="button" className="button button--secondary button--small" onClick={onEdit} aria-label={`Ret henstilling givet ${formatDanishDate(item.givenOn)} til ${item.forvaltning}`}>Ret</button>
        <button type="button" className="button button--secondary button--small" onClick={onDelete} aria-label={`Slet henstilling givet ${formatDanishDate(item.givenOn)} til ${item.forvaltning}`}>Slet</button>
      </div>
    </div>
  );
}
