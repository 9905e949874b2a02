/**
 * 0160: the letterhead the desk's letters print, each adviser's title under the signature, and the
 * phrase library (standardtekster) an adviser inserts into a finding and then edits freely.
 *
 * - `letterhead`: one row (id = 1). `address_lines` and `contact_lines` hold the lines joined by a
 *   newline ("\n"): a line of a letterhead never contains a line break itself, so the join is exact
 *   and the column stays readable in a database tool. The logo's bytes live in the row (backed up
 *   with the database) with their media type; both are NULL without a logo, never one of them.
 * - `advisers.title`: what a letter prints under the adviser's name.
 * - `phrases`: scope `generel` (key NULL), `udfald` (key = an outcome code of a klagepunkt) or
 *   `regel` (key = a rule id; not a foreign key, so a phrase for a retired or not yet installed rule
 *   survives). `position` orders the phrases within their scope and key.
 *
 * Frozen: the seeded library is written out here, so a later change to the rule catalogue or the
 * outcome vocabulary never changes what this migration produced. The texts are our own words; their
 * legal content is from legal-rules.md (the rules named by id, § c.5 for the grades of criticism); a
 * paragraph number is cited only where the reference verified it (not retssikkerhedslovens § 10, § d.5).
 */
import type { WritableDB } from '../types';

type Seed = readonly [scope: 'generel' | 'udfald' | 'regel', key: string | null, title: string, text: string];

