/**
 * "Lovbestemte frister" on the case page: statutory deadlines on the municipality's own handling
 * (e.g. 7 arbejdsdage for aktindsigt) attached to a klagepunkt, with the due date, whether it was
 * kept, and the Beregning. Only rules with a computable deadline are offered, and the
 * municipality's svarpolitik from the settings (a local target, named as such).
 */
import { openItemElementId } from '../../../../shared/domain/case-workspace';
import { useEffect, useState } from 'react';
import type { Point } from '../../../../shared/domain/case';
import { formatDanishDate } from '../../../../shared/domain/dates';
import type { AnswerPolicy, PointDeadline, PointDeadlineInput } from '../../../../shared/domain/deadline-tracking';
import { errorMessage, send } from '../../api/client';
import { useCaseList } from '../../api/use-case-list';
import { useAppData } from '../../app/AppDataProvider';
import { isRetired } from '../rules/rule-text';
import { useRuleCatalog } from '../rules/use-rules';
import { VerificationMark } from '../rules/VerificationMark';
import { hasComputableDeadline } from './deadline-text';
import { Explanation } from './Explanation';
import { keptClass, keptLabel } from './point-deadline-text';
import { PointDeadlineForm } from './PointDeadlineForm';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; id: number };

export function PointDeadlinesSection({ caseId, points, version, onChanged }: Readonly<{
  caseId: number;
  points: ReadonlyArray<Point>;
  version: number;
  onChanged?: () => void;
}>) {
  const { today } = useAppData();
  const { rules } = useRuleCatalog();
  const { items, error, setError, reload } = useCaseList('point-deadlines:for-case', caseId, version);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const [answerPolicy, setAnswerPolicy] = useState<AnswerPolicy | null>(null);
  useEffect(() => {
    let live = true;
    // Without the settings the svarpolitik is simply not offered; the rules still are.
    send('deadlines:settings', {}).then((s) => { if (live) setAnswerPolicy(s.answerPolicy); }, () => {});
    return () => { live = false; };
  }, []);

  const offered = (rules ?? []).filter((r) => hasComputableDeadline(r) && !isRetired(r, today));

  async function saved(input: PointDeadlineInput, id: number | null) {
    const d = id === null ? await send('point-deadlines:create', { input }) : await send('point-deadlines:update', { id, input });
    await reload();
    setEditing({ kind: 'none' });
    setNotice(`Fristen er gemt: ${formatDanishDate(d.dueOn)}.`);
    onChanged?.();
  }

  async function remove(d: PointDeadline) {
    if (!window.confirm('Vil du fjerne fristen fra klagepunktet?')) return;
    setNotice(null);
    try {
      await send('point-deadlines:delete', { id: d.id });
      await reload();
      setNotice('Fristen er fjernet.');
      onChanged?.();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="form-section" aria-labelledby="point-deadlines-title">
      <h2 id="point-deadlines-title">Lovbestemte frister</h2>
      <div role="status" className="feedback">{notice ? <p className="alert alert--success">{notice}</p> : null}</div>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      {items !== null && items.length === 0 ? <p className="muted">Der er ikke knyttet lovbestemte frister til klagepunkterne.</p> : null}
      {items !== null && items.length > 0 ? (
        <ul className="entry-list" aria-label="Lovbestemte frister">
          {items.map((d) => (
            <li key={d.id} id={openItemElementId.pointDeadline(d.id)} tabIndex={-1} className="entry">
              {editing.kind === 'edit' && editing.id === d.id ? (
                <PointDeadlineForm idPrefix={`pd-${d.id}`} title="Ret lovbestemt frist" points={points} rules={offered} answerPolicy={answerPolicy} initial={d} today={today}
                  onSave={(input) => saved(input, d.id)} onCancel={() => setEditing({ kind: 'none' })} />
              ) : (
                <div className="point-deadline">
                  <p className="request-title">
                    Klagepunkt {d.pointPosition} · {d.ruleLabel} <span className={keptClass(d)}>{keptLabel(d)}</span>
                    {d.ruleId !== null ? <> <VerificationMark verification={(rules ?? []).find((r) => r.id === d.ruleId)?.verification ?? 'yes'} /></> : null}
                  </p>
                  <div className="request-facts">
                    <span>Fra {formatDanishDate(d.startOn)}</span>
                    <span>Frist <strong>{formatDanishDate(d.dueOn)}</strong></span>
                    {d.metOn ? <span>Overholdt den {formatDanishDate(d.metOn)}</span> : null}
                    <Explanation explanation={d.explanation} about={`${d.ruleLabel}, klagepunkt ${d.pointPosition}`} />
                  </div>
                  {d.note.trim() !== '' ? <p className="prewrap muted">{d.note}</p> : null}
                  <div className="entry-actions">
                    <button type="button" className="button button--secondary button--small" aria-label={`Ret frist – ${d.ruleLabel}, klagepunkt ${d.pointPosition}`}
                      onClick={() => { setNotice(null); setEditing({ kind: 'edit', id: d.id }); }}>Ret frist</button>
                    <button type="button" className="button button--secondary button--small" aria-label={`Fjern frist – ${d.ruleLabel}, klagepunkt ${d.pointPosition}`}
                      onClick={() => void remove(d)}>Fjern frist</button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {editing.kind === 'new' ? (
        <PointDeadlineForm idPrefix="pd-new" title="Ny lovbestemt frist" points={points} rules={offered} answerPolicy={answerPolicy} initial={null} today={today}
          onSave={(input) => saved(input, null)} onCancel={() => setEditing({ kind: 'none' })} />
      ) : points.length > 0 ? (
        <button type="button" className="button button--secondary" onClick={() => { setNotice(null); setEditing({ kind: 'new' }); }}>Tilføj lovbestemt frist</button>
      ) : (
        <p className="muted">Gem et klagepunkt først.</p>
      )}
    </section>
  );
}
