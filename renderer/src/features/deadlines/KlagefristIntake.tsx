/**
 * "Borgerens klagefrist" at intake: when and how the decision was notified, its klagevejledning and
 * what the frist rests on. As soon as the date and the channel are filled the klagefrist is computed
 * (`klagefrist:check`) and shown with its warning; the notice is stored with `klagefrist:set` right
 * after the henvendelse is created.
 */
import type { IsoDate } from '../../../../shared/domain/dates';
import { KlagefristBanner } from './KlagefristBanner';
import { NoticeFields } from './NoticeFields';
import { toNotice, type NoticeDraft } from './notice-draft';
import { useKlagefristCheck } from './use-klagefrist-check';

export function KlagefristIntake({ value, onChange, errors, today }: Readonly<{
  value: NoticeDraft;
  onChange: (d: NoticeDraft) => void;
  /** Errors after a failed save (keys notifiedOn, channel, guidance, basis.ruleId, basis.amount, basis.source). */
  errors: Readonly<Record<string, string>>;
  today: IsoDate;
}>) {
  const { notice } = toNotice(value, today);
  const { klagefrist, none, error } = useKlagefristCheck(notice);
  return (
    <section className="form-section klagefrist" aria-labelledby="sec-klagefrist">
      <h2 id="sec-klagefrist">Borgerens klagefrist</h2>
      <p className="field-hint">Udfyld, hvis borgeren har fået en afgørelse, der kan påklages.</p>
      <NoticeFields idPrefix="f-klagefrist" value={value} onChange={onChange} errors={errors} today={today} />
      {klagefrist ? <KlagefristBanner klagefrist={klagefrist} /> : null}
      {none ? <p className="alert alert--info">Afgørelsen har ingen lovbestemt klagefrist; der beregnes ingen frist.</p> : null}
      {error ? <p className="alert alert--error">{error}</p> : null}
    </section>
  );
}
