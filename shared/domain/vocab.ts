/**
 * The fixed vocabularies of a henvendelse and its klagepunkter.
 *
 * Each entry has a stable `code` (stored in the database and used on the IPC boundary), the Danish
 * `label` shown in the UI and documents, and the token used in the import/export format
 * (docs/reference/import-format.md). Codes are ASCII so they never depend on collation; labels and
 * import tokens carry the real æøå.
 */
export type VocabEntry<C extends string> = Readonly<{ code: C; label: string; importName: string }>;

export function vocab<const C extends string>(entries: ReadonlyArray<VocabEntry<C>>) {
  const codes = entries.map((e) => e.code) as unknown as readonly [C, ...C[]];
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const byImport = new Map(entries.map((e) => [normaliseToken(e.importName), e.code]));
  return {
    entries,
    codes,
    label: (code: C): string => byCode.get(code)?.label ?? code,
    importName: (code: C): string => byCode.get(code)?.importName ?? code,
    /** Parse an import/CLI token (case- and whitespace-insensitive); undefined when unknown. */
    parse: (token: string): C | undefined => byImport.get(normaliseToken(token)),
    allowed: (): string => entries.map((e) => e.importName).join(', '),
  };
}

/**
 * Lower-case and collapse whitespace; used to compare user-typed vocabulary tokens.
 *
 * `toLowerCase()` gives exactly what `toLocaleLowerCase('da-DK')` gives (Danish has no special case
 * mappings; in ICU/V8 only tr, az and lt do; checked for every code point) and is much cheaper; the
 * collapsing replace runs only when there is whitespace other than single spaces.
 */
export function normaliseToken(s: string): string {
  const t = s.trim();
  return (ODD_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t).toLowerCase();
}
const ODD_SPACE = /[^\S ]| {2}/;

export const CaseType = vocab([
  { code: 'klage', label: 'Klage', importName: 'klage' },
  { code: 'vejledning', label: 'Vejledning', importName: 'vejledning' },
  { code: 'vejvisning', label: 'Vejvisning', importName: 'vejvisning' },
  { code: 'egen_drift', label: 'Egen drift', importName: 'egen drift' },
]);
export type CaseTypeCode = (typeof CaseType.codes)[number];

export const Channel = vocab([
  { code: 'telefon', label: 'Telefon', importName: 'telefon' },
  { code: 'email', label: 'E-mail', importName: 'e-mail' },
  { code: 'brev', label: 'Brev', importName: 'brev' },
  { code: 'personligt', label: 'Personligt fremmøde', importName: 'personligt' },
  { code: 'digital_formular', label: 'Digital formular', importName: 'digital formular' },
]);
export type ChannelCode = (typeof Channel.codes)[number];

export const CaseStatus = vocab([
  { code: 'modtaget', label: 'Modtaget', importName: 'modtaget' },
  { code: 'under_behandling', label: 'Under behandling', importName: 'under behandling' },
  { code: 'afventer_forvaltningen', label: 'Afventer forvaltningen', importName: 'afventer forvaltningen' },
  { code: 'afsluttet', label: 'Afsluttet', importName: 'afsluttet' },
]);
export type CaseStatusCode = (typeof CaseStatus.codes)[number];

/**
 * How the adviser handled a klagepunkt (or a henvendelse without klagepunkter). Whether it is inside
 * competence is a separate, per-klagepunkt choice from the municipality's own list of reasons
 * (./competence.ts, legal-rules.md § c.3); `videresendt` is also the step for a complaint the
 * forvaltning has not yet seen ("ikke forelagt forvaltningen").
 */
export const Handling = vocab([
  { code: 'undersoegt', label: 'Undersøgt', importName: 'undersøgt' },
  { code: 'videresendt', label: 'Videresendt til forvaltningen', importName: 'videresendt' },
  { code: 'vejvist', label: 'Vejvist', importName: 'vejvist' },
  { code: 'afvist', label: 'Afvist', importName: 'afvist' },
  { code: 'maegling', label: 'Mægling', importName: 'mægling' },
]);
export type HandlingCode = (typeof Handling.codes)[number];

/**
 * Outcome of a klagepunkt, graded from no criticism to the strongest criticism, plus the two
 * non-graded endings. The stored codes and import tokens stay as shipped (`kritik`, `alvorlig kritik`,
 * `meget alvorlig kritik`); what the adviser sees and what a letter says uses Folketingets
 * Ombudsmand's adjectives (legal-rules.md § c.5): "kritisabelt", "meget kritisabelt", "særdeles
 * kritisabelt". A bemærkning ("burde", "ikke bedst stemmende med god forvaltningsskik") is not
 * criticism and is never counted as such (`isCriticism`). The entries are listed from the mildest to the strongest grade.
 */
export const Outcome = vocab([
  { code: 'ingen_kritik', label: 'Ingen kritik', importName: 'ingen kritik' },
  { code: 'bemaerkning', label: 'Bemærkning (ikke kritik)', importName: 'bemærkning' },
  { code: 'beklageligt', label: 'Beklageligt', importName: 'beklageligt' },
  { code: 'kritik', label: 'Kritisabelt', importName: 'kritik' },
  { code: 'alvorlig_kritik', label: 'Meget kritisabelt', importName: 'alvorlig kritik' },
  { code: 'meget_alvorlig_kritik', label: 'Særdeles kritisabelt', importName: 'meget alvorlig kritik' },
  { code: 'afvist', label: 'Afvist', importName: 'afvist' },
  { code: 'videresendt', label: 'Videresendt', importName: 'videresendt' },
]);
export type OutcomeCode = (typeof Outcome.codes)[number];

/**
 * Whether an outcome is criticism of the forvaltning: "beklageligt" (the ombudsman's mildest form) and
 * the three grades of "kritisabelt". Not "ingen kritik", not a bemærkning, not afvist/videresendt.
 * Every count of criticism (the case page, statistics, the annual report) uses this one definition.
 */
export function isCriticism(code: OutcomeCode | null): boolean {
  return code === 'beklageligt' || code === 'kritik' || code === 'alvorlig_kritik' || code === 'meget_alvorlig_kritik';
}

/**
 * The adjective a finding uses for a graded criticism ("Jeg finder det kritisabelt, at …"), or null
 * for outcomes that are not graded criticism.
 */
export function criticismAdjective(code: OutcomeCode | null): string | null {
  switch (code) {
    case 'kritik':
      return 'kritisabelt';
    case 'alvorlig_kritik':
      return 'meget kritisabelt';
    case 'meget_alvorlig_kritik':
      return 'særdeles kritisabelt';
    default:
      return null;
  }
}

/**
 * Which way an akt went (case-workspace: Akter og journal): a letter or mail to the borgerrådgiver
 * (`ind`), from the borgerrådgiver (`ud`), or the office's own paper (`intern`).
 */
export const DocumentDirection = vocab([
  { code: 'ind', label: 'Indgående', importName: 'ind' },
  { code: 'ud', label: 'Udgående', importName: 'ud' },
  { code: 'intern', label: 'Intern', importName: 'intern' },
]);
export type DocumentDirectionCode = (typeof DocumentDirection.codes)[number];

/** The kinds of journal note the adviser writes (notatpligt: a call or a meeting that adds facts is noted). */
export const JournalKind = vocab([
  { code: 'telefonnotat', label: 'Telefonnotat', importName: 'telefonnotat' },
  { code: 'moede', label: 'Møde', importName: 'møde' },
  { code: 'intern_note', label: 'Intern note', importName: 'intern note' },
]);
export type JournalKindCode = (typeof JournalKind.codes)[number];
