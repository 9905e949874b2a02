/** Indstillinger: municipality, letterhead, advisers (and the current one), organisation, themes, competence reasons, calendar and deadlines, and the phrase library. */
import { Page } from '../../components/Page';
import { AdvisersSection } from './AdvisersSection';
import { CompetenceReasonsSection } from './CompetenceReasonsSection';
import { DeadlineSettingsSection } from './DeadlineSettingsSection';
import { LetterheadSection } from './LetterheadSection';
import { MunicipalitySection } from './MunicipalitySection';
import { OrganisationSection } from './OrganisationSection';
import { PhrasesSection } from './PhrasesSection';
import { ThemesSection } from './ThemesSection';

export function SettingsScreen() {
  return (
    <Page title="Indstillinger">
      <nav aria-label="Afsnit" className="section-nav">
        <ul>
          {[['set-municipality', 'Kommune'], ['set-letterhead', 'Brevpapir'], ['set-advisers', 'Rådgivere'], ['set-org', 'Organisation'], ['set-themes', 'Temaer'], ['set-competence', 'Kompetencegrunde'], ['set-deadlines', 'Kalender og frister'], ['set-phrases', 'Standardtekster']].map(([id, label]) => (
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
      <LetterheadSection />
      <AdvisersSection />
      <OrganisationSection />
      <ThemesSection />
      <CompetenceReasonsSection />
      <DeadlineSettingsSection />
      <PhrasesSection />
    </Page>
  );
}
