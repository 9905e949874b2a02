/** "Beregning" on a line of the Frister overview: fetched when opened. */
import { useId, useState } from 'react';
import type { DeadlineExplanation } from '../../../../shared/deadlines/types';
import type { FristItem } from '../../../../shared/domain/deadline-tracking';
import { errorMessage } from '../../api/client';
import { ExplanationLines } from './Explanation';
import { explanationFor } from './frist-explanation';

type Load = { state: 'closed' } | { state: 'loading' } | { state: 'ready'; explanation: DeadlineExplanation | null } | { state: 'error'; message: string };

export function FristExplanation({ item, about }: Readonly<{ item: FristItem; about: string }>) {
  const [load, setLoad] = useState<Load>({ state: 'closed' });
  const id = useId();
  const open = load.state !== 'closed';

  function toggle() {
    if (open) { setLoad({ state: 'closed' }); return; }
    setLoad({ state: 'loading' });
    explanationFor(item).then(
      (explanation) => setLoad({ state: 'ready', explanation }),
      (e: unknown) => setLoad({ state: 'error', message: errorMessage(e) }),
    );
  }

  return (
    <div className="explanation">
      <button type="button" className="button button--secondary button--small" aria-expanded={open} aria-controls={id} onClick={toggle}>
        Beregning<span className="visually-hidden"> – {about}</span>
      </button>
      <div id={id} className="explanation-body" hidden={!open}>
        {load.state === 'loading' ? <span className="muted">Henter beregningen …</span> : null}
        {load.state === 'error' ? <span className="field-error">{load.message}</span> : null}
        {load.state === 'ready' && load.explanation ? <ExplanationLines explanation={load.explanation} label={`Beregning af ${about}`} /> : null}
        {load.state === 'ready' && !load.explanation ? <span className="muted">Beregningen findes ikke længere; åbn sagen.</span> : null}
      </div>
    </div>
  );
}
