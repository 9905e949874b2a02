/** Indstillinger: municipality, advisers (and the current one), organisation, themes, competence reasons, and calendar and deadlines. */
import { Page } from '../../components/Page';
import { AdvisersSection } from './AdvisersSection';
import { CompetenceReasonsSection } from './CompetenceReasonsSection';
import { DeadlineSettingsSection } from './DeadlineSettingsSection';
import { MunicipalitySection } from './MunicipalitySection';
import { OrganisationSection } from './OrganisationSection';
import { ThemesSection } from './ThemesSection';

export function SettingsScreen() {
  return (
    <Page title="Indstillinger">
      <nav aria-label="Afsnit" className="section-nav">
        <ul>
          {[['set-municipality', 'Kommune'], ['set-advisers', 'Rådgivere'], ['set-org', 'Organisation'], ['set-themes', 'Temaer'], ['set-competence', 'Kompetencegrunde'], ['set-deadlines', 'Kalender og frister']].map(([id, label]) => (
            <li key={id}>
              <button type="button" className="link-button" onClick={() => {
                const el = document.getElementById(id as string);
                el?.focus();
                el?.scrollIntoView?.({ block: 'start' });
              }}>{label}</button>
            </li>
          ))}
        </ul>
      </nav>
      <MunicipalitySection />
      <AdvisersSection />
      <OrganisationSection />
      <ThemesSection />
      <CompetenceReasonsSection />
      <DeadlineSettingsSection />
    </Page>
  );
}
