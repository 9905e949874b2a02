/** Page object for the henvendelse form, shared by intake (#/ny) and the case page (#/sager/:id). */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

export class CaseFormPage extends AppShell {
  constructor(page: Page) {
    super(page);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  point(n: number): Locator {
    return this.page.getByRole('group', { name: `Klagepunkt ${n}`, exact: true });
  }

  pointField(n: number, label: string): Locator {
    return this.point(n).getByLabel(label, { exact: true });
  }

  /** The error text tied to a field through aria-describedby. */
  async errorOf(label: string): Promise<string> {
    const described = await this.field(label).getAttribute('aria-describedby');
    if (!described) return '';
    const texts = await Promise.all(described.split(/\s+/).map((id) => this.page.locator(`[id="${id}"]`).textContent()));
    return texts.join(' ').trim();
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Gem henvendelse' });
  }

  /** Select a section of the case page by its tab and wait for its panel. */
  async openSection(label: string): Promise<Locator> {
    await this.page.getByRole('tab', { name: label, exact: true }).click();
    const panel = this.page.getByRole('tabpanel', { name: label, exact: true });
    await panel.waitFor();
    return panel;
  }

  /** Open the shown section's part of the case form ("Rediger"). */
  async edit(): Promise<void> {
    await this.page.getByRole('button', { name: /^Rediger/ }).click();
    await this.saveButton.waitFor();
  }
}
