/**
 * The portable henvendelse: what an export writes and an import reads. It is the form's CaseInput
 * with the organisation named instead of numbered (forvaltning, afdeling, themes, competence reason,
 * adviser: ids mean nothing in another database), plus everything recorded on the case outside the
 * form (klagefrist, target, henstillinger, requests with their history, deadlines on klagepunkter,
 * the case history and the times).
 *
 * The JSON export is exactly PortableExport below; the CSV carries a part of a PortableCase, one row
 * per klagepunkt (README § Import and export format says which part). Both imports build
 * PortableCases and check each with `checkPortableCase` — the very validation the case form runs
 * (validateCase, behind validateCaseInput) — and the one bulk writer (db/queries/bulk-import.ts) stores them.
 *
 * The schemas derive from the domain schemas (PointInputSchema, CaseInputSchema, …), so a field
 * added to the domain travels through the JSON export and import without touching this file.
 */
import { z } from 'zod';
import { DeadlineSpecSchema } from '../deadlines/types';
import { CaseInputSchema, CaseStatusSchema, IsoDateSchema, PointInputSchema, TEXT_LIMITS, validateCase, type FieldErrors, type OrgRefs } from '../domain/case';
import { HistoryEntrySchema } from '../domain/case-list';
import { BlockSchema, LetterDocumentSchema } from '../letters/document';
import { ANONYMISATION_TERM_LIMITS, FINDING_REASON_MAX, FindingAddresseesSchema } from '../letters/finding-state';
import { DecisionNoticeInputSchema, DeadlineSettingsSchema, PointDeadlineBasisSchema, RequestKindSchema, VerdictSchema } from '../domain/deadline-tracking';
import type { IsoDate } from '../domain/dates';
import { RecommendationInputSchema, validateRecommendation } from '../domain/recommendation';
import {
  DocumentContentSchema,
  DocumentMetaSchema,
  JournalNoteInputSchema,
  RECORD_LIMITS,
  TextStatusSchema,
  validateDocumentMeta,
  validateJournalNote,
} from '../domain/records';
import { DeadlineUnitSchema, RuleInputSchema, RuleIdSchema } from '../domain/rule';
import { LogoSchema, letterheadProblems } from '../letters/letterhead-settings';
import { PhraseScopeSchema, phraseProblems } from '../letters/phrases';
import { ReportSettingsSchema } from '../report/settings';
import { RETENTION_YEARS } from '../gdpr/retention';
import { AnnualReportTextsSchema } from '../report/texts';

/** The format tag and version of the JSON export; an import refuses any other. */
export const EXPORT_FORMAT = 'ombud-export';
export const EXPORT_VERSION = 4;
/**
 * The versions an import reads: 2 has no akter and journal notes (they arrive empty). Version 3
 * added them, so an older Ombud refuses a newer file instead of silently dropping its akter.
 * Version 4 added the letterhead, the phrase library, the advisers' titles, the annual report's settings and texts (a file without them
 * keeps the database's own) and the finding (udtalelse) with its issued versions.
 */
export const READABLE_EXPORT_VERSIONS: ReadonlyArray<number> = [2, 3, 4];

const name = z.string().trim().min(1).max(200);
/** When a row was created or last changed (ISO 8601); absent in a file written by hand: the import's time. */
const timestamp = z.string().min(10).max(40).optional();
const times = { createdAt: timestamp, updatedAt: timestamp };

export const PortablePointDeadlineSchema = z.object({
  basis: PointDeadlineBasisSchema,
  /** The rule, for basis 'regel'; null for the svarpolitik. */
  ruleId: RuleIdSchema.nullable(),
  startOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  metOn: IsoDateSchema.nullable(),
  note: z.string().max(5000),
  ...times,
});
export type PortablePointDeadline = z.infer<typeof PortablePointDeadlineSchema>;

/** A klagepunkt: every field of the form's PointInput (required here), the organisation by name. */
export const PortablePointSchema = PointInputSchema.omit({ id: true, forvaltningId: true, afdelingId: true, themeIds: true, competenceReasonId: true })
  .required()
  .extend({
    forvaltning: name.nullable(),
    afdeling: name.nullable(),
    themes: z.array(name).max(50),
    /** Why the klagepunkt is outside competence, by the reason's name; null: inside. */
    competenceReason: name.nullable(),
    /** Statutory deadlines on the municipality's handling of this klagepunkt. */
    deadlines: z.array(PortablePointDeadlineSchema).max(100),
    ...times,
  });
