/** Indstillinger: municipality, letterhead, advisers (and the current one), organisation, themes, competence reasons, calendar and deadlines, and the phrase library. */
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { AdvisersSection } from './AdvisersSection';
import { CompetenceReasonsSection } from './CompetenceReasonsSection';
import { DeadlineSettingsSection } from './DeadlineSettingsSection';
import { LetterheadSection } from './LetterheadSection';
import { MunicipalitySection } from './MunicipalitySection';
import { OrganisationSection } from './OrganisationSection';
import { PhrasesSection } from './PhrasesSection';
import { ThemesSection } from './ThemesSection';

const SECTIONS = [
  { id: 'set-municipality', label: 'Kommune' },
  { id: 'set-letterhead', label: 'Brevpapir' },
  { id: 'set-advisers', label: 'Rådgivere' },
  { id: 'set-org', label: 'Organisation' },
  { id: 'set-themes', label: 'Temaer' },
  { id: 'set-competence', label: 'Kompetencegrunde' },
  { id: 'set-deadlines', label: 'Kalender og frister' },
  { id: 'set-phrases', label: 'Standardtekster' },
] as const;

export function SettingsScreen() {
  return (
    <Page title="Indstillinger">
      <SectionNav sections={SECTIONS} />
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
