/**
 * The phrase library (standardtekster) behind phrases:*: list, add or change, delete and move up or
 * down within a scope and key. Each change is validated in Danish (shared/letters/phrases.ts; a
 * rule phrase must name a rule of this database's catalogue), written with its audit entry in one
 * transaction (entity `phrase`), and answered with the whole library.
 */
import { normalisePhraseInput, phraseProblems, PHRASE_SCOPE_LABEL, type Phrase, type PhraseInput } from '../../shared/letters/phrases';
import { ruleHeading } from '../../shared/domain/rule';
import { Outcome, type OutcomeCode } from '../../shared/domain/vocab';
import { AppError, validationError } from '../../shared/ipc/result';
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { deletePhrase as queryDeletePhrase, getPhrase, insertPhrase, listPhrases as queryListPhrases, movePhrase as queryMovePhrase, updatePhrase } from '../../db/queries/phrases';
import { getRule } from '../../db/queries/rules';
import type { ServiceContext } from './context';

export function listPhrases(ctx: ServiceContext): Phrase[] {
  return queryListPhrases(ctx.db);
}

/** "Efter udfald: Kritisabelt", "Efter regel: FVL § 22 – Begrundelsespligt", "Generelle": where a phrase is filed, for the history. */
function placeOf(ctx: ServiceContext, p: Pick<Phrase, 'scope' | 'key'>): string {
  if (p.scope === 'udfald' && p.key !== null) return `${PHRASE_SCOPE_LABEL.udfald}: ${Outcome.label(p.key as OutcomeCode)}`;
  if (p.scope === 'regel' && p.key !== null) {
    const rule = getRule(ctx.db, p.key);
    return `${PHRASE_SCOPE_LABEL.regel}: ${rule === null ? p.key : ruleHeading(rule)}`;
  }
  return PHRASE_SCOPE_LABEL.generel;
}

function audit(ctx: ServiceContext, id: number, action: string, changes: AuditChange[]): void {
  appendAudit(ctx.db, { at: ctx.clock.now().toISOString(), actor: ctx.actor(), entity: 'phrase', entityId: id, caseId: null, action, changes });
}

function notFound(): AppError {
  return new AppError('not_found', 'Standardteksten findes ikke længere. Listen er opdateret.');
}

/** Add (id null) or change a phrase. */
export function savePhrase(ctx: ServiceContext, id: number | null, raw: PhraseInput): Phrase[] {
  const problems = phraseProblems(raw);
  if (Object.keys(problems).length > 0) throw validationError(problems);
  const input = normalisePhraseInput(raw);
  const at = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    if (input.scope === 'regel' && getRule(ctx.db, input.key as string) === null) {
      throw validationError({ key: `Reglen »${input.key}« findes ikke i regelkataloget. Vælg en regel på listen.` });
    }
    if (id === null) {
      const newId = insertPhrase(ctx.db, input, at);
      audit(ctx, newId, 'Standardtekst oprettet', [
        { field: 'Placering', before: '', after: placeOf(ctx, input) },
        { field: 'Overskrift', before: '', after: input.title },
        { field: 'Tekst', before: '', after: input.text },
      ]);
      return;
    }
    const before = getPhrase(ctx.db, id);
    if (before === null || !updatePhrase(ctx.db, id, input, at)) throw notFound();
    const changes: AuditChange[] = [];
    if (placeOf(ctx, before) !== placeOf(ctx, input)) changes.push({ field: 'Placering', before: placeOf(ctx, before), after: placeOf(ctx, input) });
    if (before.title !== input.title) changes.push({ field: 'Overskrift', before: before.title, after: input.title });
    if (before.text !== input.text) changes.push({ field: 'Tekst', before: before.text, after: input.text });
    if (changes.length > 0) audit(ctx, id, 'Standardtekst ændret', changes);
  })();
  return listPhrases(ctx);
}

export function deletePhrase(ctx: ServiceContext, id: number): Phrase[] {
  ctx.db.transaction(() => {
    const before = getPhrase(ctx.db, id);
    if (before === null || !queryDeletePhrase(ctx.db, id)) throw notFound();
    audit(ctx, id, 'Standardtekst slettet', [
      { field: 'Placering', before: placeOf(ctx, before), after: '' },
      { field: 'Overskrift', before: before.title, after: '' },
      { field: 'Tekst', before: before.text, after: '' },
    ]);
  })();
  return listPhrases(ctx);
}

/** One place up or down among the phrases of its scope and key; at the end already, nothing changes. */
export function movePhrase(ctx: ServiceContext, id: number, direction: 'op' | 'ned'): Phrase[] {
  ctx.db.transaction(() => {
    const before = getPhrase(ctx.db, id);
    if (before === null) throw notFound();
    if (queryMovePhrase(ctx.db, id, direction, ctx.clock.now().toISOString())) {
      audit(ctx, id, direction === 'op' ? 'Standardtekst flyttet op' : 'Standardtekst flyttet ned', [{ field: `Rækkefølge (${placeOf(ctx, before)})`, before: '', after: before.title }]);
    }
  })();
  return listPhrases(ctx);
}
