/**
 * Henstillinger: the follow-up register across all henvendelser. The forvaltning must say whether
 * it follows a henstilling, so the adviser filters on status, forvaltning, period and "Opfølgning
 * forfalden" (still awaiting an answer on or after its follow-up date) and goes to the case.
 */
import { useEffect, useState } from 'react';
import { RecommendationStatus, type Recommendation, type RecommendationStatusCode } from '../../../../shared/domain/recommendation';
import { errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { DateField, dateFieldError, parseDateField } from '../../components/DateField';
import { CheckboxField, SelectField, type Option } from '../../components/Field';
import { Page } from '../../components/Page';
import { RecommendationsTable } from './RecommendationsTable';

export function RecommendationsScreen() {
  const { settings, today } = useAppData();
  const [statuses, setStatuses] = useState<RecommendationStatusCode[]>([]);
  const [forvaltningId, setForvaltningId] = useState<number | null>(null);
  const [followUpDue, setFollowUpDue] = useState(false);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [rows, setRows] = useState<Recommendation[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // A half-typed date is not applied: the list keeps the last valid period until the date is whole.
  const from = parseDateField(fromText);
  const to = parseDateField(toText);
  const givenFrom = from === 'invalid' ? null : from;
  const givenTo = to === 'invalid' ? null : to;
  const statusKey = statuses.join(',');

  useEffect(() => {
    let live = true;
    const query = { statuses: statusKey === '' ? [] : (statusKey.split(',') as RecommendationStatusCode[]), forvaltningId, followUpDue, givenFrom, givenTo };
    send('recommendations:list', query).then(
      (found) => { if (live) { setRows(found); setError(null); } },
      (e: unknown) => { if (live) setError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, [statusKey, forvaltningId, followUpDue, givenFrom, givenTo]);

  const forvaltningOptions: Option[] = [{ value: '', label: 'Alle forvaltninger' }, ...settings.forvaltninger.map((f) => ({ value: String(f.id), label: f.retired ? `${f.name} (udgået)` : f.name }))];
  const count = rows === null ? 'Henter henstillinger …' : rows.length === 1 ? '1 henstilling' : `${rows.length} henstillinger`;

  return (
    <Page title="Henstillinger" wide>
      <div role="search" className="filters" aria-label="Filtrér henstillinger">
        <fieldset className="filter-group">
          <legend className="field-label">Status</legend>
          {RecommendationStatus.entries.map((e) => (
            <CheckboxField key={e.code} id={`rec-status-${e.code}`} label={e.label} checked={statuses.includes(e.code)}
              onChange={(on) => setStatuses((s) => (on ? [...s, e.code] : s.filter((x) => x !== e.code)))} />
          ))}
        </fieldset>
        <SelectField id="rec-forvaltning" label="Forvaltning" width="m" value={forvaltningId === null ? '' : String(forvaltningId)} options={forvaltningOptions}
          onChange={(v) => setForvaltningId(v === '' ? null : Number(v))} />
        <DateField id="rec-from" label="Givet fra" value={fromText} today={today} onChange={setFromText}
          error={fromText.trim().length >= 8 ? dateFieldError(fromText) : undefined} />
        <DateField id="rec-to" label="Givet til" value={toText} today={today} onChange={setToText}
          error={toText.trim().length >= 8 ? dateFieldError(toText) : undefined} />
        <CheckboxField id="rec-due" label="Opfølgning forfalden" checked={followUpDue} onChange={setFollowUpDue} />
      </div>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      <p role="status" className="result-count">{count}</p>
      {rows !== null && rows.length === 0 ? <p className="empty-state">Ingen henstillinger matcher filtrene.</p> : null}
      {rows !== null && rows.length > 0 ? <RecommendationsTable rows={rows} today={today} /> : null}
    </Page>
  );
}
