/** The Udtalelse section of the case page: issue the finding and save it as PDF. */
import type { Locator, Page } from 'playwright-core';

export class FindingSection {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Udtalelse' });
  }

  get draft(): Locator {
    return this.region.getByRole('article', { name: 'Udkast til udtalelse' });
  }

  issued(version: number): Locator {
    return this.region.getByRole('article', { name: `Udtalelse, version ${version}` });
  }

  get savePdfButton(): Locator {
    return this.region.getByRole('button', { name: 'Gem som PDF' });
  }

  /** "Udsend …", then "Udsend version N", and wait for the confirmation. */
  async issue(version = 1): Promise<void> {
    await this.region.getByRole('button', { name: 'Udsend …' }).click();
    await this.region.getByRole('button', { name: `Udsend version ${version}` }).click();
    await this.region.getByText(`Udtalelsen er udsendt som version ${version}.`, { exact: false }).waitFor();
  }
}
