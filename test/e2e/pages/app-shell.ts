/**
 * Page objects: the screens as an adviser with a screen reader finds them — by role and accessible
 * name, never by CSS class (Joplin's and Actual's page models). playwright-core has no `expect`,
 * so objects wait with `locator.waitFor` and specs assert with vitest's `expect`/`expect.poll`.
 */
import type { Locator, Page } from 'playwright-core';

/** The frame around every screen: main navigation and the page heading. */
export class AppShell {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Hovedmenu' });
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  /** Wait until the screen with this h1 is shown. */
  async waitForScreen(name: string | RegExp): Promise<void> {
    await this.heading(name).waitFor({ state: 'visible' });
  }

  /** Follow a link in the main menu. */
  async openFromMenu(name: string | RegExp): Promise<void> {
    await this.navigation.getByRole('link', { name }).click();
  }
}
