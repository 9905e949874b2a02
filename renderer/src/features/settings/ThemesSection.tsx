/** Temaer: the themes a klagepunkt can be tagged with (statistics count them per klagepunkt). */
import { useAppData } from '../../app/AppDataProvider';
import { SimpleCatalogSection } from './SimpleCatalogSection';

export function ThemesSection() {
  const { settings } = useAppData();
  return (
    <SimpleCatalogSection
      kind="theme"
      headingId="set-themes"
      entries={settings.themes}
      text={{ title: 'Temaer', empty: 'Der er ingen temaer endnu.', addLabel: 'Nyt tema', addButton: 'Tilføj tema', added: (name) => `Temaet ${name} er tilføjet.` }}
    />
  );
}
