/** Page object for Årsberetning (#/aarsberetning): the period and the report's exports. */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export type ReportExportButton = 'Gem som PDF' | 'Gem som Excel (XLSX)';

export class AarsberetningPage extends AppShell {
  static readonly TITLE = 'Årsberetning';

  constructor(page: Page) {
    super(page);
  }

  get year(): Locator {
    return this.page.getByLabel('År', { exact: true });
  }

  /** The live preview of the whole report, named after its title. */
  get preview(): Locator {
    return this.page.getByRole('article', { name: /^Forhåndsvisning/ });
  }

  exportButton(name: ReportExportButton): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
