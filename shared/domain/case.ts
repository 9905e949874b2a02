/**
 * Henvendelse (case) and klagepunkt (complaint point): the schemas used on the IPC boundary, the
 * types inferred from them, and the semantic validation that gives Danish messages per field.
 *
 * Counting in statistics is per klagepunkt, as Danish annual reports do (peers.md § 4.2 S4), so a
 * klagepunkt carries its own forvaltning, afdeling, themes and outcome, and its own competence and
 * handling (legal-rules.md § c.2–c.3; ./competence.ts): the substance of a decision may be sent on
 * to the klageinstans while the handling of the same case is investigated.
 */
import { z } from 'zod';
import { checkCpr } from './cpr';
import { isValidIsoDate, type IsoDate } from './dates';
import { PointRuleSchema } from './rule';
import { sagsnrProblem } from './sagsnr';
import { freeText, freeTextProblem } from './text-safety';
import { CaseStatus, CaseType, Channel, Handling, Outcome } from './vocab';

export const IsoDateSchema = z.string().max(10).refine(isValidIsoDate, { message: 'Ugyldig dato' });
/** A free text of the form: its length cap, no NUL, no bidi overrides (text-safety.ts). */
const text = (max: number) => freeText(max);

/**
 * The longest text each field may hold: one list for the schemas below and for validateCaseInput,
 * so the form, the IPC boundary and the import refuse the same length with the same words.
 */
export const TEXT_LIMITS = {
  sagsnr: 60,
  name: 200,
  address: 400,
  phone: 40,
  email: 200,
  cpr: 20,
  relation: 200,
  summary: 500,
  description: 100000,
  pointDescription: 20000,
  /** The adviser's summary of the forvaltning's statement on a request (migration 0110's CHECK). */
  answerSummary: 20000,
} as const;
const id = z.number().int().positive();

export const CaseTypeSchema = z.enum(CaseType.codes);
export const ChannelSchema = z.enum(Channel.codes);
export const CaseStatusSchema = z.enum(CaseStatus.codes);
export const HandlingSchema = z.enum(Handling.codes);
export const OutcomeSchema = z.enum(Outcome.codes);

export const CitizenInputSchema = z.object({
  name: text(TEXT_LIMITS.name),
  address: text(TEXT_LIMITS.address),
  phone: text(TEXT_LIMITS.phone),
  email: text(TEXT_LIMITS.email),
  /** null on update means "keep the stored CPR" (the renderer only ever holds the masked form). */
  cpr: text(TEXT_LIMITS.cpr).nullable(),
});
export type CitizenInput = z.infer<typeof CitizenInputSchema>;

export const RepresentativeSchema = z.object({
  name: text(TEXT_LIMITS.name),
  relation: text(TEXT_LIMITS.relation),
  phone: text(TEXT_LIMITS.phone),
  email: text(TEXT_LIMITS.email),
  powerOfAttorney: z.boolean(),
});
export type Representative = z.infer<typeof RepresentativeSchema>;

export const PointInputSchema = z.object({
  /** Present for an existing klagepunkt; absent for a new one. */
  id: id.optional(),
  forvaltningId: id.nullable(),
  afdelingId: id.nullable(),
  themeIds: z.array(id).max(50),
  description: text(TEXT_LIMITS.pointDescription),
  outcome: OutcomeSchema.nullable(),
  /** Rules linked to the klagepunkt with their assessment; absent means none. */
  rules: z.array(PointRuleSchema).max(100).optional(),
  /** Did the forvaltning agree that it erred? null: not known (absent means null). */
  forvaltningAgreed: z.boolean().nullable().optional(),
  /** The forvaltning has apologised (absent means false). */
  apologised: z.boolean().optional(),
  /** The matter has been put right (absent means false). */
  putRight: z.boolean().optional(),
  /** Why the klagepunkt is outside competence: a competence reason's id; null (or absent) means inside. */
  competenceReasonId: id.nullable().optional(),
  /** How the adviser handled the klagepunkt; null (or absent) means not yet decided. */
  handling: HandlingSchema.nullable().optional(),
});
export type PointInput = z.infer<typeof PointInputSchema>;

