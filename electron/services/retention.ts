/**
 * Sletning efter opbevaringsperiode (GDPR art. 5(1)(e), storage limitation): a henvendelse closed more
 * than the set number of years ago keeps its facts – dates, types, forvaltninger, themes, rules,
 * outcomes, deadlines, requests and henstillinger, so the statistics of earlier years stay exactly
 * as they were – and loses its personal data:
 *
 * - the citizen's and the representative's names become "[anonymiseret]"; CPR, address, phone and
 *   e-mail are removed;
 * - every free text (summary, description, klagepunkter and the reasoning of their assessments, journal notes, requests' notes and answer
 *   summaries, events' reasons, henstillinger and answers, the finding's edited sections, the akter's
 *   titles, senders and file names) is anonymised with the letters' anonymiser and the case's data;
 * - the akter's files and read text are deleted; their metadata stays (date, direction, kind, size,
 *   checksum), anonymised, so the case file still shows that a letter came in on that day;
 * - an issued finding keeps its number, date, issuer and checksums; its PDFs are emptied and its
 *   letter text anonymised (the one change migration 0200's trigger allows, inside the run);
 * - the audit log's old values of those henvendelser are anonymised through `redactAuditForCases`
 *   (the chain still verifies), and one audit entry records the run (sagsnumre and counts, no
 *   personal data) – written first, since each anonymised row names it.
 *
 * `retentionPlan` lists exactly that per henvendelse with a token; `runRetention` recomputes the plan
 * inside its one transaction and refuses unless the token is the same, so what runs is what was shown.
 */
import { createHash } from 'node:crypto';
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { redactAuditForCases, RETENTION_AUDIT_ACTION } from '../../db/queries/audit-chain';
import { findingAnonymisationTerms } from '../../db/queries/findings';
import {
  ANONYMISED_NAME,
  caseFreeTexts,
  casesDueForRetention,
  clearCasePersonalData,
  deleteAnonymisationTerms,
  eraseCaseDocumentFiles,
  eraseFindingVersion,
  findingVersionTexts,
  finishRetentionRun,
  openRetentionRun,
  readRetentionYears,
  reindexRetainedCases,
  writeFreeText,
  writeRetentionYears,
  type RetentionCaseRow,
} from '../../db/queries/retention';
import { retentionCutoff, retentionYearsProblem, type RetentionPlan, type RetentionPlanCase, type RetentionResult, type RetentionSettings } from '../../shared/gdpr/retention';
import { anonymiseBlocks, anonymiseLetter, textAnonymiser, type PersonalData } from '../../shared/letters/anonymise';
import { BlockSchema, LetterDocumentSchema } from '../../shared/letters/document';
import { AppError, validationError } from '../../shared/ipc/result';
import { z } from 'zod';
import type { ServiceContext } from './context';
import { nowIso, today } from './deadline-common';

export function retentionSettings(ctx: ServiceContext): RetentionSettings {
  return { years: readRetentionYears(ctx.db) };
}

/** retention:save-settings – checked in Danish, audited with before and after. */
export function saveRetentionSettings(ctx: ServiceContext, input: Readonly<{ years: unknown }>): RetentionSettings {
  const problem = retentionYearsProblem(input.years);
  if (problem !== null) throw validationError({ years: problem });
  const years = input.years as number;
  ctx.db.transaction(() => {
    const before = readRetentionYears(ctx.db);
    if (before === years) return;
    const at = nowIso(ctx);
    writeRetentionYears(ctx.db, years, at);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor(),
      entity: 'retention_settings',
      entityId: null,
      caseId: null,
      action: 'Opbevaringsperiode ændret',
      changes: [{ field: 'Opbevaringsperiode (år efter afslutning)', before: String(before), after: String(years) }],
    });
  })();
  return retentionSettings(ctx);
}

// ---------------------------------------------------------------------------------------------
// The plan

