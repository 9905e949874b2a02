/** "Afgørelsen blev meddelt den" + "Hvordan" + the klagefrist rule: the input of the citizen's klagefrist. */
import { DecisionNotice } from '../../../../shared/domain/deadline-tracking';
import type { IsoDate } from '../../../../shared/domain/dates';
import { DateField } from '../../components/DateField';
import { SelectField, type Option } from '../../components/Field';
import { ruleHeading, isRetired } from '../rules/rule-text';
import { useRuleCatalog } from '../rules/use-rules';
import { hasComputableDeadline } from './deadline-text';
import type { NoticeChannel, NoticeDraft } from './notice-draft';

const channelOptions: Option[] = [{ value: '', label: 'Vælg' }, ...DecisionNotice.entries.map((e) => ({ value: e.code, label: e.label }))];

export function NoticeFields({ idPrefix, value, onChange, errors, today }: Readonly<{
  idPrefix: string;
  value: NoticeDraft;
  onChange: (d: NoticeDraft) => void;
  errors: Readonly<Record<string, string>>;
  today: IsoDate;
}>) {
  const { rules } = useRuleCatalog();
  const klagefristRules = (rules ?? []).filter((r) => r.id.includes('klagefrist') && hasComputableDeadline(r) && (!isRetired(r, today) || r.id === value.ruleId));
  const ruleOptions: Option[] = klagefristRules.length > 0
    ? klagefristRules.map((r) => ({ value: r.id, label: ruleHeading(r) }))
    : [{ value: value.ruleId, label: value.ruleId }];
  return (
    <div className="form-grid">
      <DateField id={`${idPrefix}-notifiedOn`} label="Afgørelsen blev meddelt den" value={value.notifiedOnText} today={today} error={errors['notifiedOn']}
        onChange={(t) => onChange({ ...value, notifiedOnText: t })} />
      <SelectField id={`${idPrefix}-channel`} label="Hvordan" width="m" value={value.channel} options={channelOptions} error={errors['channel']}
        onChange={(v) => onChange({ ...value, channel: v as NoticeChannel | '' })} />
      <SelectField id={`${idPrefix}-ruleId`} label="Klagefrist efter" width="l" value={value.ruleId} options={ruleOptions} error={errors['ruleId']}
        onChange={(v) => onChange({ ...value, ruleId: v })} />
    </div>
  );
}
