/**
 * The henvendelse's own fields read-only (the Henvendelsen section before "Rediger"): receipt,
 * the citizen and a representative, content, and status. The CPR stays masked here; the header
 * holds the one "Vis CPR-nummer".
 */
import type { CaseDetail } from '../../../../../shared/domain/case';
import { competenceSummary } from '../../../../../shared/domain/competence';
import { formatDanishDate } from '../../../../../shared/domain/dates';
import type { Settings } from '../../../../../shared/domain/settings';
import { CaseStatus, CaseType, Channel, Handling } from '../../../../../shared/domain/vocab';
import { adviserName, reasonName } from './case-names';

const or = (text: string, empty = 'Ikke oplyst') => (text.trim() === '' ? <span className="muted">{empty}</span> : text);

export function CaseFactsView({ detail: d, settings }: Readonly<{ detail: CaseDetail; settings: Settings }>) {
  const rep = d.representative;
  return (
    <div className="facts-view">
      <h2>Henvendelsen</h2>
      <dl className="facts">
        <div><dt>Sagsnummer</dt><dd>{d.sagsnr}</dd></div>
        <div><dt>Modtaget</dt><dd>{formatDanishDate(d.receivedOn)}</dd></div>
        <div><dt>Kanal</dt><dd>{d.channel === null ? or('') : Channel.label(d.channel)}</dd></div>
        <div><dt>Type</dt><dd>{CaseType.label(d.type)}</dd></div>
        <div><dt>Rådgiver</dt><dd>{adviserName(settings, d.adviserId)}</dd></div>
      </dl>
      <h2>Borgeren</h2>
      <dl className="facts">
        <div><dt>Navn</dt><dd>{or(d.citizen.name)}</dd></div>
        <div><dt>CPR-nummer</dt><dd>{d.citizen.cprMasked ?? or('')}</dd></div>
        <div><dt>Adresse</dt><dd>{or(d.citizen.address)}</dd></div>
        <div><dt>Telefon</dt><dd>{or(d.citizen.phone)}</dd></div>
        <div><dt>E-mail</dt><dd>{or(d.citizen.email)}</dd></div>
        <div><dt>Repræsentant</dt><dd>{rep === null ? 'Ingen' : `${rep.name}${rep.relation ? ` (${rep.relation})` : ''}${rep.powerOfAttorney ? ', fuldmagt foreligger' : ', ingen fuldmagt'}`}</dd></div>
        {rep !== null && (rep.phone !== '' || rep.email !== '') ? <div><dt>Repræsentantens kontakt</dt><dd>{[rep.phone, rep.email].filter((x) => x !== '').join(' · ')}</dd></div> : null}
      </dl>
      <h2>Indhold</h2>
      <dl className="facts">
        <div><dt>Resumé</dt><dd>{or(d.summary)}</dd></div>
      </dl>
      {d.description.trim() === '' ? <p className="muted">Ingen beskrivelse.</p> : <p className="prewrap">{d.description}</p>}
      <h2>Vurdering og status</h2>
      <dl className="facts">
        <div><dt>Kompetence og håndtering</dt><dd>{d.points.length > 0
          ? competenceSummary(d.points, (id) => reasonName(settings, id))
          : `${d.competenceReasonId === null ? 'Inden for kompetence' : `Uden for: ${reasonName(settings, d.competenceReasonId)}`}, ${d.handling === null ? 'håndtering ikke afgjort' : Handling.label(d.handling).toLowerCase()}`}</dd></div>
        <div><dt>Status</dt><dd>{CaseStatus.label(d.status)}</dd></div>
        <div><dt>Afsluttet den</dt><dd>{d.closedOn === null ? or('', 'Ikke afsluttet') : formatDanishDate(d.closedOn)}</dd></div>
      </dl>
    </div>
  );
}