function personalDataOf(ctx: ServiceContext, c: RetentionCaseRow): PersonalData {
  const present = (xs: ReadonlyArray<string | null>): string[] => xs.map((x) => (x ?? '').trim()).filter((x) => x !== '');
  return {
    names: present([c.citizen_name, c.rep_name]),
    addresses: present([c.citizen_address]),
    cprs: c.citizen_cpr === null ? [] : present([c.citizen_cpr, c.citizen_cpr.replace('-', '')]),
    emails: present([c.citizen_email, c.rep_email]),
    phones: present([c.citizen_phone, c.rep_phone]),
    extraTerms: findingAnonymisationTerms(ctx.db, c.id),
  };
}

function items(c: RetentionCaseRow, texts: number): RetentionPlanCase['items'] {
  const out: RetentionPlanCase['items'] = [
    { category: 'Borgerens navn', action: `erstattes af "${ANONYMISED_NAME}"`, count: 1 },
  ];
  if (c.rep_name !== null) out.push({ category: 'Repræsentantens navn', action: `erstattes af "${ANONYMISED_NAME}"`, count: 1 });
  if (c.citizen_cpr !== null) out.push({ category: 'CPR-nummer', action: 'slettes', count: 1 });
  const contact = [c.citizen_address, c.citizen_phone, c.citizen_email, c.rep_phone ?? '', c.rep_email ?? ''].filter((x) => x.trim() !== '').length;
  if (contact > 0) out.push({ category: 'Adresse, telefon og e-mail', action: 'slettes', count: contact });
  if (texts > 0) out.push({ category: 'Fritekster (resumé, klagepunkter, journalnotater, svar, henstillinger, udkast, akternes titler)', action: 'anonymiseres', count: texts });
  if (c.files > 0) out.push({ category: 'Akternes filer og læste tekst', action: 'slettes (aktens dato, retning og art bevares)', count: c.files });
  if (c.findings > 0) out.push({ category: 'Udsendte udtalelser', action: 'PDF-filerne slettes; brevteksten anonymiseres', count: c.findings });
  if (c.audit > 0) out.push({ category: 'Historikkens gamle værdier', action: 'anonymiseres', count: c.audit });
  return out;
}

type Prepared = { rows: RetentionCaseRow[]; plan: RetentionPlan };

function prepare(ctx: ServiceContext): Prepared {
  const years = readRetentionYears(ctx.db);
  const day = today(ctx);
  const cutoff = retentionCutoff(day, years);
  const rows = casesDueForRetention(ctx.db, cutoff);
  const hash = createHash('sha256').update(JSON.stringify({ years, cutoff }));
  const cases: RetentionPlanCase[] = rows.map((r) => {
    const texts = caseFreeTexts(ctx.db, r.id);
    // The fingerprint covers every count and every text the run will touch, so an edit after the
    // plan was shown (a new note, a changed summary) makes the confirmed token stale. Not the number
    // of history entries: opening a henvendelse or handing out an indsigt adds one, the run
    // anonymises whatever entries there are, and a mere look must not void the confirmation.
    const { audit: _entries, ...fingerprint } = r;
    hash.update(JSON.stringify(fingerprint));
    hash.update(JSON.stringify(texts));
    return { caseId: r.id, sagsnr: r.sagsnr, closedOn: r.closed_on, items: items(r, texts.length) };
  });
  return { rows, plan: { years, today: day, cutoff, cases, token: hash.digest('hex') } };
}

/** retention:plan – what a run would do today. Reads only. */
export function retentionPlan(ctx: ServiceContext): RetentionPlan {
  return prepare(ctx).plan;
}

// ---------------------------------------------------------------------------------------------
// The run

/** The history's fields that hold a person's data whole: their old and new values are replaced outright. */
const PERSONAL_FIELDS = new Set([
  'Borgerens navn',
  'Adresse',
  'Telefon',
  'E-mail',
  'Repræsentant',
  'Repræsentantens relation',
  'Repræsentantens telefon',
  'Repræsentantens e-mail',
]);

/** A history entry's changes with the henvendelse's personal data taken out. */
export function redactChanges(anonymise: (s: string) => string): (changes: AuditChange[]) => AuditChange[] {
  const value = (field: string, v: string): string => (v === '' ? v : PERSONAL_FIELDS.has(field) ? ANONYMISED_NAME : anonymise(v));
  return (changes) => changes.map((c) => ({ field: c.field, before: value(c.field, c.before), after: value(c.field, c.after) }));
}

