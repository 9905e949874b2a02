/**
 * The input of the citizen's klagefrist: when and how the decision was notified, whether it gave
 * correct klagevejledning, and what the frist rests on – any rule that sets a deadline the citizen
 * must meet, "Ingen lovbestemt klagefrist", or a frist typed by hand with its source.
 */
import { DecisionNotice, Klagevejledning, type KlagevejledningCode } from '../../../../shared/domain/deadline-tracking';
import type { IsoDate } from '../../../../shared/domain/dates';
import type { DeadlineUnitCode, Rule } from '../../../../shared/domain/rule';
import { DateField } from '../../components/DateField';
import { SelectField, TextField, type Option } from '../../components/Field';
import { ruleHeadingMarked, isRetired } from '../rules/rule-text';
import { useRuleCatalog } from '../rules/use-rules';
import { hasComputableDeadline, unitOptions } from './deadline-text';
import type { BasisChoice, NoticeChannel, NoticeDraft } from './notice-draft';

const channelOptions: Option[] = [{ value: '', label: 'Vælg' }, ...DecisionNotice.entries.map((e) => ({ value: e.code, label: e.label }))];
const guidanceOptions: Option[] = Klagevejledning.entries.map((e) => ({ value: e.code, label: e.label }));

/** A rule that sets a klagefrist: a computable deadline the citizen must meet. */
export function isKlagefristRule(rule: Rule): boolean {
  return hasComputableDeadline(rule) && rule.deadline?.owner === 'borger';
}

export function NoticeFields({ idPrefix, value, onChange, errors, today }: Readonly<{
  idPrefix: string;
  value: NoticeDraft;
  onChange: (d: NoticeDraft) => void;
  errors: Readonly<Record<string, string>>;
  today: IsoDate;
}>) {
  const { rules } = useRuleCatalog();
  const chosenRule = value.basis.startsWith('regel:') ? value.basis.slice('regel:'.length) : null;
  const klagefristRules = (rules ?? []).filter((r) => isKlagefristRule(r) && (!isRetired(r, today) || r.id === chosenRule));
  const ruleOptions: Option[] = klagefristRules.map((r) => ({ value: `regel:${r.id}`, label: ruleHeadingMarked(r) }));
  if (chosenRule !== null && !klagefristRules.some((r) => r.id === chosenRule)) ruleOptions.unshift({ value: value.basis, label: chosenRule });
  const basisOptions: Option[] = [
    ...ruleOptions,
    { value: 'ingen', label: 'Ingen lovbestemt klagefrist' },
    { value: 'manuel', label: 'Anden frist – angiv selv' },
  ];
  return (
    <>
      <div className="form-grid">
        <DateField id={`${idPrefix}-notifiedOn`} label="Afgørelsen blev meddelt den" value={value.notifiedOnText} today={today} error={errors['notifiedOn']}
          onChange={(t) => onChange({ ...value, notifiedOnText: t })} />
        <SelectField id={`${idPrefix}-channel`} label="Hvordan" width="m" value={value.channel} options={channelOptions} error={errors['channel']}
          onChange={(v) => onChange({ ...value, channel: v as NoticeChannel | '' })} />
        <SelectField id={`${idPrefix}-guidance`} label="Gav afgørelsen korrekt klagevejledning?" width="l" value={value.guidance} options={guidanceOptions}
          error={errors['guidance']} onChange={(v) => onChange({ ...value, guidance: v as KlagevejledningCode })} />
        <SelectField id={`${idPrefix}-basis`} label="Klagefrist efter" width="l" value={value.basis} options={basisOptions} error={errors['basis.ruleId']}
          onChange={(v) => onChange({ ...value, basis: v as BasisChoice })} />
      </div>
      {value.basis === 'manuel' ? (
        <div className="form-grid">
          <TextField id={`${idPrefix}-manual-amount`} label="Fristens længde" width="xs" inputMode="numeric" maxLength={5} value={value.manualAmountText}
            error={errors['basis.amount']} onChange={(v) => onChange({ ...value, manualAmountText: v })} />
          <SelectField id={`${idPrefix}-manual-unit`} label="Enhed" width="s" value={value.manualUnit} options={unitOptions}
            onChange={(v) => onChange({ ...value, manualUnit: v as DeadlineUnitCode })} />
          <TextField id={`${idPrefix}-manual-source`} label="Hvor står fristen?" width="l" maxLength={500} value={value.manualSource}
            hint="Fx lov og paragraf eller afgørelsens klagevejledning" error={errors['basis.source']} onChange={(v) => onChange({ ...value, manualSource: v })} />
        </div>
      ) : null}
    </>
  );
}
