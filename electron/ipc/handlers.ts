/**
 * One handler per channel of the contract (shared/ipc/contract.ts). The `Handlers` type comes from
 * dispatch.ts, so a channel without a handler, or a handler with the wrong input or output type,
 * fails compilation. Handlers are thin: the input is already parsed by dispatch; the work is in
 * services/.
 */
import { copenhagenDate } from '../../shared/domain/dates';
import { chooseActor, memoryActorStore, registerActor, rememberedActor, type ActorStore } from '../services/actor';
import { createImportJobs, type ImportJobs } from '../services/import-jobs';
import { buildExport } from '../services/export';
import * as cases from '../services/cases';
import { letStatusFollow } from '../services/case-status';
import * as deadlines from '../services/deadlines';
import * as documents from '../services/documents';
import * as caseLetters from '../services/case-letters';
import * as annualReport from '../services/annual-report';
import * as audit from '../services/audit';
import * as findings from '../services/findings';
import * as journal from '../services/journal';
import * as letterhead from '../services/letterhead';
import * as phrases from '../services/phrases';
import * as klagefrist from '../services/klagefrist';
import * as pointDeadlines from '../services/point-deadlines';
import type { AuditMonitor } from '../services/audit';
import type { ServiceContext } from '../services/context';
import type { IntegrityMonitor } from '../services/integrity';
import type { IntegrityState } from '../../shared/domain/integrity';
import type { WriteLock } from '../services/write-lock';
import * as recommendations from '../services/recommendations';
import * as report from '../services/report-stats';
import * as requests from '../services/requests';
import * as rules from '../services/rules';
import * as insight from '../services/insight';
import * as retention from '../services/retention';
import * as settings from '../services/settings';
import * as backups from '../services/backups';
import type { BackupDeps } from '../services/backups';
import { revealDbKey } from '../services/db-key-reveal';
import type { Handlers } from './dispatch';

/**
 * Long-lived collaborators, created once per opened app: import jobs outlive a single request, and
 * the store remembers who sits at the desk.
 */
export type HandlerDeps = Readonly<{ importJobs: ImportJobs; actorStore: ActorStore; lock?: WriteLock; integrity?: IntegrityMonitor; backups?: BackupDeps; auditMonitor?: AuditMonitor }>;

const NOT_CHECKED: IntegrityState = { status: 'ikke kontrolleret', message: 'Databasen kontrolleres ikke her.', checkedAt: null };

/** Waits until no long write holds the lock (a handler that awaited may find the import started meanwhile). */
async function writesSettled(lock: WriteLock | undefined): Promise<void> {
  while (lock?.held()) await lock.released();
}

/** The backup folder setting; without one (tests) a folder beside the database. */
function backupSetup(ctx: ServiceContext, deps: HandlerDeps): backups.BackupSetup {
  return deps.backups?.setup ?? backups.setupBeside(ctx.databasePath);
}

/**
 * The handlers for every channel, bound to one service context — dispatch builds them per call,
 * with that call's actor in the context (open-app.ts).
 */