export type PortablePoint = z.infer<typeof PortablePointSchema>;

export const PortableRecommendationSchema = RecommendationInputSchema.omit({ caseId: true, pointId: true, forvaltningId: true }).extend({
  /** The klagepunkt's number within the henvendelse (1 = the first), or null for the henvendelse as a whole. */
  point: z.number().int().min(1).nullable(),
  forvaltning: name,
  ...times,
});
export type PortableRecommendation = z.infer<typeof PortableRecommendationSchema>;

export const PortableRequestEventSchema = z.object({
  kind: z.enum(['rykker', 'forlaengelse', 'pause']),
  onDate: IsoDateSchema,
  level: z.number().int().min(1).nullable(),
  pauseTo: IsoDateSchema.nullable(),
  newDue: IsoDateSchema.nullable(),
  add: z.object({ amount: z.number().int().min(1).max(10000), unit: DeadlineUnitSchema }).nullable(),
  oldDue: IsoDateSchema.nullable(),
  reason: z.string().max(5000),
  createdAt: timestamp,
});
export type PortableRequestEvent = z.infer<typeof PortableRequestEventSchema>;

export const PortableRequestSchema = z.object({
  forvaltning: name,
  kind: RequestKindSchema,
  sentOn: IsoDateSchema,
  /** How the deadline is counted; null: the default in the settings (a CSV row). */
  spec: DeadlineSpecSchema.nullable(),
  /** The due date as stored; null: computed from the spec (or explicitDue) on import. */
  dueOn: IsoDateSchema.nullable(),
  /** A due date given rather than counted, which a calendar change never moves. */
  explicitDue: IsoDateSchema.nullable(),
  answeredOn: IsoDateSchema.nullable(),
  closedOn: IsoDateSchema.nullable(),
  /** Frozen when the request was answered or closed; null for an ended request: computed on import. */
  verdict: VerdictSchema.nullable(),
  note: z.string().max(5000),
  /** The adviser's summary of the forvaltning's answer (migration 0110); absent in older files. */
  answerSummary: z.string().max(TEXT_LIMITS.answerSummary).default(''),
  /** The klagepunkter the request concerns, by their number within the henvendelse; empty: those of its forvaltning. */
  points: z.array(z.number().int().min(1)).max(500).default([]),
  /** Rykkere, forlængelser and pauses, oldest first. */
  events: z.array(PortableRequestEventSchema).max(200),
  ...times,
});
export type PortableRequest = z.infer<typeof PortableRequestSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u, { message: 'en SHA-256 skrives som 64 hextegn' });

/**
 * An akt (migration 0120) with its bytes as base64 and the text read from it (carried, so an
 * import need not read every PDF again). `request`: the number of the henvendelse's request whose
 * answer it is (1 = the first in `requests`), or null.
 */
export const PortableDocumentSchema = DocumentMetaSchema.omit({ requestId: true }).extend({
  fileName: z.string().min(1).max(RECORD_LIMITS.fileName),
  mediaType: z.string().min(1).max(120),
  request: z.number().int().min(1).nullable(),
  textStatus: TextStatusSchema,
  extractedText: z.string().max(1024 * 1024),
  contentBase64: DocumentContentSchema,
  /**
   * The file was deleted by a retention run (migration 0200): its recorded size and SHA-256, and
   * `contentBase64` is empty. Absent for every other akt, whose content must not be empty.
   */
  erased: z.object({ size: z.number().int().min(1), sha256: sha256Hex }).optional(),
  addedBy: z.string().min(1).max(200),
  addedAt: timestamp,
  updatedAt: timestamp,
}).superRefine((d, ctx) => {
  if (d.contentBase64.length === 0 && d.erased === undefined) ctx.addIssue({ code: 'custom', path: ['contentBase64'], message: 'akten har intet indhold' });
});
export type PortableDocument = z.infer<typeof PortableDocumentSchema>;

const who = z.string().min(1).max(200);
const when = z.string().min(10).max(40);

/**
 * An issued version of the finding (migration 0150), exactly as it was issued: the frozen letter,
 * its addressees and both PDFs with the SHA-256 stored at the issue. The import stores them as
 * given; bytes that no longer match their SHA-256 are never served (electron/services/findings.ts).
 */
