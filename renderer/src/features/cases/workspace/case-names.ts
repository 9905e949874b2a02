/**
 * The names the read-only views of the case page show for the ids a henvendelse stores (forvaltning,
 * afdeling, themes, competence reason, adviser). A retired entry keeps its name; an id that is not in
 * the settings any more says so rather than showing nothing.
 */
import type { Settings } from '../../../../../shared/domain/settings';

const UNKNOWN = 'ukendt';

export function forvaltningName(settings: Settings, id: number | null): string {
  if (id === null) return 'Ikke angivet';
  return settings.forvaltninger.find((f) => f.id === id)?.name ?? UNKNOWN;
}

export function afdelingName(settings: Settings, forvaltningId: number | null, id: number | null): string | null {
  if (id === null) return null;
  return settings.forvaltninger.find((f) => f.id === forvaltningId)?.afdelinger.find((a) => a.id === id)?.name ?? UNKNOWN;
}

export function themeNames(settings: Settings, ids: ReadonlyArray<number>): string[] {
  return ids.map((id) => settings.themes.find((t) => t.id === id)?.name ?? UNKNOWN);
}

export function reasonName(settings: Settings, id: number): string {
  return settings.competenceReasons.find((r) => r.id === id)?.name ?? 'ukendt grund';
}

export function adviserName(settings: Settings, id: number | null): string {
  if (id === null) return 'Ingen rådgiver';
  return settings.advisers.find((a) => a.id === id)?.name ?? UNKNOWN;
}
