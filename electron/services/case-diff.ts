/**
 * The Danish field-by-field description of a change to a henvendelse, as stored in the audit trail
 * and shown in its history ("Status: Modtaget → Under behandling"). Ids are turned into the names
 * they had at the time of the change, because the trail must stay readable after a rename.
 *
 * The CPR number never enters the trail (data minimisation, GDPR art. 5(1)(c)): only that it was
 * added, changed or removed.
 */
import type { CaseDetail, Point } from '../../shared/domain/case';
import { formatDanishDate } from '../../shared/domain/dates';
import { Assessment } from '../../shared/domain/rule';
import { INSIDE_COMPETENCE_LABEL } from '../../shared/domain/competence';
import { CaseStatus, CaseType, Channel, Handling, Outcome } from '../../shared/domain/vocab';
import type { AuditChange } from '../../db/queries/audit';
import { catalogEntryName } from '../../db/queries/catalog';
import type { ReadableDB } from '../../db/types';

/** A case as the history describes it: ordered Danish label → display value. */
type Described = Map<string, string>;

const yesNo = (b: boolean): string => (b ? 'Ja' : 'Nej');

function nameOf(db: ReadableDB, kind: 'forvaltning' | 'afdeling' | 'theme' | 'competence_reason' | 'adviser', id: number | null): string {
  if (id === null) return '';
  return catalogEntryName(db, kind, id) ?? `(slettet, id ${id})`;
}

/** "Inden for kompetence" or the reason's name as it is now (the trail keeps the name at the time). */
function competenceOf(db: ReadableDB, reasonId: number | null): string {
  return reasonId === null ? INSIDE_COMPETENCE_LABEL : nameOf(db, 'competence_reason', reasonId);
}

function describeCase(db: ReadableDB, c: CaseDetail): Described {
  const d: Described = new Map();
  d.set('Sagsnummer', c.sagsnr);
  d.set('Modtagelsesdato', formatDanishDate(c.receivedOn));
  d.set('Kanal', c.channel === null ? '' : Channel.label(c.channel));
  d.set('Type', CaseType.label(c.type));
  d.set('Borgerens navn', c.citizen.name);
  d.set('Adresse', c.citizen.address);
  d.set('Telefon', c.citizen.phone);
  d.set('E-mail', c.citizen.email);
  d.set('Repræsentant', c.representative?.name ?? '');
  d.set('Repræsentantens relation', c.representative?.relation ?? '');
  d.set('Repræsentantens telefon', c.representative?.phone ?? '');
  d.set('Repræsentantens e-mail', c.representative?.email ?? '');
  d.set('Fuldmagt', c.representative ? yesNo(c.representative.powerOfAttorney) : '');
  d.set('Resumé', c.summary);
  d.set('Beskrivelse', c.description);
  d.set('Status', CaseStatus.label(c.status));
  // The henvendelse's own competence and handling exist only without klagepunkter (migration 0080);
  // with klagepunkter they are described per klagepunkt and left out here.
  d.set('Kompetence', c.points.length === 0 ? competenceOf(db, c.competenceReasonId) : '');
  d.set('Håndtering', c.handling === null ? '' : Handling.label(c.handling));
  d.set('Afslutningsdato', formatDanishDate(c.closedOn));
  d.set('Rådgiver', nameOf(db, 'adviser', c.adviserId));
  return d;
}

function describePoint(db: ReadableDB, p: Point): Described {
  const d: Described = new Map();
  d.set('Forvaltning', nameOf(db, 'forvaltning', p.forvaltningId));
  d.set('Afdeling', nameOf(db, 'afdeling', p.afdelingId));
  d.set('Temaer', p.themeIds.map((t) => nameOf(db, 'theme', t)).join(', '));
  d.set('Beskrivelse', p.description);
  d.set('Udfald', p.outcome === null ? '' : Outcome.label(p.outcome));
  return d;
}

/** The klagepunkt's competence and handling; like the flags, a new klagepunkt is compared with the defaults. */
function describeCompetence(db: ReadableDB, p: Point | null): Described {
  const d: Described = new Map();
  d.set('Kompetence', competenceOf(db, p?.competenceReasonId ?? null));
  const handling = p?.handling ?? null;
  d.set('Håndtering', handling === null ? '' : Handling.label(handling));
  return d;
}

