/** Opening the case page's sections in tests: a section by its URL, its editor with "Rediger", a tab by its label. */
import { screen } from '@testing-library/react';
import { renderAt } from './render-app';

export type User = ReturnType<typeof renderAt>['user'];

/** The case page at one section, its part of the form opened with "Rediger". */
export async function renderEditor(caseId: number, section: 'henvendelsen' | 'klagepunkter') {
  const rendered = renderAt(`#/sager/${caseId}/${section}`);
  await rendered.user.click(await screen.findByRole('button', { name: /^Rediger/ }));
  await screen.findByRole('button', { name: 'Gem henvendelse' });
  return rendered;
}

/** Select a tab of the case page and wait for its panel. */
export async function showSection(user: User, label: string): Promise<HTMLElement> {
  await user.click(await screen.findByRole('tab', { name: label }));
  return screen.findByRole('tabpanel', { name: label });
}
