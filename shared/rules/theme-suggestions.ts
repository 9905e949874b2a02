/**
 * The default theme → rule suggestions: when a klagepunkt has a theme, these are the rules the
 * adviser is offered first. Installed once, with the first shipped catalogue, for the themes that
 * exist by name (db/queries/rules.ts, syncShippedCatalog); afterwards the mapping is the adviser's
 * to edit, and a newer catalogue never rewrites it.
 *
 * Built from the reference table "Kobling til typiske klager" (legal-rules.md, after § a), mapped
 * onto the seeded theme names (electron/services/seed.ts, DEFAULT_THEMES). Themes the table does
 * not cover get the catalogue rules of the matching category; each entry says which. As the
 * reference notes, the links concern case handling and conduct, not the merits of a decision
 * (legal-rules.md § c.3).
 *
 * 'Praktisk opgaveløsning' has no entry on purpose: no catalogue rule governs how a practical task
 * is carried out, and a guessed suggestion would be worse than none.
 *
 * Only rules that can be recorded as breached are suggested: never a background rule or one the
 * reference could not verify (breachRefusal in shared/domain/rule.ts), so the table's
 * `gfs-aflysning-moeder` and `dbl-opbevaring-borgerraadgiver` are left out, and the table's
 * `gfs-14-dages-svar` is the municipality's svarpolitik in the settings, not a rule. The query
 * (db/queries/rules.ts, suggestRulesForThemes) applies the same filter to mappings stored earlier.
 */

export type ThemeRuleSuggestion = Readonly<{ theme: string; ruleIds: readonly string[] }>;

export const DEFAULT_THEME_RULES: ReadonlyArray<ThemeRuleSuggestion> = [
  // Table: "Sagen har trukket ud i to år".
  { theme: 'Sagsbehandlingstid', ruleIds: ['gfs-rimelig-sagsbehandlingstid', 'rsl-3-frister', 'gfs-underretning-forsinkelse', 'pension-17-eget-initiativ'] },
  // Table: "Ringede ikke tilbage / svarede ikke" (gfs-14-dages-svar is the svarpolitik setting now).
  { theme: 'Manglende svar', ruleIds: ['gfs-besvarelse', 'gfs-telefon', 'gfs-underretning-forsinkelse'] },
  // Category "vejledning".
  { theme: 'Vejledning', ruleIds: ['fvl-7-1-vejledning', 'fvl-7-2-videresendelse', 'rsl-12-skriftlig-besked'] },
  // Table: "Afgørelse uden partshøring / begrundelse / klagevejledning" (the partshøring part),
  // plus the category's exceptions.
  { theme: 'Partshøring', ruleIds: ['fvl-19-partshoering', 'fvl-21-udsaettelse', 'fvl-19-2-20-undtagelser'] },
  // Same row, the begrundelse part, plus § 23 from the category.
  { theme: 'Begrundelse', ruleIds: ['fvl-22-begrundelse', 'fvl-24-begrundelsens-indhold', 'fvl-23-mundtlig-afgoerelse'] },
  // Same row, the klagevejledning part, plus § 26 from the category.
  { theme: 'Klagevejledning', ruleIds: ['fvl-25-klagevejledning', 'rsl-67-klagefrist', 'fvl-26-soegsmaalsfrist'] },
  // Table: "Aktindsigt ikke besvaret", plus the two access rights from the category.
  {
    theme: 'Aktindsigt',
    ruleIds: ['fvl-16-aktindsigt-frist', 'ofl-36-frist', 'ofl-39-klage-sagsbehandlingstid', 'gdpr-12-3-svarfrist', 'gdpr-15-indsigt', 'fvl-9-partsaktindsigt', 'ofl-7-aktindsigt'],
  },
  // Category "dokumentation".
  { theme: 'Notatpligt og journalisering', ruleIds: ['ofl-13-notatpligt', 'ofl-15-journalisering'] },
  // Category "adfærd" (tone), and limits on restricting a citizen's contact (overblik #18).
  { theme: 'Optræden og tone', ruleIds: ['gfs-tone', 'gfs-saglighed-proportionalitet'] },
  // Category "adfærd" (language) and the duty to answer.
  { theme: 'Kommunikation og breve', ruleIds: ['gfs-klart-sprog', 'gfs-tone', 'gfs-besvarelse'] },
  // Table: "Ringede ikke tilbage / svarede ikke" (the telephone part).
  { theme: 'Telefonisk tilgængelighed', ruleIds: ['gfs-telefon', 'gfs-besvarelse'] },
  // Table: "Jobcenter aflyste ikke et møde / borgeren mødte forgæves op", without the unverified
  // gfs-aflysning-moeder (background only).
  { theme: 'Aflyste møder', ruleIds: ['gfs-tone', 'gfs-besvarelse'] },
  // Category "sagsoplysning" (without the helhedsvurdering) and FVL § 29.
  {
    theme: 'Indhentning af oplysninger',
    ruleIds: ['rsl-10-officialprincip', 'rsl-11-medvirkenpligt', 'rsl-11a-11c-indhentning', 'rsl-11b-konsekvens', 'gfs-officialprincip', 'fvl-29-indhentning'],
  },
  // RSL § 5, and the duty to inform the case that a whole assessment needs.
  { theme: 'Helhedsvurdering', ruleIds: ['rsl-5-helhedsvurdering', 'rsl-10-officialprincip'] },
  // Category "databeskyttelse" (without the background dbl-opbevaring-borgerraadgiver), and
  // tavshedspligt/videregivelse.
  {
    theme: 'Databeskyttelse',
    ruleIds: ['gdpr-9-helbred', 'gdpr-12-3-svarfrist', 'gdpr-15-indsigt', 'gdpr-17-3-sletning-journal', 'fvl-27-tavshedspligt', 'fvl-28-videregivelse'],
  },
  // Category "materielle grundsætninger".
  { theme: 'Forskelsbehandling', ruleIds: ['gfs-lighed', 'gfs-saglighed-proportionalitet'] },
  // Table: "Kommunen sendte ikke den ønskede lægelige status til hospitalet".
  { theme: 'Lægelige oplysninger ikke indhentet', ruleIds: ['rsl-10-officialprincip', 'rsl-11a-11c-indhentning', 'gfs-officialprincip', 'fvl-28-videregivelse', 'gdpr-9-helbred'] },
  // Table: "Hårde indkaldelsesbreve til syge borgere".
  {
    theme: 'Tone i indkaldelsesbreve',
    ruleIds: ['gfs-tone', 'gfs-klart-sprog', 'gfs-saglighed-proportionalitet', 'sdp-13b-opfoelgning', 'sdp-21-bortfald', 'rsl-12-skriftlig-besked'],
  },
  // Table: "Kommunen har mistet sagsakter".
  { theme: 'Mistede sagsakter', ruleIds: ['ofl-15-journalisering', 'ofl-13-notatpligt', 'gfs-lighed'] },
  // Overblik #11 names reorganisations explicitly; delays then call for notice to the citizen.
  { theme: 'Skift af sagsbehandler', ruleIds: ['gfs-rimelig-sagsbehandlingstid', 'gfs-underretning-forsinkelse'] },
];
