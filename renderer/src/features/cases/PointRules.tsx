/**
 * The "Regler" group of a klagepunkt: the rules it is assessed against, each with the adviser's
 * assessment and reasoning, a picker to add more, and the rules usually involved for the chosen
 * themes ("Foreslåede regler", from the editable theme → rule mapping) with one-click add.
 *
 * A rule that cannot be recorded as breached (background, or shipped and unverified:
 * breachRefusal) is neither offered nor suggested, and "Ikke overholdt" is not offered for it. A
 * link stored as breached before that rule existed keeps its assessment (nothing is lost) and is
 * flagged with the reason.
 */
import { useEffect, useRef, useState } from 'react';
import { Assessment, breachRefusal, type AssessmentCode, type PointRule, type Rule } from '../../../../shared/domain/rule';
import { send } from '../../api/client';
import { SelectField, TextAreaField, type Option } from '../../components/Field';
import { routeHref } from '../../app/router';
import { ruleHeading } from '../rules/rule-text';
import type { RulesLoad } from '../rules/use-rules';
import { VerificationMark } from '../rules/VerificationMark';
import { RulePicker } from './RulePicker';

const assessmentOptions: Option[] = Assessment.entries.map((e) => ({ value: e.code, label: e.label }));

/** The assessments to offer for a link: never a new "Ikke overholdt" for a rule that refuses it. */
function optionsFor(rule: Rule | undefined, current: AssessmentCode): Option[] {
  if (rule === undefined || breachRefusal(rule) === null || current === 'ikke_overholdt') return assessmentOptions;
  return assessmentOptions.filter((o) => o.value !== 'ikke_overholdt');
}

/** Theme suggestions for a set of themes; a failure only means no suggestions are shown. */
function useSuggestions(themeIds: ReadonlyArray<number>): string[] {
  const [ids, setIds] = useState<string[]>([]);
  const key = [...themeIds].sort((a, b) => a - b).join(',');
  useEffect(() => {
    if (key === '') { setIds([]); return undefined; }
    let live = true;
    send('rules:suggest', { themeIds: key.split(',').map(Number) }).then(
      (found) => { if (live) setIds(found); },
      () => { if (live) setIds([]); },
    );
    return () => { live = false; };
  }, [key]);
  return ids;
}

export function PointRules({ index, links, themeIds, catalog, retired, error, errors, onChange }: Readonly<{
  index: number;
  links: ReadonlyArray<PointRule>;
  themeIds: ReadonlyArray<number>;
  catalog: RulesLoad;
  retired: (rule: Rule) => boolean;
  error?: string | undefined;
  /** The case form's errors; a link's own is at `points.N.rules.M.assessment`. */
  errors?: Readonly<Record<string, string>>;
  onChange: (links: PointRule[]) => void;
}>) {
  const prefix = `f-points-${index}`;
  const byId = new Map((catalog.rules ?? []).map((r) => [r.id, r]));
  const linked = new Set(links.map((l) => l.ruleId));
  const offerable = (r: Rule) => !retired(r) && breachRefusal(r) === null;
  const addable = (catalog.rules ?? []).filter((r) => !linked.has(r.id) && offerable(r));
  const suggested = useSuggestions(themeIds).filter((id) => !linked.has(id)).map((id) => byId.get(id)).filter((r): r is Rule => r !== undefined && offerable(r));
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    pendingFocus.current = null;
    document.getElementById(id)?.focus();
  });

  function add(rule: Rule, focusAfter: string | null) {
    pendingFocus.current = focusAfter;
    onChange([...links, { ruleId: rule.id, assessment: 'ikke_vurderet', reasoning: '' }]);
  }
  function patch(ruleId: string, p: Partial<PointRule>) {
    onChange(links.map((l) => (l.ruleId === ruleId ? { ...l, ...p } : l)));
  }
  function remove(ruleId: string) {
    pendingFocus.current = `${prefix}-rule-picker`;
    onChange(links.filter((l) => l.ruleId !== ruleId));
  }

  return (
    <fieldset className="subgroup point-rules">
      <legend>Regler</legend>
      {catalog.error ? <p className="field-error">{catalog.error}</p> : null}
      {links.length === 0 ? <p className="muted">Ingen regler tilknyttet.</p> : (
        <ul className="rule-links" aria-label={`Regler for klagepunkt ${index + 1}`}>
          {links.map((l, j) => {
            const rule = byId.get(l.ruleId);
            const name = rule ? ruleHeading(rule) : l.ruleId;
            const at = `${prefix}-rules-${l.ruleId}`;
            const refusal = rule ? breachRefusal(rule) : null;
            const linkError = errors?.[`points.${index}.rules.${j}.assessment`];
            return (
              <li key={l.ruleId} className="rule-link">
                <fieldset className="rule-link-group" aria-labelledby={`${at}-name`}>
                  <p className="rule-link-head">
                    <a id={`${at}-name`} href={routeHref({ name: 'rule', id: l.ruleId })} className="rule-link-name">{name}</a>
                    {rule ? <> <VerificationMark verification={rule.verification} /></> : null}
                    {rule && retired(rule) ? <span className="tag tag--retired">udgået</span> : null}
                    {refusal !== null ? <span className="tag">baggrund</span> : null}
                  </p>
                  {refusal !== null && l.assessment === 'ikke_overholdt' ? (
                    <p className="alert alert--warning">
                      Registreret som »ikke overholdt«, før reglen blev baggrund. Registreringen bevares, men den kan ikke gives igen. {refusal}
                    </p>
                  ) : null}
                  <div className="point-grid">
                    <SelectField id={`${at}-assessment`} label="Vurdering" width="s" value={l.assessment} options={optionsFor(rule, l.assessment)}
                      error={linkError} onChange={(v) => patch(l.ruleId, { assessment: v as AssessmentCode })} />
                  </div>
                  <TextAreaField id={`${at}-reasoning`} label="Begrundelse" value={l.reasoning} rows={2} maxLength={20000}
                    onChange={(reasoning) => patch(l.ruleId, { reasoning })} />
                  <button type="button" className="button button--secondary button--small" onClick={() => remove(l.ruleId)}>
                    Fjern {name}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ul>
      )}
      <RulePicker id={`${prefix}-rule-picker`} rules={addable} loading={catalog.rules === null} error={error}
        onAdd={(r) => add(r, null)} />
      {suggested.length > 0 ? (
        <div className="suggestions">
          <h3 id={`${prefix}-suggested`} className="suggestions-title">Foreslåede regler</h3>
          <ul aria-labelledby={`${prefix}-suggested`} className="plain-list">
            {suggested.map((r) => (
              <li key={r.id}>
                <button type="button" className="button button--secondary button--small"
                  onClick={() => add(r, `${prefix}-rules-${r.id}-assessment`)}>
                  Tilføj {ruleHeading(r)}
                </button>{' '}
                <VerificationMark verification={r.verification} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
