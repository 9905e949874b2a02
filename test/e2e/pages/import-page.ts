/** Page object for Import/eksport (#/import). */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export class ImportPage extends AppShell {
  static readonly TITLE = 'Import/eksport';

  constructor(page: Page) {
    super(page);
  }

  async chooseFile(name: string, content: string): Promise<void> {
    await this.page.getByLabel('Fil (CSV, XLSX eller JSON)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  }

  get dryRunButton(): Locator {
    return this.page.getByRole('button', { name: 'Kontrollér (prøvekørsel)' });
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: 'Importér' });
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  reportHeading(name: string): Locator {
    return this.page.getByRole('heading', { name });
  }

  get errorList(): Locator {
    return this.page.getByRole('list', { name: 'Fejl i filen' });
  }
}
