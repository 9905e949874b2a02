/**
 * The assessment part of a klagepunkt (shared by intake and the case page): the "Regler" group with
 * its searchable picker, the suggested rules, each linked rule's assessment, and the flags.
 */
import type { Locator, Page } from 'playwright-core';

export class PointAssessment {
  readonly point: Locator;

  constructor(readonly page: Page, n: number) {
    this.point = page.getByRole('group', { name: `Klagepunkt ${n}`, exact: true });
  }

  get rules(): Locator {
    return this.point.getByRole('group', { name: 'Regler', exact: true });
  }

  get picker(): Locator {
    return this.rules.getByRole('combobox', { name: 'Tilføj regel' });
  }

  options(): Locator {
    return this.rules.getByRole('option');
  }

  /** Type into the picker, move to the first match with ↓ (nothing is preselected) and add it with Enter. */
  async addByPicker(text: string, expectOption: string | RegExp): Promise<void> {
    await this.picker.fill(text);
    await this.rules.getByRole('option', { name: expectOption }).waitFor();
    await this.picker.press('ArrowDown');
    await this.rules.getByRole('option', { name: expectOption, selected: true }).waitFor();
    await this.picker.press('Enter');
  }

  suggestion(name: string | RegExp): Locator {
    return this.point.getByRole('list', { name: 'Foreslåede regler' }).getByRole('button', { name });
  }

  /** A linked rule's group, named "LOV § paragraf – titel". */
  linked(name: string | RegExp): Locator {
    return this.rules.getByRole('group', { name });
  }

  async assess(name: string | RegExp, assessment: string, reasoning: string): Promise<void> {
    const group = this.linked(name);
    await group.getByLabel('Vurdering', { exact: true }).selectOption({ label: assessment });
    await group.getByLabel('Begrundelse', { exact: true }).fill(reasoning);
  }

  field(label: string): Locator {
    return this.point.getByLabel(label, { exact: true });
  }
}
