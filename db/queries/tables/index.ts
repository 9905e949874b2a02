/**
 * Every table with a column registry (./table.ts). test/db/table-registry.test.ts compares each
 * with the migrated schema, so a migration that adds a column fails until the registry has it.
 */
import { CASES } from './cases';
import { FINDING_ANONYMISATION_TERMS, FINDING_DRAFTS, FINDING_SECTION_EDITS, FINDING_VERSIONS } from './findings';
import { POINT_RULES, POINT_THEMES, POINTS } from './complaint-points';
import { POINT_DEADLINES, RECOMMENDATIONS, REQUEST_EVENTS, REQUEST_POINTS, REQUESTS } from './follow-up';
import { CASE_DOCUMENTS, DOCUMENT_CONTENTS, JOURNAL_NOTES } from './records';
import type { TableSpec } from './table';

export const REGISTERED_TABLES: ReadonlyArray<TableSpec<unknown>> = [
  CASES, POINTS, POINT_THEMES, POINT_RULES, RECOMMENDATIONS, REQUESTS, REQUEST_POINTS, REQUEST_EVENTS, POINT_DEADLINES, CASE_DOCUMENTS, DOCUMENT_CONTENTS,
  JOURNAL_NOTES, FINDING_SECTION_EDITS, FINDING_DRAFTS, FINDING_VERSIONS, FINDING_ANONYMISATION_TERMS,
] as unknown as ReadonlyArray<TableSpec<unknown>>;
