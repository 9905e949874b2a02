/**
 * What a rule says: law, paragraph, role, the formal citation a letter prints, summary, deadline in
 * words with whose deadline it is and what is due, sources and verification. Sources are for the
 * adviser only; a letter cites "Henvisning i breve", never a web page (legal-rules.md § b.5).
 */
import { DeadlineOwnerVocab } from '../../../../shared/deadlines/owner';
import { RuleRole, Verification, formalCitation, type Rule } from '../../../../shared/domain/rule';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { deadlineInWords } from './rule-text';

export function RuleFacts({ rule }: Readonly<{ rule: Rule }>) {
  const d = rule.deadline;
  return (
    <section className="form-section" aria-labelledby="rule-facts-title">
      <h2 id="rule-facts-title">Reglen</h2>
      <dl className="facts">
        <div><dt>Lov</dt><dd>{rule.lawFull} ({rule.lawShort})</dd></div>
        <div><dt>Paragraf</dt><dd>{rule.paragraph}</dd></div>
        <div><dt>Kategori</dt><dd>{rule.category}</dd></div>
        <div>
          <dt>Rolle</dt>
          <dd>
            {RuleRole.label(rule.role)}
            {rule.role === 'baggrund' ? ' – beskriver baggrund og kan ikke registreres som ikke overholdt.' : ''}
          </dd>
        </div>
        <div>
          <dt>Henvisning i breve</dt>
          <dd>
            {formalCitation(rule)}
            {rule.citation.trim() === '' ? <span className="muted"> (lovens navn og paragraf – der er ikke skrevet en henvisning)</span> : null}
          </dd>
        </div>
        <div><dt>Resumé</dt><dd className="prewrap">{rule.summary}</dd></div>
        <div>
          <dt>Frist</dt>
          <dd>
            {deadlineInWords(d)}
            {d?.rollForward ? <><br />Falder sidste dag på en lørdag, søndag eller helligdag, forlænges fristen til næste arbejdsdag.</> : null}
          </dd>
        </div>
        {d !== null ? <div><dt>Hvis frist</dt><dd>{DeadlineOwnerVocab.label(d.owner)}</dd></div> : null}
        {d !== null && d.owes.trim() !== '' ? <div><dt>Skal være sket senest på dagen</dt><dd>{d.owes}</dd></div> : null}
        <div>
          <dt>Kilder</dt>
          <dd>
            {rule.sources.length === 0 ? 'Ingen kilder angivet.' : (
              <ul className="plain-list">
                {/* Electron opens allowlisted https links in the system browser, never in the app window. */}
                {rule.sources.map((s) => <li key={s}><a href={s} target="_blank" rel="noreferrer">{s}</a></li>)}
              </ul>
            )}
          </dd>
        </div>
        <div><dt>Verificering</dt><dd>{Verification.label(rule.verification)}{rule.note ? ` – ${rule.note}` : ''}</dd></div>
        {rule.validFrom || rule.validTo ? (
          <div><dt>Gyldighed</dt><dd>{rule.validFrom ? `fra ${formatDanishDate(rule.validFrom)}` : ''}{rule.validTo ? ` til ${formatDanishDate(rule.validTo)}` : ''}</dd></div>
        ) : null}
      </dl>
    </section>
  );
}
