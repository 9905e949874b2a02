/** Settings: municipality, organisation (forvaltninger → afdelinger), themes, competence reasons and advisers. */
import { z } from 'zod';
import { identifierProblem } from './text-safety';
import { CompetenceReasonSchema } from './competence';

const id = z.number().int().positive();

/** Entries in use can only be retired, never deleted (they stay valid in old cases and statistics). */
const catalogEntry = { id, name: z.string(), retired: z.boolean(), inUse: z.boolean() };

export const AfdelingSchema = z.object(catalogEntry);
export const ForvaltningSchema = z.object({ ...catalogEntry, afdelinger: z.array(AfdelingSchema) });
export const ThemeSchema = z.object(catalogEntry);
/** `title`: printed under the adviser's name when they sign a letter ("Borgerrådgiver", "Chefkonsulent"). */
export const AdviserSchema = z.object({ ...catalogEntry, initials: z.string(), email: z.string(), title: z.string() });

export const SettingsSchema = z.object({
  municipalityName: z.string(),
  currentAdviserId: id.nullable(),
  forvaltninger: z.array(ForvaltningSchema),
  themes: z.array(ThemeSchema),
  /** The municipality's reasons a klagepunkt is outside competence (its vedtægt; legal-rules.md § c.3). */
  competenceReasons: z.array(CompetenceReasonSchema),
  advisers: z.array(AdviserSchema),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type Forvaltning = z.infer<typeof ForvaltningSchema>;
export type Afdeling = z.infer<typeof AfdelingSchema>;
export type Theme = z.infer<typeof ThemeSchema>;
export type Adviser = z.infer<typeof AdviserSchema>;

export const CatalogKindSchema = z.enum(['forvaltning', 'afdeling', 'theme', 'competence_reason', 'adviser']);
export type CatalogKind = z.infer<typeof CatalogKindSchema>;

export const catalogKindLabel: Record<CatalogKind, string> = {
  forvaltning: 'forvaltningen',
  afdeling: 'afdelingen',
  theme: 'temaet',
  competence_reason: 'kompetencegrunden',
  adviser: 'rådgiveren',
};

/** Catalogue names: trimmed, 1–120 characters. Returns a Danish message or null. */
export function catalogNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Navnet må ikke være tomt.';
  if (name.trim().length > 120) return 'Navnet må højst være 120 tegn.';
  if (name.includes('|')) return 'Navnet må ikke indeholde tegnet | (det adskiller temaer i importfilen).';
  // A name is a key (the import finds the forvaltning by it): nothing invisible may make two look alike.
  const hidden = identifierProblem(name);
  if (hidden !== null) return hidden.replace(/^Teksten/u, 'Navnet');
  return null;
}

/** An adviser's title under the signature: at most 120 characters (empty means the default, "Borgerrådgiver"). */
export function adviserTitleProblem(title: string): string | null {
  return title.trim().length > 120 ? 'Titlen må højst være 120 tegn.' : null;
}
