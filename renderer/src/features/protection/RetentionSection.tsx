/**
 * Sletning efter opbevaringsperiode: the period (years after closure), the plan of what a run
 * deletes or anonymises today (one row per henvendelse), a confirmation that names the count, and
 * the result. The run carries the plan's token, so what runs is exactly what was shown.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { RETENTION_YEARS, type RetentionPlan, type RetentionResult } from '../../../../shared/gdpr/retention';
import { errorMessage, send } from '../../api/client';
import { TextField } from '../../components/Field';
import { parseWholeNumber } from '../deadlines/deadline-text';
import { SectionFeedback } from '../settings/SectionFeedback';

const count = (n: number): string => `${n} henvendelse${n === 1 ? '' : 'r'}`;

export function RetentionSection() {
  const [yearsText, setYearsText] = useState('');
  const [yearsProblem, setYearsProblem] = useState<string | undefined>(undefined);
  const [plan, setPlan] = useState<RetentionPlan | null>(null);
  const [result, setResult] = useState<RetentionResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    send('retention:settings', {}).then((s) => { if (live) setYearsText(String(s.years)); }, (e: unknown) => { if (live) setError(errorMessage(e)); });
    return () => { live = false; };
  }, []);

  async function run<T>(work: () => Promise<T>): Promise<T | null> {
    if (busy) return null;
    setBusy(true); setNotice(null); setError(null);
    try {
      return await work();
    } catch (e) {
      setError(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function saveYears(e: FormEvent) {
    e.preventDefault();
    const years = parseWholeNumber(yearsText);
    if (years === null || years < RETENTION_YEARS.min || years > RETENTION_YEARS.max) {
      setYearsProblem(`Skriv et helt antal år mellem ${RETENTION_YEARS.min} og ${RETENTION_YEARS.max}.`);
      return;
    }
    setYearsProblem(undefined);
    const saved = await run(() => send('retention:save-settings', { years }));
    if (saved !== null) {
      setYearsText(String(saved.years));
      setPlan(null);
      setNotice(`Opbevaringsperioden er gemt: ${saved.years} år efter afslutning.`);
    }
  }

  async function showPlan() {
    setResult(null);
    const p = await run(() => send('retention:plan', {}));
    if (p !== null) setPlan(p);
  }

  async function carryOut() {
    if (plan === null || plan.cases.length === 0) return;
    const question = `Vil du slette personoplysningerne i ${count(plan.cases.length)}, der blev afsluttet før ${formatDanishDate(plan.cutoff)}? Navne, CPR-numre og kontaktoplysninger fjernes, tekster anonymiseres, og filer slettes. Det kan ikke fortrydes.`;
    if (!window.confirm(question)) return;
    const r = await run(() => send('retention:run', { token: plan.token }));
    if (r !== null) {
      setResult(r);
      setPlan(null);
      setNotice(`Sletningen er udført: ${count(r.cases)} er anonymiseret (${r.sagsnumre.join(', ')}).`);
    }
  }

  return (
    <section id="sletning" className="form-section" tabIndex={-1} aria-labelledby="sletning-title">
      <h2 id="sletning-title">Sletning</h2>
      <p className="muted">Når en henvendelse har været afsluttet længere end opbevaringsperioden, slettes personoplysningerne. Sagens fakta (datoer, forvaltninger, temaer, udfald) bevares, så statistikken for tidligere år ikke ændres.</p>
      <form onSubmit={(e) => void saveYears(e)} noValidate className="add-form" aria-label="Opbevaringsperiode">
        <TextField id="retention-years" label="Opbevaringsperiode (år efter afslutning)" value={yearsText} width="xs" inputMode="numeric" maxLength={2} error={yearsProblem}
          onChange={setYearsText} after={<button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>Gem periode</button>} />
      </form>
      <div className="button-row">
        <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => void showPlan()}>Vis plan for sletning</button>
      </div>
      {plan === null ? null : (
        <>
          <h3 id="retention-plan">Plan: {count(plan.cases.length)} afsluttet før {formatDanishDate(plan.cutoff)}</h3>
          {plan.cases.length === 0 ? <p>Ingen henvendelser har passeret opbevaringsperioden.</p> : (
            <>
              <div className="table-wrap">
                <table className="table" aria-labelledby="retention-plan">
                  <thead><tr><th scope="col">Sagsnr.</th><th scope="col">Afsluttet</th><th scope="col">Hvad sker der</th></tr></thead>
                  <tbody>
                    {plan.cases.map((c) => (
                      <tr key={c.caseId}>
                        <td>{c.sagsnr}</td>
                        <td>{formatDanishDate(c.closedOn)}</td>
                        <td>
                          <ul className="plain-list">
                            {c.items.map((i) => <li key={i.category}>{i.category}: {i.action} ({i.count})</li>)}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="button-row">
                <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void carryOut()}>Udfør sletning ({count(plan.cases.length)})</button>
              </div>
            </>
          )}
        </>
      )}
      {result === null ? null : (
        <p>Fritekster anonymiseret: {result.textsAnonymised}. Filer slettet: {result.filesDeleted}. Udtalelsesversioner: {result.findingVersions}. Historikposter anonymiseret: {result.auditEntriesAnonymised}.</p>
      )}
      <SectionFeedback notice={notice} error={error} />
    </section>
  );
}
