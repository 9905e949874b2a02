/** shared/domain/search-fold.ts: marks are removed for search, Danish å/æ/ø stay. */
import { describe, expect, it } from 'vitest';
import { foldMarks } from '../../../shared/domain/search-fold';

describe('foldMarks', () => {
  it('removes diacritical marks, composed or decomposed', () => {
    expect(foldMarks('Şükrü Öztürk')).toBe('Sukru Ozturk');
    expect(foldMarks('José Müller, Café')).toBe('Jose Muller, Cafe');
    expect(foldMarks('Jose\u0301')).toBe('Jose');
    expect(foldMarks('Nguyễn Thị Ánh')).toBe('Nguyen Thi Anh');
  });

  it('keeps å (also written as a + ring), æ and ø, and leaves plain text untouched', () => {
    expect(foldMarks('Åse Ærø Ørsted på Bornholm')).toBe('Åse Ærø Ørsted på Bornholm');
    expect(foldMarks('A\u030Ase')).toBe('Åse');
    expect(foldMarks('Ångström José')).toBe('Ångstrom Jose');
    const plain = 'Borgeren klager over sagsbehandlingstiden (2025-0042)';
    expect(foldMarks(plain)).toBe(plain);
  });

  it('folds the foreign letters inside a long text and leaves the rest of it as it is', () => {
    expect(foldMarks('Borgeren Şükrü Öztürk klager over sagsbehandlingen på jobcentret i Næstved')).toBe(
      'Borgeren Sukru Ozturk klager over sagsbehandlingen på jobcentret i Næstved',
    );
    expect(foldMarks('Klage fra A\u030Ase og Jose\u0301 i Århus, ﬁl nr. 2 ‑ Ǻse')).toBe('Klage fra Åse og Jose i Århus, ﬁl nr. 2 ‑ Ase');
  });
});
