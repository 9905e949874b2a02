/**
 * One klagepunkt: forvaltning → afdeling (the afdeling list follows the forvaltning; retired entries
 * are offered only when already chosen), competence and handling, themes, description and outcome.
 * Statistics count per klagepunkt, so each carries its own organisation, competence and outcome: one
 * point may be sent on to the klageinstans while another of the same henvendelse is investigated
 * (legal-rules.md § c.2–c.3). Below them the assessment: the rules the klagepunkt is measured
 * against, and how the forvaltning responded.
 */
import type { FieldErrors } from '../../../../shared/domain/case';
import { TEXT_LIMITS } from '../../../../shared/domain/case';
import { outsideButInvestigated, outsideButInvestigatedHint } from '../../../../shared/domain/competence';
import type { Settings } from '../../../../shared/domain/settings';
import { Outcome, type HandlingCode, type OutcomeCode } from '../../../../shared/domain/vocab';
import { SelectField, TextAreaField, type Option } from '../../components/Field';
import type { Rule } from '../../../../shared/domain/rule';
import type { RulesLoad } from '../rules/use-rules';
import { fieldDomId, type PointDraft } from './case-draft';
import { competenceOptions, handlingOptions, reasonFromValue, reasonValue } from './competence-options';
import { PointFlags } from './PointFlags';
import { PointRules } from './PointRules';
import { ThemePicker } from './ThemePicker';

function nameWithState(name: string, retired: boolean): string {
  return retired ? `${name} (udgået)` : name;
}

export function PointEditor({ index, point, settings, ruleCatalog, ruleRetired, errors, onChange, onRemove, canRemove }: Readonly<{
  index: number;
  point: PointDraft;
  settings: Settings;
  ruleCatalog: RulesLoad;
  ruleRetired: (rule: Rule) => boolean;
  errors: FieldErrors;
  onChange: (p: PointDraft) => void;
  onRemove: () => void;
  canRemove: boolean;
}>) {
  const at = `points.${index}`;
  const number = index + 1;
  const forvaltningOptions: Option[] = [
    { value: '', label: 'Vælg forvaltning' },
    ...settings.forvaltninger
      .filter((f) => !f.retired || f.id === point.forvaltningId)
      .map((f) => ({ value: String(f.id), label: nameWithState(f.name, f.retired) })),
  ];
  const forvaltning = settings.forvaltninger.find((f) => f.id === point.forvaltningId);
  const afdelingOptions: Option[] = [
    { value: '', label: forvaltning ? 'Ingen bestemt afdeling' : 'Vælg først forvaltning' },
    ...(forvaltning?.afdelinger ?? [])
      .filter((a) => !a.retired || a.id === point.afdelingId)
      .map((a) => ({ value: String(a.id), label: nameWithState(a.name, a.retired) })),
  ];
  const outcomeOptions: Option[] = [{ value: '', label: 'Ikke afgjort' }, ...Outcome.entries.map((e) => ({ value: e.code, label: e.label }))];

  return (
    <fieldset className="point" aria-labelledby={`${fieldDomId(at)}-legend`}>
      <legend id={`${fieldDomId(at)}-legend`} className="point-legend">Klagepunkt {number}</legend>
      <div className="point-grid">
        <SelectField
          id={fieldDomId(`${at}.forvaltningId`)}
          label="Forvaltning"
          value={point.forvaltningId === null ? '' : String(point.forvaltningId)}
          options={forvaltningOptions}
          error={errors[`${at}.forvaltningId`]}
          onChange={(v) => {
            const id = v === '' ? null : Number(v);
            // A new forvaltning invalidates the afdeling, which belongs to the old one.
            onChange({ ...point, forvaltningId: id, afdelingId: id === point.forvaltningId ? point.afdelingId : null });
          }}
        />
        <SelectField
          id={fieldDomId(`${at}.afdelingId`)}
          label="Afdeling"
          value={point.afdelingId === null ? '' : String(point.afdelingId)}
          options={afdelingOptions}
          error={errors[`${at}.afdelingId`]}
          onChange={(v) => onChange({ ...point, afdelingId: v === '' ? null : Number(v) })}
        />
        <SelectField
          id={fieldDomId(`${at}.competenceReasonId`)}
          label="Kompetence"
          value={reasonValue(point.competenceReasonId)}
          options={competenceOptions(settings, point.competenceReasonId)}
          error={errors[`${at}.competenceReasonId`]}
          onChange={(v) => onChange({ ...point, competenceReasonId: reasonFromValue(v) })}
        />
        <SelectField
          id={fieldDomId(`${at}.handling`)}
          label="Håndtering"
          width="m"
          value={point.handling ?? ''}
          options={handlingOptions}
          error={errors[`${at}.handling`]}
          // A warning, not an error: historical cases hold exactly this and must stay savable.
          hint={outsideButInvestigated(point) ? outsideButInvestigatedHint('Klagepunktet') : undefined}
          onChange={(v) => onChange({ ...point, handling: v === '' ? null : (v as HandlingCode) })}
        />
        <SelectField
          id={fieldDomId(`${at}.outcome`)}
          label="Udfald"
          value={point.outcome ?? ''}
          options={outcomeOptions}
          error={errors[`${at}.outcome`]}
          onChange={(v) => onChange({ ...point, outcome: v === '' ? null : (v as OutcomeCode) })}
        />
      </div>
      <ThemePicker
        idPrefix={`f-points-${index}-themes`}
        themes={settings.themes}
        selected={point.themeIds}
        error={errors[`${at}.themeIds`]}
        onChange={(themeIds) => onChange({ ...point, themeIds })}
      />
      <TextAreaField
        id={fieldDomId(`${at}.description`)}
        label="Beskrivelse af klagepunktet"
        value={point.description}
        rows={3}
        limit={TEXT_LIMITS.pointDescription}
        error={errors[`${at}.description`]}
        onChange={(description) => onChange({ ...point, description })}
      />
      <PointRules
        index={index}
        links={point.rules}
        themeIds={point.themeIds}
        catalog={ruleCatalog}
        retired={ruleRetired}
        error={errors[`${at}.rules`]}
        errors={errors}
        onChange={(rules) => onChange({ ...point, rules })}
      />
      <PointFlags index={index} point={point} onChange={onChange} />
      {canRemove ? (
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          Fjern klagepunkt {number}
        </button>
      ) : null}
    </fieldset>
  );
}
