/**
 * A flat catalogue in Indstillinger (themes, competence reasons): its entries with rename, retire
 * and delete (EntryRow), and a field to add one. Entries in use can only be retired (the backend
 * refuses deleting them), so old cases and statistics keep what was recorded.
 */
import { useRef, type ReactNode } from 'react';
import type { CatalogKind } from '../../../../shared/domain/settings';
import { send } from '../../api/client';
import { AddEntryForm } from './AddEntryForm';
import { EntryRow } from './EntryRow';
import { SectionFeedback } from './SectionFeedback';
import { useSettingsAction } from './use-settings-action';

export type SimpleCatalogText = Readonly<{
  /** The section's h2 (also the list's accessible name). */
  title: string;
  /** Shown when the list is empty. */
  empty: string;
  addLabel: string;
  addButton: string;
  added: (name: string) => string;
}>;

export function SimpleCatalogSection({ kind, headingId, entries, text, intro }: Readonly<{
  kind: Extract<CatalogKind, 'theme' | 'competence_reason'>;
  headingId: string;
  entries: ReadonlyArray<Readonly<{ id: number; name: string; retired: boolean; inUse: boolean }>>;
  text: SimpleCatalogText;
  intro?: ReactNode;
}>) {
  const action = useSettingsAction();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="form-section" aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>{text.title}</h2>
      {intro}
      <SectionFeedback notice={action.notice} error={action.error} />
      {entries.length === 0 ? <p className="muted">{text.empty}</p> : (
        <ul className="entry-list" aria-label={text.title}>
          {entries.map((e) => <EntryRow key={e.id} kind={kind} entry={e} action={action} onDeleted={() => heading.current?.focus()} />)}
        </ul>
      )}
      <AddEntryForm
        id={`new-${kind.replace('_', '-')}`}
        label={text.addLabel}
        buttonText={text.addButton}
        onAdd={(name) => action.run(() => send('catalog:add', { kind, name, parentId: null }), text.added(name))}
      />
    </section>
  );
}