export const PortableFindingVersionSchema = z.object({
  version: z.number().int().positive(),
  letterDate: IsoDateSchema,
  document: LetterDocumentSchema,
  addressees: FindingAddresseesSchema,
  pdfBase64: DocumentContentSchema,
  pdfSha256: sha256Hex,
  forvaltningPdfBase64: DocumentContentSchema,
  forvaltningPdfSha256: sha256Hex,
  issuedAt: when,
  issuedBy: who,
  /** The version number it supersedes; null for the first. */
  supersedes: z.number().int().positive().nullable(),
  reason: z.string().max(FINDING_REASON_MAX),
});
export type PortableFindingVersion = z.infer<typeof PortableFindingVersionSchema>;

/** The finding of a henvendelse (format 4): the draft's edited sections, a new version in progress, the issued versions, the extra anonymisation terms. */
export const PortableFindingSchema = z.object({
  edits: z.array(z.object({ section: z.string().min(1).max(100), blocks: z.array(BlockSchema).max(5000), editedAt: when, editedBy: who })).max(500),
  /** A new version in progress after an issue, naming the version number it will supersede. */
  draft: z.object({ supersedes: z.number().int().positive().nullable(), startedAt: when, startedBy: who }).nullable(),
  versions: z.array(PortableFindingVersionSchema).max(1000),
  anonymisationTerms: z.array(z.string().trim().min(1).max(ANONYMISATION_TERM_LIMITS.maxLength)).max(ANONYMISATION_TERM_LIMITS.maxCount),
});
export type PortableFinding = z.infer<typeof PortableFindingSchema>;

/** A journal note (migration 0130) with its author. */
export const PortableJournalNoteSchema = JournalNoteInputSchema.omit({ caseId: true }).extend({
  author: z.string().min(1).max(200),
  ...times,
});
export type PortableJournalNote = z.infer<typeof PortableJournalNoteSchema>;

export const PortableHistoryEntrySchema = HistoryEntrySchema.omit({ id: true });
export type PortableHistoryEntry = z.infer<typeof PortableHistoryEntrySchema>;

/** A henvendelse: every field of the form's CaseInput, the organisation by name, and what follows it. */
export const PortableCaseSchema = CaseInputSchema.omit({ competenceReasonId: true, adviserId: true, points: true }).extend({
  sagsnr: z.string().trim().min(1).max(60),
  /** The henvendelse's own competence reason (only without klagepunkter), by name; null: inside. */
  competenceReason: name.nullable(),
  adviser: name.nullable(),
  points: z.array(PortablePointSchema).max(200),
  /** How and when the citizen was notified of the decision, and what the klagefrist rests on. */
  decisionNotice: DecisionNoticeInputSchema.nullable(),
  klagefristDue: IsoDateSchema.nullable(),
  /**
   * The status to return to when the last open request to the forvaltning is answered or closed
   * (null: the case is not waiting); absent in files from before it existed.
   */
  statusResume: CaseStatusSchema.nullable().optional(),
  /** The adviser's own target; null: none; absent (a CSV row): computed from the settings. */
  targetDue: IsoDateSchema.nullable().optional(),
  recommendations: z.array(PortableRecommendationSchema).max(1000),
  requests: z.array(PortableRequestSchema).max(1000),
  /** Akter og journal (format 3); absent in a format 2 file and in a CSV row. */
  documents: z.array(PortableDocumentSchema).max(10000).default([]),
  journal: z.array(PortableJournalNoteSchema).max(10000).default([]),
  /** The finding (format 4); absent when the henvendelse has none, in older files and in a CSV row. */
  finding: PortableFindingSchema.optional(),
  /** The case history, oldest first; the import adds its own entry after it. */
  history: z.array(PortableHistoryEntrySchema).optional(),
  ...times,
});
export type PortableCase = z.infer<typeof PortableCaseSchema>;

// ---------------------------------------------------------------------------------------------
// The JSON export document

/** `retiredAt`: when the entry was marked udgået (kept in old cases, hidden from pickers); null: active. */
const catalogueEntry = { name, retiredAt: z.string().max(40).nullable(), sortOrder: z.number().int() };

