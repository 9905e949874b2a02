/**
 * One catalogue entry (forvaltning, afdeling or theme): its name and state, and the actions rename
 * (inline; Enter saves, Escape cancels), retire / take into use again, and delete. Button names carry
 * the entry ("Slet: temaet Aktindsigt") so they stay unambiguous in a long list.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { catalogKindLabel, catalogNameProblem, type CatalogKind } from '../../../../shared/domain/settings';
import { send } from '../../api/client';
import type { SettingsAction } from './use-settings-action';

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function ActionButton({ verb, target, onClick, primary }: Readonly<{ verb: string; target: string; onClick: () => void; primary?: boolean }>) {
  return (
    // An explicit aria-label: the accessible name then reads the same in every engine (a hidden span
    // is joined with or without a space depending on computed style), and starts with the visible verb.
    <button type="button" className={`button button--small${primary ? '' : ' button--secondary'}`} onClick={onClick} aria-label={`${verb}: ${target}`}>
      {verb}
    </button>
  );
}

export function EntryRow({ kind, entry, action, onDeleted, children }: Readonly<{
  kind: Exclude<CatalogKind, 'adviser'>;
  entry: Readonly<{ id: number; name: string; retired: boolean; inUse: boolean }>;
  action: SettingsAction;
  /** Where focus goes after the entry is gone. */
  onDeleted: () => void;
  children?: ReactNode;
}>) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(entry.name);
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const renameRef = useRef<HTMLSpanElement>(null);
  const target = `${catalogKindLabel[kind]} ${entry.name}`;
  const inputId = `rename-${kind}-${entry.id}`;

  useEffect(() => { if (editing) inputRef.current?.select(); }, [editing]);

  function stopEditing() {
    setEditing(false);
    setProblem(null);
    requestAnimationFrame(() => renameRef.current?.querySelector('button')?.focus());
  }

  async function saveName() {
    const p = catalogNameProblem(name);
    setProblem(p);
    if (p) return;
    if (name.trim() === entry.name) { stopEditing(); return; }
    const ok = await action.run(() => send('catalog:rename', { kind, id: entry.id, name: name.trim() }),
      `${capital(catalogKindLabel[kind])} ${entry.name} hedder nu ${name.trim()}.`);
    if (ok) stopEditing();
  }

  return (
    <li className={`entry${entry.retired ? ' entry--retired' : ''}`}>
      <div className="entry-line">
        {editing ? (
          <div className={`entry-rename${problem ? ' field--error' : ''}`}>
            <label htmlFor={inputId} className="visually-hidden">Nyt navn til {target}</label>
            <input
              id={inputId}
              ref={inputRef}
              className="input input--m"
              value={name}
              maxLength={120}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${inputId}-error` : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') { e.preventDefault(); void saveName(); }
                if (e.key === 'Escape') { e.preventDefault(); setName(entry.name); stopEditing(); }
              }}
            />
            <ActionButton verb="Gem navn" target={target} primary onClick={() => void saveName()} />
            <ActionButton verb="Annullér" target={`omdøbning af ${target}`} onClick={() => { setName(entry.name); stopEditing(); }} />
            {problem ? <p id={`${inputId}-error`} className="field-error">{problem}</p> : null}
          </div>
        ) : (
          <span className="entry-name">
            {entry.name}
            {entry.retired ? <span className="tag tag--retired">udgået</span> : null}
            {entry.inUse ? <span className="tag">i brug</span> : null}
          </span>
        )}
        {!editing ? (
          <span className="entry-actions">
            <span ref={renameRef}><ActionButton verb="Omdøb" target={target} onClick={() => { setName(entry.name); setEditing(true); }} /></span>
            {entry.retired ? (
              <ActionButton verb="Tag i brug igen" target={target} onClick={() => void action.run(
                () => send('catalog:set-retired', { kind, id: entry.id, retired: false }), `${capital(target)} er taget i brug igen.`)} />
            ) : (
              <ActionButton verb="Markér som udgået" target={target} onClick={() => void action.run(
                () => send('catalog:set-retired', { kind, id: entry.id, retired: true }),
                `${capital(target)} er markeret som udgået og tilbydes ikke længere ved nye henvendelser.`)} />
            )}
            <ActionButton verb="Slet" target={target} onClick={() => void action.run(
              () => send('catalog:delete', { kind, id: entry.id }), `${capital(target)} er slettet.`).then((ok) => { if (ok) onDeleted(); })} />
          </span>
        ) : null}
      </div>
      {children}
    </li>
  );
}