export const CaseInputSchema = z.object({
  /** Empty string on create: generate the next ÅÅÅÅ-NNNN for the year of receipt. */
  sagsnr: text(TEXT_LIMITS.sagsnr),
  receivedOn: IsoDateSchema,
  channel: ChannelSchema.nullable(),
  type: CaseTypeSchema,
  citizen: CitizenInputSchema,
  representative: RepresentativeSchema.nullable(),
  summary: text(TEXT_LIMITS.summary),
  description: text(TEXT_LIMITS.description),
  status: CaseStatusSchema,
  /**
   * Whether the adviser chose the status by hand (true) or it follows the case (false: "afventer
   * forvaltningen" while a request is open). Absent: the service decides – a status the adviser
   * changed is set by hand, an unchanged one keeps what it was; a new henvendelse follows the case.
   */
  statusManual: z.boolean().optional(),
  /**
   * Competence and handling of a henvendelse WITHOUT klagepunkter (a vejledning, a vejvisning); with
   * klagepunkter both are null and each klagepunkt carries its own.
   */
  competenceReasonId: id.nullable(),
  handling: HandlingSchema.nullable(),
  closedOn: IsoDateSchema.nullable(),
  adviserId: id.nullable(),
  points: z.array(PointInputSchema).max(200),
});
export type CaseInput = z.infer<typeof CaseInputSchema>;

export const PointSchema = z.object({
  id,
  position: z.number().int(),
  forvaltningId: id.nullable(),
  afdelingId: id.nullable(),
  themeIds: z.array(id),
  description: z.string(),
  outcome: OutcomeSchema.nullable(),
  rules: z.array(PointRuleSchema),
  forvaltningAgreed: z.boolean().nullable(),
  apologised: z.boolean(),
  putRight: z.boolean(),
  competenceReasonId: id.nullable(),
  handling: HandlingSchema.nullable(),
});
export type Point = z.infer<typeof PointSchema>;

