/**
 * Create or edit a rule: the adviser's own rules (e.g. a local rule of the municipality) and edits of
 * shipped rules. Errors are shown next to each field and in a focused summary; the draft survives
 * a refused save. On edit the id is fixed, since klagepunkter and theme suggestions refer to it.
 * The formal citation for letters, whose deadline it is and what is due are edited here; the role
 * (norm or background) only for the adviser's own rules – a shipped rule keeps its role.
 */
import { useState, type FormEvent } from 'react';
import { DeadlineOwnerVocab, type DeadlineOwner } from '../../../../shared/deadlines/owner';
import {
  DeadlineUnit,
  RuleRole,
  Verification,
  type DeadlineUnitCode,
  type Rule,
  type RuleInput,
  type RuleRoleCode,
  type VerificationCode,
} from '../../../../shared/domain/rule';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useValidatedSubmit } from '../../components/use-validated-submit';
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from '../../components/Field';
import { ruleFieldFor, toRuleInput, type RuleDraft } from './rule-draft';

const unitOptions: Option[] = [{ value: '', label: 'Ingen enhed' }, ...DeadlineUnit.entries.map((e) => ({ value: e.code, label: e.label }))];
const verificationOptions: Option[] = Verification.entries.map((e) => ({ value: e.code, label: e.label }));
const ownerOptions: Option[] = [{ value: '', label: 'Vælg, hvis frist det er' }, ...DeadlineOwnerVocab.entries.map((e) => ({ value: e.code, label: e.label }))];
const roleOptions: Option[] = RuleRole.entries.map((e) => ({
  value: e.code,
  label: e.code === 'baggrund' ? `${e.label} (kan ikke registreres som ikke overholdt)` : `${e.label} (kan registreres som ikke overholdt)`,
}));

const domId = (path: string) => `rule-${ruleFieldFor(path).replace(/\./g, '-')}`;

/** Source errors come per line (`sources.2`); the field shows them together, with line numbers. */
function fieldErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^sources\.(\d+)$/.exec(path);
    if (m) out['sources'] = `${out['sources'] ? `${out['sources']} ` : ''}Linje ${Number(m[1]) + 1}: ${message}`;
    else out[path] = message;
  }
  return out;
}

