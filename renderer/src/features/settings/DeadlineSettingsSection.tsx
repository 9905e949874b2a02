/**
 * Kalender og frister: the default deadline of a request, when a deadline is "Snart" and "Længe
 * overskredet", the adviser's own target, the letter presumption, the municipality's svarpolitik (a
 * local target a klagepunkt's deadline may follow) and the municipality's closing days. Saving
 * recomputes every open deadline and says how many changed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ClosingDay } from '../../../../shared/deadlines/types';
import { DEFAULT_ANSWER_POLICY, LOOKAHEAD_MAX, LOOKAHEAD_MESSAGE, LOOKAHEAD_MIN, type AnswerPolicy, type DeadlineSettings } from '../../../../shared/domain/deadline-tracking';
import { DeadlineUnit, type DeadlineUnitCode } from '../../../../shared/domain/rule';
import { ApiError, errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from '../../components/Field';
import { parseWholeNumber } from '../deadlines/deadline-text';
import { specDraft, toSpec, type SpecDraft } from '../deadlines/spec-draft';
import { SpecFields } from '../deadlines/SpecFields';
import { ClosingDays } from './ClosingDays';
import { SectionFeedback } from './SectionFeedback';

type PolicyDraft = { on: boolean; amountText: string; unit: DeadlineUnitCode; text: string };
type Draft = { request: SpecDraft; soon: string; longOverdue: string; hasTarget: boolean; target: SpecDraft; letter: string; policy: PolicyDraft; lookahead: string };

const unitOptions: Option[] = DeadlineUnit.entries.map((e) => ({ value: e.code, label: e.label }));

function policyDraft(p: AnswerPolicy | null): PolicyDraft {
  const shown = p ?? DEFAULT_ANSWER_POLICY;
  return { on: p !== null, amountText: String(shown.amount), unit: shown.unit, text: shown.text };
}

/** The svarpolitik from its fields; null when switched off. */
function toPolicy(d: PolicyDraft): { policy: AnswerPolicy | null; error?: string } {
  if (!d.on) return { policy: null };
  const amount = parseWholeNumber(d.amountText);
  if (amount === null || amount < 1 || amount > 365) return { policy: null, error: 'Skriv et helt tal fra 1 til 365.' };
  return { policy: { amount, unit: d.unit, text: d.text.trim() } };
}

const DEFAULT_TARGET: SpecDraft = { amountText: '20', unit: 'arbejdsdage', profile: 'standard', rollForward: true };

function draftOf(s: DeadlineSettings): Draft {
  return {
    request: specDraft(s.requestDefault), soon: String(s.soonWorkingDays), longOverdue: String(s.longOverdueWorkingDays),
    hasTarget: s.adviserTarget !== null, target: s.adviserTarget ? specDraft(s.adviserTarget) : DEFAULT_TARGET, letter: String(s.letterPresumptionWorkingDays),
    policy: policyDraft(s.answerPolicy), lookahead: String(s.lookaheadDays),
  };
}

function toSettings(d: Draft, closingDays: ClosingDay[]): { settings: DeadlineSettings | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const request = toSpec(d.request);
  if (request.error) errors['request'] = request.error;
  const target = d.hasTarget ? toSpec(d.target) : { spec: null, error: undefined };
  if (target.error) errors['target'] = target.error;
  const soon = parseWholeNumber(d.soon);
  const longOverdue = parseWholeNumber(d.longOverdue);
  const letter = parseWholeNumber(d.letter);
  if (soon === null || soon > 60) errors['soon'] = 'Skriv et helt tal fra 0 til 60.';
  if (longOverdue === null || longOverdue < 1 || longOverdue > 250) errors['longOverdue'] = 'Skriv et helt tal fra 1 til 250.';
  if (letter === null || letter > 30) errors['letter'] = 'Skriv et helt tal fra 0 til 30.';
  const lookahead = parseWholeNumber(d.lookahead);
  if (lookahead === null || lookahead < LOOKAHEAD_MIN || lookahead > LOOKAHEAD_MAX) errors['lookahead'] = LOOKAHEAD_MESSAGE;
  const policy = toPolicy(d.policy);
  if (policy.error) errors['answerPolicy'] = policy.error;
  if (Object.keys(errors).length > 0 || !request.spec || soon === null || longOverdue === null || letter === null || lookahead === null) return { settings: null, errors };
  return {
    settings: {
      requestDefault: request.spec, soonWorkingDays: soon, longOverdueWorkingDays: longOverdue, adviserTarget: target.spec, letterPresumptionWorkingDays: letter,
      answerPolicy: policy.policy, lookaheadDays: lookahead, closingDays,
    },
    errors,
  };
}

function recomputedText(n: number): string {
  return n === 1 ? '1 frist er genberegnet.' : `${n} frister er genberegnet.`;
}

