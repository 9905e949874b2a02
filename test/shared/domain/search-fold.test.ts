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
});
