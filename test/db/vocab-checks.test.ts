/**
 * The vocabularies (shared/domain/vocab.ts, rule.ts, deadline-tracking.ts, recommendation.ts,
 * deadlines/owner.ts, deadlines/types.ts) and the CHECK constraints of the migrations cannot drift:
 * every CHECK list of codes is read from the schema and compared with its vocabulary, both ways, and
 * every value of every vocabulary is written through the real write path (the bulk import's writer,
 * which the JSON import uses, and the rule store).
 */
import { describe, expect, it } from 'vitest';
import { writeImportedCases } from '../../db/queries/bulk-import';
import { restoreRule, syncShippedCatalog } from '../../db/queries/rules';
import { setLetterheadLogo } from '../../db/queries/letterhead';
import { insertPhrase } from '../../db/queries/phrases';
import { CATALOG_VERSION, SHIPPED_RULES } from '../../shared/rules/catalog';
import { CalendarProfileSchema } from '../../shared/deadlines/types';
import { DeadlineOwnerVocab } from '../../shared/deadlines/owner';
import { DecisionNotice, Klagevejledning, KlagefristBasisSchema, PointDeadlineBasis, RequestEventSchema, RequestKind } from '../../shared/domain/deadline-tracking';
import { RecommendationStatus } from '../../shared/domain/recommendation';
import { Assessment, DeadlineUnit, RuleRole, RuleSchema, Verification } from '../../shared/domain/rule';
import { TextStatusSchema } from '../../shared/domain/records';
import { CaseStatus, CaseType, Channel, DocumentDirection, Handling, JournalKind, Outcome } from '../../shared/domain/vocab';
import type { PortableCase } from '../../shared/import/portable';
import { LogoSchema } from '../../shared/letters/letterhead-settings';
import { PhraseScopeSchema } from '../../shared/letters/phrases';
import { NOW, seededDb } from './helpers';

const units = DeadlineUnit.codes;

/** Every `table.column` with a CHECK list of text codes, and the vocabulary it must equal. */
const VOCABULARY: Record<string, readonly string[]> = {
  'cases.channel': Channel.codes,
  'cases.type': CaseType.codes,
  'cases.status': CaseStatus.codes,
  'cases.status_resume': CaseStatus.codes,
  'cases.handling': Handling.codes,
  'cases.decision_notice': DecisionNotice.codes,
  'cases.klagevejledning': Klagevejledning.codes,
  'cases.klagefrist_basis': KlagefristBasisSchema.options.map((o) => o.shape.kind.value),
  'cases.klagefrist_unit': units,
  'complaint_points.outcome': Outcome.codes,
  'complaint_points.handling': Handling.codes,
  'point_rules.assessment': Assessment.codes,
  'point_deadlines.basis': PointDeadlineBasis.codes,
  'recommendations.status': RecommendationStatus.codes,
  'requests.kind': RequestKind.codes,
  'requests.deadline_unit': units,
  'requests.profile': CalendarProfileSchema.options,
  'request_events.kind': RequestEventSchema.shape.kind.options,
  'request_events.add_unit': units,
  'rules.origin': RuleSchema.shape.origin.options,
  'rules.deadline_unit': units,
  'rules.verification': Verification.codes,
  'rules.role': RuleRole.codes,
  'rules.deadline_owner': DeadlineOwnerVocab.codes,
  'case_documents.direction': DocumentDirection.codes,
  'case_documents.text_status': TextStatusSchema.options,
  'journal_notes.kind': JournalKind.codes,
  'letterhead.logo_media_type': LogoSchema.shape.mediaType.options,
  'phrases.scope': PhraseScopeSchema.options,
};

/** The CHECK lists of text codes in the migrated schema: `table.column` → codes. */
function checkLists(): Map<string, string[]> {
  const db = seededDb();
  const out = new Map<string, string[]>();
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL").all() as Array<{ name: string; sql: string }>;
  for (const t of tables) {
    for (const m of t.sql.matchAll(/CHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\)/g)) {
      const codes = [...(m[2] as string).matchAll(/'([^']*)'/g)].map((x) => x[1] as string);
      if (codes.length > 0) out.set(`${t.name}.${m[1]}`, codes);
    }
  }
  return out;
}

