/**
 * The default catalogue a new database starts with, so an adviser can register the first
 * henvendelse right away: a typical Danish municipal organisation (forvaltninger with afdelinger)
 * and the themes Danish borgerrådgivere report on in their annual reports. Everything is editable
 * in Indstillinger; names in use can later only be retired.
 *
 * Runs once: the `initialized` setting marks it done, so a catalogue the adviser has emptied is
 * never refilled. An existing database with data but without the flag is only marked.
 */
import { insertAdviser, insertAfdeling, insertForvaltning, insertTheme } from '../../db/queries/catalog';
import { isEmptyDatabase, isInitialized, markInitialized, setMunicipalityName } from '../../db/queries/settings';
import type { WritableDB } from '../../db/types';

export const DEFAULT_MUNICIPALITY = 'Eksempel Kommune';

export const DEFAULT_ORGANISATION: ReadonlyArray<Readonly<{ name: string; afdelinger: readonly string[] }>> = [
  { name: 'Beskæftigelse', afdelinger: ['Jobcenter', 'Ydelsescenter', 'Sygedagpenge'] },
  { name: 'Social', afdelinger: ['Handicap og psykiatri', 'Socialrådgivning'] },
  { name: 'Børn og Unge', afdelinger: ['Familieafdelingen', 'PPR', 'Dagtilbud', 'Skole'] },
  { name: 'Teknik og Miljø', afdelinger: ['Byggesag', 'Vej og park', 'Affald'] },
  { name: 'Sundhed og Omsorg', afdelinger: ['Hjemmepleje', 'Plejecentre', 'Visitation'] },
  { name: 'Borgerservice', afdelinger: [] },
  { name: 'Økonomi og Administration', afdelinger: [] },
];

export const DEFAULT_THEMES: readonly string[] = [
  'Sagsbehandlingstid',
  'Manglende svar',
  'Vejledning',
  'Partshøring',
  'Begrundelse',
  'Klagevejledning',
  'Aktindsigt',
  'Notatpligt og journalisering',
  'Optræden og tone',
  'Kommunikation og breve',
  'Telefonisk tilgængelighed',
  'Aflyste møder',
  'Indhentning af oplysninger',
  'Helhedsvurdering',
  'Databeskyttelse',
  'Forskelsbehandling',
  'Praktisk opgaveløsning',
  'Lægelige oplysninger ikke indhentet',
  'Tone i indkaldelsesbreve',
  'Mistede sagsakter',
  'Skift af sagsbehandler',
];

/** A placeholder the adviser renames to themself in Indstillinger. */
export const DEFAULT_ADVISER = { name: 'Borgerrådgiver', initials: 'BR', email: '' } as const;


/** Fill an empty database with the defaults, once. Returns true when it seeded. */
export function seedDefaults(db: WritableDB, nowIso: string): boolean {
  if (isInitialized(db)) return false;
  return db.transaction(() => {
    const empty = isEmptyDatabase(db);
    if (empty) {
      setMunicipalityName(db, DEFAULT_MUNICIPALITY);
      for (const f of DEFAULT_ORGANISATION) {
        const id = insertForvaltning(db, f.name, nowIso);
        for (const a of f.afdelinger) insertAfdeling(db, id, a, nowIso);
      }
      for (const t of DEFAULT_THEMES) insertTheme(db, t, nowIso);
      insertAdviser(db, DEFAULT_ADVISER, nowIso);
    }
    markInitialized(db);
    return empty;
  })();
}
