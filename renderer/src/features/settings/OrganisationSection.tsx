/**
 * Organisation: forvaltninger, each with its afdelinger. Entries in use by a case cannot be deleted
 * (the backend refuses with a Danish message shown here); they can be marked as udgået instead.
 */
import { useRef } from 'react';
import { send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { AddEntryForm } from './AddEntryForm';
import { EntryRow } from './EntryRow';
import { SectionFeedback } from './SectionFeedback';
import { useSettingsAction } from './use-settings-action';

export function OrganisationSection() {
  const { settings } = useAppData();
  const action = useSettingsAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = () => heading.current?.focus();

  return (
    <section className="form-section" aria-labelledby="set-org">
      <h2 id="set-org" ref={heading} tabIndex={-1}>Organisation</h2>
      <p className="muted">Forvaltninger og afdelinger, som klagepunkter registreres på. Udgåede tilbydes ikke ved nye henvendelser, men bevares på gamle.</p>
      <SectionFeedback notice={action.notice} error={action.error} />
      {settings.forvaltninger.length === 0 ? <p className="muted">Der er ingen forvaltninger endnu.</p> : (
        <ul className="entry-list" aria-label="Forvaltninger">
          {settings.forvaltninger.map((f) => (
            <EntryRow key={f.id} kind="forvaltning" entry={f} action={action} onDeleted={focusHeading}>
              <div className="entry-children">
                {f.afdelinger.length > 0 ? (
                  <ul className="entry-list entry-list--nested" aria-label={`Afdelinger under ${f.name}`}>
                    {f.afdelinger.map((a) => <EntryRow key={a.id} kind="afdeling" entry={a} action={action} onDeleted={focusHeading} />)}
                  </ul>
                ) : <p className="muted">Ingen afdelinger.</p>}
                <AddEntryForm
                  id={`new-afdeling-${f.id}`}
                  label={`Ny afdeling under ${f.name}`}
                  buttonText="Tilføj afdeling"
                  buttonName={`Tilføj afdeling under ${f.name}`}
                  onAdd={(name) => action.run(() => send('catalog:add', { kind: 'afdeling', name, parentId: f.id }), `Afdelingen ${name} er tilføjet under ${f.name}.`)}
                />
              </div>
            </EntryRow>
          ))}
        </ul>
      )}
      <AddEntryForm
        id="new-forvaltning"
        label="Ny forvaltning"
        buttonText="Tilføj forvaltning"
        onAdd={(name) => action.run(() => send('catalog:add', { kind: 'forvaltning', name, parentId: null }), `Forvaltningen ${name} er tilføjet.`)}
      />
    </section>
  );
}
