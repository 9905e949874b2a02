/** Page object for the case list (#/sager): search, the result count and the grid of henvendelser. */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export class CaseListPage extends AppShell {
  static readonly TITLE = 'Sager';

  constructor(page: Page) {
    super(page);
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Søg' });
  }

  /** The live region saying "N henvendelser". */
  get resultCount(): Locator {
    return this.page.locator('p[role="status"]').filter({ hasText: /henvendelse/ });
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Henvendelser' });
  }

  /** Data rows only (the header row has column headers, not cells). */
  get rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Wait until the list has loaded (the count no longer says "Henter"). */
  async waitForLoaded(): Promise<void> {
    await this.waitForScreen(CaseListPage.TITLE);
    await this.resultCount.filter({ hasText: /^\s*[\d.]+ henvendelse/ }).waitFor({ state: 'visible' });
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
  }
}