export function createHandlers(ctx: ServiceContext, deps: HandlerDeps = { importJobs: createImportJobs(), actorStore: memoryActorStore() }): Handlers {
  return {
    'system:integrity': () => deps.integrity?.state() ?? NOT_CHECKED,
    'app:info': () => ({ version: ctx.appVersion, mode: ctx.mode, databasePath: ctx.databasePath, today: copenhagenDate(ctx.clock.now()) }),

    'actor:get': () => rememberedActor(ctx, deps.actorStore),
    'actor:choose': ({ adviserId }) => chooseActor(ctx, deps.actorStore, adviserId),
    'actor:register': ({ name, initials }) => registerActor(ctx, deps.actorStore, { name, initials }),

    'cases:list': (q) => cases.listCases(ctx, q),
    'cases:get': ({ id }) => cases.getCase(ctx, id),
    'cases:open': ({ id }) => cases.openCase(ctx, id),
    'cases:create': ({ input }) => cases.createCase(ctx, input),
    'cases:update': ({ id, expectedVersion, input, acknowledged }) => cases.updateCase(ctx, id, expectedVersion, input, acknowledged ?? []),
    'cases:closing-check': ({ id, points }) => ({ items: cases.checkClosing(ctx, id, points) }),
    'cases:next-deadline': ({ id }) => ({ next: cases.nextDeadline(ctx, id) }),
    'cases:status-follow': ({ id, expectedVersion }) => letStatusFollow(ctx, id, expectedVersion),
    'cases:history': ({ id }) => cases.getCaseHistory(ctx, id),
    'cases:next-sagsnr': ({ receivedOn }) => ({ sagsnr: cases.nextSagsnr(ctx, receivedOn) }),
    'cases:reveal-cpr': ({ id }) => ({ cpr: cases.revealCpr(ctx, id) }),

    'settings:get': () => settings.getSettings(ctx),
    'settings:set-municipality': ({ name }) => settings.setMunicipality(ctx, name),
    'settings:set-current-adviser': ({ adviserId }) => settings.setCurrentAdviser(ctx, adviserId),
    'catalog:add': (input) => settings.addCatalogEntry(ctx, input),
    'catalog:rename': ({ kind, id, name }) => settings.renameCatalogEntry(ctx, kind, id, name),
    'catalog:update-adviser': ({ id, name, initials, email, title }) => settings.updateAdviser(ctx, id, { name, initials, email, title }),
    'catalog:set-retired': ({ kind, id, retired }) => settings.setCatalogEntryRetired(ctx, kind, id, retired),
    'catalog:delete': ({ kind, id }) => settings.deleteCatalogEntry(ctx, kind, id),
    'letterhead:get': () => letterhead.letterheadSettings(ctx),
    'letterhead:save': (input) => letterhead.saveLetterhead(ctx, input),
    'letterhead:set-logo': (input) => letterhead.setLetterheadLogoFile(ctx, input, () => writesSettled(deps.lock)),
    'letterhead:remove-logo': () => letterhead.removeLetterheadLogo(ctx),
    'phrases:list': () => phrases.listPhrases(ctx),
    'phrases:save': ({ id, ...input }) => phrases.savePhrase(ctx, id, input),
    'phrases:delete': ({ id }) => phrases.deletePhrase(ctx, id),
    'phrases:move': ({ id, direction }) => phrases.movePhrase(ctx, id, direction),

    'import:start': ({ fileName, contentBase64, dryRun }) =>
      deps.importJobs.start(ctx, { fileName, content: new Uint8Array(Buffer.from(contentBase64, 'base64')), dryRun }),
    'import:status': ({ jobId }) => deps.importJobs.status(jobId),
    'import:cancel': ({ jobId }) => deps.importJobs.cancel(jobId),
    'backup:list': () => {
      const setup = backupSetup(ctx, deps);
      const folder = backups.backupFolder(setup);
      return { folder, defaultFolder: setup.defaultFolder, backups: backups.listBackups(folder), lastAutomatic: deps.backups?.lastAutomatic?.() ?? null };
    },
    'backup:create': () => backups.createBackup(ctx, backupSetup(ctx, deps), 'manual', ctx.actor()),
    'backup:check': ({ file }) => backups.checkBackup(backups.backupFolder(backupSetup(ctx, deps)), file, ctx.dbKey, ctx.clock),
    'backup:restore': ({ file }) => backups.restoreHere(deps.backups, file, ctx.actor()),
    'backup:set-folder': ({ folder }) => ({ folder: backups.setBackupFolder(backupSetup(ctx, deps), folder) }),
    // The desktop app's main process answers this with a folder dialog (ipc/folder-dialog.ts).
    'backup:choose-folder': () => ({ chosen: false, folder: null }),
    'security:reveal-key': () => revealDbKey(ctx),

    'export:build': ({ format }) => buildExport(ctx, format),
    'gdpr:search': (q) => insight.searchInsight(ctx, q),
    'gdpr:insight-json': (input) => insight.insightJson(ctx, input),
    'gdpr:insight-pdf': (input) => insight.insightPdf(ctx, input),
    'retention:settings': () => retention.retentionSettings(ctx),
    'retention:save-settings': ({ years }) => retention.saveRetentionSettings(ctx, { years }),
    'retention:plan': () => retention.retentionPlan(ctx),
    'retention:run': ({ token }) => retention.runRetention(ctx, token),

    'audit:status': () => deps.auditMonitor?.status() ?? { state: 'checking', rowsChecked: 0 },
    'audit:acknowledge': () => (deps.auditMonitor ? audit.acknowledgeAuditWarning(ctx, deps.auditMonitor) : { state: 'checking', rowsChecked: 0 }),
    'audit:list': ({ filter, offset }) => audit.listAudit(ctx, filter, offset),
    'audit:export': ({ filter, format }) => {
      const file = audit.exportAudit(ctx, filter, format);
      return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: Buffer.from(file.text, 'utf8').toString('base64') };
    },
    'report:texts': ({ period }) => annualReport.reportTexts(ctx, period),
    'report:save-texts': ({ period, texts }) => annualReport.saveReportTexts(ctx, period, texts),
    'report:findings': ({ period }) => annualReport.reportFindings(ctx, period),

    'rules:list': (q) => rules.listRules(ctx, q),
    'rules:get': ({ id }) => rules.getRule(ctx, id),
    'rules:create': ({ input }) => rules.createRule(ctx, input),
    'rules:update': ({ id, input }) => rules.updateRule(ctx, id, input),
    'rules:set-retired': ({ id, retired }) => rules.setRuleRetired(ctx, id, retired),
    'rules:suggest': ({ themeIds }) => rules.suggestRules(ctx, themeIds),
    'rules:set-theme-rules': ({ themeId, ruleIds }) => ({ ruleIds: rules.setThemeRules(ctx, themeId, ruleIds) }),

    'recommendations:list': (q) => recommendations.listRecommendations(ctx, q),
    'recommendations:for-case': ({ caseId }) => recommendations.recommendationsForCase(ctx, caseId),
    'findings:state': ({ caseId }) => findings.findingState(ctx, caseId),
    'findings:save-section': ({ caseId, section, text }) => findings.saveFindingSection(ctx, caseId, section, text),
    'findings:reset-section': ({ caseId, section }) => findings.resetFindingSection(ctx, caseId, section),
    'findings:issue': ({ caseId, reason }) => findings.issueFinding(ctx, caseId, reason, () => writesSettled(deps.lock)),
    'findings:new-version': ({ caseId }) => findings.startNewFindingVersion(ctx, caseId),
    'findings:discard-draft': ({ caseId }) => findings.discardFindingDraft(ctx, caseId),
    'findings:version': ({ versionId }) => findings.findingVersion(ctx, versionId),
    'findings:set-anonymisation-terms': ({ caseId, terms }) => findings.setAnonymisationTerms(ctx, caseId, terms),
    'findings:anonymised': ({ caseId, versionId }) => findings.anonymisedFinding(ctx, caseId, versionId),
    'findings:pdf': async (input) => {
      const pdf = await findings.findingPdf(ctx, input);
      // Saved, opened or printed: the letter names the borger (unless anonymised), so it is recorded.
      await writesSettled(deps.lock);
      audit.recordAccess(ctx, {
        entity: 'finding', entityId: input.versionId, caseId: input.caseId, action: input.anonymised ? 'Udtalelse hentet som PDF (anonymiseret)' : 'Udtalelse hentet som PDF',
        changes: [{ field: 'Fil', before: '', after: pdf.fileName }],
      });
      return { fileName: pdf.fileName, mediaType: 'application/pdf' as const, contentBase64: Buffer.from(pdf.bytes).toString('base64') };
    },
    // Answered by the desktop app's main process (electron/ipc/system-viewer.ts); elsewhere the page saves the file.
    'findings:open': () => ({ opened: false }),
    'letters:draft': (input) => caseLetters.draftCaseLetter(ctx, input),
    'letters:pdf': async (input) => {
      const pdf = await caseLetters.renderCaseLetterPdf(ctx, input);
      await writesSettled(deps.lock);
      audit.recordAccess(ctx, { entity: 'letter', entityId: input.requestId ?? null, caseId: input.caseId, action: 'Brev hentet som PDF', changes: [{ field: 'Fil', before: '', after: pdf.letter.fileName }] });
      return { fileName: pdf.letter.fileName, mediaType: 'application/pdf' as const, contentBase64: Buffer.from(pdf.bytes).toString('base64') };
    },
    'letters:send': (input) => caseLetters.sendCaseLetter(ctx, input, () => writesSettled(deps.lock)),
    'recommendations:create': ({ input }) => recommendations.createRecommendation(ctx, input),
    'recommendations:update': ({ id, input }) => recommendations.updateRecommendation(ctx, id, input),
    'recommendations:delete': ({ id }) => {
      recommendations.deleteRecommendation(ctx, id);
      return { deleted: true as const };
    },

    'documents:list': ({ caseId }) => documents.listDocuments(ctx, caseId),
    'documents:inspect': ({ fileName, contentBase64 }) => documents.inspectDocument(fileName, contentBase64),
    'documents:add': (input) => documents.addDocument(ctx, input, () => writesSettled(deps.lock)),
    'documents:update': ({ id, meta }) => documents.updateDocument(ctx, id, meta),
    'documents:remove': ({ id }) => {
      documents.removeDocument(ctx, id);
      return { removed: true as const };
    },
    // Only the desktop app has a system viewer; its main process answers this channel itself.
    'documents:open': () => ({ opened: false }),
    'documents:content': ({ id }) => documents.documentContent(ctx, id),
    'documents:search': ({ text, caseId, limit }) => documents.searchDocuments(ctx, text, caseId, limit),

    'journal:list': ({ caseId }) => journal.listNotes(ctx, caseId),
    'journal:add': ({ input }) => journal.addNote(ctx, input),
    'journal:update': ({ id, input }) => journal.updateNote(ctx, id, input),
    'journal:remove': ({ id }) => {
      journal.removeNote(ctx, id);
      return { removed: true as const };
    },
    'journal:search': ({ caseId, text }) => ({ ids: journal.searchNotes(ctx, caseId, text) }),

    'deadlines:compute': (q) => deadlines.computeDeadlineFor(ctx, q),
    'deadlines:settings': () => deadlines.getDeadlineSettings(ctx),
    'deadlines:save-settings': ({ settings }) => deadlines.saveDeadlineSettings(ctx, settings),
    'deadlines:overview': (q) => deadlines.getFristOverview(ctx, q),

    'report:stats': ({ query }) => report.reportStats(ctx, query),
    'report:drill': ({ query, drill }) => ({ caseIds: report.reportDrill(ctx, query, drill) }),
    'report:settings': () => report.reportSettings(ctx),
    'report:save-settings': (input) => report.saveReportSettings(ctx, input),
    'report:export': async ({ query, format }) => {
      // The PDF, XLSX and ZIP writers load on the first export, not with the backend.
      const { exportReport } = await import('../services/report-export');
      const file = await exportReport(ctx, query, format);
      await writesSettled(deps.lock);
      audit.recordAccess(ctx, { entity: 'report', entityId: null, caseId: null, action: 'Årsrapport eksporteret', changes: [{ field: 'Fil', before: '', after: file.fileName }] });
      return { fileName: file.fileName, mediaType: file.mediaType, contentBase64: Buffer.from(file.bytes).toString('base64') };
    },

    'requests:for-case': ({ caseId }) => requests.listRequestsForCase(ctx, caseId),
    'requests:create': ({ input }) => requests.createRequest(ctx, input),
    'requests:remind': ({ id, on, note }) => requests.remindRequest(ctx, id, on, note),
    'requests:extend': ({ id, extension }) => requests.extendRequest(ctx, id, extension),
    'requests:pause': ({ id, from, to, reason }) => requests.pauseRequest(ctx, id, from, to, reason),
    'requests:answer': ({ id, answer }) => requests.answerRequestWithStatement(ctx, id, answer, () => writesSettled(deps.lock)),
    'requests:close': ({ id, closedOn, reason }) => requests.closeRequest(ctx, id, closedOn, reason),

    'point-deadlines:for-case': ({ caseId }) => pointDeadlines.listPointDeadlinesForCase(ctx, caseId),
    'point-deadlines:create': ({ input }) => pointDeadlines.createPointDeadline(ctx, input),
    'point-deadlines:update': ({ id, input }) => pointDeadlines.updatePointDeadline(ctx, id, input),
    'point-deadlines:delete': ({ id }) => {
      pointDeadlines.deletePointDeadline(ctx, id);
      return { deleted: true as const };
    },

    'klagefrist:set': ({ caseId, notice }) => ({ klagefrist: klagefrist.setKlagefrist(ctx, caseId, notice) }),
    'klagefrist:get': ({ caseId }) => klagefrist.getKlagefrist(ctx, caseId),
    'klagefrist:ics': ({ caseId }) => klagefrist.klagefristIcs(ctx, caseId),
    'klagefrist:check': (notice) => klagefrist.checkKlagefrist(ctx, notice),
  };
}
