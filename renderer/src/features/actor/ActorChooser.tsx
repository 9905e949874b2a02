/**
 * The start screen "Hvem er du?": the active advisers as radio buttons (arrow keys move, Enter
 * continues), and for someone not on the list a short form that adds them as a new adviser. The
 * choice is remembered by the backend for this OS user, so it is asked once per computer and user;
 * "Skift rådgiver" in the header opens it again, with "Annullér" back to the current adviser.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { useActor } from './ActorProvider';

export function ActorChooser() {
  const { settings, setSettings } = useAppData();
  const { adviser, chosen, cancelChoosing } = useActor();
  const active = settings.advisers.filter((a) => !a.retired);
  // Offered first: the current choice when switching, else the desk's default adviser from Indstillinger, else the only one.
  const deskDefault = active.find((a) => a.id === settings.currentAdviserId)?.id ?? null;
  const [picked, setPicked] = useState<number | null>(adviser?.id ?? deskDefault ?? (active.length === 1 ? (active[0]?.id ?? null) : null));
  const [pickError, setPickError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [initials, setInitials] = useState('');
  const [newErrors, setNewErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const failureRef = useRef<HTMLParagraphElement>(null);

  function fail(message: string) {
    setFailure(message);
    // After the render that shows it, so a screen reader reads the alert where focus lands.
    window.setTimeout(() => failureRef.current?.focus(), 0);
  }

  async function choose(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (picked === null) {
      setPickError('Vælg, hvem du er.');
      document.querySelector<HTMLInputElement>('input[name="actor-choice"]')?.focus();
      return;
    }
    setPickError(null);
    setFailure(null);
    setBusy(true);
    try {
      const { adviserId } = await send('actor:choose', { adviserId: picked });
      chosen(adviserId);
    } catch (err) {
      fail(errorMessage(err));
      setBusy(false);
    }
  }

  async function register(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFailure(null);
    setNewErrors({});
    if (name.trim() === '') {
      setNewErrors({ name: 'Skriv dit navn.' });
      document.getElementById('actor-new-name')?.focus();
      return;
    }
    setBusy(true);
    try {
      const out = await send('actor:register', { name, initials });
      setSettings(out.settings);
      chosen(out.adviserId);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
        setNewErrors({ ...err.fields });
        document.getElementById(err.fields['name'] ? 'actor-new-name' : 'actor-new-initials')?.focus();
      } else fail(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Page title="Hvem er du?">
      <p className="muted">
        Ombud skriver dit navn i historikken ved hver ændring, du laver. Valget huskes på denne computer for din bruger, til du
        vælger om med knappen Skift rådgiver øverst i vinduet.
      </p>
      {failure ? <p ref={failureRef} tabIndex={-1} role="alert" className="alert alert--error">{failure}</p> : null}
      {active.length > 0 ? (
        <form onSubmit={(e) => void choose(e)} noValidate aria-label="Vælg rådgiver" className="form-section">
          <fieldset className={`radio-group${pickError ? ' field--error' : ''}`} aria-describedby={pickError ? 'actor-choice-error' : undefined}>
            <legend className="field-label">Jeg er</legend>
            {pickError ? <p id="actor-choice-error" className="field-error">{pickError}</p> : null}
            {active.map((a) => (
              <div className="radio" key={a.id}>
                <input
                  id={`actor-choice-${a.id}`}
                  type="radio"
                  name="actor-choice"
                  value={String(a.id)}
                  checked={picked === a.id}
                  onChange={() => { setPicked(a.id); setPickError(null); }}
                />
                <label htmlFor={`actor-choice-${a.id}`}>{a.initials ? `${a.name} (${a.initials})` : a.name}</label>
              </div>
            ))}
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button" aria-disabled={busy || undefined}>Fortsæt</button>
            {adviser ? (
              <button type="button" className="button button--secondary" onClick={cancelChoosing}>Annullér – fortsæt som {adviser.name}</button>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="alert">Der er ingen aktive rådgivere i databasen endnu. Opret dig selv herunder.</p>
      )}
      <section className="form-section" aria-labelledby="actor-new-title">
        <h2 id="actor-new-title">{active.length > 0 ? 'Står du ikke på listen?' : 'Opret dig som rådgiver'}</h2>
        <p className="muted">Du bliver oprettet som rådgiver under Indstillinger → Rådgivere, med dit eget navn i historikken.</p>
        <form onSubmit={(e) => void register(e)} noValidate aria-label="Opret ny rådgiver">
          <TextField id="actor-new-name" label="Dit navn" value={name} onChange={setName} required error={newErrors['name']} autoComplete="name" maxLength={200} />
          <TextField id="actor-new-initials" label="Initialer" value={initials} onChange={setInitials} error={newErrors['initials']} width="xs" maxLength={10}
            hint="Valgfrit, fx MJ" />
          <div className="button-row">
            <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>Opret mig, og fortsæt</button>
          </div>
        </form>
      </section>
    </Page>
  );
}