export function DeadlineSettingsSection() {
  const { today } = useAppData();
  const [stored, setStored] = useState<DeadlineSettings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    send('deadlines:settings', {}).then(
      (s) => { if (live) { setStored(s); setDraft(draftOf(s)); } },
      (e: unknown) => { if (live) setError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, []);

  async function persist(settings: DeadlineSettings, success: string): Promise<boolean> {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      const out = await send('deadlines:save-settings', { settings });
      setStored(out.settings);
      setNotice(`${success} ${recomputedText(out.recomputed)}`);
      return true;
    } catch (e) {
      const fields = e instanceof ApiError ? Object.values(e.fields) : [];
      setError(fields.length > 0 ? fields.join(' ') : errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft || !stored || busy) return;
    const { settings, errors: found } = toSettings(draft, [...stored.closingDays]);
    setErrors(found);
    if (settings === null) { setNotice(null); setError('Kalender og frister er ikke gemt. Ret de markerede felter.'); return; }
    if (await persist(settings, 'Kalender og frister er gemt.')) setDraft(draftOf(settings));
  }

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  return (
    <section className="form-section" aria-labelledby="set-deadlines">
      <h2 id="set-deadlines" tabIndex={-1}>Kalender og frister</h2>
      {draft === null || stored === null ? (error ? null : <p className="muted">Henter indstillinger for frister …</p>) : (
        <>
          <form onSubmit={(e) => void submit(e)} noValidate aria-label="Kalender og frister">
            <fieldset className="subgroup">
              <legend>Standardfrist for anmodninger til forvaltningen</legend>
              <SpecFields idPrefix="dl-request" value={draft.request} onChange={(v) => set('request', v)} error={errors['request']} />
            </fieldset>
            <div className="form-grid">
              <TextField id="dl-soon" label="”Snart” antal arbejdsdage før fristen" width="xs" inputMode="numeric" maxLength={3} value={draft.soon}
                error={errors['soon']} onChange={(v) => set('soon', v)} />
              <TextField id="dl-long" label="”Længe overskredet” efter antal arbejdsdage" width="xs" inputMode="numeric" maxLength={3} value={draft.longOverdue}
                error={errors['longOverdue']} onChange={(v) => set('longOverdue', v)} />
              <TextField id="dl-letter" label="Brev med posten anses for modtaget efter antal hverdage" width="xs" inputMode="numeric" maxLength={2} value={draft.letter}
                error={errors['letter']} onChange={(v) => set('letter', v)}
                hint="Justitsministeriets vejledning nr. 9533/2018 bruger 6 hverdage. Efter PostNords ophør med brevomdeling 30.12.2025 er formodningen ikke efterprøvet." />
              <TextField id="dl-lookahead" label="Frister viser antal dage frem" width="xs" inputMode="numeric" maxLength={2} value={draft.lookahead}
                error={errors['lookahead']} onChange={(v) => set('lookahead', v)} hint={`Fra ${LOOKAHEAD_MIN} til ${LOOKAHEAD_MAX} kalenderdage efter i dag.`} />
            </div>
            <fieldset className="subgroup">
              <legend>Eget mål for afslutning af en henvendelse</legend>
              <CheckboxField id="dl-has-target" label="Brug et eget mål (regnet fra modtagelsen)" checked={draft.hasTarget} onChange={(on) => set('hasTarget', on)} />
              {draft.hasTarget ? <SpecFields idPrefix="dl-target" value={draft.target} onChange={(v) => set('target', v)} error={errors['target']} /> : null}
            </fieldset>
            <fieldset className="subgroup">
              <legend>Kommunens svarpolitik (lokal målsætning)</legend>
              <p className="field-hint">
                Det svar – eller den kvittering eller det foreløbige svar – kommunen lover borgeren, regnet fra kommunens modtagelse af henvendelsen.
                Det er kommunens eget løfte, ikke en frist i loven, og kan bruges som grundlag for en frist på et klagepunkt.
              </p>
              <CheckboxField id="dl-has-policy" label="Kommunen har en svarpolitik" checked={draft.policy.on} onChange={(on) => set('policy', { ...draft.policy, on })} />
              {draft.policy.on ? (
                <>
                  <div className="form-grid">
                    <TextField id="dl-policy-amount" label="Antal" width="xs" inputMode="numeric" maxLength={3} value={draft.policy.amountText}
                      error={errors['answerPolicy']} onChange={(v) => set('policy', { ...draft.policy, amountText: v })} />
                    <SelectField id="dl-policy-unit" label="Enhed" width="s" value={draft.policy.unit} options={unitOptions}
                      onChange={(v) => set('policy', { ...draft.policy, unit: v as DeadlineUnitCode })} />
                  </div>
                  <TextAreaField id="dl-policy-text" label="Svarpolitikken med kommunens egne ord" value={draft.policy.text} rows={2} maxLength={500}
                    onChange={(v) => set('policy', { ...draft.policy, text: v })} />
                </>
              ) : null}
            </fieldset>
            <div className="button-row">
              <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>Gem kalender og frister</button>
            </div>
          </form>
          <ClosingDays days={stored.closingDays} today={today} busy={busy} onSave={(days, success) => persist({ ...stored, closingDays: days }, success)} />
        </>
      )}
      <SectionFeedback notice={notice} error={error} />
    </section>
  );
}
