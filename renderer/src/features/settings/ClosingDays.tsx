/**
 * The municipality's own closing days (non-working in every calendar profile): add a date with a
 * reason, remove one. Each change is saved at once with the stored settings, and the open
 * deadlines are recomputed.
 */
import { useState, type FormEvent } from 'react';
import type { ClosingDay } from '../../../../shared/deadlines/types';
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import { DATE_FORMAT_MESSAGE, DateField, dateFieldError, parseDateField } from '../../components/DateField';
import { TextField } from '../../components/Field';

export function ClosingDays({ days, today, busy, onSave }: Readonly<{
  days: ReadonlyArray<ClosingDay>;
  today: IsoDate;
  busy: boolean;
  /** Resolves true when saved. */
  onSave: (days: ClosingDay[], success: string) => Promise<boolean>;
}>) {
  const [dateText, setDateText] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Record<string, string>>({});

  async function add(e: FormEvent) {
    e.preventDefault();
    const date = parseDateField(dateText);
    const found: Record<string, string> = {};
    if (date === null) found['date'] = 'Skriv datoen for lukkedagen.';
    else if (date === 'invalid') found['date'] = dateFieldError(dateText) ?? DATE_FORMAT_MESSAGE;
    else if (days.some((d) => d.date === date)) found['date'] = 'Dagen er allerede en lukkedag.';
    if (reason.trim() === '') found['reason'] = 'Skriv hvorfor kommunen holder lukket.';
    setProblem(found);
    if (Object.keys(found).length > 0 || date === null || date === 'invalid') return;
    const next = [...days, { date, reason: reason.trim() }].sort((a, b) => a.date.localeCompare(b.date));
    if (await onSave(next, `Lukkedagen ${formatDanishDate(date)} er tilføjet.`)) { setDateText(''); setReason(''); }
  }

  return (
    <div className="closing-days">
      <h3 id="closing-days-title">Kommunens lukkedage</h3>
      {days.length === 0 ? <p className="muted">Ingen lukkedage ud over helligdagene.</p> : (
        <ul className="entry-list" aria-labelledby="closing-days-title">
          {days.map((d) => (
            <li key={d.date} className="entry entry-line">
              <span><span className="entry-name">{formatDanishDate(d.date)}</span> – {d.reason}</span>
              <button type="button" className="button button--secondary button--small" aria-label={`Fjern lukkedag ${formatDanishDate(d.date)}`}
                aria-disabled={busy || undefined}
                onClick={() => { if (!busy) void onSave(days.filter((x) => x.date !== d.date), `Lukkedagen ${formatDanishDate(d.date)} er fjernet.`); }}>
                Fjern
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} noValidate className="add-form form-grid" aria-label="Tilføj lukkedag">
        <DateField id="closing-date" label="Lukkedag" value={dateText} today={today} error={problem['date']} onChange={setDateText} />
        <TextField id="closing-reason" label="Årsag" width="m" value={reason} maxLength={200} error={problem['reason']} onChange={setReason}
          after={<button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>Tilføj lukkedag</button>} />
      </form>
    </div>
  );
}
