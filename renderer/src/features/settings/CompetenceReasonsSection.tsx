/**
 * Kompetencegrunde: the reasons a klagepunkt is outside the borgerrådgiver's competence, as the
 * municipality's vedtægt words them (legal-rules.md § c.3). Chosen per klagepunkt on the case page.
 */
import { useAppData } from '../../app/AppDataProvider';
import { SimpleCatalogSection } from './SimpleCatalogSection';

export function CompetenceReasonsSection() {
  const { settings } = useAppData();
  return (
    <SimpleCatalogSection
      kind="competence_reason"
      headingId="set-competence"
      entries={settings.competenceReasons}
      intro={
        <p className="muted">
          De grunde, kommunens vedtægt giver for, at borgerrådgiveren ikke kan behandle et klagepunkt. Et klagepunkt uden grund er inden
          for kompetence. En klage, forvaltningen ikke har set endnu, er ikke en grund: vælg håndteringen »Videresendt til forvaltningen«.
        </p>
      }
      text={{
        title: 'Kompetencegrunde',
        empty: 'Der er ingen kompetencegrunde; alle klagepunkter registreres som inden for kompetence.',
        addLabel: 'Ny kompetencegrund',
        addButton: 'Tilføj kompetencegrund',
        added: (name) => `Kompetencegrunden ${name} er tilføjet.`,
      }}
    />
  );
}
