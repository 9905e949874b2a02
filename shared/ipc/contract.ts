/**
 * The one IPC contract (architecture rule 3). Every request channel has a zod schema for its input
 * and its output. The main-side validation (electron/ipc/dispatch.ts), the handler table's type
 * (electron/ipc/handlers.ts) and the renderer's typed client and `window.api` type
 * (renderer/src/api/client.ts, shared/ipc/api.ts) are derived from this object; the preload, the
 * preview bridge and the e2e bridge expose one method per name in shared/ipc/channels.ts, a plain
 * list without zod that the sandboxed preload can bundle, and test/electron/ipc/contract.test.ts
 * keeps that list equal to this object's keys. A new capability starts here: add the channel (and
 * its name to channels.ts), then its handler in electron/ipc/handlers.ts (the compiler insists),
 * then use it from the renderer.
 *
 * Channel names read `domain:verb`. Only plain data crosses: strings, numbers, booleans, arrays and
 * objects; dates are ISO strings; file contents are base64 strings.
 */
import { z } from 'zod';
import { CaseDetailSchema, CaseInputSchema, IsoDateSchema, PointInputSchema } from '../domain/case';
import { CaseNextDeadlineSchema, OpenItemSchema } from '../domain/case-workspace';
import { CaseListQuerySchema, CaseListResultSchema, HistoryEntrySchema } from '../domain/case-list';
import {
  CaseDeadlineSchema,
  DeadlineSettingsSchema,
  DecisionNoticeInputSchema,
  FristOverviewQuerySchema,
  FristOverviewSchema,
  KlagefristSchema,
  PointDeadlineInputSchema,
  PointDeadlineSchema,
  RequestAnswerSchema,
  RequestInputSchema,
  RequestViewSchema,
} from '../domain/deadline-tracking';
import { ImportReportSchema, ImportStatusSchema } from '../domain/import-report';
import { IntegrityStateSchema } from '../domain/integrity';
import { BackupEntrySchema, BackupFileNameSchema, BackupListSchema, RestoreOutcomeSchema } from '../backup/manifest';
import { DeadlineExplanationSchema, DeadlineOwnerSchema, DeadlineSpecSchema, ExtensionSchema } from '../deadlines/types';
import { RecommendationInputSchema, RecommendationQuerySchema, RecommendationSchema } from '../domain/recommendation';
import { RuleCitationSchema, RuleIdSchema, RuleInputSchema, RuleQuerySchema, RuleSchema } from '../domain/rule';
import {
  CaseDocumentSchema,
  DocumentAddSchema,
  DocumentContentSchema,
  DocumentMetaSchema,
  DocumentSearchHitSchema,
  DocumentSuggestionSchema,
  JournalNoteInputSchema,
  JournalNoteSchema,
  RECORD_LIMITS,
} from '../domain/records';
import { CatalogKindSchema, SettingsSchema } from '../domain/settings';
import { LetterheadSettingsSchema } from '../letters/letterhead-settings';
import { ReportSettingsSchema } from '../report/settings';
import { ReportDrillSchema, ReportQuerySchema, ReportStatsSchema } from '../report/stats';
import { PhraseInputSchema, PhraseSchema } from '../letters/phrases';
import { LetterDocumentSchema } from '../letters/document';
import { InsightExportInputSchema, InsightFileSchema, InsightMatchSchema, InsightQuerySchema } from '../gdpr/insight';
import { RetentionPlanSchema, RetentionResultSchema, RetentionSettingsSchema } from '../gdpr/retention';
import {
  ANONYMISATION_TERM_LIMITS,
  FINDING_REASON_MAX,
  FINDING_SECTION_TEXT_MAX,
  FindingAddresseesSchema,
  FindingStateSchema,
  FindingVersionSchema,
  LetterVariantSchema,
} from '../letters/finding-state';
import { CaseLetterInputSchema } from '../letters/case-letter-source';
import { ReportPeriodSchema } from '../report/period';
import { AuditFilterSchema, AuditPageSchema, AuditStatusSchema } from '../domain/audit';
import { AnnualReportTextsSchema, ReportFindingSummarySchema } from '../report/texts';
import { identifierText } from '../domain/text-safety';

