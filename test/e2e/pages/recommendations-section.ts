/** The Henstillinger section of the case page. */
import type { Locator, Page } from 'playwright-core';

export class RecommendationsSection {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Henstillinger' });
  }

  get addButton(): Locator {
    return this.section.getByRole('button', { name: 'Tilføj henstilling' });
  }

  get newForm(): Locator {
    return this.section.getByRole('form', { name: 'Ny henstilling' });
  }

  field(label: string): Locator {
    return this.newForm.getByLabel(label, { exact: true });
  }

  get saveButton(): Locator {
    return this.newForm.getByRole('button', { name: 'Gem henstilling' });
  }

  get list(): Locator {
    return this.section.getByRole('list', { name: 'Henstillinger i henvendelsen' });
  }
}
