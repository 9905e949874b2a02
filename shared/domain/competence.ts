/**
 * Competence and handling per klagepunkt (legal-rules.md § c.2–c.3).
 *
 * What the borgerrådgiver may take up is set by the municipality's vedtægt, so the reasons a
 * klagepunkt is outside competence are a catalogue the adviser edits in Indstillinger (table
 * `competence_reasons`, migration 0080), not a fixed list. A klagepunkt with no reason is inside
 * competence. One henvendelse may hold both: the substance of a decision is sent on to the
 * klageinstans (vejvist) while the handling of the case (partshøring, begrundelse, sagsbehandlingstid)
 * is investigated.
 *
 * "Ikke forelagt forvaltningen" is deliberately NOT a reason: a complaint the forvaltning has not
 * seen yet is sent there first (handling `videresendt`), and may come back to the borgerrådgiver.
 */
import { z } from 'zod';
import { normaliseToken, type HandlingCode } from './vocab';

const id = z.number().int().positive();

/** A reason in the municipality's list; one in use can only be retired (like themes). */
export const CompetenceReasonSchema = z.object({ id, name: z.string(), retired: z.boolean(), inUse: z.boolean() });
export type CompetenceReason = z.infer<typeof CompetenceReasonSchema>;

/** How "inside competence" is shown, and its token in the import format's `kompetence` column. */
export const INSIDE_COMPETENCE_LABEL = 'Inden for kompetence';
export const INSIDE_COMPETENCE_TOKEN = 'inden for';

/**
 * The reasons every database starts with (seeded by migration 0080, which writes them out itself),
 * with the stable code that ties each to the import token it had before reasons became a list.
 */
export const DEFAULT_COMPETENCE_REASONS: ReadonlyArray<Readonly<{ code: string; name: string; legacyToken: string | null }>> = [
  { code: 'afgoerelsens_indhold', name: 'Afgørelsens indhold (hører under klageinstansen)', legacyToken: 'afgørelsens indhold' },
  { code: 'politisk_beslutning', name: 'Politisk beslutning eller serviceniveau', legacyToken: 'politisk beslutning' },
  { code: 'ansaettelsesforhold', name: 'Ansættelsesforhold', legacyToken: 'ansættelsesforhold' },
  { code: 'over_1_aar', name: 'Afsluttet for over 1 år siden', legacyToken: 'over 1 år' },
  { code: 'anden_klageinstans', name: 'Anden klageinstans, ombudsmand eller domstol', legacyToken: 'anden klageinstans' },
  { code: 'fuldmagt_mangler', name: 'Fuldmagt mangler', legacyToken: null },
];

const LEGACY_CODES: ReadonlyMap<string, string> = new Map(
  DEFAULT_COMPETENCE_REASONS.flatMap((r) => (r.legacyToken === null ? [] : [[normaliseToken(r.legacyToken), r.code] as const])),
);

/** The shipped default an old import token ("over 1 år") names, or null. */
export function legacyReasonCode(token: string): string | null {
  return LEGACY_CODES.get(normaliseToken(token)) ?? null;
}

/**
 * The old `kompetence` token for "not yet put to the forvaltning". Still accepted by the import, and
 * turned into the step it is: inside competence, handling `videresendt` (legal-rules.md § c.3).
 */
export const NOT_PRESENTED_TOKEN = 'ikke forelagt forvaltningen';

/**
 * A reason may not be named like the import format's own words for "inside" and for the step, or
 * the `kompetence` column would become ambiguous. A Danish message, or null.
 */
export function competenceReasonNameProblem(name: string): string | null {
  const key = normaliseToken(name);
  if (key === INSIDE_COMPETENCE_TOKEN || key === normaliseToken(INSIDE_COMPETENCE_LABEL)) {
    return 'En kompetencegrund kan ikke hedde »inden for«: et klagepunkt uden grund er inden for kompetence.';
  }
  if (key === NOT_PRESENTED_TOKEN || key === 'ikke forelagt') {
    return '»Ikke forelagt forvaltningen« er ikke en kompetencegrund, men et trin: vælg håndteringen »Videresendt til forvaltningen« på klagepunktet.';
  }
  return null;
}

/** What a klagepunkt (or a henvendelse without klagepunkter) records about competence. */
export type CompetenceFields = Readonly<{ competenceReasonId?: number | null | undefined; handling?: HandlingCode | null | undefined }>;

/**
 * Outside competence but marked undersøgt: contradictory on its face, yet historical files hold
 * exactly that, so it is a warning (in the form and the import report), never a refusal.
 */
export function outsideButInvestigated(p: CompetenceFields): boolean {
  return (p.competenceReasonId ?? null) !== null && p.handling === 'undersoegt';
}

/** The form's warning beside such a klagepunkt's (or henvendelse's) handling. */
export function outsideButInvestigatedHint(subject: 'Klagepunktet' | 'Henvendelsen'): string {
  return `${subject} er uden for kompetence, men markeret som undersøgt. Det kan gemmes sådan; tjek, om det er rigtigt.`;
}

/** The handling as the summary words it after a count ("2 klagepunkter undersøgt"). */
const HANDLING_WORDS: Record<HandlingCode, string> = {
  undersoegt: 'undersøgt',
  videresendt: 'videresendt til forvaltningen',
  vejvist: 'vejvist',
  afvist: 'afvist',
  maegling: 'i mægling',
};

export function handlingWord(code: HandlingCode): string {
  return HANDLING_WORDS[code];
}

/** "Afgørelsens indhold" → "afgørelsens indhold" inside a sentence; an abbreviation ("KL-aftale") stays. */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('da-DK') + s.slice(1) : s;
}

function points(n: number): string {
  return `${n} ${n === 1 ? 'klagepunkt' : 'klagepunkter'}`;
}

/**
 * The henvendelse's summary of its klagepunkter, e.g. "2 klagepunkter undersøgt; 1 klagepunkt uden
 * for kompetence: afgørelsens indhold (hører under klageinstansen) – vejvist". Groups keep the order
 * in which they first occur; '' when there are no klagepunkter.
 */
export function competenceSummary(list: ReadonlyArray<CompetenceFields>, reasonName: (id: number) => string): string {
  const groups = new Map<string, { reason: number | null; handling: HandlingCode | null; n: number }>();
  for (const p of list) {
    const reason = p.competenceReasonId ?? null;
    const handling = p.handling ?? null;
    const key = `${reason ?? ''}|${handling ?? ''}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { reason, handling, n: 1 });
  }
  return [...groups.values()]
    .map((g) => {
      if (g.reason === null) return g.handling === null ? `${points(g.n)} inden for kompetence` : `${points(g.n)} ${handlingWord(g.handling)}`;
      const outside = `${points(g.n)} uden for kompetence: ${lowerFirst(reasonName(g.reason))}`;
      return g.handling === null ? outside : `${outside} – ${handlingWord(g.handling)}`;
    })
    .join('; ');
}
