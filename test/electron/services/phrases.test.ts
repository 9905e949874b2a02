/** electron/services/phrases.ts: the phrase library as listed, saved, deleted and moved, each change in the history. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/domain/dates';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { deletePhrase, listPhrases, movePhrase, savePhrase } from '../../../electron/services/phrases';
import { thrownAppError } from '../../db/helpers';

let app: OpenedApp;
beforeEach(() => {
  app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => 'Tester' });
});
afterEach(() => app.close());

const audits = () => app.ctx.db.prepare("SELECT actor, action, entity_id AS id, changes FROM audit_log WHERE entity = 'phrase' ORDER BY audit_log.id").all() as Array<{
  actor: string; action: string; id: number; changes: string;
}>;
const group = (scope: string, key: string | null) => listPhrases(app.ctx).filter((p) => p.scope === scope && p.key === key).map((p) => p.title);

describe('the phrase library', () => {
  it('lists the seeded library: general first, then by outcome, then by rule', () => {
    const scopes = listPhrases(app.ctx).map((p) => p.scope);
    expect(scopes.indexOf('udfald')).toBeGreaterThan(scopes.lastIndexOf('generel'));
    expect(scopes.indexOf('regel')).toBeGreaterThan(scopes.lastIndexOf('udfald'));
    expect(group('udfald', 'kritik')).toEqual(['Kritisabelt', 'Kritisabelt – med henstilling']);
    const outcomes = [...new Set(listPhrases(app.ctx).filter((p) => p.scope === 'udfald').map((p) => p.key))];
    expect(outcomes).toEqual(['ingen_kritik', 'bemaerkning', 'beklageligt', 'kritik', 'alvorlig_kritik', 'meget_alvorlig_kritik']);
  });

  it('adds a phrase last in its group, changes it and moves it to another group, with the history', () => {
    let list = savePhrase(app.ctx, null, { scope: 'udfald', key: 'kritik', title: '  Kritisabelt – sagsbehandlingstid ', text: 'Jeg finder det kritisabelt, at sagen tog …' });
    expect(group('udfald', 'kritik')).toEqual(['Kritisabelt', 'Kritisabelt – med henstilling', 'Kritisabelt – sagsbehandlingstid']);
    const id = list.find((p) => p.title === 'Kritisabelt – sagsbehandlingstid')!.id;
    list = savePhrase(app.ctx, id, { scope: 'regel', key: 'gfs-rimelig-sagsbehandlingstid', title: 'Lang sagsbehandlingstid', text: 'Sagen tog …' });
    expect(list.find((p) => p.id === id)).toEqual({ id, scope: 'regel', key: 'gfs-rimelig-sagsbehandlingstid', title: 'Lang sagsbehandlingstid', text: 'Sagen tog …' });
    expect(group('regel', 'gfs-rimelig-sagsbehandlingstid')).toEqual(['Rimelig sagsbehandlingstid', 'Lang sagsbehandlingstid']);
    const [added, changed] = audits();
    expect(added).toMatchObject({ actor: 'Tester', action: 'Standardtekst oprettet', id });
    expect(JSON.parse(added!.changes)).toContainEqual({ field: 'Placering', before: '', after: 'Efter udfald: Kritisabelt' });
    expect(changed?.action).toBe('Standardtekst ændret');
    expect(JSON.parse(changed!.changes)).toEqual([
      { field: 'Placering', before: 'Efter udfald: Kritisabelt', after: 'Efter regel: GFS Ombudsmandens overblik #11 – Sagsbehandling inden for rimelig tid' },
      { field: 'Overskrift', before: 'Kritisabelt – sagsbehandlingstid', after: 'Lang sagsbehandlingstid' },
      { field: 'Tekst', before: 'Jeg finder det kritisabelt, at sagen tog …', after: 'Sagen tog …' },
    ]);
  });

  it('refuses in Danish a phrase without title or text, for an unknown rule, or one that is gone', () => {
    expect(thrownAppError(() => savePhrase(app.ctx, null, { scope: 'generel', key: null, title: '', text: ' ' })).fields).toEqual({
      title: 'Skriv en overskrift til standardteksten.', text: 'Skriv selve standardteksten.',
    });
    expect(thrownAppError(() => savePhrase(app.ctx, null, { scope: 'regel', key: 'kom-findes-ikke', title: 'T', text: 'x' })).fields)
      .toEqual({ key: 'Reglen »kom-findes-ikke« findes ikke i regelkataloget. Vælg en regel på listen.' });
    expect(thrownAppError(() => savePhrase(app.ctx, 99999, { scope: 'generel', key: null, title: 'T', text: 'x' })).code).toBe('not_found');
    expect(thrownAppError(() => deletePhrase(app.ctx, 99999)).code).toBe('not_found');
    expect(audits()).toEqual([]);
  });

  it('moves a phrase up and down within its group only, and deletes it', () => {
    const [first, second] = listPhrases(app.ctx).filter((p) => p.scope === 'udfald' && p.key === 'beklageligt');
    movePhrase(app.ctx, second!.id, 'op');
    expect(group('udfald', 'beklageligt')).toEqual([second!.title, first!.title]);
    // Already first: nothing moves, nothing is written.
    movePhrase(app.ctx, second!.id, 'op');
    expect(group('udfald', 'beklageligt')).toEqual([second!.title, first!.title]);
    movePhrase(app.ctx, second!.id, 'ned');
    expect(group('udfald', 'beklageligt')).toEqual([first!.title, second!.title]);
    // The neighbouring groups are untouched.
    expect(group('udfald', 'bemaerkning')).toEqual(['Bemærkning', 'Bemærkning – burde']);
    const list = deletePhrase(app.ctx, first!.id);
    expect(list.some((p) => p.id === first!.id)).toBe(false);
    expect(audits().map((a) => a.action)).toEqual(['Standardtekst flyttet op', 'Standardtekst flyttet ned', 'Standardtekst slettet']);
  });
});