const SEED: ReadonlyArray<Seed> = [
  ['generel', null, 'Forvaltningen har beklaget', 'Jeg har noteret mig, at forvaltningen i sin redegørelse har beklaget …'],
  ['generel', null, 'Forvaltningen har rettet op', 'Jeg har noteret mig, at forvaltningen efter min henvendelse har rettet op på forholdet ved at …, og at forvaltningen har oplyst, at den fremover vil …'],
  ['generel', null, 'Uden for min kompetence', 'Jeg kan ikke tage stilling til det faglige indhold af forvaltningens afgørelse. Det hører under klagesystemet, og du kan klage til … over afgørelsen.'],
  ['generel', null, 'Forvaltningens redegørelse lagt til grund', 'Jeg har lagt forvaltningens redegørelse af … til grund for min vurdering, da der ikke er oplysninger i sagen, der peger i en anden retning.'],
  ['generel', null, 'Uenighed om forløbet', 'Du og forvaltningen har forskellige opfattelser af, hvad der blev sagt på …. Jeg kan ikke afklare, hvad der præcist skete, og jeg har derfor ikke grundlag for at tage stilling til dette forhold.'],

  ['udfald', 'ingen_kritik', 'Ingen kritik', 'Jeg har ikke grundlag for at kritisere, at forvaltningen …'],
  ['udfald', 'ingen_kritik', 'Ingen kritik – forvaltningen har fulgt reglerne', 'Efter min gennemgang af sagen er det min vurdering, at forvaltningen har behandlet sagen i overensstemmelse med reglerne. Jeg har derfor ikke grundlag for at kritisere forvaltningens behandling af …'],
  ['udfald', 'bemaerkning', 'Bemærkning', 'Jeg vil dog bemærke, at det havde været bedst stemmende med god forvaltningsskik, hvis forvaltningen havde …'],
  ['udfald', 'bemaerkning', 'Bemærkning – burde', 'Forvaltningen burde efter min opfattelse have …. Det giver mig dog ikke anledning til at kritisere forvaltningen.'],
  ['udfald', 'beklageligt', 'Beklageligt', 'Det er beklageligt, at forvaltningen …'],
  ['udfald', 'beklageligt', 'Beklageligt – forvaltningen har selv beklaget', 'Det er beklageligt, at forvaltningen …. Jeg har noteret mig, at forvaltningen selv har beklaget dette over for dig.'],
  ['udfald', 'kritik', 'Kritisabelt', 'Jeg finder det kritisabelt, at forvaltningen …'],
  ['udfald', 'kritik', 'Kritisabelt – med henstilling', 'Jeg finder det kritisabelt, at forvaltningen …. Jeg henstiller derfor til forvaltningen, at den …'],
  ['udfald', 'alvorlig_kritik', 'Meget kritisabelt', 'Jeg finder det meget kritisabelt, at forvaltningen …'],
  ['udfald', 'alvorlig_kritik', 'Meget kritisabelt – gentaget fejl', 'Jeg finder det meget kritisabelt, at forvaltningen …, særligt fordi forvaltningen også tidligere har fået kritik for det samme forhold.'],
  ['udfald', 'meget_alvorlig_kritik', 'Særdeles kritisabelt', 'Jeg finder det særdeles kritisabelt, at forvaltningen …'],
  ['udfald', 'meget_alvorlig_kritik', 'Særdeles kritisabelt – betydning for borgeren', 'Jeg finder det særdeles kritisabelt, at forvaltningen …. Fejlen har haft væsentlig betydning for dig, fordi …'],

  ['regel', 'fvl-7-1-vejledning', 'Vejledning', 'Efter forvaltningslovens § 7, stk. 1, skal forvaltningen i nødvendigt omfang vejlede og hjælpe borgere, der henvender sig om spørgsmål inden for dens område. Det er min vurdering, at forvaltningen burde have vejledt dig om …'],
  ['regel', 'fvl-19-partshoering', 'Partshøring', 'Forvaltningen skal efter forvaltningslovens § 19, stk. 1, inden der træffes afgørelse, gøre parten bekendt med oplysninger om sagens faktiske grundlag og eksterne faglige vurderinger, som taler imod parten og har væsentlig betydning for afgørelsen, og give parten mulighed for at udtale sig. Forvaltningen har ikke partshørt dig over …, før den traf afgørelse.'],
  ['regel', 'fvl-22-begrundelse', 'Begrundelse', 'En skriftlig afgørelse skal efter forvaltningslovens § 22 have en begrundelse, medmindre parten får fuldt medhold. Forvaltningens afgørelse af … indeholder ikke en begrundelse for …'],
  ['regel', 'fvl-24-begrundelsens-indhold', 'Begrundelsens indhold', 'Efter forvaltningslovens § 24 skal en begrundelse henvise til de regler, afgørelsen bygger på, angive de hovedhensyn, der har været afgørende for et skøn, og om nødvendigt kort nævne de faktiske oplysninger, der har haft væsentlig betydning. Forvaltningens begrundelse af … opfylder efter min vurdering ikke disse krav, fordi …'],
  ['regel', 'fvl-25-klagevejledning', 'Klagevejledning', 'En skriftlig afgørelse, der kan påklages, skal efter forvaltningslovens § 25, stk. 1, ledsages af en vejledning om, hvor og hvordan man klager, og om en eventuel klagefrist, medmindre parten får fuldt medhold. Forvaltningens afgørelse af … indeholdt ikke en sådan klagevejledning.'],
  ['regel', 'ofl-13-notatpligt', 'Notatpligt', 'Efter offentlighedslovens § 13 skal forvaltningen i en afgørelsessag snarest muligt notere mundtlige oplysninger om sagens faktiske grundlag, som har betydning for afgørelsen, og væsentlige ekspeditionsskridt, medmindre det allerede fremgår af sagens dokumenter. Der er ikke gjort notat om …'],
  ['regel', 'rsl-3-frister', 'Sagsbehandlingsfrister på det sociale område', 'Efter retssikkerhedslovens § 3 skal kommunen behandle spørgsmål om hjælp så hurtigt som muligt, og kan en fastsat frist ikke overholdes, skal borgeren have skriftlig besked om, hvornår afgørelsen kan ventes. Forvaltningens frist for … var …, og du fik ikke besked om, at fristen ikke kunne holdes.'],
  ['regel', 'rsl-10-officialprincip', 'Sagens oplysning', 'Det følger af officialprincippet i retssikkerhedsloven, at kommunen har ansvaret for, at en sag er tilstrækkeligt oplyst, før den afgøres. Det er min vurdering, at forvaltningen ikke havde oplyst sagen tilstrækkeligt, da den traf afgørelse, fordi …'],
  ['regel', 'gfs-rimelig-sagsbehandlingstid', 'Rimelig sagsbehandlingstid', 'Efter god forvaltningsskik skal en sag behandles inden for rimelig tid og må ikke trække unødigt ud. Din sag har været under behandling i … uden at være afgjort, og jeg finder ikke, at forvaltningen har gjort rede for en saglig grund til den lange sagsbehandlingstid.'],
  ['regel', 'gfs-underretning-forsinkelse', 'Besked om forsinkelse', 'Efter god forvaltningsskik bør forvaltningen af sig selv give borgeren besked, når en sag trækker ud, og oplyse, hvad sagen venter på, og hvornår den forventes afgjort. Du har ikke fået en sådan besked, selv om …'],
  ['regel', 'gfs-besvarelse', 'Svar på henvendelser', 'Det følger af god forvaltningsskik, at forvaltningen så vidt muligt besvarer de henvendelser, den får fra borgerne. Du har ikke fået svar på din henvendelse af …'],
  ['regel', 'gfs-tone', 'Tone og optræden', 'Forvaltningen skal efter god forvaltningsskik optræde venligt og hensynsfuldt over for borgerne og på en måde, der styrker tilliden til forvaltningen. Det er min vurdering, at formuleringen … i forvaltningens brev af … ikke levede op til dette.'],
];

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE letterhead (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      office TEXT NOT NULL DEFAULT 'Borgerrådgiveren' CHECK (length(office) BETWEEN 1 AND 120),
      address_lines TEXT NOT NULL DEFAULT '',
      contact_lines TEXT NOT NULL DEFAULT '',
      logo BLOB,
      logo_media_type TEXT CHECK (logo_media_type IN ('image/png', 'image/jpeg')),
      updated_at TEXT NOT NULL,
      CHECK ((logo IS NULL) = (logo_media_type IS NULL))
    ) STRICT;

    ALTER TABLE advisers ADD COLUMN title TEXT NOT NULL DEFAULT 'Borgerrådgiver' CHECK (length(title) BETWEEN 1 AND 120);

    CREATE TABLE phrases (
      id INTEGER PRIMARY KEY,
      scope TEXT NOT NULL CHECK (scope IN ('generel', 'udfald', 'regel')),
      key TEXT,
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((scope = 'generel') = (key IS NULL))
    ) STRICT;
    CREATE INDEX phrases_order ON phrases(scope, key, position);
  `);
  // The migration's own time: every row it creates is dated when the database was upgraded.
  const at = new Date().toISOString();
  db.prepare('INSERT INTO letterhead (id, updated_at) VALUES (1, ?)').run(at);
  const insert = db.prepare('INSERT INTO phrases (scope, key, title, text, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const positions = new Map<string, number>();
  for (const [scope, key, title, text] of SEED) {
    const group = `${scope}:${key ?? ''}`;
    const position = (positions.get(group) ?? 0) + 1;
    positions.set(group, position);
    insert.run(scope, key, title, text, position, at, at);
  }
}
