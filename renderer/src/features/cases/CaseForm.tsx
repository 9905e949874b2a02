/**
 * The henvendelse form, used for intake (mode "create") and on the case page (mode "edit"). The draft
 * is owned by the parent so nothing typed is lost when saving fails or the adviser leaves the
 * screen. Tab order follows a phone call: when and how, who, what, assessment, klagepunkter.
 * Ctrl+S saves and Alt+K adds a klagepunkt from anywhere on the screen.
 *
 * Competence and handling are chosen per klagepunkt (legal-rules.md § c.2–c.3); the assessment
 * section shows their summary, or, for a henvendelse without klagepunkter, its own two fields.
 *
 * The case page edits one part at a time (`part`: the henvendelse's fields, or the klagepunkter);
 * the draft, the validation (toCaseInput) and the save stay the whole henvendelse's, so the two
 * parts never validate differently from intake.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { checkCpr } from '../../../../shared/domain/cpr';
import type { CaseInput, FieldErrors } from '../../../../shared/domain/case';
import { TEXT_LIMITS } from '../../../../shared/domain/case';
import type { IsoDate } from '../../../../shared/domain/dates';
import type { Settings } from '../../../../shared/domain/settings';
import { competenceSummary, outsideButInvestigated, outsideButInvestigatedHint } from '../../../../shared/domain/competence';
import { CaseStatus, CaseType, Channel, type CaseStatusCode, type CaseTypeCode, type ChannelCode, type HandlingCode } from '../../../../shared/domain/vocab';
import { errorMessage } from '../../api/client';
import { DateField } from '../../components/DateField';
import { CheckboxField, SelectField, TextAreaField, TextField, type Option } from '../../components/Field';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { fieldDomId, focusTargetFor, newPointDraft, toCaseInput, withPointAdded, withPointRemoved, withType, type CaseDraft, type PointDraft } from './case-draft';
import { competenceOptions, handlingOptions, reasonFromValue, reasonValue } from './competence-options';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useValidatedSubmit } from '../../components/use-validated-submit';
import { isRetired } from '../rules/rule-text';
import { useRuleCatalog } from '../rules/use-rules';
import { PointEditor } from './PointEditor';

export type CprControl = Readonly<{
  /** Masked form from the backend, or null when the case has no CPR. */
  masked: string | null;
  revealed: string | null;
  onReveal: () => Promise<void>;
  onHide: () => void;
}>;

const channelOptions: Option[] = [{ value: '', label: 'Ikke oplyst' }, ...Channel.entries.map((e) => ({ value: e.code, label: e.label }))];
const typeOptions: Option[] = CaseType.entries.map((e) => ({ value: e.code, label: e.label }));
const statusOptions: Option[] = CaseStatus.entries.map((e) => ({ value: e.code, label: e.label }));

function liveCprError(text: string, blurred: boolean): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const digits = t.replace(/\D/g, '').length;
  if (!blurred && digits < 10) return undefined;
  const c = checkCpr(t);
  return c.ok ? undefined : c.message;
}

/** Which fields the form shows: all of them (intake), or one part of the case page's workspace. */
export type CaseFormPart = 'all' | 'henvendelse' | 'klagepunkter';

