/**
 * Frist-beregner: compute any deadline with the same engine as the case deadlines and the CLI's
 * `ombud deadline` – from a date plus "N enhed" (calendar profile, roll-forward), or by a rule – for
 * the owner chosen under "Hvis frist?" (legal-rules.md § b.5: the citizen's deadline, the authority's
 * statutory one, or a local target), which starts as the chosen rule's own. Shows the adviser's
 * Beregning and the same deadline as a letter would say it.
 */
import { useState, type FormEvent } from 'react';
import { DeadlineOwnerVocab, type DeadlineOwner } from '../../../../shared/deadlines/owner';
import type { DeadlineExplanation } from '../../../../shared/deadlines/types';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { ApiError, errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { DATE_FORMAT_MESSAGE, DateField, dateFieldError, parseDateField } from '../../components/DateField';
import { SelectField, type Option } from '../../components/Field';
import { isRetired, ruleHeadingMarked } from '../rules/rule-text';
import { useRuleCatalog } from '../rules/use-rules';
import { hasComputableDeadline } from './deadline-text';
import { ExplanationLines, LetterLines } from './Explanation';
import { deadlineShortOf } from './point-deadline-text';
import { toSpec, type SpecDraft } from './spec-draft';
import { SpecFields } from './SpecFields';

const ownerOptions: Option[] = DeadlineOwnerVocab.entries.map((e) => ({ value: e.code, label: e.label }));

export function DeadlineCalculator() {
  const { today } = useAppData();
  const { rules } = useRuleCatalog();
  const [fromText, setFromText] = useState(formatDanishDate(today));
  const [byRule, setByRule] = useState(false);
  const [spec, setSpec] = useState<SpecDraft>({ amountText: '10', unit: 'arbejdsdage', profile: 'standard', rollForward: true });
  const [ruleId, setRuleId] = useState('');
  // Without a rule, a deadline is the authority's by default (as deadlines:compute does).
  const [owner, setOwner] = useState<DeadlineOwner>('myndighed');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<DeadlineExplanation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function compute(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    const from = parseDateField(fromText);
    if (from === null) found['from'] = 'Skriv den dato, fristen løber fra.';
    else if (from === 'invalid') found['from'] = dateFieldError(fromText) ?? DATE_FORMAT_MESSAGE;
    const converted = byRule ? { spec: null, error: undefined } : toSpec(spec);
    if (converted.error) found['amount'] = converted.error;
    if (byRule && ruleId === '') found['ruleId'] = 'Vælg en regel.';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0 || from === null || from === 'invalid') { setResult(null); return; }
    try {
      setResult(await send('deadlines:compute', { from, spec: converted.spec, ruleId: byRule ? ruleId : null, owner }));
    } catch (err) {
      setResult(null);
      setErrors(err instanceof ApiError ? { ...err.fields } : {});
      setFailure(errorMessage(err));
    }
  }

  /**
   * Any change to an input clears the last result: a due date shown next to inputs that no longer
   * produce it would be read as their answer.
   */
  function changed<T>(set: (v: T) => void): (v: T) => void {
    return (v) => { set(v); setResult(null); setFailure(null); };
  }

  /** The owner a rule gives its deadline, or the authority's without a rule. */
  const ownerOf = (id: string): DeadlineOwner => (rules ?? []).find((r) => r.id === id)?.deadline?.owner ?? 'myndighed';
  function chooseMode(rule: boolean) {
    setResult(null);
    setFailure(null);
    setByRule(rule);
    setOwner(rule ? ownerOf(ruleId) : 'myndighed');
  }
  function chooseRule(id: string) {
    setResult(null);
    setFailure(null);
    setRuleId(id);
    setOwner(ownerOf(id));
  }

  const ruleOptions: Option[] = [
    { value: '', label: 'Vælg regel' },
    ...(rules ?? []).filter((r) => hasComputableDeadline(r) && !isRetired(r, today)).map((r) => ({ value: r.id, label: `${ruleHeadingMarked(r)} (${deadlineShortOf(r)})` })),
  ];

  return (
    <section className="form-section" aria-labelledby="calc-title">
      <h2 id="calc-title">Frist-beregner</h2>
      <form onSubmit={(e) => void compute(e)} noValidate aria-label="Frist-beregner">
        <DateField id="calc-from" label="Fra dato" value={fromText} today={today} required error={errors['from']} onChange={changed(setFromText)}
          hint="dd.mm.åååå – dagen selv tælles ikke med" />
        <fieldset className="radio-group">
          <legend className="field-label">Frist</legend>
          <div className="radio">
            <input id="calc-mode-spec" type="radio" name="calc-mode" checked={!byRule} onChange={() => chooseMode(false)} />
            <label htmlFor="calc-mode-spec">Antal og enhed</label>
          </div>
          <div className="radio">
            <input id="calc-mode-rule" type="radio" name="calc-mode" checked={byRule} onChange={() => chooseMode(true)} />
            <label htmlFor="calc-mode-rule">Efter en regel</label>
          </div>
        </fieldset>
        {byRule ? (
          <SelectField id="calc-rule" label="Regel" value={ruleId} options={ruleOptions} error={errors['ruleId']} onChange={chooseRule} />
        ) : (
          <SpecFields idPrefix="calc" value={spec} onChange={changed(setSpec)} error={errors['amount']} />
        )}
        <SelectField id="calc-owner" label="Hvis frist?" value={owner} options={ownerOptions} error={errors['owner']}
          onChange={(v) => changed(setOwner)(v as DeadlineOwner)}
          hint="Borgerens frist tælles kun over weekender og helligdage. Kommunens lukkedage forlænger ikke en lovbestemt frist; en lokal målsætning tæller dem med." />
        <div className="button-row"><button type="submit" className="button">Beregn frist</button></div>
      </form>
      {failure ? <p role="alert" className="alert alert--error">{failure}</p> : null}
      <div role="status" className="calc-result">
        {result ? <p className="calc-due">Fristen udløber <strong>{formatDanishDate(result.due)}</strong></p> : null}
      </div>
      {result ? <ExplanationLines explanation={result} label="Beregning" /> : null}
      {result ? <LetterLines explanation={result} label="Brevtekst" /> : null}
    </section>
  );
}
