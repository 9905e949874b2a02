/**
 * Henstillinger on the case page: what the adviser has recommended to the forvaltninger in this
 * henvendelse, whether each was followed, and a form to add or edit one. Lives outside the case
 * form (no nested forms) and saves on its own, since a henstilling is often added after the case
 * itself is settled. Klagepunkter must be saved before a henstilling can point at one.
 */
import { openItemElementId } from '../../../../shared/domain/case-workspace';
import { useEffect, useRef, useState } from 'react';
import type { Point } from '../../../../shared/domain/case';
import type { Recommendation } from '../../../../shared/domain/recommendation';
import { errorMessage, send } from '../../api/client';
import { useCaseList } from '../../api/use-case-list';
import { useAppData } from '../../app/AppDataProvider';
import { draftFromRecommendation, emptyRecommendationDraft } from './recommendation-draft';
import { RecommendationForm } from './RecommendationForm';
import { RecommendationItem } from './RecommendationItem';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: number };

export function RecommendationsSection({ caseId, points, version, onChanged }: Readonly<{
  caseId: number;
  points: ReadonlyArray<Point>;
  /** The case's version: a save may renumber klagepunkter, so the list is fetched again. */
  version: number;
  /** After a henstilling is added, changed or deleted: the page refreshes its history and "senest ændret". */
  onChanged?: () => void;
}>) {
  const { settings, today } = useAppData();
  const { items, error, setError, reload } = useCaseList('recommendations:for-case', caseId, version);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);


  // Focus moves after the form has gone, to the control the adviser came from (or the heading).
  const focusAfter = useRef<'add' | 'heading' | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (target === null || editing.kind !== 'none') return;
    focusAfter.current = null;
    (target === 'add' ? addButton.current : heading.current)?.focus();
  });

  function close(focus: 'add' | 'heading') {
    focusAfter.current = focus;
    setEditing({ kind: 'none' });
  }

  async function remove(r: Recommendation) {
    if (!window.confirm('Vil du slette henstillingen? Det kan ikke fortrydes.')) return;
    setNotice(null);
    setError(null);
    try {
      await send('recommendations:delete', { id: r.id });
      await reload();
      onChanged?.();
      setNotice('Henstillingen er slettet.');
      heading.current?.focus();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="form-section recommendations" aria-labelledby="recommendations-title">
      <h2 id="recommendations-title" ref={heading} tabIndex={-1}>Henstillinger</h2>
      <div role="status" className="feedback">{notice ? <p className="alert alert--success">{notice}</p> : null}</div>
      {/* Rendered only with a message: the case form's own save alert must stay the page's one alert. */}
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      {items === null && !error ? <p className="muted">Henter henstillinger …</p> : null}
      {items !== null && items.length === 0 ? <p className="muted">Der er ikke givet henstillinger i henvendelsen.</p> : null}
      {items !== null && items.length > 0 ? (
        <ul className="entry-list" aria-label="Henstillinger i henvendelsen">
          {items.map((r) => (
            <li key={r.id} id={openItemElementId.recommendation(r.id)} tabIndex={-1} className="entry">
              {editing.kind === 'edit' && editing.id === r.id ? (
                <RecommendationForm
                  idPrefix={`rec-${r.id}`} title="Ret henstilling" caseId={caseId} initial={draftFromRecommendation(r)}
                  points={points} settings={settings} today={today}
                  onSave={async (input) => {
                    await send('recommendations:update', { id: r.id, input });
                    await reload();
                    onChanged?.();
                    setNotice('Henstillingen er gemt.');
                    close('heading');
                  }}
                  onCancel={() => close('heading')}
                />
              ) : (
                <RecommendationItem item={r} today={today} onEdit={() => { setNotice(null); setEditing({ kind: 'edit', id: r.id }); }} onDelete={() => void remove(r)} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {editing.kind === 'new' ? (
        <RecommendationForm
          idPrefix="rec-new" title="Ny henstilling" caseId={caseId} initial={emptyRecommendationDraft(today, points)}
          points={points} settings={settings} today={today}
          onSave={async (input) => {
            await send('recommendations:create', { input });
            await reload();
            onChanged?.();
            setNotice('Henstillingen er gemt.');
            close('add');
          }}
          onCancel={() => close('add')}
        />
      ) : (
        <button ref={addButton} type="button" className="button button--secondary" onClick={() => { setNotice(null); setEditing({ kind: 'new' }); }}>
          Tilføj henstilling
        </button>
      )}
    </section>
  );
}