export const CaseDetailSchema = z.object({
  id,
  version: z.number().int(),
  sagsnr: z.string(),
  receivedOn: IsoDateSchema,
  channel: ChannelSchema.nullable(),
  type: CaseTypeSchema,
  citizen: z.object({
    name: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string(),
    /** Masked form (DDMMÅÅ-••••) or null when no CPR is recorded. The full number needs cases:reveal-cpr. */
    cprMasked: z.string().nullable(),
  }),
  representative: RepresentativeSchema.nullable(),
  summary: z.string(),
  description: z.string(),
  status: CaseStatusSchema,
  /** The status was set by the adviser (true) or follows the case's requests (false); see CaseInput. */
  statusManual: z.boolean(),
  /** The henvendelse's own competence and handling: only when it has no klagepunkter (see CaseInput). */
  competenceReasonId: id.nullable(),
  handling: HandlingSchema.nullable(),
  closedOn: IsoDateSchema.nullable(),
  adviserId: id.nullable(),
  points: z.array(PointSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** Field path → Danish message. Paths: `receivedOn`, `citizen.cpr`, `points.0.forvaltningId`, … */
export type FieldErrors = Record<string, string>;

/** What validation needs to know about the organisation (active or retired entries by id). */
export type OrgLookup = Readonly<{
  forvaltningExists: (id: number) => boolean;
  afdelingBelongsTo: (afdelingId: number, forvaltningId: number) => boolean;
  themeExists: (id: number) => boolean;
  competenceReasonExists: (id: number) => boolean;
  adviserExists: (id: number) => boolean;
}>;

/** The message for a text longer than its field allows (TEXT_LIMITS); null when it fits. */
export function tooLongMessage(value: string, max: number): string | null {
  return value.length > max ? `Teksten er ${value.length} tegn; højst ${max} er tilladt.` : null;
}

const NO_RULES: ReadonlyArray<{ ruleId: string }> = [];
const same = <T>(item: T): T => item;
const ruleIdOf = (r: { ruleId: string }): string => r.ruleId;

/**
 * Whether a value (or `key` of one) occurs twice. Without a Set for the short lists a klagepunkt
 * has: the import checks 100,000 klagepunkter in one go, and two Sets and an array each were a
 * measurable part of its time and garbage.
 */
function hasRepeats<T, K>(items: ReadonlyArray<T>, key: (item: T) => K): boolean {
  const n = items.length;
  if (n < 2) return false;
  if (n > 16) return new Set(items.map(key)).size !== n;
  for (let i = 1; i < n; i++) {
    const k = key(items[i] as T);
    for (let j = 0; j < i; j++) {
      const other = key(items[j] as T);
      // SameValueZero, as a Set compares.
      if (other === k || (other !== other && k !== k)) return true;
    }
  }
  return false;
}

/** A klagepunkt's field path, built only for one with a problem: 100,000 of them in an import have none. */
const at = (i: number, field: string): string => `points.${i}.${field}`;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^\+?[\d\s-]{8,20}$/;

/** Lengths of what is stored (trimmed, where the caller trims), so a pasted text with trailing spaces is judged as it is kept. */
function checkLength(errors: FieldErrors, path: string, value: string, max: number): void {
  if (value.length > max) errors[path] = tooLongMessage(value, max) as string;
  else {
    // NUL and bidi overrides (text-safety.ts): the form and the import refuse them with the same words.
    const p = freeTextProblem(value);
    if (p !== null) errors[path] = p;
  }
}

/** What validateCase reads of every henvendelse as it is: the fields the form and the import name alike. */
export type CaseFields = Pick<CaseInput, 'sagsnr' | 'receivedOn' | 'type' | 'citizen' | 'representative' | 'summary' | 'description' | 'status' | 'handling' | 'closedOn'>;
/** … and of every klagepunkt. */
export type PointFields = Readonly<{ description: string; rules?: ReadonlyArray<{ ruleId: string }> | undefined }>;

/** An organisation entry as a henvendelse refers to it: an id (the form), a name (the import), or null: none. */
export type OrgRef = number | string | null;

/**
 * How validateCase reads the organisation a henvendelse refers to, and the field path each is
 * reported under. The case form's CaseInput refers by id (`points.0.forvaltningId`), the import's
 * PortableCase (shared/import/portable.ts) by name (`points.0.forvaltning`); the checks only ask
 * whether an entry is given, whether a theme is given twice (`themeKey`), and — for an id, when an
 * OrgLookup is given — whether it exists. Module-level objects, so the import's 100,000 klagepunkter
 * are checked as they are, without a copy in the form's shape.
 */
export type OrgRefs<C, P> = Readonly<{
  competenceReason: (c: C) => OrgRef;
  adviser: (c: C) => OrgRef;
  forvaltning: (p: P) => OrgRef;
  afdeling: (p: P) => OrgRef;
  themes: (p: P) => ReadonlyArray<number | string>;
  /** When two themes are the same (ids as they are; names ignoring case). */
  themeKey: (t: number | string) => unknown;
  pointCompetenceReason: (p: P) => OrgRef;
  path: Readonly<{ competenceReason: string; adviser: string; forvaltning: string; afdeling: string; themes: string; pointCompetenceReason: string }>;
}>;

const FORM_REFS: OrgRefs<CaseInput, PointInput> = {
  competenceReason: (c) => c.competenceReasonId,
  adviser: (c) => c.adviserId,
  forvaltning: (p) => p.forvaltningId,
  afdeling: (p) => p.afdelingId,
  themes: (p) => p.themeIds,
  themeKey: same,
  pointCompetenceReason: (p) => p.competenceReasonId ?? null,
  path: { competenceReason: 'competenceReasonId', adviser: 'adviserId', forvaltning: 'forvaltningId', afdeling: 'afdelingId', themes: 'themeIds', pointCompetenceReason: 'competenceReasonId' },
};

/**
 * Semantic checks shared by the intake form, the case page, the service layer and the import
 * (shared/import/portable.ts: checkPortableCase), so the adviser sees the same Danish message
 * wherever a henvendelse is refused. A rule added here holds for the import too.
 */
export function validateCaseInput(input: CaseInput, org: OrgLookup | null, today: IsoDate): FieldErrors {
  return validateCase(input, input.points, FORM_REFS, org, today);
}

/**
 * validateCaseInput for a henvendelse whatever refers to its organisation (`refs`): the one
 * implementation of the case form's checks, which the import runs on its PortableCase directly.
 * `org` looks up ids only; named entries are resolved (or created) by the import afterwards.
 */
export function validateCase<C extends CaseFields, P extends PointFields>(
  input: C, points: ReadonlyArray<P>, refs: OrgRefs<C, P>, org: OrgLookup | null, today: IsoDate,
): FieldErrors {
  const errors: FieldErrors = {};
  // Lengths of what is stored (trimmed), so a pasted text with trailing spaces is judged as it is kept.
  checkLength(errors, 'sagsnr', input.sagsnr.trim(), TEXT_LIMITS.sagsnr);
  checkLength(errors, 'citizen.name', input.citizen.name.trim(), TEXT_LIMITS.name);
  checkLength(errors, 'citizen.address', input.citizen.address.trim(), TEXT_LIMITS.address);
  checkLength(errors, 'citizen.phone', input.citizen.phone.trim(), TEXT_LIMITS.phone);
  checkLength(errors, 'citizen.email', input.citizen.email.trim(), TEXT_LIMITS.email);
  checkLength(errors, 'summary', input.summary.trim(), TEXT_LIMITS.summary);
  checkLength(errors, 'description', input.description, TEXT_LIMITS.description);
  const rep = input.representative;
  if (rep) {
    checkLength(errors, 'representative.name', rep.name.trim(), TEXT_LIMITS.name);
    checkLength(errors, 'representative.relation', rep.relation.trim(), TEXT_LIMITS.relation);
    checkLength(errors, 'representative.phone', rep.phone.trim(), TEXT_LIMITS.phone);
    checkLength(errors, 'representative.email', rep.email.trim(), TEXT_LIMITS.email);
  }
  // The path only for a klagepunkt too long: 100,000 of them in an import are not.
  for (let i = 0; i < points.length; i++) {
    const d = (points[i] as P).description;
    checkLength(errors, `points.${i}.description`, d, TEXT_LIMITS.pointDescription);
  }
  if (input.sagsnr !== '') {
    const p = sagsnrProblem(input.sagsnr);
    if (p) errors['sagsnr'] ??= p;
  }
  if (input.receivedOn > today) errors['receivedOn'] = 'Modtagelsesdatoen kan ikke ligge i fremtiden.';
  if (input.citizen.cpr !== null && input.citizen.cpr.trim() !== '') {
    const c = checkCpr(input.citizen.cpr);
    if (!c.ok) errors['citizen.cpr'] = c.message;
  }
  const email = input.citizen.email.trim();
  if (email !== '' && !EMAIL_RE.test(email)) errors['citizen.email'] ??= 'E-mailadressen ser ikke rigtig ud (fx navn@eksempel.dk).';
  const phone = input.citizen.phone.trim();
  if (phone !== '' && !PHONE_RE.test(phone)) errors['citizen.phone'] ??= 'Telefonnummeret må kun indeholde cifre, mellemrum, bindestreg og evt. + (mindst 8 cifre).';
  if (input.representative) {
    if (input.representative.name.trim() === '') errors['representative.name'] = 'Skriv repræsentantens navn, eller fjern repræsentanten.';
  }
  if (input.summary.trim() === '') errors['summary'] = 'Skriv et kort resumé af henvendelsen.';
  if (input.closedOn !== null) {
    if (input.closedOn < input.receivedOn) errors['closedOn'] = 'Afslutningsdatoen kan ikke ligge før modtagelsesdatoen.';
    else if (input.closedOn > today) errors['closedOn'] = 'Afslutningsdatoen kan ikke ligge i fremtiden.';
  }
  if (input.status === 'afsluttet' && input.closedOn === null) errors['closedOn'] = 'En afsluttet henvendelse skal have en afslutningsdato.';
  if (input.status !== 'afsluttet' && input.closedOn !== null) errors['status'] = 'Sæt status til Afsluttet, eller fjern afslutningsdatoen.';
  // Outside competence yet undersøgt is only a warning (competence.ts: outsideButInvestigated).
  const caseReason = refs.competenceReason(input);
  if (points.length > 0 && (caseReason !== null || input.handling !== null)) {
    errors['handling'] = 'Henvendelsen har klagepunkter: registrér kompetence og håndtering på hvert klagepunkt.';
  } else if (org && typeof caseReason === 'number' && !org.competenceReasonExists(caseReason)) {
    errors[refs.path.competenceReason] = 'Kompetencegrunden findes ikke.';
  }
  if (input.type === 'klage' && points.length === 0) errors['points'] = 'En klage skal have mindst ét klagepunkt.';
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as P;
    const forvaltning = refs.forvaltning(p);
    const afdeling = refs.afdeling(p);
    if (forvaltning === null) {
      if (input.type === 'klage') errors[at(i, refs.path.forvaltning)] = `Klagepunkt ${i + 1}: vælg den forvaltning, klagen angår.`;
      if (afdeling !== null) errors[at(i, refs.path.afdeling)] = `Klagepunkt ${i + 1}: vælg forvaltningen før afdelingen.`;
    } else if (org && typeof forvaltning === 'number') {
      if (!org.forvaltningExists(forvaltning)) errors[at(i, refs.path.forvaltning)] = `Klagepunkt ${i + 1}: forvaltningen findes ikke.`;
      else if (typeof afdeling === 'number' && !org.afdelingBelongsTo(afdeling, forvaltning)) {
        errors[at(i, refs.path.afdeling)] = `Klagepunkt ${i + 1}: afdelingen hører ikke under den valgte forvaltning.`;
      }
    }
    const themes = refs.themes(p);
    if (org) {
      for (const t of themes) {
        if (typeof t === 'number' && !org.themeExists(t)) {
          errors[at(i, refs.path.themes)] = `Klagepunkt ${i + 1}: et af temaerne findes ikke.`;
          break;
        }
      }
    }
    if (hasRepeats(themes, refs.themeKey)) errors[at(i, refs.path.themes)] = `Klagepunkt ${i + 1}: det samme tema er valgt to gange.`;
    const reason = refs.pointCompetenceReason(p);
    if (org && typeof reason === 'number' && !org.competenceReasonExists(reason)) errors[at(i, refs.path.pointCompetenceReason)] = `Klagepunkt ${i + 1}: kompetencegrunden findes ikke.`;
    if (hasRepeats(p.rules ?? NO_RULES, ruleIdOf)) errors[at(i, 'rules')] = `Klagepunkt ${i + 1}: den samme regel er tilknyttet to gange.`;
  }
  const adviser = refs.adviser(input);
  if (org && typeof adviser === 'number' && !org.adviserExists(adviser)) errors[refs.path.adviser] = 'Rådgiveren findes ikke.';
  return errors;
}