export function RuleForm({ mode, initial, categories, onSave, onCancel, warning, roleEditable = true }: Readonly<{
  mode: 'create' | 'edit';
  initial: RuleDraft;
  categories: ReadonlyArray<string>;
  onSave: (input: RuleInput) => Promise<Rule>;
  onCancel: () => void;
  warning?: string;
  /** false for a shipped rule: it keeps the role the catalogue gives it. */
  roleEditable?: boolean;
}>) {
  const [draft, setDraft] = useState(initial);
  // An edited rule keeps its id whatever the (hidden) id field says.
  const { errors, message, saving, summaryRef, revalidate, submit: submitDraft } = useValidatedSubmit({
    check: (d: RuleDraft) => toRuleInput(mode === 'edit' ? { ...d, id: initial.id } : d),
    save: onSave,
    notSaved: 'Reglen er ikke gemt. Ret de markerede felter.',
  });

  function update(next: RuleDraft) {
    setDraft(next);
    revalidate(next);
  }
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => update({ ...draft, [key]: value });

  function submit(e: FormEvent) {
    e.preventDefault();
    void submitDraft(draft);
  }

  const shown = fieldErrors(errors);

  return (
    <form className="rule-form" onSubmit={submit} noValidate aria-label={mode === 'create' ? 'Ny regel' : 'Ret reglen'}>
      <ErrorSummary ref={summaryRef} message={message} errors={shown} focusTargetFor={domId} />
      {warning ? <p className="alert alert--warning">{warning}</p> : null}
      <div className="form-grid">
        {mode === 'create' ? (
          <TextField id={domId('id')} label="Id" width="m" value={draft.id} error={shown['id']} maxLength={80} required
            hint="Små bogstaver, tal og bindestreg, fx kom-svarpolitik" onChange={(v) => set('id', v)} />
        ) : null}
        <TextField id={domId('lawShort')} label="Lovens forkortelse" width="s" value={draft.lawShort} error={shown['lawShort']} maxLength={40} required
          hint="Fx FVL, eller KOM" onChange={(v) => set('lawShort', v)} />
        <TextField id={domId('lawFull')} label="Lovens fulde navn" value={draft.lawFull} error={shown['lawFull']} maxLength={400} required
          onChange={(v) => set('lawFull', v)} />
        <TextField id={domId('paragraph')} label="Paragraf" width="m" value={draft.paragraph} error={shown['paragraph']} maxLength={120} required
          hint="Fx 19, stk. 1" onChange={(v) => set('paragraph', v)} />
        <TextField id={domId('title')} label="Titel" value={draft.title} error={shown['title']} maxLength={200} required onChange={(v) => set('title', v)} />
        <TextField id={domId('category')} label="Kategori" width="m" value={draft.category} error={shown['category']} maxLength={80} required
          hint={categories.length > 0 ? `Fx ${categories.slice(0, 3).join(', ')}` : undefined} onChange={(v) => set('category', v)} />
      </div>
      <TextAreaField id={domId('summary')} label="Resumé" value={draft.summary} error={shown['summary']} rows={3} maxLength={5000} required
        onChange={(v) => set('summary', v)} />
      <TextField id={domId('citation')} label="Henvisning i breve" value={draft.citation} error={shown['citation']} maxLength={500}
        hint="Lovens navn, paragraf og stykke og evt. lovbekendtgørelsen – aldrig en webadresse. Tom: lovens fulde navn og paragraffen bruges."
        onChange={(v) => set('citation', v)} />
      {roleEditable ? (
        <div className="form-grid">
          <SelectField id={domId('role')} label="Rolle" width="l" value={draft.role} options={roleOptions} error={shown['role']}
            hint="En baggrundsregel beskriver baggrund eller indholdet af afgørelser og vises kun som baggrund."
            onChange={(v) => set('role', v as RuleRoleCode)} />
        </div>
      ) : null}

      <CheckboxField id="rule-has-deadline" label="Reglen fastsætter en frist" checked={draft.hasDeadline} onChange={(on) => set('hasDeadline', on)} />
      {draft.hasDeadline ? (
        <fieldset className="subgroup">
          <legend>Frist</legend>
          <div className="form-grid">
            <TextField id={domId('deadline.amount')} label="Antal" width="xs" inputMode="numeric" value={draft.amountText} error={shown['deadline.amount']}
              maxLength={4} onChange={(v) => set('amountText', v)} />
            <SelectField id="rule-deadline-unit" label="Enhed" width="s" value={draft.unit ?? ''} options={unitOptions}
              onChange={(v) => set('unit', v === '' ? null : (v as DeadlineUnitCode))} />
            <TextField id={domId('deadline.text')} label="Fristen i ord" value={draft.deadlineText} error={shown['deadline.text']} maxLength={500}
              hint="Når fristen ikke kan regnes ud, fx snarest muligt" onChange={(v) => set('deadlineText', v)} />
            <TextField id={domId('deadline.from')} label="Løber fra" value={draft.from} maxLength={500}
              hint="Fx myndighedens modtagelse af anmodningen" onChange={(v) => set('from', v)} />
            <SelectField id={domId('deadline.owner')} label="Hvis frist" width="l" value={draft.owner} options={ownerOptions} error={shown['deadline.owner']}
              hint="Afgør, hvordan fristen tælles: borgerens frist forlænges kun over weekender og helligdage"
              onChange={(v) => set('owner', v as DeadlineOwner | '')} />
            <TextField id={domId('deadline.owes')} label="Det skal være sket senest på dagen" value={draft.owes} maxLength={500}
              hint="Til breve, fx en afgørelse eller besked om, hvornår den kommer" onChange={(v) => set('owes', v)} />
          </div>
          <CheckboxField id="rule-roll-forward" label="Forlænges til næste arbejdsdag, hvis sidste dag er en fridag" checked={draft.rollForward}
            onChange={(on) => set('rollForward', on)} />
        </fieldset>
      ) : null}

      <TextAreaField id={domId('sources')} label="Kilder" value={draft.sourcesText} error={shown['sources']} rows={3}
        hint="Én https-adresse pr. linje" onChange={(v) => set('sourcesText', v)} />
      <div className="form-grid">
        <SelectField id={domId('verification')} label="Verificering" width="m" value={draft.verification} options={verificationOptions}
          onChange={(v) => set('verification', v as VerificationCode)} />
      </div>
      <TextAreaField id={domId('note')} label="Note om verificeringen" value={draft.note} rows={2} maxLength={2000} onChange={(v) => set('note', v)} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={saving || undefined}>{mode === 'create' ? 'Opret regel' : 'Gem reglen'}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Annullér</button>
      </div>
    </form>
  );
}
