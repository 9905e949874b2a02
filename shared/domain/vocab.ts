/**
 * The fixed vocabularies of a henvendelse and its klagepunkter.
 *
 * Each entry has a stable `code` (stored in the database and used on the IPC boundary), the Danish
 * `label` shown in the UI and documents, and the token used in the import/export format
 * (../shared/formats/import.md). Codes are ASCII so they never depend on collation; labels and
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
 * Competence check (legal-rules.md § c.3): what the borgerrådgiver may not handle. `inden_for` means
 * the henvendelse is within competence; every other code is the reason it is outside.
 */
export const Competence = vocab([
  { code: 'inden_for', label: 'Inden for kompetence', importName: 'inden for' },
  { code: 'afgoerelsens_indhold', label: 'Afgørelsens indhold (hører under klageinstansen)', importName: 'afgørelsens indhold' },
  { code: 'politisk_beslutning', label: 'Politisk beslutning eller serviceniveau', importName: 'politisk beslutning' },
  { code: 'ansaettelsesforhold', label: 'Ansættelsesforhold', importName: 'ansættelsesforhold' },
  { code: 'over_1_aar', label: 'Afsluttet for over 1 år siden', importName: 'over 1 år' },
  { code: 'ikke_forelagt', label: 'Ikke forelagt forvaltningen først', importName: 'ikke forelagt forvaltningen' },
  { code: 'anden_klageinstans', label: 'Anden klageinstans, ombudsmand eller domstol', importName: 'anden klageinstans' },
]);
export type CompetenceCode = (typeof Competence.codes)[number];

export const Handling = vocab([
  { code: 'undersoegt', label: 'Undersøgt', importName: 'undersøgt' },
  { code: 'videresendt', label: 'Videresendt til forvaltningen', importName: 'videresendt' },
  { code: 'vejvist', label: 'Vejvist', importName: 'vejvist' },
  { code: 'afvist', label: 'Afvist', importName: 'afvist' },
  { code: 'maegling', label: 'Mægling', importName: 'mægling' },
]);
export type HandlingCode = (typeof Handling.codes)[number];

/**
 * Outcome of a klagepunkt, graded from no criticism to very serious criticism (legal-rules.md § c.5:
 * a product scale modelled on the ombudsman's ladder, not a legal standard), plus the two non-graded
 * endings. `severity` orders the graded steps for statistics.
 */
export const Outcome = vocab([
  { code: 'ingen_kritik', label: 'Ingen kritik', importName: 'ingen kritik' },
  { code: 'bemaerkning', label: 'Bemærkning', importName: 'bemærkning' },
  { code: 'beklageligt', label: 'Beklageligt', importName: 'beklageligt' },
  { code: 'kritik', label: 'Kritik', importName: 'kritik' },
  { code: 'alvorlig_kritik', label: 'Alvorlig kritik', importName: 'alvorlig kritik' },
  { code: 'meget_alvorlig_kritik', label: 'Meget alvorlig kritik', importName: 'meget alvorlig kritik' },
  { code: 'afvist', label: 'Afvist', importName: 'afvist' },
  { code: 'videresendt', label: 'Videresendt', importName: 'videresendt' },
]);
export type OutcomeCode = (typeof Outcome.codes)[number];

/** 0 = no criticism … 5 = very serious criticism; null for outcomes that are not a grade. */
export function outcomeSeverity(code: OutcomeCode): number | null {
  const order: OutcomeCode[] = ['ingen_kritik', 'bemaerkning', 'beklageligt', 'kritik', 'alvorlig_kritik', 'meget_alvorlig_kritik'];
  const i = order.indexOf(code);
  return i < 0 ? null : i;
}