/** `n` henvendelser that between them use every value of every vocabulary a henvendelse stores. */
function everyValueCases(): PortableCase[] {
  // Three klagefrist bases in turn: 12 henvendelser give the hand-typed one each of the four units.
  const n = Math.max(12, ...Object.values(VOCABULARY).map((v) => v.length));
  const pick = <T,>(list: readonly T[], i: number): T => list[i % list.length] as T;
  return Array.from({ length: n }, (_, i): PortableCase => {
    const basis = pick(['regel', 'ingen', 'manuel'] as const, i);
    const eventKind = pick(RequestEventSchema.shape.kind.options, i);
    return {
      sagsnr: `V-${i + 1}`, receivedOn: '2025-03-03', channel: pick(Channel.codes, i), type: pick(CaseType.codes, i),
      citizen: { name: `Borger ${i}`, address: '', phone: '', email: '', cpr: null }, representative: null, summary: 'Resumé', description: '',
      status: pick(CaseStatus.codes, i), statusResume: pick(CaseStatus.codes, i + 1), competenceReason: null, handling: pick(Handling.codes, i), closedOn: null, adviser: null,
      points: [{
        forvaltning: 'Social', afdeling: null, themes: [], description: '', outcome: pick(Outcome.codes, i),
        rules: [{ ruleId: 'fvl-19-partshoering', assessment: pick(Assessment.codes, i), reasoning: '' }],
        forvaltningAgreed: null, apologised: false, putRight: false, competenceReason: null, handling: pick(Handling.codes, i + 1),
        deadlines: [pick(PointDeadlineBasis.codes, i) === 'regel'
          ? { basis: 'regel', ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-03-04', dueOn: '2025-03-11', metOn: null, note: '' }
          : { basis: 'svarpolitik', ruleId: null, startOn: '2025-03-04', dueOn: '2025-03-17', metOn: null, note: '' }],
      }],
      decisionNotice: {
        notifiedOn: '2025-03-01', channel: pick(DecisionNotice.codes, i), guidance: pick(Klagevejledning.codes, i),
        basis: basis === 'regel' ? { kind: 'regel', ruleId: 'rsl-67-klagefrist' } : basis === 'ingen' ? { kind: 'ingen' } : { kind: 'manuel', amount: 4, unit: pick(units, Math.floor(i / 3)), source: 'Loven' },
      },
      klagefristDue: basis === 'ingen' ? null : '2025-03-31', targetDue: null,
      recommendations: [{
        point: 1, forvaltning: 'Social', text: 'Henstilling', givenOn: '2025-03-05', status: pick(RecommendationStatus.codes, i),
        statusOn: pick(RecommendationStatus.codes, i) === 'afventer' ? null : '2025-03-06', answer: '', followUpOn: null,
      }],
      requests: [{
        forvaltning: 'Social', kind: pick(RequestKind.codes, i), sentOn: '2025-03-05',
        spec: { amount: 5, unit: pick(units, i), rollForward: false, profile: pick(CalendarProfileSchema.options, i) },
        dueOn: '2025-03-12', explicitDue: null, answeredOn: null, closedOn: null, verdict: null, note: '', answerSummary: '', points: [],
        events: [{
          kind: eventKind, onDate: '2025-03-06', level: eventKind === 'rykker' ? 1 : null, pauseTo: eventKind === 'pause' ? '2025-03-07' : null,
          newDue: null, add: eventKind === 'forlaengelse' ? { amount: 1, unit: pick(units, i + 1) } : null, oldDue: null, reason: '',
        }],
      }],
      documents: [{
        fileName: 'akt.txt', mediaType: 'text/plain', title: 'Akt', documentDate: '2025-03-05', direction: pick(DocumentDirection.codes, i), party: '',
        request: 1, textStatus: pick(TextStatusSchema.options, i), extractedText: 'tekst', contentBase64: 'dGVrc3Q=', addedBy: 'Rådgiver',
      }],
      journal: [{ kind: pick(JournalKind.codes, i), notedOn: '2025-03-05', notedAt: null, text: 'Notat', author: 'Rådgiver' }],
    };
  });
}

describe('vocabularies and CHECK constraints', () => {
  it('every CHECK list of codes in the schema is exactly its vocabulary, and every vocabulary has its CHECK list', () => {
    const lists = checkLists();
    expect([...lists.keys()].sort()).toEqual(Object.keys(VOCABULARY).sort());
    for (const [column, codes] of lists) expect([...codes].sort(), column).toEqual([...(VOCABULARY[column] ?? [])].sort());
  });

  it('every value of every vocabulary is stored through the real write path', () => {
    const db = seededDb();
    syncShippedCatalog(db, SHIPPED_RULES, CATALOG_VERSION, NOW);
    db.transaction(() => writeImportedCases(db, { nowIso: NOW, actor: 'Test', fileName: 'alle-værdier.json' }, everyValueCases()))();
    DeadlineUnit.codes.forEach((unit, i) => {
      restoreRule(db, {
        id: `kom-regel-${i}`, origin: pick2(RuleSchema.shape.origin.options, i), lawShort: 'KOM', lawFull: 'Kommunens regler', paragraph: `pkt. ${i}`, title: 'Regel',
        summary: 'Resumé', category: 'Kommunale regler', citation: '', role: pick2(RuleRole.codes, i),
        deadline: { amount: 3, unit, text: '', from: '', rollForward: false, owner: pick2(DeadlineOwnerVocab.codes, i), owes: '' },
        sources: [], verification: pick2(Verification.codes, i), note: '', validFrom: null, validTo: null, catalogVersion: null, edited: false,
      }, NOW);
    });
    db.prepare('DELETE FROM phrases').run();
    for (const scope of PhraseScopeSchema.options) insertPhrase(db, { scope, key: scope === 'generel' ? null : scope === 'udfald' ? 'kritik' : 'fvl-22-begrundelse', title: 'T', text: 'x' }, NOW);
    // The letterhead is one row: each media type is written and read back in turn.
    for (const mediaType of LogoSchema.shape.mediaType.options) {
      setLetterheadLogo(db, { mediaType, bytes: new Uint8Array([1, 2, 3]) }, NOW);
      expect(db.prepare('SELECT logo_media_type FROM letterhead').pluck().get()).toBe(mediaType);
    }
    for (const [column, codes] of Object.entries(VOCABULARY)) {
      if (column === 'letterhead.logo_media_type') continue;
      const [table, col] = column.split('.') as [string, string];
      const stored = db.prepare(`SELECT DISTINCT "${col}" FROM ${table} WHERE "${col}" IS NOT NULL`).pluck().all() as string[];
      expect([...stored].sort(), column).toEqual([...codes].sort());
    }
  });
});

function pick2<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}
