/**
 * Henstillinger: the service behind the recommendations:* channels. Each write validates (the form's
 * rules in shared/domain/recommendation.ts plus the checks that need the database), stores, and
 * appends an entry to the henvendelse's history in ONE synchronous transaction, so the register and
 * the history never disagree.
 */
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { catalogEntryExists, catalogEntryName, catalogEntryRetired } from '../../db/queries/catalog';
import { getCaseDetail, touchCase } from '../../db/queries/cases';
import {
  deleteRecommendation as queryDelete,
  getRecommendation,
  insertRecommendation,
  listRecommendations as queryList,
  recommendationsForCase as queryForCase,
  updateRecommendation as queryUpdate,
} from '../../db/queries/recommendations';
import type { FieldErrors } from '../../shared/domain/case';
import { copenhagenDate, formatDanishDate, type IsoDate } from '../../shared/domain/dates';
import {
  RecommendationStatus,
  validateRecommendation,
  type Recommendation,
  type RecommendationInput,
  type RecommendationQuery,
} from '../../shared/domain/recommendation';
import { AppError, validationError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { diffDescriptions } from './history-diff';

function today(ctx: ServiceContext): IsoDate {
  return copenhagenDate(ctx.clock.now());
}

function notFound(): AppError {
  return new AppError('not_found', 'Henstillingen findes ikke. Den kan være slettet.');
}

/**
 * Every reason the henstilling cannot be saved, per field. A retired forvaltning stays on the
 * henstillinger already addressed to it but cannot be chosen anew (as for klagepunkter).
 */
function validate(ctx: ServiceContext, input: RecommendationInput, before: Recommendation | null): void {
  const errors: FieldErrors = validateRecommendation(input, today(ctx));
  if (before !== null && before.caseId !== input.caseId) {
    errors['caseId'] = 'En henstilling kan ikke flyttes til en anden henvendelse.';
  } else {
    const c = getCaseDetail(ctx.db, input.caseId);
    if (c === null) {
      errors['caseId'] = 'Henvendelsen findes ikke. Den kan være slettet.';
    } else {
      if (input.pointId !== null && !c.points.some((p) => p.id === input.pointId)) {
        errors['pointId'] = 'Klagepunktet hører ikke til denne henvendelse.';
      }
      if (errors['givenOn'] === undefined && input.givenOn < c.receivedOn) {
        errors['givenOn'] = 'Henstillingen kan ikke være givet, før henvendelsen blev modtaget.';
      }
    }
  }
  if (!catalogEntryExists(ctx.db, 'forvaltning', input.forvaltningId)) {
    errors['forvaltningId'] = 'Forvaltningen findes ikke.';
  } else if (input.forvaltningId !== before?.forvaltningId && catalogEntryRetired(ctx.db, 'forvaltning', input.forvaltningId) === true) {
    errors['forvaltningId'] = 'Forvaltningen er markeret som udgået og kan ikke vælges til nye registreringer.';
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** A henstilling as its history describes it: ordered Danish label → display value. */
function describe(ctx: ServiceContext, r: Recommendation): Map<string, string> {
  const d = new Map<string, string>();
  d.set('Tekst', r.text);
  d.set('Forvaltning', catalogEntryName(ctx.db, 'forvaltning', r.forvaltningId) ?? r.forvaltning);
  d.set('Klagepunkt', r.pointPosition === null ? '' : `Klagepunkt ${r.pointPosition}`);
  d.set('Givet', formatDanishDate(r.givenOn));
  d.set('Status', RecommendationStatus.label(r.status));
  d.set('Svardato', formatDanishDate(r.statusOn));
  d.set('Forvaltningens svar', r.answer);
  d.set('Opfølgningsdato', formatDanishDate(r.followUpOn));
  return d;
}

function audit(ctx: ServiceContext, r: Recommendation, action: string, changes: AuditChange[]): void {
  const at = ctx.clock.now().toISOString();
  appendAudit(ctx.db, { at, actor: ctx.actor(), entity: 'recommendation', entityId: r.id, caseId: r.caseId, action, changes });
  // What the case's history records, its "senest ændret" shows.
  touchCase(ctx.db, r.caseId, at);
}

/** The register, filtered, newest first. */
export function listRecommendations(ctx: ServiceContext, q: RecommendationQuery): Recommendation[] {
  return queryList(ctx.db, q, today(ctx));
}

/** The henstillinger given on one henvendelse, newest first. */
export function recommendationsForCase(ctx: ServiceContext, caseId: number): Recommendation[] {
  if (getCaseDetail(ctx.db, caseId) === null) throw new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
  return queryForCase(ctx.db, caseId);
}

export function createRecommendation(ctx: ServiceContext, input: RecommendationInput): Recommendation {
  return ctx.db.transaction(() => {
    validate(ctx, input, null);
    const id = insertRecommendation(ctx.db, input, ctx.clock.now().toISOString());
    const created = getRecommendation(ctx.db, id);
    if (!created) throw notFound();
    audit(ctx, created, 'Henstilling givet', diffDescriptions(new Map(), describe(ctx, created)));
    return created;
  })();
}

export function updateRecommendation(ctx: ServiceContext, id: number, input: RecommendationInput): Recommendation {
  return ctx.db.transaction(() => {
    const before = getRecommendation(ctx.db, id);
    if (!before) throw notFound();
    validate(ctx, input, before);
    queryUpdate(ctx.db, id, input, ctx.clock.now().toISOString());
    const after = getRecommendation(ctx.db, id);
    if (!after) throw notFound();
    const changes = diffDescriptions(describe(ctx, before), describe(ctx, after));
    // Saving an unchanged form is not a change worth a line in the history.
    if (changes.length > 0) audit(ctx, after, 'Henstilling ændret', changes);
    return after;
  })();
}

export function deleteRecommendation(ctx: ServiceContext, id: number): void {
  ctx.db.transaction(() => {
    const before = getRecommendation(ctx.db, id);
    if (!before) throw notFound();
    queryDelete(ctx.db, id);
    audit(ctx, before, 'Henstilling slettet', diffDescriptions(describe(ctx, before), new Map()));
  })();
}
