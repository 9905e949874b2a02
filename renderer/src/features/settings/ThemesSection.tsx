/** Temaer: the themes a klagepunkt can be tagged with (statistics count them per klagepunkt). */
import { useRef } from 'react';
import { send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { AddEntryForm } from './AddEntryForm';
import { EntryRow } from './EntryRow';
import { SectionFeedback } from './SectionFeedback';
import { useSettingsAction } from './use-settings-action';

export function ThemesSection() {
  const { settings } = useAppData();
  const action = useSettingsAction();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="form-section" aria-labelledby="set-themes">
      <h2 id="set-themes" ref={heading} tabIndex={-1}>Temaer</h2>
      <SectionFeedback notice={action.notice} error={action.error} />
      {settings.themes.length === 0 ? <p className="muted">Der er ingen temaer endnu.</p> : (
        <ul className="entry-list" aria-label="Temaer">
          {settings.themes.map((t) => <EntryRow key={t.id} kind="theme" entry={t} action={action} onDeleted={() => heading.current?.focus()} />)}
        </ul>
      )}
      <AddEntryForm
        id="new-theme"
        label="Nyt tema"
        buttonText="Tilføj tema"
        onAdd={(name) => action.run(() => send('catalog:add', { kind: 'theme', name, parentId: null }), `Temaet ${name} er tilføjet.`)}
      />
    </section>
  );
}
