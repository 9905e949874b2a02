/**
 * The klagepunkter read-only (the Klagepunkter section before "Rediger"): per klagepunkt its
 * forvaltning, themes, description, competence and handling, outcome, what the forvaltning
 * acknowledged, and each rule with its assessment and reasoning – named with ruleHeading and marked
 * "ikke fuldt verificeret" where the rule's facts are not fully checked.
 */
import type { CaseDetail, Point } from '../../../../../shared/domain/case';
import { Assessment, ruleHeading, type Rule } from '../../../../../shared/domain/rule';
import { openItemElementId } from '../../../../../shared/domain/case-workspace';
import { Handling, Outcome } from '../../../../../shared/domain/vocab';
import type { Settings } from '../../../../../shared/domain/settings';
import { VerificationMark } from '../../rules/VerificationMark';
import { useRuleCatalog } from '../../rules/use-rules';
import { afdelingName, forvaltningName, reasonName, themeNames } from './case-names';

function agreedText(p: Point): string {
  const agreed = p.forvaltningAgreed === null ? 'ukendt' : p.forvaltningAgreed ? 'ja' : 'nej';
  const extra = [p.apologised ? 'har beklaget' : null, p.putRight ? 'har rettet op' : null].filter((x) => x !== null);
  return extra.length === 0 ? agreed : `${agreed} (${extra.join(', ')})`;
}

export function PointRulesList({ point, rules }: Readonly<{ point: Point; rules: ReadonlyArray<Rule> | null }>) {
  if (point.rules.length === 0) return <p className="muted">Ingen regler tilknyttet.</p>;
  return (
    <ul className="point-rule-list">
      {point.rules.map((link) => {
        const rule = rules?.find((r) => r.id === link.ruleId);
        return (
          <li key={link.ruleId}>
            <span>{rule ? ruleHeading(rule) : link.ruleId}</span>{rule ? <> <VerificationMark verification={rule.verification} /></> : null}
            {' '}<span className={`badge badge--${link.assessment}`}>{Assessment.label(link.assessment)}</span>
            {link.reasoning.trim() !== '' ? <p className="prewrap muted">{link.reasoning}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function PointsView({ detail, settings }: Readonly<{ detail: CaseDetail; settings: Settings }>) {
  const { rules } = useRuleCatalog();
  if (detail.points.length === 0) return <p className="muted">Henvendelsen har ingen klagepunkter.</p>;
  return (
    <div className="points-view">
      {detail.points.map((p, i) => {
        const n = i + 1;
        const afdeling = afdelingName(settings, p.forvaltningId, p.afdelingId);
        const themes = themeNames(settings, p.themeIds);
        return (
          // Focusable: the closing check's links take the adviser to a klagepunkt.
          <article key={p.id} id={openItemElementId.point(n)} tabIndex={-1} className="point-view" aria-labelledby={`point-view-${n}`}>
            <h2 id={`point-view-${n}`}>Klagepunkt {n} – {forvaltningName(settings, p.forvaltningId)}{afdeling ? `, ${afdeling}` : ''}</h2>
            <dl className="facts">
              <div><dt>Udfald</dt><dd>{p.outcome === null ? <span className="muted">Intet udfald endnu</span> : Outcome.label(p.outcome)}</dd></div>
              <div><dt>Kompetence</dt><dd>{p.competenceReasonId === null ? 'Inden for kompetence' : `Uden for: ${reasonName(settings, p.competenceReasonId)}`}</dd></div>
              <div><dt>Håndtering</dt><dd>{p.handling === null ? 'Ikke afgjort' : Handling.label(p.handling)}</dd></div>
              <div><dt>Forvaltningen erkendte fejl</dt><dd>{agreedText(p)}</dd></div>
              {themes.length > 0 ? <div><dt>Temaer</dt><dd>{themes.join(', ')}</dd></div> : null}
            </dl>
            {p.description.trim() !== '' ? <p className="prewrap">{p.description}</p> : null}
            <h3>Regler</h3>
            <PointRulesList point={p} rules={rules} />
          </article>
        );
      })}
    </div>
  );
}
