/**
 * The form's working copy of a henvendelse. It differs from CaseInput where typing must not be lost:
 * dates are kept as the text the adviser typed, a removed representative is kept aside in case the
 * checkbox is ticked again, and klagepunkter carry a React key. `toCaseInput` turns it into the
 * contract's CaseInput and runs the shared validation, so the form shows the backend's messages.
 */
import { validateCaseInput, type CaseDetail, type CaseInput, type FieldErrors, type OrgLookup, type PointInput, type Representative } from '../../../../shared/domain/case';
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import type { PointRule } from '../../../../shared/domain/rule';
import type { Settings } from '../../../../shared/domain/settings';
import type { CaseStatusCode, CaseTypeCode, ChannelCode, HandlingCode } from '../../../../shared/domain/vocab';
import { DATE_FORMAT_MESSAGE, dateFieldError, parseDateField } from '../../components/DateField';

/** A klagepunkt in the form: the assessment fields (competence and handling too) are always present, so they are always sent. */
export type PointDraft = Omit<PointInput, 'rules' | 'forvaltningAgreed' | 'apologised' | 'putRight' | 'competenceReasonId' | 'handling'> & {
  key: string;
  rules: PointRule[];
  forvaltningAgreed: boolean | null;
  apologised: boolean;
  putRight: boolean;
  competenceReasonId: number | null;
  handling: HandlingCode | null;
};

export type CaseDraft = {
  sagsnr: string;
  /** True while the sagsnr is the generated preview; then '' is sent and the backend assigns it. */
  sagsnrIsPreview: boolean;
  receivedOnText: string;
  closedOnText: string;
  channel: ChannelCode | null;
  type: CaseTypeCode;
  citizen: { name: string; address: string; phone: string; email: string };
  /** The CPR as typed. Ignored while `cprKept` is true (edit mode, number unchanged → `cpr: null`). */
  cpr: string;
  cprKept: boolean;
  hasRepresentative: boolean;
  representative: Representative;
  summary: string;
  description: string;
  status: CaseStatusCode;
  /** The henvendelse's own competence and handling: only used while it has no klagepunkter. */
  competenceReasonId: number | null;
  handling: HandlingCode | null;
  adviserId: number | null;
  points: PointDraft[];
};

let keySeq = 0;
export function newPointKey(): string {
  keySeq += 1;
  return `p${keySeq}`;
}

export function newPointDraft(): PointDraft {
  return {
    key: newPointKey(), forvaltningId: null, afdelingId: null, themeIds: [], description: '', outcome: null,
    rules: [], forvaltningAgreed: null, apologised: false, putRight: false, competenceReasonId: null, handling: null,
  };
}

const emptyRepresentative: Representative = { name: '', relation: '', phone: '', email: '', powerOfAttorney: false };

export function emptyDraft(today: IsoDate, adviserId: number | null): CaseDraft {
  return {
    sagsnr: '',
    sagsnrIsPreview: true,
    receivedOnText: formatDanishDate(today),
    closedOnText: '',
    channel: 'telefon',
    type: 'klage',
    citizen: { name: '', address: '', phone: '', email: '' },
    cpr: '',
    cprKept: false,
    hasRepresentative: false,
    representative: { ...emptyRepresentative },
    summary: '',
    description: '',
    status: 'modtaget',
    competenceReasonId: null,
    handling: null,
    adviserId,
    points: [newPointDraft()],
  };
}

export function draftFromDetail(d: CaseDetail): CaseDraft {
  return {
    sagsnr: d.sagsnr,
    sagsnrIsPreview: false,
    receivedOnText: formatDanishDate(d.receivedOn),
    closedOnText: formatDanishDate(d.closedOn),
    channel: d.channel,
    type: d.type,
    citizen: { name: d.citizen.name, address: d.citizen.address, phone: d.citizen.phone, email: d.citizen.email },
    cpr: '',
    cprKept: d.citizen.cprMasked !== null,
    hasRepresentative: d.representative !== null,
    representative: d.representative ?? { ...emptyRepresentative },
    summary: d.summary,
    description: d.description,
    status: d.status,
    competenceReasonId: d.competenceReasonId,
    handling: d.handling,
    adviserId: d.adviserId,
    points: d.points.map((p) => ({
      key: newPointKey(), id: p.id, forvaltningId: p.forvaltningId, afdelingId: p.afdelingId,
      themeIds: [...p.themeIds], description: p.description, outcome: p.outcome,
      rules: p.rules.map((r) => ({ ...r })), forvaltningAgreed: p.forvaltningAgreed, apologised: p.apologised, putRight: p.putRight,
      competenceReasonId: p.competenceReasonId, handling: p.handling,
    })),
  };
}

export function orgLookup(s: Settings): OrgLookup {
  const forvaltninger = new Map(s.forvaltninger.map((f) => [f.id, f]));
  const themes = new Set(s.themes.map((t) => t.id));
  const reasons = new Set(s.competenceReasons.map((r) => r.id));
  const advisers = new Set(s.advisers.map((a) => a.id));
  return {
    forvaltningExists: (id) => forvaltninger.has(id),
    afdelingBelongsTo: (afdelingId, forvaltningId) => forvaltninger.get(forvaltningId)?.afdelinger.some((a) => a.id === afdelingId) ?? false,
    themeExists: (id) => themes.has(id),
    competenceReasonExists: (id) => reasons.has(id),
    adviserExists: (id) => advisers.has(id),
  };
}

