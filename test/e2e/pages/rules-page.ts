/** Page objects for the rule catalogue: Regler (#/regler) and a rule's page (#/regler/:id). */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export class RulesPage extends AppShell {
  static readonly TITLE = 'Regler';

  constructor(page: Page) {
    super(page);
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Søg' });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Regler', exact: true });
  }

  /** The live region saying "N regler". */
  get resultCount(): Locator {
    return this.page.locator('p[role="status"]').filter({ hasText: /regel|regler/ });
  }

  row(ruleId: string): Locator {
    return this.table.getByRole('row').filter({ hasText: ruleId });
  }

  /** The rule's title, which links to its page. */
  ruleLink(title: string): Locator {
    return this.table.getByRole('link', { name: title, exact: true });
  }

  async waitForLoaded(): Promise<void> {
    await this.waitForScreen(RulesPage.TITLE);
    await this.table.waitFor({ state: 'visible' });
  }
}

export class RulePage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  get citations(): Locator {
    return this.page.getByRole('table', { name: 'Klagepunkter, der henviser til reglen' });
  }

  citation(sagsnr: string): Locator {
    return this.citations.getByRole('row').filter({ has: this.page.getByRole('link', { name: sagsnr, exact: true }) });
  }

  get sources(): Locator {
    return this.page.getByRole('link').filter({ hasText: /^https:\/\// });
  }
}