const id = z.number().int().positive();
const none = z.object({}).strict();
const sectionKey = z.string().min(1).max(100);
/** An adviser's initials are a short identifier: no control characters or bidi overrides (text-safety.ts). */
const initials = identifierText(10);
const findingPdfInput = z.object({ caseId: id, versionId: id.nullable(), variant: LetterVariantSchema, anonymised: z.boolean() });

export const requests = {
  /** The background check of the database file (electron/services/integrity.ts); the app shell shows a banner when damaged. */
  'system:integrity': { input: none, output: IntegrityStateSchema },
  'app:info': {
    input: none,
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'preview', 'cli', 'test']),
      databasePath: z.string(),
      today: IsoDateSchema,
    }),
  },

  /**
   * Who sits at the desk (shared/ipc/actor.ts): the adviser this OS user chose last time, when still
   * active (null: show the chooser); choosing one remembers it; `register` adds the person at the
   * desk as a new adviser, recorded in the history under their own name, and chooses them.
   */
  'actor:get': { input: none, output: z.object({ adviserId: id.nullable() }) },
  'actor:choose': { input: z.object({ adviserId: id }), output: z.object({ adviserId: id }) },
  'actor:register': {
    input: z.object({ name: z.string().max(200), initials: initials }),
    output: z.object({ adviserId: id, settings: SettingsSchema }),
  },

  'cases:list': { input: CaseListQuerySchema, output: CaseListResultSchema },
  'cases:get': { input: z.object({ id }), output: CaseDetailSchema },
  /** The same, when the adviser opens the henvendelse: recorded in its history as "Sag åbnet". */
  'cases:open': { input: z.object({ id }), output: CaseDetailSchema },
  'cases:create': { input: z.object({ input: CaseInputSchema }), output: CaseDetailSchema },
  /**
   * Save the form. Closing the henvendelse (status Afsluttet) is refused while the closing check
   * finds open items not named in `acknowledged` (their keys); those named are written to the history.
   */
  'cases:update': {
    input: z.object({ id, expectedVersion: z.number().int(), input: CaseInputSchema, acknowledged: z.array(z.string().max(80)).max(1000).optional() }),
    output: CaseDetailSchema,
  },
  /** What is still open on the henvendelse, for closing it: each item with where it is resolved. */
  'cases:closing-check': {
    /** `points`: the klagepunkter as the form holds them, when closing in the same save; absent: as stored. */
    input: z.object({ id, points: z.array(PointInputSchema.pick({ outcome: true, rules: true })).max(200).optional() }),
    output: z.object({ items: z.array(OpenItemSchema) }),
  },
  /** The next open deadline with its state (the case page's header); null when none. */
  'cases:next-deadline': { input: z.object({ id }), output: z.object({ next: CaseNextDeadlineSchema.nullable() }) },
  /** The status follows the case again ("afventer forvaltningen" while a request is open) instead of the adviser's choice. */
  'cases:status-follow': { input: z.object({ id, expectedVersion: z.number().int() }), output: CaseDetailSchema },
  'cases:history': { input: z.object({ id }), output: z.array(HistoryEntrySchema) },
  'cases:next-sagsnr': { input: z.object({ receivedOn: IsoDateSchema }), output: z.object({ sagsnr: z.string() }) },
  'cases:reveal-cpr': { input: z.object({ id }), output: z.object({ cpr: z.string() }) },

  'settings:get': { input: none, output: SettingsSchema },
  'settings:set-municipality': { input: z.object({ name: z.string().max(120) }), output: SettingsSchema },
  'settings:set-current-adviser': { input: z.object({ adviserId: id.nullable() }), output: SettingsSchema },
  'catalog:add': {
    input: z.object({
      kind: CatalogKindSchema,
      name: z.string().max(200),
      /** The forvaltning, when adding an afdeling. */
      parentId: id.nullable(),
      initials: initials.optional(),
      email: z.string().max(200).optional(),
      /** An adviser's title under the signature; absent or empty: "Borgerrådgiver". */
      title: z.string().max(200).optional(),
    }),
    output: SettingsSchema,
  },
  'catalog:rename': { input: z.object({ kind: CatalogKindSchema, id, name: z.string().max(200) }), output: SettingsSchema },
  'catalog:update-adviser': {
    input: z.object({ id, name: z.string().max(200), initials: initials, email: z.string().max(200), title: z.string().max(200) }),
    output: SettingsSchema,
  },
  'catalog:set-retired': { input: z.object({ kind: CatalogKindSchema, id, retired: z.boolean() }), output: SettingsSchema },
  'catalog:delete': { input: z.object({ kind: CatalogKindSchema, id }), output: SettingsSchema },

  /** The letterhead every letter prints (the municipality's name comes from settings:set-municipality). */
  'letterhead:get': { input: none, output: LetterheadSettingsSchema },
  'letterhead:save': {
    input: z.object({ office: z.string().max(1000), addressLines: z.array(z.string().max(1000)).max(50), contactLines: z.array(z.string().max(1000)).max(50) }),
    output: LetterheadSettingsSchema,
  },
  /** A PNG or JPEG logo (recognised by its first bytes, at most 1 MB, and it must embed in a PDF). */
  'letterhead:set-logo': {
    input: z.object({ fileName: z.string().min(1).max(260), contentBase64: z.string().max(4 * 1024 * 1024) }),
    output: LetterheadSettingsSchema,
  },
  'letterhead:remove-logo': { input: none, output: LetterheadSettingsSchema },

  /** The phrase library: general first, then by outcome (mildest grade first), then by rule, each group in the adviser's order. */
  'phrases:list': { input: none, output: z.array(PhraseSchema) },
  /** Adds (id null) or changes a phrase; answers the whole library. */
  'phrases:save': { input: PhraseInputSchema.extend({ id: id.nullable() }), output: z.array(PhraseSchema) },
  'phrases:delete': { input: z.object({ id }), output: z.array(PhraseSchema) },
  /** Moves a phrase one place up or down among those of its scope and key. */
  'phrases:move': { input: z.object({ id, direction: z.enum(['op', 'ned']) }), output: z.array(PhraseSchema) },

  'import:start': {
    input: z.object({
      fileName: z.string().min(1).max(260),
      /** The file's bytes, base64-encoded (the renderer reads the file the adviser picked). */
      contentBase64: z.string().max(80 * 1024 * 1024),
      dryRun: z.boolean(),
    }),
    output: z.object({ jobId: z.string() }),
  },
  'import:status': { input: z.object({ jobId: z.string().max(64) }), output: ImportStatusSchema },
  /** Stops the job at its next chunk boundary; the write rolls back, so nothing is saved. Answers the status then. */
  'import:cancel': { input: z.object({ jobId: z.string().max(64) }), output: ImportStatusSchema },
  'rules:list': { input: RuleQuerySchema, output: z.array(RuleSchema) },
  'rules:get': {
    input: z.object({ id: RuleIdSchema }),
    output: z.object({ rule: RuleSchema, citations: z.array(RuleCitationSchema), suggestedForThemeIds: z.array(id) }),
  },
  'rules:create': { input: z.object({ input: RuleInputSchema }), output: RuleSchema },
  /** Own rules, and edits of shipped rules (marked as edited, so a newer catalogue leaves them alone). */
  'rules:update': { input: z.object({ id: RuleIdSchema, input: RuleInputSchema }), output: RuleSchema },
  'rules:set-retired': { input: z.object({ id: RuleIdSchema, retired: z.boolean() }), output: RuleSchema },
  /** The rules usually involved for these themes (the editable theme → rule mapping), best first. */
  'rules:suggest': { input: z.object({ themeIds: z.array(id).max(50) }), output: z.array(RuleIdSchema) },
  'rules:set-theme-rules': { input: z.object({ themeId: id, ruleIds: z.array(RuleIdSchema).max(200) }), output: z.object({ ruleIds: z.array(RuleIdSchema) }) },

  'recommendations:list': { input: RecommendationQuerySchema, output: z.array(RecommendationSchema) },
  'recommendations:for-case': { input: z.object({ caseId: id }), output: z.array(RecommendationSchema) },
  'recommendations:create': { input: z.object({ input: RecommendationInputSchema }), output: RecommendationSchema },
  'recommendations:update': { input: z.object({ id, input: RecommendationInputSchema }), output: RecommendationSchema },
  'recommendations:delete': { input: z.object({ id }), output: z.object({ deleted: z.literal(true) }) },

  /**
   * The finding (udtalelse) of a henvendelse: the draft (the auto-draft from the case's data, dated
   * the backend's today, with the adviser's edited sections) or the newest issued letter, the draft's
   * sections as editable text, every issued version and the extra anonymisation terms. Reads only.
   */
  'findings:state': { input: z.object({ caseId: id }), output: FindingStateSchema },
  /**
   * Saves one section of the draft from its text (shared/letters/section-text.ts); a text that does
   * not parse is refused with `validationError({ text })`. Refused while the newest version is issued
   * and no new version has been started.
   */
  'findings:save-section': { input: z.object({ caseId: id, section: sectionKey, text: z.string().max(FINDING_SECTION_TEXT_MAX) }), output: FindingStateSchema },
  /** Puts one section back to the automatic text from the case's data. */
  'findings:reset-section': { input: z.object({ caseId: id, section: sectionKey }), output: FindingStateSchema },
  /**
   * Issues the draft: freezes it dated today, stores both PDFs (to the citizen and to the
   * forvaltning) with their SHA-256, who and when, and writes the case's history. A second or later
   * version needs a reason (`validationError({ reason })`); the first takes none.
   */
  'findings:issue': { input: z.object({ caseId: id, reason: z.string().max(FINDING_REASON_MAX).nullable() }), output: FindingStateSchema },
  /** Starts a new version after an issue, beginning from exactly the issued text; it will supersede it. */
  'findings:new-version': { input: z.object({ caseId: id }), output: FindingStateSchema },
  /** Drops the draft's edits; a new version in progress is dropped too (back to the issued version). */
  'findings:discard-draft': { input: z.object({ caseId: id }), output: FindingStateSchema },
  /** One issued version and its frozen letter to the citizen; every version stays readable. */
  'findings:version': { input: z.object({ versionId: id }), output: z.object({ version: FindingVersionSchema, document: LetterDocumentSchema, addressees: FindingAddresseesSchema }) },
  /** The adviser's extra terms for the anonymised version (trimmed; repeats, ignoring case, dropped). */
  'findings:set-anonymisation-terms': {
    input: z.object({ caseId: id, terms: z.array(z.string().max(500)).max(ANONYMISATION_TERM_LIMITS.maxCount * 2) }),
    output: FindingStateSchema,
  },
  /**
   * The anonymised letter for publication and what was replaced (for the adviser to review before
   * exporting): a version's, or with `versionId` null the state's document. Reads only.
   */
  'findings:anonymised': {
    input: z.object({ caseId: id, versionId: id.nullable() }),
    output: z.object({ document: LetterDocumentSchema, replacements: z.array(z.object({ original: z.string(), replacement: z.string(), count: z.number().int() })) }),
  },
  /**
   * A letter of the finding as PDF: `versionId` null = the state's (the draft rendered for today, or
   * the newest issued version); an issued version's stored bytes exactly, checked against their
   * SHA-256; `variant` the letter to the citizen or to the forvaltning; `anonymised` for publication.
   */
  'findings:pdf': { input: findingPdfInput, output: z.object({ fileName: z.string(), mediaType: z.literal('application/pdf'), contentBase64: z.string() }) },
  /**
   * Opens the same PDF in the system's viewer. Answered by the desktop app's main process
   * (electron/ipc/system-viewer.ts); every other backend answers `opened: false`, and the page saves
   * the file from `findings:pdf` instead.
   */
  'findings:open': { input: findingPdfInput, output: z.object({ opened: z.boolean() }) },

  /**
   * The anmodning om redegørelse, the rykker and the kvittering (electron/services/case-letters.ts),
   * dated the backend's today. draft and pdf store nothing; send stores the PDF as an outgoing akt
   * with its history entry and refuses the same letter twice the same day.
   */
  'letters:draft': { input: CaseLetterInputSchema, output: z.object({ document: LetterDocumentSchema }) },
  'letters:pdf': { input: CaseLetterInputSchema, output: z.object({ fileName: z.string(), mediaType: z.literal('application/pdf'), contentBase64: z.string() }) },
  'letters:send': { input: CaseLetterInputSchema, output: CaseDocumentSchema },

  /** The deadline engine, exactly as the CLI's `ombud deadline`: a rule, or an amount and unit. */
  /** `owner` null: the rule's own owner, or a statutory deadline for the authority without a rule (legal-rules.md § b.5). */
  'deadlines:compute': {
    input: z.object({ from: IsoDateSchema, spec: DeadlineSpecSchema.nullable(), ruleId: RuleIdSchema.nullable(), owner: DeadlineOwnerSchema.nullable() }),
    output: DeadlineExplanationSchema,
  },
  'deadlines:settings': { input: none, output: DeadlineSettingsSchema },
  /** Saves the settings and recomputes every open deadline; each changed date is logged on its case. */
  'deadlines:save-settings': { input: z.object({ settings: DeadlineSettingsSchema }), output: z.object({ settings: DeadlineSettingsSchema, recomputed: z.number().int() }) },
  /** Overdue, due today and the next days (the lookahead setting), for one adviser's henvendelser or all. */
  'deadlines:overview': { input: FristOverviewQuerySchema, output: FristOverviewSchema },

  /** The annual report's statistics (shared/report/stats.ts): the period, its previous period, the trend and the patterns. */
  'report:stats': { input: z.object({ query: ReportQuerySchema }), output: ReportStatsSchema },
  /** The henvendelser behind one number of report:stats, newest received first. */
  'report:drill': { input: z.object({ query: ReportQuerySchema, drill: ReportDrillSchema }), output: z.object({ caseIds: z.array(id) }) },
  'report:settings': { input: none, output: ReportSettingsSchema },
  /** Checked in Danish by the service (each field's own message), so the input is only numbers. */
  'report:save-settings': { input: z.object({ startMonth: z.number(), minN: z.number(), patternMin: z.number() }), output: ReportSettingsSchema },
  /**
   * The annual report as a file for the query: the whole årsberetning as PDF (with the texts and
   * findings chosen for its period), the tables as XLSX, or the tables as CSV files in a ZIP – all from
   * one computation of the statistics, dated today. Reads only.
   */
  'report:export': {
    input: z.object({ query: ReportQuerySchema, format: z.enum(['pdf', 'xlsx', 'csv']) }),
    output: z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() }),
  },

  'requests:for-case': { input: z.object({ caseId: id }), output: z.array(RequestViewSchema) },
  'requests:create': { input: z.object({ input: RequestInputSchema }), output: RequestViewSchema },
  /** Records the next reminder level (each level once). */
  'requests:remind': { input: z.object({ id, on: IsoDateSchema, note: z.string().max(2000) }), output: RequestViewSchema },
  'requests:extend': { input: z.object({ id, extension: ExtensionSchema }), output: RequestViewSchema },
  'requests:pause': { input: z.object({ id, from: IsoDateSchema, to: IsoDateSchema, reason: z.string().max(2000) }), output: RequestViewSchema },
  'requests:answer': { input: z.object({ id, answer: RequestAnswerSchema }), output: RequestViewSchema },
  'requests:close': { input: z.object({ id, closedOn: IsoDateSchema, reason: z.string().max(2000) }), output: RequestViewSchema },

  'point-deadlines:for-case': { input: z.object({ caseId: id }), output: z.array(PointDeadlineSchema) },
  'point-deadlines:create': { input: z.object({ input: PointDeadlineInputSchema }), output: PointDeadlineSchema },
  'point-deadlines:update': { input: z.object({ id, input: PointDeadlineInputSchema }), output: PointDeadlineSchema },
  'point-deadlines:delete': { input: z.object({ id }), output: z.object({ deleted: z.literal(true) }) },

  /**
   * The citizen's klagefrist: record how and when the decision was notified, whether it gave correct
   * klagevejledning and what the frist rests on (a rule, none, or typed by hand); null clears it.
   * The klagefrist is null when there is no statutory klagefrist.
   */
  'klagefrist:set': {
    input: z.object({ caseId: id, notice: DecisionNoticeInputSchema.nullable() }),
    output: z.object({ klagefrist: KlagefristSchema.nullable() }),
  },
  'klagefrist:get': {
    input: z.object({ caseId: id }),
    output: z.object({
      notice: DecisionNoticeInputSchema.nullable(),
      klagefrist: KlagefristSchema.nullable(),
      target: CaseDeadlineSchema.nullable(),
    }),
  },
  /** The klagefrist as an .ics calendar file (base64), with an alarm. */
  'klagefrist:ics': { input: z.object({ caseId: id }), output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }) },
  /** The klagefrist a notice would give, without storing anything (the warning at intake); null: no statutory klagefrist. */
  'klagefrist:check': { input: DecisionNoticeInputSchema, output: KlagefristSchema.nullable() },

  /**
   * Akter (case-workspace: Akter og journal). A file is sent as base64 and identified by its
   * extension and first bytes; one over 50 MB is refused by the schema with the adviser's message.
   * `inspect` reads a file without storing it: what the form should suggest (a mail's subject,
   * sender and date). `add` stores it; the adviser's title, date and sender win over the file's.
   */
  'documents:list': { input: z.object({ caseId: id }), output: z.array(CaseDocumentSchema) },
  'documents:inspect': {
    input: z.object({ fileName: z.string().min(1).max(RECORD_LIMITS.fileName), contentBase64: DocumentContentSchema }),
    output: DocumentSuggestionSchema,
  },
  'documents:add': { input: DocumentAddSchema, output: CaseDocumentSchema },
  'documents:update': { input: z.object({ id, meta: DocumentMetaSchema }), output: CaseDocumentSchema },
  'documents:remove': { input: z.object({ id }), output: z.object({ removed: z.literal(true) }) },
  /**
   * Opens the akt in the system's viewer. Answered by the desktop app's main process
   * (electron/ipc/system-viewer.ts); every other backend answers `opened: false`, and the page
   * shows or saves the file itself from `documents:content`.
   */
  'documents:open': { input: z.object({ id }), output: z.object({ opened: z.boolean() }) },
  'documents:content': { input: z.object({ id }), output: z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() }) },
  /** Full-text search over title, sender/recipient and text: one henvendelse (`caseId`) or all. */
  'documents:search': {
    input: z.object({ text: z.string().max(200), caseId: id.nullable(), limit: z.number().int().min(1).max(200) }),
    output: z.array(DocumentSearchHitSchema),
  },

  /** Journal notes; the author is who acts. `search` gives the ids of one henvendelse's notes whose text matches. */
  'journal:list': { input: z.object({ caseId: id }), output: z.array(JournalNoteSchema) },
  'journal:add': { input: z.object({ input: JournalNoteInputSchema }), output: JournalNoteSchema },
  'journal:update': { input: z.object({ id, input: JournalNoteInputSchema }), output: JournalNoteSchema },
  'journal:remove': { input: z.object({ id }), output: z.object({ removed: z.literal(true) }) },
  'journal:search': { input: z.object({ caseId: id, text: z.string().max(200) }), output: z.object({ ids: z.array(id) }) },

  /**
   * The annual report's own words per period (Årsberetning): the defaults when none are stored (title
   * "Årsberetning <periode>", empty sections); saving validates the section markup in Danish and is
   * recorded in the history.
   */
  'report:texts': { input: z.object({ period: ReportPeriodSchema }), output: AnnualReportTextsSchema },
  'report:save-texts': { input: z.object({ period: ReportPeriodSchema, texts: AnnualReportTextsSchema }), output: AnnualReportTextsSchema },
  /** The newest issued finding of each henvendelse whose letter is dated in the period, anonymised. */
  'report:findings': { input: z.object({ period: ReportPeriodSchema }), output: z.array(ReportFindingSummarySchema) },

  /**
   * Indsigt (GDPR art. 15): the henvendelser about one person by CPR number and/or name, each with why
   * it matched; the export carries the henvendelser the adviser kept (each must match the query) and
   * is recorded in their history as "Indsigt udleveret".
   */
  'gdpr:search': { input: InsightQuerySchema, output: z.array(InsightMatchSchema) },
  'gdpr:insight-json': { input: InsightExportInputSchema, output: InsightFileSchema },
  'gdpr:insight-pdf': { input: InsightExportInputSchema, output: InsightFileSchema },

  /** The retention period (years after closure); checked in Danish by the service. */
  'retention:settings': { input: none, output: RetentionSettingsSchema },
  'retention:save-settings': { input: z.object({ years: z.number() }), output: RetentionSettingsSchema },
  /** What a retention run would delete or anonymise today, with the token that confirms exactly that. */
  'retention:plan': { input: none, output: RetentionPlanSchema },
  /** Carries out the plan with this token in one transaction; refused when the plan has changed. */
  'retention:run': { input: z.object({ token: z.string().max(64) }), output: RetentionResultSchema },

  /**
   * Backups (Databeskyttelse → Sikkerhedskopier): the folder and the backups its manifest lists,
   * newest first; take one now (verified before it counts); verify one again; restore one (the
   * current state backed up first; the page reloads after). The folder is kept outside the database.
   * `backup:choose-folder` is the desktop app's folder dialog (answered by the main process);
   * elsewhere it answers `chosen: false` and the adviser types the path for `backup:set-folder`.
   */
  'backup:list': { input: none, output: BackupListSchema },
  'backup:create': { input: none, output: BackupEntrySchema },
  'backup:check': { input: z.object({ file: BackupFileNameSchema }), output: BackupEntrySchema },
  'backup:restore': { input: z.object({ file: BackupFileNameSchema }), output: RestoreOutcomeSchema },
  'backup:set-folder': { input: z.object({ folder: z.string().max(1000) }), output: z.object({ folder: z.string() }) },
  'backup:choose-folder': { input: none, output: z.object({ chosen: z.boolean(), folder: z.string().nullable() }) },

  /**
   * Databeskyttelse → Databasenøgle: the key that opens the database and every backup, for IT's
   * password vault. Needs a chosen adviser and is recorded in the log (without the key). A raw key is
   * its 64 hex digits; a passphrase is never sent (IT gave it in OMBUD_DB_KEY / OMBUD_DB_KEY_FILE).
   */
  'security:reveal-key': {
    input: none,
    output: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('raw'), hex: z.string().regex(/^[0-9a-f]{64}$/) }),
      z.object({ kind: z.literal('passphrase') }),
    ]),
  },

  'export:build': {
    input: z.object({ format: z.enum(['csv', 'json']) }),
    /** The file's bytes base64-encoded, like every file content crossing the contract. */
    output: z.object({ fileName: z.string(), mimeType: z.string(), contentBase64: z.string() }),
  },

  /** The audit chain's last verification (at start-up, in the background); reads only. */
  'audit:status': { input: none, output: AuditStatusSchema },
  /** The adviser has read the warning about a broken chain: recorded in the log, and the banner goes. */
  'audit:acknowledge': { input: none, output: AuditStatusSchema },
  /** One page of the whole log, newest first (AUDIT_PAGE_SIZE entries from `offset`). */
  'audit:list': { input: z.object({ filter: AuditFilterSchema, offset: z.number().int().min(0).max(10_000_000) }), output: AuditPageSchema },
  /** The log (filtered) as CSV or JSON; recorded in the log. */
  'audit:export': {
    input: z.object({ filter: AuditFilterSchema, format: z.enum(['csv', 'json']) }),
    output: z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() }),
  },
} as const;

export type Requests = typeof requests;
export type Channel = keyof Requests;
export type InputOf<C extends Channel> = z.input<Requests[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Requests[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Requests[C]['output']>;

export { ImportReportSchema };