const AddresseesSchema = z.object({ citizen: z.array(z.string()), forvaltninger: z.array(z.string()) });

/** retention:run – carries out the plan whose token the adviser confirmed, in one transaction. */
export function runRetention(ctx: ServiceContext, token: string): RetentionResult {
  const actor = ctx.actor();
  return ctx.db.transaction((): RetentionResult => {
    const { rows, plan } = prepare(ctx);
    if (plan.token !== token) {
      throw new AppError('conflict', 'Planen for sletning er ændret, siden den blev vist (en henvendelse er ændret, lukket eller genåbnet, eller det er blevet en ny dag). Se planen igen, og bekræft den nye. Intet er slettet.');
    }
    if (rows.length === 0) throw new AppError('bad_request', 'Ingen henvendelser har passeret opbevaringsperioden. Intet er slettet.');
    const at = nowIso(ctx);
    const caseIds = rows.map((r) => r.id);
    const runId = openRetentionRun(ctx.db, { token, cutoff: plan.cutoff, years: plan.years, startedAt: at, runBy: actor, caseIds });
    let filesDeleted = 0;
    let textsAnonymised = 0;
    let findingVersions = 0;
    const anonymisers = new Map<number, (s: string) => string>();
    for (const r of rows) {
      const personal = personalDataOf(ctx, r);
      const anonymise = textAnonymiser(personal);
      anonymisers.set(r.id, anonymise);
      for (const t of caseFreeTexts(ctx.db, r.id)) {
        const next = t.place === 'finding_section_edits.blocks_json'
          ? JSON.stringify(anonymiseBlocks(z.array(BlockSchema).parse(JSON.parse(t.text)), personal))
          : anonymise(t.text);
        if (next !== t.text) writeFreeText(ctx.db, t, next);
        textsAnonymised += 1;
      }
      for (const v of findingVersionTexts(ctx.db, r.id)) {
        const doc = anonymiseLetter(LetterDocumentSchema.parse(JSON.parse(v.document_json)), personal).document;
        const addressees = AddresseesSchema.parse(JSON.parse(v.addressees_json));
        const anonAddressees = { citizen: addressees.citizen.map(anonymise), forvaltninger: addressees.forvaltninger };
        eraseFindingVersion(ctx.db, v.id, JSON.stringify(doc), JSON.stringify(anonAddressees), anonymise(v.reason));
        findingVersions += 1;
      }
      filesDeleted += eraseCaseDocumentFiles(ctx.db, r.id);
      deleteAnonymisationTerms(ctx.db, r.id);
      clearCasePersonalData(ctx.db, r.id, at);
    }
    reindexRetainedCases(ctx.db, caseIds);
    const sagsnumre = rows.map((r) => r.sagsnr);
    const auditId = appendAudit(ctx.db, {
      at,
      actor,
      entity: 'retention',
      entityId: runId,
      caseId: null,
      action: RETENTION_AUDIT_ACTION,
      changes: [
        { field: 'Opbevaringsperiode (år efter afslutning)', before: '', after: String(plan.years) },
        { field: 'Afsluttet før', before: '', after: plan.cutoff },
        { field: 'Henvendelser', before: '', after: String(rows.length) },
        { field: 'Sagsnumre', before: '', after: sagsnumre.join(', ') },
        { field: 'Fritekster anonymiseret', before: '', after: String(textsAnonymised) },
        { field: 'Filer slettet', before: '', after: String(filesDeleted) },
        { field: 'Udtalelsesversioner', before: '', after: String(findingVersions) },
      ],
    });
    let auditEntriesAnonymised = 0;
    for (const r of rows) {
      auditEntriesAnonymised += redactAuditForCases(ctx.db, [r.id], auditId, redactChanges(anonymisers.get(r.id) as (s: string) => string));
    }
    finishRetentionRun(ctx.db, runId, at);
    return { runId, cases: rows.length, sagsnumre, filesDeleted, textsAnonymised, findingVersions, auditEntriesAnonymised };
  })();
}
