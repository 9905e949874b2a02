/**
 * The choices of a "Kompetence" select: inside competence, then the municipality's reasons
 * (legal-rules.md § c.3; edited in Indstillinger). A retired reason is offered only where it is
 * already chosen, like a retired forvaltning; its label says so.
 */
import { INSIDE_COMPETENCE_LABEL } from '../../../../shared/domain/competence';
import type { Settings } from '../../../../shared/domain/settings';
import { Handling } from '../../../../shared/domain/vocab';
import type { Option } from '../../components/Field';

export function competenceOptions(settings: Settings, chosen: number | null): Option[] {
  return [
    { value: '', label: INSIDE_COMPETENCE_LABEL },
    ...settings.competenceReasons
      .filter((r) => !r.retired || r.id === chosen)
      .map((r) => ({ value: String(r.id), label: r.retired ? `Uden for: ${r.name} (udgået)` : `Uden for: ${r.name}` })),
  ];
}

export const handlingOptions: Option[] = [{ value: '', label: 'Ikke valgt' }, ...Handling.entries.map((e) => ({ value: e.code, label: e.label }))];

/** The select's value for a reason id, and back. */
export const reasonValue = (id: number | null): string => (id === null ? '' : String(id));
export const reasonFromValue = (v: string): number | null => (v === '' ? null : Number(v));