export type Conversion = { input: CaseInput; errors: FieldErrors };

/** Build the CaseInput and collect every Danish field error (date format first, then the shared rules). */
export function toCaseInput(draft: CaseDraft, settings: Settings, today: IsoDate): Conversion {
  const errors: FieldErrors = {};
  const received = parseDateField(draft.receivedOnText);
  if (received === null) errors['receivedOn'] = 'Skriv den dato, henvendelsen blev modtaget.';
  else if (received === 'invalid') errors['receivedOn'] = dateFieldError(draft.receivedOnText) ?? DATE_FORMAT_MESSAGE;
  const closed = parseDateField(draft.closedOnText);
  if (closed === 'invalid') errors['closedOn'] = dateFieldError(draft.closedOnText) ?? DATE_FORMAT_MESSAGE;
  const input: CaseInput = {
    sagsnr: draft.sagsnrIsPreview ? '' : draft.sagsnr,
    receivedOn: received === null || received === 'invalid' ? today : received,
    channel: draft.channel,
    type: draft.type,
    citizen: { ...draft.citizen, cpr: draft.cprKept ? null : draft.cpr.trim() },
    representative: draft.hasRepresentative ? { ...draft.representative } : null,
    summary: draft.summary,
    description: draft.description,
    status: draft.status,
    competenceReasonId: draft.competenceReasonId,
    handling: draft.handling,
    closedOn: closed === null || closed === 'invalid' ? null : closed,
    adviserId: draft.adviserId,
    // Every field of a klagepunkt is sent, the assessment too: an absent field would mean "none".
    // A vejledning or vejvisning may have no klagepunkt: one left untouched is not saved.
    points: (needsPoint(draft.type) ? draft.points : draft.points.filter((p) => !isEmptyPoint(p))).map(({ key: _key, rules, ...p }): PointInput => ({ ...p, rules: rules.map((r) => ({ ...r })) })),
  };
  const shared = validateCaseInput(input, orgLookup(settings), today);
  // A closing date that could not be parsed must not also be reported as "missing".
  for (const [k, v] of Object.entries(shared)) if (!(k in errors)) errors[k] = v;
  return { input, errors };
}

/** A klage (and egen drift) is about klagepunkter; a vejledning or vejvisning usually has none. */
export function needsPoint(type: CaseTypeCode): boolean {
  return type === 'klage' || type === 'egen_drift';
}

/** A klagepunkt the adviser has not filled in at all. */
export function isEmptyPoint(p: PointDraft): boolean {
  return p.forvaltningId === null && p.afdelingId === null && p.themeIds.length === 0 && p.description.trim() === ''
    && p.outcome === null && p.rules.length === 0 && p.forvaltningAgreed === null && !p.apologised && !p.putRight
    && p.competenceReasonId === null && p.handling === null;
}

/**
 * The type decides whether a blank klagepunkt belongs in the form: choosing vejledning or vejvisning
 * drops the untouched one a new henvendelse starts with, and choosing klage again brings one back.
 */
export function withType(draft: CaseDraft, type: CaseTypeCode): CaseDraft {
  const next = { ...draft, type };
  if (!needsPoint(type) && draft.points.length === 1 && draft.points[0] !== undefined && isEmptyPoint(draft.points[0])) return withPointRemoved(next, 0);
  if (needsPoint(type) && draft.points.length === 0) return withPointAdded(next, newPointDraft());
  return next;
}

/**
 * Adding the first klagepunkt moves the henvendelse's own competence and handling onto it, and
 * removing the last moves them back: they are per klagepunkt while there are klagepunkter
 * (migration 0080), and nothing the adviser chose is dropped on the way.
 */
export function withPointAdded(draft: CaseDraft, point: PointDraft): CaseDraft {
  if (draft.points.length > 0 || (draft.competenceReasonId === null && draft.handling === null)) return { ...draft, points: [...draft.points, point] };
  return { ...draft, competenceReasonId: null, handling: null, points: [{ ...point, competenceReasonId: draft.competenceReasonId, handling: draft.handling }] };
}

export function withPointRemoved(draft: CaseDraft, index: number): CaseDraft {
  const points = draft.points.filter((_, i) => i !== index);
  const removed = draft.points[index];
  if (points.length > 0 || removed === undefined) return { ...draft, points };
  return { ...draft, points, competenceReasonId: removed.competenceReasonId, handling: removed.handling };
}

/** The DOM id of the control for a field path, so errors can be focused and described. */
export function fieldDomId(path: string): string {
  return `f-${path.replace(/\./g, '-')}`;
}

/** Where an error path without its own control should send focus. */
export function focusTargetFor(path: string): string {
  if (path === 'points') return 'add-point';
  const m = /^points\.(\d+)\.themeIds$/.exec(path);
  if (m) return `f-points-${m[1]}-themes-first`;
  const r = /^points\.(\d+)\.rules(\.|$)/.exec(path);
  if (r) return `f-points-${r[1]}-rule-picker`;
  if (path === 'citizen.cpr') return fieldDomId('citizen.cpr');
  return fieldDomId(path);
}