/** A rule the data depends on: the adviser's own, an edited or retired shipped one, or one a klagepunkt cites. */
export const PortableRuleSchema = RuleInputSchema.extend({
  origin: z.enum(['shipped', 'own']),
  validFrom: IsoDateSchema.nullable(),
  validTo: IsoDateSchema.nullable(),
  catalogVersion: z.number().int().nullable(),
  edited: z.boolean(),
});
export type PortableRule = z.infer<typeof PortableRuleSchema>;

export const PortableLetterheadSchema = z.object({
  office: z.string(),
  addressLines: z.array(z.string()),
  contactLines: z.array(z.string()),
  // base64 of at most 1 MB: 4 characters per 3 bytes.
  logo: LogoSchema.extend({ contentBase64: z.string().min(4).max(Math.ceil((1024 * 1024) / 3) * 4) }).nullable(),
}).superRefine((l, ctx) => {
  for (const [path, message] of Object.entries(letterheadProblems(l))) ctx.addIssue({ code: 'custom', path: [path], message });
});

export const PortablePhraseSchema = z.object({ scope: PhraseScopeSchema, key: z.string().max(80).nullable(), title: z.string(), text: z.string() })
  .superRefine((p, ctx) => {
    for (const [path, message] of Object.entries(phraseProblems(p))) ctx.addIssue({ code: 'custom', path: [path], message });
  });

export const PortableAnnualReportSchema = AnnualReportTextsSchema.omit({ findingVersionIds: true }).extend({
  from: IsoDateSchema,
  to: IsoDateSchema,
  findings: z.array(z.object({ sagsnr: z.string().max(40), version: z.number().int().positive() })).max(200),
  updatedAt: z.string().max(40),
  updatedBy: z.string().max(200),
});
export type PortableAnnualReport = z.infer<typeof PortableAnnualReportSchema>;

export const PortableSettingsSchema = z.object({
  /**
   * The deadline settings, closing days included. `lookaheadDays` came later: a file written before
   * it has none, and the restore then keeps the default.
   */
  deadlines: DeadlineSettingsSchema.extend({ lookaheadDays: DeadlineSettingsSchema.shape.lookaheadDays.optional() }),
  /** The annual report's settings (version 4): start month, smallest n, pattern threshold; absent: the database keeps its own. */
  report: ReportSettingsSchema.optional(),
  /** Years a closed henvendelse keeps its personal data (migration 0200); absent: the database keeps its own. */
  retention: z.object({ years: z.number().int().min(RETENTION_YEARS.min).max(RETENTION_YEARS.max) }).optional(),
});

export const PortableExportHeadSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.union([z.literal(2), z.literal(3), z.literal(EXPORT_VERSION)]),
  exportedAt: z.string(),
  municipality: z.string().max(200),
  organisation: z.array(z.object({ ...catalogueEntry, afdelinger: z.array(z.object(catalogueEntry)).max(500) })).max(500),
  themes: z.array(z.object({ ...catalogueEntry, /** Rules suggested for a klagepunkt with this theme. */ rules: z.array(RuleIdSchema).max(500) })).max(2000),
  /** `code`: the shipped default the reason started as (migration 0080), null for the municipality's own. */
  competenceReasons: z.array(z.object({ ...catalogueEntry, code: z.string().max(80).nullable() })).max(500),
  /** `title`: under the adviser's signature (version 4; absent: "Borgerrådgiver"). */
  advisers: z.array(z.object({
    name, initials: z.string().max(20), email: z.string().max(200), retiredAt: z.string().max(40).nullable(), title: z.string().trim().min(1).max(120).optional(),
  })).max(500),
  rules: z.array(PortableRuleSchema).max(5000),
  settings: PortableSettingsSchema,
  /** The letterhead (version 4): office, address and contact lines, the logo as base64 (at most 1 MB). */
  letterhead: PortableLetterheadSchema.optional(),
  /** The phrase library in its order (version 4). */
  phrases: z.array(PortablePhraseSchema).max(5000).optional(),
  /**
   * The Årsberetning's texts per period (version 4), each chosen finding by its henvendelse's sagsnr
   * and version number (ids are not carried); restored after the henvendelser.
   */
  annualReports: z.array(PortableAnnualReportSchema).max(500).optional(),
});
export type PortableExportHead = z.infer<typeof PortableExportHeadSchema>;
export type PortableExport = PortableExportHead & { cases: PortableCase[] };

// ---------------------------------------------------------------------------------------------
// One validation