export function CaseForm({ mode, part = 'all', draft, onDraftChange, settings, today, cpr, onSave, autoFocusName, afterReceipt, actions }: Readonly<{
  mode: 'create' | 'edit';
  part?: CaseFormPart;
  draft: CaseDraft;
  onDraftChange: (d: CaseDraft) => void;
  settings: Settings;
  today: IsoDate;
  /** Only in edit mode: the stored CPR is shown masked and kept unless the adviser changes it. */
  cpr?: CprControl;
  onSave: (input: CaseInput) => Promise<void>;
  autoFocusName?: boolean;
  /** Fields saved alongside the henvendelse, shown after "Henvendelsen" (intake: the citizen's klagefrist); gets the form's errors. */
  afterReceipt?: (errors: Readonly<FieldErrors>) => ReactNode;
  /** Controls beside the save button (the case page's "Annullér"). */
  actions?: ReactNode;
}>) {
  const showFacts = part !== 'klagepunkter';
  const showPoints = part !== 'henvendelse';
  const { errors, setErrors, message: summaryMessage, saving, summaryRef, revalidate, submit: submitDraft } = useValidatedSubmit({
    check: (d: CaseDraft) => toCaseInput(d, settings, today),
    save: onSave,
    notSaved: 'Henvendelsen er ikke gemt. Ret de markerede felter.',
  });
  const [cprBlurred, setCprBlurred] = useState(false);
  const [cprBusy, setCprBusy] = useState(false);
  const [cprFailure, setCprFailure] = useState<string | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const cprRef = useRef<HTMLInputElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const ruleCatalog = useRuleCatalog();

  useEffect(() => { if (autoFocusName) nameRef.current?.focus(); }, [autoFocusName]);

  // Focus a control that only exists after the next render (a new klagepunkt, the CPR field).
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    pendingFocus.current = null;
    document.getElementById(id)?.focus();
  });

  function update(next: CaseDraft) {
    onDraftChange(next);
    // After a failed save the messages follow the input, so a fixed field stops showing its error.
    revalidate(next);
  }
  const set = <K extends keyof CaseDraft>(key: K, value: CaseDraft[K]) => update({ ...draft, [key]: value });

  function addPoint() {
    const index = draft.points.length;
    pendingFocus.current = fieldDomId(`points.${index}.forvaltningId`);
    update(withPointAdded(draft, newPointDraft()));
  }
  function removePoint(index: number) {
    pendingFocus.current = 'add-point';
    update(withPointRemoved(draft, index));
  }
  function setPoint(index: number, p: PointDraft) {
    update({ ...draft, points: draft.points.map((q, i) => (i === index ? p : q)) });
  }

  const submit = () => submitDraft(draft);

  const submitRef = useRef(submit);
  submitRef.current = submit;
  const addPointRef = useRef(addPoint);
  addPointRef.current = addPoint;
  // Alt+K only where the klagepunkter are on screen.
  const showPointsRef = useRef(showPoints);
  showPointsRef.current = showPoints;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
        e.preventDefault();
        void submitRef.current();
      } else if (showPointsRef.current && e.altKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyK' || e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        addPointRef.current();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit();
  }

  /**
   * Enter in a field does not save a henvendelse half-typed (the browser's implicit submission):
   * Ctrl+S or the button saves. Enter still works where it means something (buttons, text areas,
   * the rule picker, which handles it itself).
   */
  function onFormKeyDown(e: ReactKeyboardEvent<HTMLFormElement>) {
    const t = e.target;
    if (e.key === 'Enter' && t instanceof HTMLInputElement && !['submit', 'button', 'reset'].includes(t.type)) e.preventDefault();
  }

  const cprError = draft.cprKept ? errors['citizen.cpr'] : (liveCprError(draft.cpr, cprBlurred) ?? errors['citizen.cpr']);
  const reasonName = (id: number) => settings.competenceReasons.find((r) => r.id === id)?.name ?? 'ukendt grund';
  const adviserOptions: Option[] = [
    { value: '', label: 'Ingen' },
    ...settings.advisers.filter((a) => !a.retired || a.id === draft.adviserId).map((a) => ({ value: String(a.id), label: a.initials ? `${a.name} (${a.initials})` : a.name })),
  ];

  async function reveal() {
    if (!cpr) return;
    setCprBusy(true);
    setCprFailure(null);
    try { await cpr.onReveal(); } catch (e) { setCprFailure(errorMessage(e)); } finally { setCprBusy(false); }
  }

  const cprKeptControls = cpr && draft.cprKept ? (
    <span className="field-actions">
      {cpr.revealed === null ? (
        <button type="button" className="button button--secondary button--small" onClick={() => void reveal()} disabled={cprBusy}>Vis CPR-nummer</button>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={cpr.onHide}>Skjul CPR-nummer</button>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          pendingFocus.current = fieldDomId('citizen.cpr');
          update({ ...draft, cprKept: false, cpr: cpr.revealed ?? '' });
        }}
      >
        Ret CPR-nummer
      </button>
    </span>
  ) : null;

  return (
    <form className="case-form" onSubmit={onSubmit} onKeyDown={onFormKeyDown} noValidate aria-label={mode === 'create' ? 'Ny henvendelse' : part === 'klagepunkter' ? 'Klagepunkter' : 'Henvendelsen'}>
      <ErrorSummary ref={summaryRef} message={summaryMessage} errors={errors} focusTargetFor={focusTargetFor} />

      {showFacts ? <>
      <section className="form-section" aria-labelledby="sec-henvendelse">
        <h2 id="sec-henvendelse">Henvendelsen</h2>
        <div className="form-grid">
          <DateField
            id={fieldDomId('receivedOn')}
            label="Modtaget"
            value={draft.receivedOnText}
            today={today}
            required
            error={errors['receivedOn']}
            onChange={(t) => set('receivedOnText', t)}
          />
          <SelectField id={fieldDomId('channel')} label="Kanal" width="m" value={draft.channel ?? ''} options={channelOptions} error={errors['channel']}
            onChange={(v) => set('channel', v === '' ? null : (v as ChannelCode))} />
          <SelectField id={fieldDomId('type')} label="Type" width="m" value={draft.type} options={typeOptions} error={errors['type']}
            onChange={(v) => update(withType(draft, v as CaseTypeCode))} />
          <TextField
            id={fieldDomId('sagsnr')}
            label="Sagsnummer"
            width="s"
            value={draft.sagsnr}
            hint={mode === 'create' ? 'Forslag; kan rettes' : undefined}
            error={errors['sagsnr']}
            maxLength={40}
            onChange={(v) => update({ ...draft, sagsnr: v, sagsnrIsPreview: mode === 'create' && v.trim() === '' })}
          />
          <SelectField id={fieldDomId('adviserId')} label="Rådgiver" width="m" value={draft.adviserId === null ? '' : String(draft.adviserId)} options={adviserOptions}
            error={errors['adviserId']} onChange={(v) => set('adviserId', v === '' ? null : Number(v))} />
        </div>
      </section>

      {afterReceipt ? afterReceipt(errors) : null}

      <section className="form-section" aria-labelledby="sec-borger">
        <h2 id="sec-borger">Borgeren</h2>
        <div className="form-grid">
          <TextField id={fieldDomId('citizen.name')} label="Borgerens navn" inputRef={nameRef} value={draft.citizen.name} error={errors['citizen.name']} maxLength={200}
            autoComplete="off" onChange={(v) => set('citizen', { ...draft.citizen, name: v })} />
          {draft.cprKept && cpr ? (
            <TextField
              id={fieldDomId('citizen.cpr')}
              label="CPR-nummer"
              width="s"
              value={cpr.revealed ?? cpr.masked ?? ''}
              readOnly
              hint="Uændret. Vælg Ret CPR-nummer for at ændre det."
              error={cprError ?? cprFailure ?? undefined}
              onChange={() => undefined}
              after={cprKeptControls}
            />
          ) : (
            <TextField
              id={fieldDomId('citizen.cpr')}
              label="CPR-nummer"
              width="s"
              inputRef={cprRef}
              value={draft.cpr}
              hint="DDMMÅÅ-XXXX"
              inputMode="numeric"
              maxLength={20}
              error={cprError}
              onBlur={() => setCprBlurred(true)}
              onChange={(v) => {
                if (errors['citizen.cpr']) setErrors(({ ['citizen.cpr']: _gone, ...rest }) => rest);
                set('cpr', v);
              }}
            />
          )}
          <TextField id={fieldDomId('citizen.address')} label="Borgerens adresse" value={draft.citizen.address} error={errors['citizen.address']} maxLength={400}
            onChange={(v) => set('citizen', { ...draft.citizen, address: v })} />
          <TextField id={fieldDomId('citizen.phone')} label="Borgerens telefon" type="tel" width="m" value={draft.citizen.phone} error={errors['citizen.phone']} maxLength={40}
            onChange={(v) => set('citizen', { ...draft.citizen, phone: v })} />
          <TextField id={fieldDomId('citizen.email')} label="Borgerens e-mail" type="email" width="m" value={draft.citizen.email} error={errors['citizen.email']} maxLength={200}
            onChange={(v) => set('citizen', { ...draft.citizen, email: v })} />
        </div>
        <CheckboxField id="f-has-representative" label="Borgeren har en repræsentant" checked={draft.hasRepresentative}
          onChange={(on) => set('hasRepresentative', on)} />
        {draft.hasRepresentative ? (
          <fieldset className="subgroup">
            <legend>Repræsentant</legend>
            <div className="form-grid">
              <TextField id={fieldDomId('representative.name')} label="Repræsentantens navn" value={draft.representative.name} error={errors['representative.name']} maxLength={200}
                onChange={(v) => set('representative', { ...draft.representative, name: v })} />
              <TextField id={fieldDomId('representative.relation')} label="Relation til borgeren" width="m" value={draft.representative.relation} error={errors['representative.relation']} maxLength={200}
                hint="Fx datter, advokat, bisidder" onChange={(v) => set('representative', { ...draft.representative, relation: v })} />
              <TextField id={fieldDomId('representative.phone')} label="Repræsentantens telefon" type="tel" width="m" value={draft.representative.phone} error={errors['representative.phone']} maxLength={40}
                onChange={(v) => set('representative', { ...draft.representative, phone: v })} />
              <TextField id={fieldDomId('representative.email')} label="Repræsentantens e-mail" type="email" width="m" value={draft.representative.email} error={errors['representative.email']} maxLength={200}
                onChange={(v) => set('representative', { ...draft.representative, email: v })} />
            </div>
            <CheckboxField id={fieldDomId('representative.powerOfAttorney')} label="Fuldmagt foreligger" checked={draft.representative.powerOfAttorney}
              onChange={(on) => set('representative', { ...draft.representative, powerOfAttorney: on })} />
          </fieldset>
        ) : null}
      </section>

      <section className="form-section" aria-labelledby="sec-indhold">
        <h2 id="sec-indhold">Indhold</h2>
        <TextField id={fieldDomId('summary')} label="Resumé" required value={draft.summary} error={errors['summary']} maxLength={500}
          hint="Én linje, vises i sagslisten" onChange={(v) => set('summary', v)} />
        <TextAreaField id={fieldDomId('description')} label="Beskrivelse af henvendelsen" value={draft.description} error={errors['description']} rows={5}
          limit={TEXT_LIMITS.description} onChange={(v) => set('description', v)} />
      </section>

      <section className="form-section" aria-labelledby="sec-vurdering">
        <h2 id="sec-vurdering">Vurdering og status</h2>
        {draft.points.length > 0 ? (
          <p id="f-competence-summary" className="competence-summary">
            <span className="field-label">Kompetence og håndtering</span>{' '}
            {competenceSummary(draft.points, reasonName)}
            <span className="muted"> – vælges på hvert klagepunkt nedenfor.</span>
          </p>
        ) : null}
        <div className="form-grid">
          {draft.points.length === 0 ? (
            <>
              <SelectField id={fieldDomId('competenceReasonId')} label="Kompetence" value={reasonValue(draft.competenceReasonId)}
                options={competenceOptions(settings, draft.competenceReasonId)} error={errors['competenceReasonId']}
                onChange={(v) => set('competenceReasonId', reasonFromValue(v))} />
              <SelectField id={fieldDomId('handling')} label="Håndtering" width="m" value={draft.handling ?? ''} options={handlingOptions} error={errors['handling']}
                hint={outsideButInvestigated(draft) ? outsideButInvestigatedHint('Henvendelsen') : undefined}
                onChange={(v) => set('handling', v === '' ? null : (v as HandlingCode))} />
            </>
          ) : null}
          <SelectField id={fieldDomId('status')} label="Status" width="m" value={draft.status} options={statusOptions} error={errors['status']}
            onChange={(v) => {
              const status = v as CaseStatusCode;
              // Closing a case nearly always happens today; fill it in rather than make the adviser type it.
              const closedOnText = status === 'afsluttet' && draft.closedOnText.trim() === '' ? formatDanishDate(today) : draft.closedOnText;
              update({ ...draft, status, closedOnText });
            }} />
          <DateField id={fieldDomId('closedOn')} label="Afsluttet den" value={draft.closedOnText} today={today} error={errors['closedOn']}
            hint="dd.mm.åååå – kun når status er Afsluttet" onChange={(t) => set('closedOnText', t)} />
        </div>
      </section>
      </> : null}

      {showPoints ? (
      <section className="form-section" aria-labelledby="sec-punkter">
        <h2 id="sec-punkter">Klagepunkter</h2>
        {errors['points'] ? <p id="f-points-error" className="field-error">{errors['points']}</p> : null}
        {draft.points.length === 0 ? <p className="muted">Ingen klagepunkter.</p> : null}
        {draft.points.map((p, i) => (
          <PointEditor
            key={p.key}
            index={i}
            point={p}
            settings={settings}
            ruleCatalog={ruleCatalog}
            ruleRetired={(r) => isRetired(r, today)}
            errors={errors}
            canRemove={draft.points.length > 1 || draft.type !== 'klage'}
            onChange={(np) => setPoint(i, np)}
            onRemove={() => removePoint(i)}
          />
        ))}
        <button id="add-point" type="button" className="button button--secondary" onClick={addPoint} aria-keyshortcuts="Alt+K"
          aria-describedby={errors['points'] ? 'f-points-error' : undefined}>
          Tilføj klagepunkt <kbd aria-hidden="true">Alt+K</kbd>
        </button>
      </section>
      ) : null}

      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={saving || undefined} aria-keyshortcuts="Control+S">
          {saving ? 'Gemmer …' : 'Gem henvendelse'}
        </button>
        <span className="muted" aria-hidden="true">Ctrl+S</span>
        {actions}
      </div>
    </form>
  );
}
