/**
 * The result of an import or a dry run: the summary, every problem as `linje N, kolonne X: …`, and
 * the warnings – rows imported as written that the adviser should check (e.g. a klagepunkt outside
 * competence marked undersøgt), which never stop an import.
 */
import { formatImportIssue, type ImportReport } from '../../../../shared/domain/import-report';
import { formatCount } from '../cases/case-list-state';

function NameList({ title, names }: Readonly<{ title: string; names: ReadonlyArray<string> }>) {
  return (
    <div className="created-group">
      <dt>{title}</dt>
      <dd>{names.length === 0 ? 'ingen' : `${formatCount(names.length)}: ${names.join(', ')}`}</dd>
    </div>
  );
}

export function ImportReportView({ report }: Readonly<{ report: ImportReport }>) {
  const heading = report.dryRun
    ? report.ok ? 'Prøvekørslen fandt ingen fejl' : 'Prøvekørslen fandt fejl'
    : report.ok ? 'Importen er gennemført' : 'Importen blev afvist';
  const verb = report.dryRun || !report.ok ? 'ville blive' : 'blev';
  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{heading}</h2>
      {!report.ok ? (
        <p className="alert alert--error">
          {report.dryRun ? 'Filen kan ikke importeres, før fejlene er rettet.' : 'Intet er importeret. Ret fejlene i filen, og prøv igen.'}
        </p>
      ) : null}
      <dl className="summary-list">
        <div><dt>Henvendelser</dt><dd>{formatCount(report.henvendelser)} {verb} importeret</dd></div>
        <div><dt>Klagepunkter</dt><dd>{formatCount(report.klagepunkter)}</dd></div>
        <NameList title={`Nye forvaltninger (${verb} oprettet)`} names={report.created.forvaltninger} />
        <NameList title={`Nye afdelinger (${verb} oprettet)`} names={report.created.afdelinger} />
        <NameList title={`Nye temaer (${verb} oprettet)`} names={report.created.themes} />
      </dl>
      {report.errors.length > 0 ? (
        <>
          <h3>Fejl ({formatCount(report.errors.length)})</h3>
          <ol className="issue-list" aria-label="Fejl i filen">
            {report.errors.map((issue, i) => <li key={i}>{formatImportIssue(issue)}</li>)}
          </ol>
        </>
      ) : null}
      {report.warnings.length > 0 ? (
        <>
          <h3>Advarsler ({formatCount(report.warnings.length)})</h3>
          <p className="muted">
            {report.ok && !report.dryRun ? 'Rækkerne er importeret, som de står i filen.' : 'Rækkerne stopper ikke importen; de importeres, som de står i filen.'}{' '}
            Tjek dem, og ret henvendelsen bagefter, hvis noget er forkert.
          </p>
          <ol className="issue-list" aria-label="Advarsler i filen">
            {report.warnings.map((issue, i) => <li key={i}>{formatImportIssue(issue)}</li>)}
          </ol>
        </>
      ) : null}
    </section>
  );
}