/** Themes named alike but for case and spaces around are the same theme. */
const themeNameKey = (t: number | string): unknown => (typeof t === 'string' ? t.trim().toLowerCase() : t);

/**
 * How the case form's validation (validateCase) reads a PortableCase: the organisation by name, each
 * problem under the portable field path (`points.2.forvaltning`, `adviser`). Names stand in for ids
 * (the import resolves or creates them later), so only "given or not" matters, and a theme named
 * twice (ignoring case) is seen twice.
 */
const PORTABLE_REFS: OrgRefs<PortableCase, PortablePoint> = {
  competenceReason: (c) => c.competenceReason,
  adviser: (c) => c.adviser,
  forvaltning: (p) => p.forvaltning,
  afdeling: (p) => p.afdeling,
  themes: (p) => p.themes,
  themeKey: themeNameKey,
  pointCompetenceReason: (p) => p.competenceReason,
  path: { competenceReason: 'competenceReason', adviser: 'adviser', forvaltning: 'forvaltning', afdeling: 'afdeling', themes: 'themes', pointCompetenceReason: 'competenceReason' },
};

/**
 * Every problem with a henvendelse as the form and the services would word it, by portable field
 * path: the case form's own validation (validateCase, as validateCaseInput runs it), the henstilling
 * form's (validateRecommendation), and the rules a request must keep (the database's CHECKs, in
 * Danish). Checks that need the database (sagsnr taken, rules and reasons known) are the import
 * service's. The henvendelse is read as it is, without a copy in the form's shape: the import checks
 * 70,000 of them in one go.
 */
export function checkPortableCase(c: PortableCase, today: IsoDate): FieldErrors {
  const errors = validateCase(c, c.points, PORTABLE_REFS, null, today);
  const n = c.points.length;
  for (let i = 0; i < c.recommendations.length; i++) {
    const r = c.recommendations[i] as PortableRecommendation;
    const e = validateRecommendation({ ...r, caseId: 1, pointId: r.point === null ? null : 1, forvaltningId: 1 }, today);
    for (const field in e) errors[`recommendations.${i}.${field}`] = e[field] as string;
    if (r.point !== null && r.point > n) errors[`recommendations.${i}.point`] = `Henstillingen hører til klagepunkt ${r.point}, men henvendelsen har ${n}.`;
  }
  for (let i = 0; i < c.requests.length; i++) {
    const r = c.requests[i] as PortableRequest;
    const e = checkRequest(r, c.receivedOn, today);
    for (const field in e) errors[`requests.${i}.${field}`] = e[field] as string;
    for (const k of r.points) {
      if (k > n) {
        errors[`requests.${i}.points`] = `Anmodningen angår klagepunkt ${k}, men henvendelsen har ${n}.`;
        break;
      }
    }
  }
  // Akter og journal: what the database's CHECKs and the services require, in the adviser's words.
  for (let i = 0; i < c.documents.length; i++) {
    const d = c.documents[i] as PortableDocument;
    const e = validateDocumentMeta({ ...d, requestId: null });
    for (const field in e) errors[`documents.${i}.${field}`] = e[field] as string;
    if (d.request !== null && d.request > c.requests.length) errors[`documents.${i}.request`] = `Akten er svar på anmodning ${d.request}, men henvendelsen har ${c.requests.length}.`;
  }
  for (let i = 0; i < c.journal.length; i++) {
    const e = validateJournalNote({ ...(c.journal[i] as PortableJournalNote), caseId: 1 }, today);
    for (const field in e) errors[`journal.${i}.${field}`] = e[field] as string;
  }
  if (c.finding !== undefined) Object.assign(errors, checkPortableFinding(c.finding));
  for (let i = 0; i < n; i++) {
    const deadlines = (c.points[i] as PortablePoint).deadlines;
    for (let k = 0; k < deadlines.length; k++) {
      const d = deadlines[k] as PortablePointDeadline;
      if ((d.basis === 'regel') !== (d.ruleId !== null)) errors[`points.${i}.deadlines.${k}.ruleId`] = 'En frist efter en regel skal nævne reglen; en frist efter svarpolitikken nævner ingen.';
      if (d.metOn !== null && d.metOn < d.startOn) errors[`points.${i}.deadlines.${k}.metOn`] = 'Datoen for overholdelse kan ikke ligge før fristens start.';
    }
  }
  return errors;
}

