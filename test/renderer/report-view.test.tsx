/**
 * The annual report in the app's preview: LetterView shows its tables as real tables (caption, column
 * and row headers, numbers as formatted) and its charts through ChartView as one named, described SVG
 * image with its numbers as a table – the same model the PDF draws. axe-core finds nothing.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { expect, test } from 'vitest';
import { LetterView } from '../../renderer/src/features/letters/LetterView';
import { ChartView } from '../../renderer/src/features/report/ChartView';
import { reportCharts } from '../../shared/report/charts';
import { annualReportDocument } from '../../shared/report/report-document';
import { annualReportFixture } from '../fixtures/annual-report';
import { reportStatsFixture } from '../fixtures/report-document-stats';

test('a report table is a table with caption, column headers and row headers', () => {
  render(<LetterView document={annualReportDocument(annualReportFixture())} />);
  const table = screen.getByRole('table', { name: /^Henvendelser efter type/ });
  const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
  expect(headers).toEqual(['Type', 'Antal 2025', 'Andel', 'Andel af', 'Antal 2024']);
  const klage = within(table).getByRole('rowheader', { name: 'Klage' }).closest('tr') as HTMLElement;
  expect(within(klage).getAllByRole('cell').map((c) => c.textContent)).toEqual(['700', '56,7 %', '1.234', '120']);
  expect(within(klage).getAllByRole('cell')[0]?.className).toBe('num');
});

test('a chart is one SVG image named by its title and described by its description, with every mark drawn', () => {
  const chart = reportCharts(reportStatsFixture())[0]!;
  const { container } = render(<ChartView chart={chart} />);
  const img = screen.getByRole('img', { name: chart.title });
  expect(img.getAttribute('aria-describedby')).not.toBeNull();
  expect(document.getElementById(img.getAttribute('aria-describedby') as string)?.textContent).toBe(chart.description);
  expect(img.getAttribute('viewBox')).toBe(`0 0 ${chart.width} ${chart.height}`);
  const drawn = chart.marks.filter((m) => m.kind === 'rect').length;
  expect(container.querySelectorAll('svg rect')).toHaveLength(drawn);
  expect([...container.querySelectorAll('svg text')].map((t) => t.textContent)).toEqual(chart.marks.flatMap((m) => (m.kind === 'text' ? [m.text] : [])));
});

test('the chart\'s numbers open as a table from the keyboard', async () => {
  const user = userEvent.setup();
  const chart = reportCharts(reportStatsFixture()).find((c) => c.id === 'udvikling')!;
  render(<ChartView chart={chart} />);
  await user.tab();
  expect(screen.getByText('Vis tallene')).toHaveFocus();
  await user.keyboard('{Enter}');
  const table = screen.getByRole('table', { name: chart.title });
  expect(within(table).getByRole('rowheader', { name: '2025' }).closest('tr')?.textContent).toBe('20251.234210');
});

test('the whole report preview has no axe violations', async () => {
  render(<main><LetterView document={annualReportDocument(annualReportFixture())} /></main>);
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
