/**
 * The finding (udtalelse): the service behind findings:*. It gathers the case's own data – klagepunkter
 * with their rules and the catalogue's citations, requests and answers, meetings from the journal,
 * henstillinger, the recorded klagefrist, the municipality and the adviser – into a FindingSource, and
 * the pure draftFinding (shared/letters) turns it into the letter.
 *
 * The draft is never stored as a whole: it is the auto-draft of today with the sections the adviser
 * edited put in place of the automatic ones (finding_section_edits), so data recorded meanwhile
 * reaches every section the adviser has not touched. Issuing freezes the draft as a version: the
 * letter, both PDFs (to the citizen with a copy to the forvaltning, to the forvaltning with a copy to
 * the citizen) and their SHA-256, who and when; the database refuses any later change (migration
 * 0150), so a correction is a new version that supersedes the old one with a reason.
 */
import { createHash } from 'node:crypto';
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { caseDeadlineRow } from '../../db/queries/case-deadlines';
import { caseExists, getCaseCpr, touchCase } from '../../db/queries/cases';
import {
  deleteFindingDraft,
  deleteFindingSectionEdit,
  deleteFindingSectionEdits,
  findingAnonymisationTerms,
  findingDraft,
  findingSectionEdits,
  findingVersionPdf,
  getFindingVersion,
  insertFindingDraft,
  insertFindingVersion,
  listFindingVersions,
  nextFindingVersionNumber,
  replaceFindingAnonymisationTerms,
  upsertFindingSectionEdit,
  type FindingVersionMetaRow,
} from '../../db/queries/findings';
import { recommendationsForCase } from '../../db/queries/recommendations';
import { listJournalNotes } from '../../db/queries/records';
import { getRule } from '../../db/queries/rules';
import { maskCpr } from '../../shared/domain/cpr';
import { copenhagenDate, formatDanishDate, type IsoDate } from '../../shared/domain/dates';
import { caseRetainedOn } from '../../db/queries/retention';
import { RETAINED_MESSAGE } from '../../shared/gdpr/retention';
import { AppError, validationError } from '../../shared/ipc/result';
import { ANONYMISED, anonymiseLetter, type PersonalData } from '../../shared/letters/anonymise';
import { BlockSchema, LetterDocumentSchema, type LetterDocument } from '../../shared/letters/document';
import { draftFinding, FINDING_SECTIONS, findingSectionRank } from '../../shared/letters/finding-draft';
import type { FindingRule, FindingSource } from '../../shared/letters/finding-source';
import {
  ANONYMISATION_TERM_LIMITS,
  FindingAddresseesSchema,
  type FindingSection,
  type FindingState,
  type FindingVersion,
} from '../../shared/letters/finding-state';
import { findingAddressees, letterTo, type FindingAddressees, type LetterVariant } from '../../shared/letters/finding-variant';
import { applySectionEdits, findingSectionList, parseSectionText, sectionBlocks, sectionText } from '../../shared/letters/section-text';
import { renderLetterPdf } from '../pdf';
import { getCase } from './cases';
import type { ServiceContext } from './context';
import { today } from './deadline-common';
import { letterheadSettings, letterSigner } from './letterhead';
import { listRequestsForCase } from './requests';
import { getSettings } from './settings';

