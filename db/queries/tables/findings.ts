/**
 * The finding (migration 0150): the draft's edited sections, a new version in progress, the issued
 * versions and the adviser's extra anonymisation terms. Registries for db/queries/findings.ts;
 * test/db/table-registry.test.ts compares them with the schema.
 */
import { defineTable } from './table';

export type FindingSectionEditRow = { case_id: number; section: string; blocks_json: string; edited_at: string; edited_by: string };

export const FINDING_SECTION_EDITS = defineTable<FindingSectionEditRow>(
  'finding_section_edits',
  { case_id: true, section: true, blocks_json: true, edited_at: true, edited_by: true },
  null,
);

export type FindingDraftRow = { case_id: number; supersedes_version_id: number | null; started_at: string; started_by: string };

export const FINDING_DRAFTS = defineTable<FindingDraftRow>(
  'finding_drafts',
  { case_id: true, supersedes_version_id: true, started_at: true, started_by: true },
  null,
);

export type FindingVersionRow = {
  id: number;
  case_id: number;
  version: number;
  letter_date: string;
  document_json: string;
  addressees_json: string;
  pdf: Uint8Array;
  pdf_sha256: string;
  forvaltning_pdf: Uint8Array;
  forvaltning_pdf_sha256: string;
  issued_at: string;
  issued_by: string;
  supersedes_id: number | null;
  reason: string;
};

export const FINDING_VERSIONS = defineTable<FindingVersionRow>(
  'finding_versions',
  {
    id: true, case_id: true, version: true, letter_date: true, document_json: true, addressees_json: true, pdf: true, pdf_sha256: true,
    forvaltning_pdf: true, forvaltning_pdf_sha256: true, issued_at: true, issued_by: true, supersedes_id: true, reason: true,
  },
  'id',
);

export type FindingTermRow = { case_id: number; term: string };

export const FINDING_ANONYMISATION_TERMS = defineTable<FindingTermRow>('finding_anonymisation_terms', { case_id: true, term: true }, null);
