/** The outcome grades: stored codes unchanged, shown with Folketingets Ombudsmand's adjectives; a bemærkning is no criticism. */
import { describe, expect, it } from 'vitest';
import { criticismAdjective, isCriticism, Outcome } from '../../../shared/domain/vocab';

describe('outcome wording (legal-rules.md § c.5)', () => {
  it('keeps the stored codes and import tokens, and shows the ombudsman’s adjectives', () => {
    expect(Outcome.label('kritik')).toBe('Kritisabelt');
    expect(Outcome.label('alvorlig_kritik')).toBe('Meget kritisabelt');
    expect(Outcome.label('meget_alvorlig_kritik')).toBe('Særdeles kritisabelt');
    expect(Outcome.parse('kritik')).toBe('kritik');
    expect(Outcome.parse('alvorlig kritik')).toBe('alvorlig_kritik');
    expect(Outcome.parse('meget alvorlig kritik')).toBe('meget_alvorlig_kritik');
    expect(criticismAdjective('alvorlig_kritik')).toBe('meget kritisabelt');
    expect(criticismAdjective('beklageligt')).toBeNull();
  });

  it('counts beklageligt and the three grades of kritisabelt as criticism, never a bemærkning', () => {
    expect(Outcome.codes.filter((c) => isCriticism(c))).toEqual(['beklageligt', 'kritik', 'alvorlig_kritik', 'meget_alvorlig_kritik']);
    expect(isCriticism('bemaerkning')).toBe(false);
    expect(isCriticism(null)).toBe(false);
  });
});