/** A finding's versions numbered 1, 2, 3 …, each superseding an earlier one, and a draft that fits them (migration 0150's workflow). */
export function checkPortableFinding(f: PortableFinding): FieldErrors {
  const e: FieldErrors = {};
  const numbers = f.versions.map((v) => v.version);
  if ([...numbers].sort((a, b) => a - b).some((v, i) => v !== i + 1)) e['finding.versions'] = 'Udtalelsens versioner skal være nummereret 1, 2, 3 … uden huller eller gentagelser.';
  f.versions.forEach((v, i) => {
    if (v.supersedes !== null && (v.supersedes >= v.version || !numbers.includes(v.supersedes))) {
      e[`finding.versions.${i}.supersedes`] = `Version ${v.version} kan kun afløse en tidligere version af udtalelsen.`;
    }
  });
  const newest = numbers.length === 0 ? null : Math.max(...numbers);
  if (f.draft !== null && f.draft.supersedes !== newest) {
    e['finding.draft.supersedes'] = newest === null ? 'Et udkast til en ny version kræver en udsendt version.' : `En ny version under arbejde afløser den nyeste version (${newest}).`;
  }
  if (newest !== null && f.draft === null && f.edits.length > 0) e['finding.edits'] = 'Rettelser i et udkast kræver en ny version under arbejde, når udtalelsen er udsendt.';
  return e;
}

/** A request to a forvaltning: the dates in order, as the requests service and the database require. */
export function checkRequest(r: PortableRequest, receivedOn: IsoDate, today: IsoDate): FieldErrors {
  const e: FieldErrors = {};
  if (r.sentOn > today) e['sentOn'] = `Anmodningsdatoen ${r.sentOn} ligger i fremtiden.`;
  else if (r.sentOn < receivedOn) e['sentOn'] = `Anmodningsdatoen ${r.sentOn} ligger før modtagelsesdatoen ${receivedOn}.`;
  if (r.explicitDue !== null && r.explicitDue < r.sentOn) e['explicitDue'] = `Svarfristen ${r.explicitDue} ligger før anmodningsdatoen ${r.sentOn}.`;
  if (r.dueOn !== null && r.dueOn < r.sentOn && r.explicitDue === null) e['dueOn'] = `Svarfristen ${r.dueOn} ligger før anmodningsdatoen ${r.sentOn}.`;
  if (r.answeredOn !== null) {
    if (r.answeredOn < r.sentOn) e['answeredOn'] = `Besvarelsesdatoen ${r.answeredOn} ligger før anmodningsdatoen ${r.sentOn}.`;
    else if (r.answeredOn > today) e['answeredOn'] = `Besvarelsesdatoen ${r.answeredOn} ligger i fremtiden.`;
  }
  if (r.closedOn !== null) {
    if (r.answeredOn !== null) e['closedOn'] = 'En anmodning er enten besvaret eller lukket uden svar, ikke begge dele.';
    else if (r.closedOn < r.sentOn) e['closedOn'] = `Datoen for lukning ${r.closedOn} ligger før anmodningsdatoen ${r.sentOn}.`;
  }
  if (r.answeredOn === null && r.closedOn === null && r.verdict !== null) e['verdict'] = 'En anmodning, der hverken er besvaret eller lukket, har ingen afgørelse om rettidighed.';
  r.events.forEach((ev, k) => {
    const at = `events.${k}`;
    if ((ev.kind === 'rykker') !== (ev.level !== null)) e[`${at}.level`] = 'En rykker har et niveau (1, 2, …); en forlængelse eller pause har intet.';
    if ((ev.kind === 'pause') !== (ev.pauseTo !== null)) e[`${at}.pauseTo`] = 'En pause har en slutdato; en rykker eller forlængelse har ingen.';
    else if (ev.pauseTo !== null && ev.pauseTo < ev.onDate) e[`${at}.pauseTo`] = 'Pausen kan ikke slutte, før den begynder.';
    if (ev.kind === 'forlaengelse' && (ev.newDue === null) === (ev.add === null)) e[`${at}.newDue`] = 'En forlængelse har enten en ny frist eller et antal dage at lægge til, ikke begge eller ingen.';
  });
  const levels = r.events.filter((ev) => ev.kind === 'rykker').map((ev) => ev.level);
  if (new Set(levels).size !== levels.length) e['events'] = 'Hver rykker-niveau kan kun sendes én gang pr. anmodning.';
  return e;
}
