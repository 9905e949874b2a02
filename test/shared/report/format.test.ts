import { describe, expect, it } from 'vitest';
import { EMPTY_CELL_TEXT, formatReportCell } from '../../../shared/report/format';

describe('formatReportCell', () => {
  it('writes counts with the Danish thousands separator', () => {
    expect(formatReportCell(1234, 'count')).toBe('1.234');
    expect(formatReportCell(0, 'count')).toBe('0');
    expect(formatReportCell(1_234_567, 'count')).toBe('1.234.567');
  });

  it('writes a share as a percentage with a decimal comma, rounded to one decimal like shareText', () => {
    expect(formatReportCell(0.425, 'share')).toBe('42,5 %');
    expect(formatReportCell(21 / 50, 'share')).toBe('42 %');
    expect(formatReportCell(1 / 3, 'share')).toBe('33,3 %');
    expect(formatReportCell(1, 'share')).toBe('100 %');
    expect(formatReportCell(0, 'share')).toBe('0 %');
  });

  it('writes working days with at most one decimal', () => {
    expect(formatReportCell(7.5, 'days')).toBe('7,5');
    expect(formatReportCell(12, 'days')).toBe('12');
    expect(formatReportCell(7.25, 'days')).toBe('7,3');
  });

  it('writes a decimal with at most two decimals and whole numbers without', () => {
    expect(formatReportCell(1.4545, 'decimal')).toBe('1,45');
    expect(formatReportCell(312, 'decimal')).toBe('312');
    expect(formatReportCell(2500, 'decimal')).toBe('2.500');
  });

  it('shows an empty cell as a dash, whatever the kind', () => {
    for (const kind of ['text', 'count', 'share', 'days', 'decimal'] as const) expect(formatReportCell(null, kind)).toBe(EMPTY_CELL_TEXT);
    expect(EMPTY_CELL_TEXT).toBe('–');
  });

  it('keeps text as it is, æøå included', () => {
    expect(formatReportCell('Børne- og Ungdomsforvaltningen', 'text')).toBe('Børne- og Ungdomsforvaltningen');
    expect(formatReportCell('Økonomi; løn', 'count')).toBe('Økonomi; løn');
  });
});
