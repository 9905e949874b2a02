/** The catalogue as a table: title links to the rule's page; the mark sits beside unverified rules. */
import type { Rule } from '../../../../shared/domain/rule';
import { routeHref } from '../../app/router';
import { deadlineShort, isRetired } from './rule-text';
import { VerificationMark } from './VerificationMark';

export function RulesTable({ rules, today, label = 'Regler' }: Readonly<{ rules: ReadonlyArray<Rule>; today: string; label?: string }>) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Lov</th>
            <th scope="col">Paragraf</th>
            <th scope="col">Titel</th>
            <th scope="col">Frist</th>
            <th scope="col">Verificering</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id}>
              <td><code>{r.id}</code></td>
              <td><abbr title={r.lawFull}>{r.lawShort}</abbr></td>
              <td>{r.paragraph}</td>
              <td>
                <a href={routeHref({ name: 'rule', id: r.id })}>{r.title}</a>
                {isRetired(r, today) ? <span className="tag tag--retired">udgået</span> : null}
                {r.origin === 'own' ? <span className="tag">egen regel</span> : null}
              </td>
              <td>{deadlineShort(r.deadline)}</td>
              <td><VerificationMark verification={r.verification} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