/** The klagepunkt's flags as the history words them; the first value of each is the default. */
function describeFlags(p: Point | null): Described {
  const d: Described = new Map();
  const agreed = p?.forvaltningAgreed ?? null;
  d.set('Forvaltningen erkendte fejl', agreed === null ? 'ukendt' : agreed ? 'ja' : 'nej');
  d.set('Forvaltningen har undskyldt', p?.apologised === true ? 'ja' : 'nej');
  d.set('Forholdet er bragt i orden', p?.putRight === true ? 'ja' : 'nej');
  return d;
}

/**
 * Rule links added and removed, and changed assessments and reasoning. A rule is named by its id,
 * which never changes (a rule is retired, not renamed away), so the entry stays readable.
 */
function ruleChanges(old: Point | null, p: Point, label: string, out: AuditChange[]): void {
  const before = new Map((old?.rules ?? []).map((r) => [r.ruleId, r]));
  for (const r of p.rules) {
    const field = `${label}: Regel ${r.ruleId}`;
    const was = before.get(r.ruleId);
    if (!was) {
      out.push({ field, before: '', after: `tilføjet (${Assessment.label(r.assessment)})` });
      if (r.reasoning !== '') out.push({ field: `${field}: Begrundelse`, before: '', after: r.reasoning });
      continue;
    }
    if (was.assessment !== r.assessment) out.push({ field: `${field}: Vurdering`, before: Assessment.label(was.assessment), after: Assessment.label(r.assessment) });
    if (was.reasoning !== r.reasoning) out.push({ field: `${field}: Begrundelse`, before: was.reasoning, after: r.reasoning });
  }
  const kept = new Set(p.rules.map((r) => r.ruleId));
  for (const r of old?.rules ?? []) {
    if (!kept.has(r.ruleId)) out.push({ field: `${label}: Regel ${r.ruleId}`, before: Assessment.label(r.assessment), after: 'fjernet' });
  }
}

function diffMaps(before: Described, after: Described, prefix: string, out: AuditChange[]): void {
  for (const [field, a] of after) {
    const b = before.get(field) ?? '';
    if (a !== b) out.push({ field: `${prefix}${field}`, before: b, after: a });
  }
}

/** What happened to the CPR number, without the number. */
function cprChange(before: string | null, after: string | null): AuditChange | null {
  if (before === after) return null;
  if (before === null) return { field: 'CPR-nummer', before: '', after: 'tilføjet' };
  if (after === null) return { field: 'CPR-nummer', before: '', after: 'fjernet' };
  return { field: 'CPR-nummer', before: '', after: 'ændret' };
}

/**
 * Changes from `before` (null on create) to `after`. Klagepunkter are matched by id and named by
 * their position after the change ("Klagepunkt 2: Forvaltning"); a removed one by its old position.
 */
export function diffCase(
  db: ReadableDB,
  before: { detail: CaseDetail; cpr: string | null } | null,
  after: { detail: CaseDetail; cpr: string | null },
): AuditChange[] {
  const out: AuditChange[] = [];
  diffMaps(before ? describeCase(db, before.detail) : new Map(), describeCase(db, after.detail), '', out);
  const cpr = cprChange(before?.cpr ?? null, after.cpr);
  if (cpr) out.push(cpr);

  const oldPoints = new Map((before?.detail.points ?? []).map((p) => [p.id, p]));
  after.detail.points.forEach((p, i) => {
    const label = `Klagepunkt ${i + 1}`;
    const old = oldPoints.get(p.id);
    if (!old) {
      out.push({ field: label, before: '', after: 'tilføjet' });
      diffMaps(new Map(), describePoint(db, p), `${label}: `, out);
    } else {
      if (old.position !== p.position) out.push({ field: `${label}: Nummer`, before: String(old.position), after: String(p.position) });
      diffMaps(describePoint(db, old), describePoint(db, p), `${label}: `, out);
    }
    diffMaps(describeCompetence(db, old ?? null), describeCompetence(db, p), `${label}: `, out);
    ruleChanges(old ?? null, p, label, out);
    // A new klagepunkt is compared with the defaults, so only flags the adviser actually set appear.
    diffMaps(describeFlags(old ?? null), describeFlags(p), `${label}: `, out);
  });
  const kept = new Set(after.detail.points.map((p) => p.id));
  for (const old of before?.detail.points ?? []) {
    if (kept.has(old.id)) continue;
    const d = describePoint(db, old);
    const what = [d.get('Forvaltning'), d.get('Beskrivelse')].filter((s) => s).join(': ');
    out.push({ field: `Klagepunkt ${old.position}`, before: what, after: 'fjernet' });
  }
  return out;
}
