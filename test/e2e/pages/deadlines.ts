/**
 * Page objects for the deadline UI: the case page's "Anmodninger til forvaltningen" and "Frister for
 * henvendelsen", the klagefrist at intake, and the Frister screen with its frist-beregner.
 */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** The lines of an opened Beregning. */
export async function explanationLines(scope: Locator): Promise<string[]> {
  return scope.getByRole('list', { name: /^Beregning/ }).getByRole('listitem').allTextContents();
}

export class RequestsSection {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Anmodninger til forvaltningen' });
  }

  get addButton(): Locator {
    return this.section.getByRole('button', { name: 'Registrér anmodning' });
  }

  get newForm(): Locator {
    return this.section.getByRole('form', { name: 'Ny anmodning' });
  }

  /** A request, by its heading ("Redegørelse · Social"). */
  request(name: string | RegExp): Locator {
    return this.section.getByRole('article', { name });
  }

  /** An action button on a request ("Forlæng frist", "Registrér svar", …) and its form. */
  action(request: Locator, name: string): Locator {
    return request.getByRole('button', { name: new RegExp(`^${name}`) });
  }

  actionForm(name: string): Locator {
    return this.section.getByRole('form', { name });
  }

  notice(text: string): Locator {
    return this.section.getByRole('status').filter({ hasText: text });
  }

  async openExplanation(request: Locator): Promise<string[]> {
    const button = request.getByRole('button', { name: /^Beregning/ });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    return explanationLines(request);
  }
}

export class CaseDeadlines {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Frister for henvendelsen' });
  }

  get warning(): Locator {
    return this.section.getByRole('alert');
  }
}

export class KlagefristIntake {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: 'Borgerens klagefrist' });
  }

  field(label: string): Locator {
    return this.section.getByLabel(label, { exact: true });
  }

  get warning(): Locator {
    return this.section.getByRole('alert');
  }
}

export class FristerPage extends AppShell {
  static readonly TITLE = 'Frister';

  constructor(page: Page) {
    super(page);
  }

  /** A table by its name; the look ahead is named by the setting, "Næste 14 dage" by default. */
  table(name: 'Overskredet' | 'Forfalder i dag' | 'Næste 14 dage' | 'Pr. forvaltning' | `Næste ${number} dage`): Locator {
    return this.page.getByRole('table', { name, exact: true });
  }

  /** "Rådgiver": Alle, "Mine sager (…)" or one adviser. */
  get adviserFilter(): Locator {
    return this.page.getByLabel('Rådgiver', { exact: true });
  }

  get calculator(): Locator {
    return this.page.getByRole('form', { name: 'Frist-beregner' });
  }

  calculatorField(label: string): Locator {
    return this.calculator.getByLabel(label, { exact: true });
  }

  /** The live region with "Fristen udløber dd.mm.åååå". */
  get calculatorResult(): Locator {
    return this.page.getByRole('region', { name: 'Frist-beregner' }).getByRole('status');
  }

  async calculatorLines(): Promise<string[]> {
    return this.page.getByRole('region', { name: 'Frist-beregner' }).getByRole('list', { name: 'Beregning', exact: true }).getByRole('listitem').allTextContents();
  }
}
