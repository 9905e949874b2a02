/**
 * A klagepunkt: the `complaint_points` table with its theme links (`complaint_point_themes`) and its
 * rule assessments (`point_rules`), registry and row ↔ domain mapping in one place, used by the case
 * queries, the bulk import and the export. A new klagepunkt column: the migration, PointRow and
 * POINTS here with its line in pointContentRow/pointFromRow, the domain schema (PointSchema and
 * PointInputSchema in shared/domain/case.ts) and the form; the JSON export and import carry it
 * from the domain type without further changes.
 */
import type { Point, PointInput } from '../../../shared/domain/case';
import type { AssessmentCode, PointRule } from '../../../shared/domain/rule';
import type { HandlingCode, OutcomeCode } from '../../../shared/domain/vocab';
import { bit, bitOrNull, defineTable, fromBitOrNull } from './table';

export type PointRow = {
  id: number;
  case_id: number;
  /** 1-based order within the henvendelse. */
  position: number;
  forvaltning_id: number | null;
  afdeling_id: number | null;
  description: string;
  outcome: OutcomeCode | null;
  created_at: string;
  updated_at: string;
  /** NULL: not known; 1/0: the forvaltning did / did not agree that it erred. */
  forvaltning_agreed: 0 | 1 | null;
  apologised: 0 | 1;
  put_right: 0 | 1;
  /** NULL: inside competence. */
  competence_reason_id: number | null;
  handling: HandlingCode | null;
};

export const POINTS = defineTable<PointRow>(
  'complaint_points',
  {
    id: true, case_id: true, position: true, forvaltning_id: true, afdeling_id: true, description: true, outcome: true,
    created_at: true, updated_at: true, forvaltning_agreed: true, apologised: true, put_right: true, competence_reason_id: true, handling: true,
  },
  'id',
);

/** The columns the adviser edits (everything but the place in the henvendelse and the times). */
export type PointContentColumn = Exclude<keyof PointRow, 'id' | 'case_id' | 'position' | 'created_at' | 'updated_at'>;

export const POINT_CONTENT_COLUMNS: ReadonlyArray<PointContentColumn> = Object.keys({
  forvaltning_id: true, afdeling_id: true, description: true, outcome: true, forvaltning_agreed: true, apologised: true, put_right: true,
  competence_reason_id: true, handling: true,
} satisfies Record<PointContentColumn, true>) as PointContentColumn[];

/** The klagepunkt's own fields as the form sends them (absent optional fields: unknown / no / inside / none). */
export type PointContent = Omit<PointInput, 'id' | 'themeIds' | 'rules'>;

/** The ids a klagepunkt refers to (given apart, so the bulk import need not copy each klagepunkt to add them). */
export type PointIds = Readonly<{ forvaltningId: number | null; afdelingId: number | null; competenceReasonId: number | null }>;

/**
 * The whole row to insert. One object literal on purpose: the bulk import builds 100,000 of them
 * (see caseRow in ./cases.ts).
 */
export function pointRow(
  caseId: number, position: number, p: Omit<PointContent, keyof PointIds>, ids: PointIds, times: Readonly<{ createdAt: string; updatedAt: string }>,
): Omit<PointRow, 'id'> {
  return {
    case_id: caseId,
    position,
    forvaltning_id: ids.forvaltningId,
    afdeling_id: ids.afdelingId,
    description: p.description,
    outcome: p.outcome,
    created_at: times.createdAt,
    updated_at: times.updatedAt,
    forvaltning_agreed: bitOrNull(p.forvaltningAgreed),
    apologised: bit(p.apologised === true),
    put_right: bit(p.putRight === true),
    competence_reason_id: ids.competenceReasonId,
    handling: p.handling ?? null,
  };
}

/** The content columns of the form's klagepunkt, for its UPDATE. */
export function pointContentRow(p: PointContent): Pick<PointRow, PointContentColumn> {
  const row = pointRow(0, 0, p, { forvaltningId: p.forvaltningId, afdelingId: p.afdelingId, competenceReasonId: p.competenceReasonId ?? null }, { createdAt: '', updatedAt: '' });
  const out = {} as Record<PointContentColumn, unknown>;
  for (const c of POINT_CONTENT_COLUMNS) out[c] = row[c];
  return out as Pick<PointRow, PointContentColumn>;
}

export function pointFromRow(r: PointRow, themeIds: number[], rules: PointRule[]): Point {
  return {
    id: r.id,
    position: r.position,
    forvaltningId: r.forvaltning_id,
    afdelingId: r.afdeling_id,
    themeIds,
    description: r.description,
    outcome: r.outcome,
    rules,
    forvaltningAgreed: fromBitOrNull(r.forvaltning_agreed),
    apologised: r.apologised === 1,
    putRight: r.put_right === 1,
    competenceReasonId: r.competence_reason_id,
    handling: r.handling,
  };
}

// ---------------------------------------------------------------------------------------------
// Theme links

export type PointThemeRow = { point_id: number; theme_id: number };

export const POINT_THEMES = defineTable<PointThemeRow>('complaint_point_themes', { point_id: true, theme_id: true }, null);

// ---------------------------------------------------------------------------------------------
// Rule assessments

export type PointRuleRow = { point_id: number; rule_id: string; position: number; assessment: AssessmentCode; reasoning: string };

export const POINT_RULES = defineTable<PointRuleRow>(
  'point_rules',
  { point_id: true, rule_id: true, position: true, assessment: true, reasoning: true },
  null,
);

/** The link of the `index`-th (0-based) rule of a klagepunkt. */
export function pointRuleRow(pointId: number, index: number, r: PointRule): PointRuleRow {
  return { point_id: pointId, rule_id: r.ruleId, position: index + 1, assessment: r.assessment, reasoning: r.reasoning };
}

export function pointRuleFromRow(r: Pick<PointRuleRow, 'rule_id' | 'assessment' | 'reasoning'>): PointRule {
  return { ruleId: r.rule_id, assessment: r.assessment, reasoning: r.reasoning };
}