export function findingSource(ctx: ServiceContext, caseId: number, date: IsoDate = today(ctx)): FindingSource {
  const detail = getCase(ctx, caseId);
  const settings = getSettings(ctx);
  const forvaltning = (id: number | null): string | null => settings.forvaltninger.find((f) => f.id === id)?.name ?? null;
  const afdeling = (id: number | null): string | null =>
    settings.forvaltninger.flatMap((f) => f.afdelinger).find((a) => a.id === id)?.name ?? null;

  const points = detail.points.map((pt) => ({
    position: pt.position,
    description: pt.description,
    forvaltning: forvaltning(pt.forvaltningId),
    afdeling: afdeling(pt.afdelingId),
    outcome: pt.outcome,
    rules: pt.rules.flatMap((r): FindingRule[] => {
      const rule = getRule(ctx.db, r.ruleId);
      if (rule === null) return [];
      const { citation, lawFull, paragraph, summary, verification } = rule;
      return [{ ruleId: r.ruleId, assessment: r.assessment, reasoning: r.reasoning, citation, lawFull, paragraph, summary, verification }];
    }),
  }));

  const requests = listRequestsForCase(ctx, caseId).map((r) => ({
    forvaltning: r.forvaltning,
    kind: r.kind,
    sentOn: r.sentOn,
    reminders: r.events.filter((e) => e.kind === 'rykker').map((e) => ({ onDate: e.onDate, level: e.level })),
    answeredOn: r.answeredOn,
    answerSummary: r.answerSummary,
  }));

  const due = caseDeadlineRow(ctx.db, caseId)?.klagefrist_due ?? null;
  return {
    sagsnr: detail.sagsnr,
    receivedOn: detail.receivedOn,
    citizen: { name: detail.citizen.name, address: detail.citizen.address },
    summary: detail.summary,
    description: detail.description,
    points,
    requests,
    meetings: listJournalNotes(ctx.db, caseId).filter((n) => n.kind === 'moede').map((n) => ({ onDate: n.notedOn, text: n.text })),
    recommendations: recommendationsForCase(ctx.db, caseId).map((r) => ({ forvaltning: r.forvaltning, text: r.text, followUpOn: r.followUpOn })),
    // The klageinstans is not recorded on the case, so the letter uses the generic wording.
    klagefrist: due === null ? null : { dueOn: due, klageinstans: null },
    letterhead: letterheadSettings(ctx),
    adviser: letterSigner(ctx, detail.adviserId),
    date,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the stored rows

const StoredBlocksSchema = BlockSchema.array();

/** A stored JSON value that no longer parses is damage, never something to guess around. */
function damaged(what: string): AppError {
  return new AppError('internal', `${what} i databasen kan ikke læses. Intet er ændret; kontakt den, der driver Ombud.`);
}

function parseStored<T>(json: string, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw damaged(what);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw damaged(what);
  return parsed.data;
}

function versionDocument(row: FindingVersionMetaRow): LetterDocument {
  return parseStored(row.document_json, LetterDocumentSchema, `Udtalelsen version ${row.version}`);
}

function versionAddressees(row: FindingVersionMetaRow): FindingAddressees {
  return parseStored(row.addressees_json, FindingAddresseesSchema, `Modtagerne af udtalelsen version ${row.version}`);
}

function toVersion(row: FindingVersionMetaRow, all: ReadonlyArray<FindingVersionMetaRow>): FindingVersion {
  return {
    id: row.id,
    version: row.version,
    letterDate: row.letter_date,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
    supersedes: row.supersedes_id === null ? null : (all.find((v) => v.id === row.supersedes_id)?.version ?? null),
    reason: row.reason,
    sha256: row.pdf_sha256,
    forvaltningSha256: row.forvaltning_pdf_sha256,
  };
}

// ---------------------------------------------------------------------------------------------
// The draft

type Draft = Readonly<{
  source: FindingSource;
  document: LetterDocument;
  /** The draft's sections in reading order, those the adviser emptied included (so they can be reset). */
  sections: ReadonlyArray<{ key: string; label: string }>;
  edited: ReadonlySet<string>;
}>;

/** The auto-draft dated `date` with the adviser's edited sections in place of the automatic ones. */
function currentDraft(ctx: ServiceContext, caseId: number, date: IsoDate): Draft {
  const source = findingSource(ctx, caseId, date);
  const edits = findingSectionEdits(ctx.db, caseId).map((e) => ({
    section: e.section,
    blocks: parseStored(e.blocks_json, StoredBlocksSchema, `Det redigerede afsnit "${e.section}"`),
  }));
  const auto = draftFinding(source);
  const document = applySectionEdits(auto, edits, findingSectionRank);
  // An emptied section is left out of the letter but stays in the list, labelled as the automatic
  // draft labels it, so the adviser can write it again or reset it.
  const listed = findingSectionList(document);
  const emptied = findingSectionList(auto).filter((s) => !listed.some((l) => l.key === s.key));
  const sections = [...listed, ...emptied].sort((a, b) => findingSectionRank(a.key) - findingSectionRank(b.key));
  return { source, document, sections, edited: new Set(edits.map((e) => e.section)) };
}

/** The klagepunkt an assessment section is about: draftFinding numbers them 1, 2 … in position order. */
function sectionPoint(source: FindingSource, key: string): FindingSource['points'][number] | null {
  const points = [...source.points].sort((a, b) => a.position - b.position);
  const index = points.findIndex((_, i) => FINDING_SECTIONS.point(i + 1) === key);
  return index < 0 ? null : (points[index] ?? null);
}

function draftSections(draft: Draft): FindingSection[] {
  return draft.sections.map(({ key, label }) => {
    const point = sectionPoint(draft.source, key);
    return {
      key,
      label,
      edited: draft.edited.has(key),
      text: sectionText(sectionBlocks(draft.document, key)),
      outcome: point?.outcome ?? null,
      ruleIds: point === null ? [] : point.rules.map((r) => r.ruleId),
    };
  });
}

type Stage = Readonly<{
  versions: FindingVersionMetaRow[];
  /** The version the draft in progress will supersede; null for the first draft. */
  supersedes: FindingVersionMetaRow | null;
  /** True when the newest version is issued and no new version is in progress. */
  issued: boolean;
}>;

function stage(ctx: ServiceContext, caseId: number): Stage {
  const versions = listFindingVersions(ctx.db, caseId);
  const draft = findingDraft(ctx.db, caseId);
  const supersedes = draft === null || draft.supersedes_version_id === null ? null : (versions.find((v) => v.id === draft.supersedes_version_id) ?? null);
  return { versions, supersedes, issued: versions.length > 0 && draft === null };
}

function mustExist(ctx: ServiceContext, caseId: number): void {
  if (!caseExists(ctx.db, caseId)) throw new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
}

export function findingState(ctx: ServiceContext, caseId: number): FindingState {
  mustExist(ctx, caseId);
  const st = stage(ctx, caseId);
  const versions = st.versions.map((v) => toVersion(v, st.versions));
  const anonymisationTerms = findingAnonymisationTerms(ctx.db, caseId);
  const newest = st.versions[0];
  if (st.issued && newest !== undefined) {
    return { caseId, mode: 'udsendt', document: versionDocument(newest), addressees: versionAddressees(newest), sections: [], versions, draftSupersedes: null, anonymisationTerms };
  }
  const draft = currentDraft(ctx, caseId, today(ctx));
  return {
    caseId,
    mode: 'udkast',
    document: draft.document,
    addressees: findingAddressees(draft.source),
    sections: draftSections(draft),
    versions,
    draftSupersedes: st.supersedes?.version ?? null,
    anonymisationTerms,
  };
}

function refuseWhenIssued(st: Stage): void {
  if (st.issued) {
    throw new AppError('conflict', 'Udtalelsen er udsendt og kan ikke ændres. Start en ny version for at rette i den; den udsendte version forbliver uændret.');
  }
}

/** History of the finding on its henvendelse (notatpligt): who did what to it, and when. */
function audit(ctx: ServiceContext, caseId: number, entityId: number | null, action: string, changes: AuditChange[]): void {
  const at = ctx.clock.now().toISOString();
  appendAudit(ctx.db, { at, actor: ctx.actor(), entity: 'finding', entityId, caseId, action, changes });
  touchCase(ctx.db, caseId, at);
}

function sectionOf(draft: Draft, section: string): { key: string; label: string } {
  const found = draft.sections.find((s) => s.key === section);
  if (found === undefined) throw validationError({ section: 'Afsnittet findes ikke i udtalelsen. Hent udkastet igen; sagens oplysninger kan være ændret.' });
  return found;
}

export function saveFindingSection(ctx: ServiceContext, caseId: number, section: string, text: string): FindingState {
  ctx.db.transaction(() => {
    mustExist(ctx, caseId);
    refuseWhenIssued(stage(ctx, caseId));
    const { label } = sectionOf(currentDraft(ctx, caseId, today(ctx)), section);
    const parsed = parseSectionText(text, section);
    if (!parsed.ok) throw validationError({ text: parsed.message });
    upsertFindingSectionEdit(ctx.db, {
      case_id: caseId, section, blocks_json: JSON.stringify(parsed.blocks), edited_at: ctx.clock.now().toISOString(), edited_by: ctx.actor(),
    });
    audit(ctx, caseId, null, 'Udkast til udtalelse redigeret', [{ field: 'Afsnit', before: '', after: label }]);
  })();
  return findingState(ctx, caseId);
}

export function resetFindingSection(ctx: ServiceContext, caseId: number, section: string): FindingState {
  ctx.db.transaction(() => {
    mustExist(ctx, caseId);
    refuseWhenIssued(stage(ctx, caseId));
    if (deleteFindingSectionEdit(ctx.db, caseId, section)) {
      const label = currentDraft(ctx, caseId, today(ctx)).sections.find((s) => s.key === section)?.label ?? section;
      audit(ctx, caseId, null, 'Afsnit i udtalelsen sat tilbage til den automatiske tekst', [{ field: 'Afsnit', before: '', after: label }]);
    }
  })();
  return findingState(ctx, caseId);
}

export function discardFindingDraft(ctx: ServiceContext, caseId: number): FindingState {
  ctx.db.transaction(() => {
    mustExist(ctx, caseId);
    const st = stage(ctx, caseId);
    // Issued and nothing in progress: there is no draft to discard, and the issued version stays.
    if (st.issued) return;
    const edits = deleteFindingSectionEdits(ctx.db, caseId);
    const dropped = deleteFindingDraft(ctx.db, caseId);
    if (dropped && st.supersedes !== null) {
      audit(ctx, caseId, st.supersedes.id, 'Ny version af udtalelsen kasseret', [{ field: 'Gældende version', before: '', after: String(st.supersedes.version) }]);
    } else if (edits > 0) {
      audit(ctx, caseId, null, 'Rettelser i udkastet til udtalelsen kasseret', []);
    }
  })();
  return findingState(ctx, caseId);
}

/** A new version after an issue, starting from exactly the issued text (every section as an edit). */
export function startNewFindingVersion(ctx: ServiceContext, caseId: number): FindingState {
  ctx.db.transaction(() => {
    mustExist(ctx, caseId);
    const st = stage(ctx, caseId);
    const newest = st.versions[0];
    if (newest === undefined) throw new AppError('conflict', 'Udtalelsen er ikke udsendt endnu. Ret i udkastet.');
    if (!st.issued) throw new AppError('conflict', `Der er allerede en ny version under arbejde, som afløser version ${st.supersedes?.version ?? newest.version}.`);
    const issued = versionDocument(newest);
    const at = ctx.clock.now().toISOString();
    const by = ctx.actor();
    insertFindingDraft(ctx.db, { case_id: caseId, supersedes_version_id: newest.id, started_at: at, started_by: by });
    const issuedKeys = findingSectionList(issued).map((s) => s.key);
    // A section today's auto-draft has but the issued letter had not (left out or emptied then) is
    // seeded empty, so the new version starts from exactly the issued text.
    const keys = [...issuedKeys, ...currentDraft(ctx, caseId, today(ctx)).sections.map((s) => s.key).filter((k) => !issuedKeys.includes(k))];
    for (const key of keys) {
      upsertFindingSectionEdit(ctx.db, { case_id: caseId, section: key, blocks_json: JSON.stringify(sectionBlocks(issued, key)), edited_at: at, edited_by: by });
    }
    audit(ctx, caseId, newest.id, 'Ny version af udtalelsen påbegyndt', [{ field: 'Afløser version', before: '', after: String(newest.version) }]);
  })();
  return findingState(ctx, caseId);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The PDF's dates: noon UTC of the letter's date, never the clock's time, so a date gives one file. */
function pdfCreatedAt(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/**
 * Issue the draft: both PDFs are rendered first (async, outside any transaction), then – once no
 * long write holds the lock (`beforeWrite`, as documents:add) – one transaction checks that nothing
 * moved meanwhile, stores the version and writes the history.
 */
export async function issueFinding(
  ctx: ServiceContext,
  caseId: number,
  reason: string | null,
  beforeWrite: () => Promise<void> = async () => {},
): Promise<FindingState> {
  mustExist(ctx, caseId);
  const before = stage(ctx, caseId);
  refuseWhenIssued(before);
  const why = (reason ?? '').trim();
  if (before.supersedes !== null && why === '') {
    throw validationError({ reason: `Skriv hvorfor den nye version afløser version ${before.supersedes.version}; begrundelsen står i sagens historik.` });
  }
  const date = today(ctx);
  const draft = currentDraft(ctx, caseId, date);
  const addressees = findingAddressees(draft.source);
  const toCitizen = letterTo(draft.document, 'borger', addressees);
  const toForvaltning = letterTo(draft.document, 'forvaltning', addressees);
  const [pdf, forvaltningPdf] = [
    await renderLetterPdf(toCitizen, { createdAt: pdfCreatedAt(date) }),
    await renderLetterPdf(toForvaltning, { createdAt: pdfCreatedAt(date) }),
  ];
  const frozen = JSON.stringify(toCitizen);
  // The import's chunked write may have started while the PDFs were made: never write inside it.
  await beforeWrite();

  ctx.db.transaction(() => {
    // The draft must still be exactly what was rendered: a section saved or a version issued from
    // another window while the PDFs were made would otherwise be lost or issued twice.
    const now = stage(ctx, caseId);
    const again = currentDraft(ctx, caseId, date);
    if (now.issued || now.versions.length !== before.versions.length || JSON.stringify(letterTo(again.document, 'borger', findingAddressees(again.source))) !== frozen) {
      throw new AppError('conflict', 'Udtalelsen blev ændret, mens den blev gjort klar. Intet er udsendt; se udkastet igen og udsend det derefter.');
    }
    const version = nextFindingVersionNumber(ctx.db, caseId);
    const row = {
      case_id: caseId,
      version,
      letter_date: date,
      document_json: frozen,
      addressees_json: JSON.stringify(addressees),
      pdf,
      pdf_sha256: sha256(pdf),
      forvaltning_pdf: forvaltningPdf,
      forvaltning_pdf_sha256: sha256(forvaltningPdf),
      issued_at: ctx.clock.now().toISOString(),
      issued_by: ctx.actor(),
      supersedes_id: before.supersedes?.id ?? null,
      reason: before.supersedes === null ? '' : why,
    };
    const id = insertFindingVersion(ctx.db, row);
    deleteFindingSectionEdits(ctx.db, caseId);
    deleteFindingDraft(ctx.db, caseId);
    const changes: AuditChange[] = [
      { field: 'Version', before: before.supersedes === null ? '' : String(before.supersedes.version), after: String(version) },
      { field: 'Brevdato', before: '', after: date },
      { field: 'SHA-256 (til borgeren)', before: '', after: row.pdf_sha256 },
      { field: 'SHA-256 (til forvaltningen)', before: '', after: row.forvaltning_pdf_sha256 },
    ];
    if (row.reason !== '') changes.push({ field: 'Begrundelse', before: '', after: row.reason });
    audit(ctx, caseId, id, 'Udtalelse udsendt', changes);
  })();
  return findingState(ctx, caseId);
}

function versionOfCase(ctx: ServiceContext, versionId: number, caseId: number | null): FindingVersionMetaRow {
  const row = getFindingVersion(ctx.db, versionId);
  if (row === null || (caseId !== null && row.case_id !== caseId)) throw new AppError('not_found', 'Den version af udtalelsen findes ikke på denne henvendelse.');
  return row;
}

export function findingVersion(ctx: ServiceContext, versionId: number): { version: FindingVersion; document: LetterDocument; addressees: FindingAddressees } {
  const row = versionOfCase(ctx, versionId, null);
  return { version: toVersion(row, listFindingVersions(ctx.db, row.case_id)), document: versionDocument(row), addressees: versionAddressees(row) };
}

/** Trimmed, blank ones dropped, repeats (ignoring case) dropped; Danish refusals past the limits. */
export function cleanAnonymisationTerms(terms: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of terms) {
    const term = raw.trim();
    if (term === '') continue;
    if (term.length > ANONYMISATION_TERM_LIMITS.maxLength) {
      throw validationError({ terms: `Et ord eller udtryk må højst være ${ANONYMISATION_TERM_LIMITS.maxLength} tegn ("${term.slice(0, 30)}…").` });
    }
    const key = term.toLocaleLowerCase('da');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  if (out.length > ANONYMISATION_TERM_LIMITS.maxCount) {
    throw validationError({ terms: `Højst ${ANONYMISATION_TERM_LIMITS.maxCount} ord og udtryk pr. henvendelse (du har ${out.length}).` });
  }
  return out;
}

export function setAnonymisationTerms(ctx: ServiceContext, caseId: number, terms: ReadonlyArray<string>): FindingState {
  const clean = cleanAnonymisationTerms(terms);
  ctx.db.transaction(() => {
    mustExist(ctx, caseId);
    const before = findingAnonymisationTerms(ctx.db, caseId);
    if (JSON.stringify(before) === JSON.stringify(clean)) return;
    replaceFindingAnonymisationTerms(ctx.db, caseId, clean);
    // The terms are personal data themselves, so the history counts them instead of repeating them.
    audit(ctx, caseId, null, 'Ord til anonymisering af udtalelsen ændret', [{ field: 'Antal ord', before: String(before.length), after: String(clean.length) }]);
  })();
  return findingState(ctx, caseId);
}

/**
 * The case's personal data for the anonymised letter: the citizen's and the representative's
 * names, e-mails and phones, the address, the full CPR number (from the database, not the masked
 * one; with and without the dash) and the adviser's extra terms.
 */
export function findingPersonalData(ctx: ServiceContext, caseId: number): PersonalData {
  const detail = getCase(ctx, caseId);
  const cpr = getCaseCpr(ctx.db, caseId) ?? null;
  const rep = detail.representative;
  const present = (xs: ReadonlyArray<string | null | undefined>): string[] => xs.map((x) => (x ?? '').trim()).filter((x) => x !== '');
  return {
    names: present([detail.citizen.name, rep?.name]),
    addresses: present([detail.citizen.address]),
    cprs: cpr === null ? [] : present([cpr, cpr.replace('-', '')]),
    emails: present([detail.citizen.email, rep?.email]),
    phones: present([detail.citizen.phone, rep?.phone]),
    extraTerms: findingAnonymisationTerms(ctx.db, caseId),
  };
}

export function anonymisedFinding(
  ctx: ServiceContext,
  caseId: number,
  versionId: number | null,
): { document: LetterDocument; replacements: Array<{ original: string; replacement: string; count: number }> } {
  const document = versionId === null ? findingState(ctx, caseId).document : versionDocument(versionOfCase(ctx, versionId, caseId));
  const result = anonymiseLetter(document, findingPersonalData(ctx, caseId));
  // The review lists what was replaced; a CPR number is shown masked there, as everywhere until the
  // adviser reveals it (cases:reveal-cpr, which is logged) – this read is not.
  const replacements: Array<{ original: string; replacement: string; count: number }> = [];
  for (const r of result.replacements) {
    const original = r.replacement === ANONYMISED.cpr ? maskCpr(r.original) : r.original;
    const same = replacements.find((x) => x.original === original && x.replacement === r.replacement);
    if (same === undefined) replacements.push({ ...r, original });
    else same.count += r.count;
  }
  return { document: result.document, replacements };
}

// ---------------------------------------------------------------------------------------------
// The PDFs

export type FindingPdfRequest = Readonly<{ variant: LetterVariant; anonymised: boolean }>;

/** Which letter a PDF is made of: an issued version, or the draft dated `date`. */
export type FindingPdfSource = Readonly<{ kind: 'version'; versionId: number } | { kind: 'draft'; date: IsoDate }>;

function fileName(sagsnr: string, parts: { version: number | null; variant: LetterVariant; anonymised: boolean }): string {
  const words = [`Udtalelse ${sagsnr}`];
  if (parts.version !== null) words.push(`version ${parts.version}`);
  if (parts.variant === 'forvaltning') words.push('til forvaltningen');
  if (parts.anonymised) words.push('anonymiseret');
  return `${words.join(' ')}.pdf`;
}

/**
 * A letter of the finding as PDF. An issued version's own letter is its stored bytes exactly,
 * checked against the SHA-256 stored beside them (a mismatch is refused, never served); an
 * anonymised copy or the draft is rendered, dated noon UTC of its letter date, so the same finding
 * and date give the same bytes in the app and in `ombud finding`.
 */
export async function renderFindingPdf(
  ctx: ServiceContext,
  caseId: number,
  from: FindingPdfSource,
  req: FindingPdfRequest,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const sagsnr = getCase(ctx, caseId).sagsnr;
  if (from.kind === 'version') {
    const row = versionOfCase(ctx, from.versionId, caseId);
    const newest = listFindingVersions(ctx.db, caseId)[0];
    const name = fileName(sagsnr, { version: newest?.id === row.id ? null : row.version, ...req });
    if (!req.anonymised) {
      const stored = findingVersionPdf(ctx.db, row.id, req.variant);
      if (stored !== null && stored.bytes.length === 0) {
        // Emptied by a retention run (migration 0200 lets only that change through): not a damaged file.
        const on = caseRetainedOn(ctx.db, caseId);
        throw new AppError('not_found', `Den udsendte PDF af udtalelsen version ${row.version} er ${RETAINED_MESSAGE}${on === null ? '' : ` den ${formatDanishDate(copenhagenDate(new Date(on)))}`}. Brevets anonymiserede tekst er bevaret.`);
      }
      if (stored === null || sha256(stored.bytes) !== stored.sha256) {
        throw new AppError('internal', `Den gemte PDF af udtalelsen version ${row.version} svarer ikke til sin kontrolsum (SHA-256). Filen udleveres ikke; kontakt den, der driver Ombud.`);
      }
      return { fileName: name, bytes: new Uint8Array(stored.bytes) };
    }
    const letter = letterTo(versionDocument(row), req.variant, versionAddressees(row));
    const bytes = await renderLetterPdf(anonymiseLetter(letter, findingPersonalData(ctx, caseId)).document, { createdAt: pdfCreatedAt(row.letter_date) });
    return { fileName: name, bytes };
  }
  const draft = currentDraft(ctx, caseId, from.date);
  const letter = letterTo(draft.document, req.variant, findingAddressees(draft.source));
  const doc = req.anonymised ? anonymiseLetter(letter, findingPersonalData(ctx, caseId)).document : letter;
  return { fileName: fileName(sagsnr, { version: null, ...req }), bytes: await renderLetterPdf(doc, { createdAt: pdfCreatedAt(from.date) }) };
}

/** findings:pdf – `versionId` null is the state's letter: the newest issued version when udsendt, else the draft of today. */
export async function findingPdf(
  ctx: ServiceContext,
  input: Readonly<{ caseId: number; versionId: number | null; variant: LetterVariant; anonymised: boolean }>,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  mustExist(ctx, input.caseId);
  const st = stage(ctx, input.caseId);
  const newest = st.versions[0];
  const from: FindingPdfSource = input.versionId !== null
    ? { kind: 'version', versionId: input.versionId }
    : st.issued && newest !== undefined ? { kind: 'version', versionId: newest.id } : { kind: 'draft', date: today(ctx) };
  return renderFindingPdf(ctx, input.caseId, from, input);
}

/** The newest issued version of a henvendelse's finding, or null (`ombud finding`). */
export function newestFindingVersionId(ctx: ServiceContext, caseId: number): number | null {
  return listFindingVersions(ctx.db, caseId)[0]?.id ?? null;
}
