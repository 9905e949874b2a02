/**
 * The shipped rule catalogue: the Danish administrative-law rules a klagepunkt is assessed against,
 * built from the checked reference (docs/reference/legal-rules.md § a, legal-rules.json; a dated copy).
 *
 * What is taken over unchanged from the reference: the stable id, the law's short and full name
 * (with the consolidated act it was checked against), the paragraph exactly as written there, the
 * title, the category, the deadline's amount/unit/starting event and the verification level. The
 * summaries and notes are written anew in our own words: the reference's are a checker's working
 * text, and the app must not present them as quotations (legal-rules.md, "Metode").
 *
 * Included: every rule verified `yes` or `partial`, plus `gfs-aflysning-moeder` (verified `no`,
 * shown as background with the "ikke fuldt verificeret" mark) because cancelled meetings are one
 * of the commonest complaints. Left out: `fvl-31-32-videregivelse` (verified `no`; the reference
 * says its content must not be shown before it is checked against retsinformation.dk) and, from
 * version 2, `gfs-14-dages-svar`: a local service promise, not law, so it is the municipality's
 * svarpolitik in the deadline settings (legal-rules.md, gfs-14-dages-svar; the sync retires it).
 *
 * Role: rules that only describe background or the substance of decisions (a reform, the
 * conditions for a benefit, the borgerrådgiver's own legal basis) and the unverified
 * gfs-aflysning-moeder are `baggrund`: shown, never recorded as breached (breachRefusal).
 *
 * Citation: the formal reference a letter prints – law name, §, stk. and the consolidated act as
 * "Lovnavne/versioner" gives it; where no current LBK was verified (retssikkerhedsloven,
 * kommunestyrelsesloven, lov om social pension, ombudsmandsloven) only the name and paragraph,
 * never an invented LBK. Sources are for the adviser and stay on the rule's page (§ b.5).
 *
 * Deadlines (legal-rules.md § b):
 * - amount and unit only when the reference gives a plain computable unit (arbejdsdage, dage, uger,
 *   måned(er), år as 12 måneder), a trailing parenthesis kept in the text; windows like
 *   "22 uger inden for 9 kalendermåneder" and words like "snarest muligt" have no amount/unit and
 *   live in the text only;
 * - every deadline says whose it is (§ b.5): the citizen's klagefrister and partshøring answers are
 *   `borger`, the authority's statutory deadlines `myndighed`, local rules `maal`; `owes` says in
 *   letter words what must have happened by the day;
 * - `rollForward` is true only for the citizen's own klagefrister (§ b.3: a last day on a weekend or
 *   holiday moves to the next working day); the authority's own deadlines are shown unrolled, as
 *   § b.3 recommends ("vis fristen uforlænget").
 *
 * Sources: the reference's links; the few given as http:// are written as https:// because links
 * open through the https-only allowlist (electron/security/url-policy.ts), which is derived from
 * this list.
 *
 * Changing anything here means raising CATALOG_VERSION: a database only re-reads the catalogue
 * when the version it stored is lower (db/queries/rules.ts, syncShippedCatalog).
 */
import type { DeadlineOwner } from '../deadlines/owner';
import type { DeadlineUnitCode, RuleDeadline, RuleInput } from '../domain/rule';

/**
 * Raise by one whenever a shipped rule is added, changed or removed.
 * 2: citations, roles and deadline owners; fob-13-klagefrist added; gfs-14-dages-svar moved to the
 * settings; the reference's corrections (fvl-19, fvl-23, rsl-67, sdp-13b, sdp-27).
 */
export const CATALOG_VERSION = 2;

/** A rule as shipped: the same fields the adviser edits. */
export type ShippedRule = RuleInput;

// The laws' full names, each with the consolidated act the reference checked (legal-rules.md,
// "Lovnavne/versioner"); where no LBK was verified the name says so.
const FVL = 'Forvaltningsloven (lov nr. 571 af 19/12/1985, jf. LBK nr. 433 af 22/04/2014, som ændret ved lov nr. 503 af 23/05/2018)';
const OFL = 'Lov om offentlighed i forvaltningen (lov nr. 606 af 12/06/2013, jf. LBK nr. 145 af 24/02/2020)';
const RSL = 'Lov om retssikkerhed og administration på det sociale område (senest set konsolideret: LBK nr. 1555 af 02/11/2020; nyere LBK ikke verificeret)';
const KSL = 'Lov om kommunernes styrelse (kommunestyrelsesloven/kommuneloven; LBK-nr. ikke verificeret)';
const GFS = 'God forvaltningsskik og uskrevne forvaltningsretlige grundsætninger (Folketingets Ombudsmands praksis)';
const GDPR = 'Europa-Parlamentets og Rådets forordning (EU) 2016/679 (databeskyttelsesforordningen)';
const DBL = 'Databeskyttelsesloven, arkivreglerne og kommunale privatlivspolitikker';
const SDL = 'Lov om sygedagpenge (lov nr. 563 af 09/06/2006, jf. LBK nr. 1179 af 21/09/2023 med senere ændringer)';
const LAB = 'Lov om en aktiv beskæftigelsesindsats (LBK nr. 280 af 01/03/2024) og ændringslov LOV nr. 1750 af 29/12/2025 (beskæftigelsesreform, fase 1)';
const PL = 'Lov om social pension (LBK-nr. ikke verificeret)';
const OML = 'Lov om Folketingets Ombudsmand (ombudsmandsloven)';

// Formal citations for letters, with the consolidated act from "Lovnavne/versioner" where one was
// verified; dates written out as a letter writes them.
const fvl = (p: string) => `forvaltningslovens ${p}, jf. lovbekendtgørelse nr. 433 af 22. april 2014, som ændret ved lov nr. 503 af 23. maj 2018`;
const ofl = (p: string) => `offentlighedslovens ${p}, jf. lovbekendtgørelse nr. 145 af 24. februar 2020`;
const sdl = (p: string) => `sygedagpengelovens ${p}, jf. lovbekendtgørelse nr. 1179 af 21. september 2023 med senere ændringer`;
// No current LBK verified (LBK 1555/2020 was only the latest seen): name and paragraph only.
const rsl = (p: string) => `retssikkerhedslovens ${p} (lov om retssikkerhed og administration på det sociale område)`;
const gdpr = (a: string) => `databeskyttelsesforordningens ${a} (Europa-Parlamentets og Rådets forordning (EU) 2016/679)`;

/** A deadline the calendar can compute. `rollForward` only for the citizen's klagefrist (§ b.3). */
function computable(
  amount: number,
  unit: DeadlineUnitCode,
  text: string,
  from: string,
  owner: DeadlineOwner,
  opts: Readonly<{ owes?: string; rollForward?: boolean }> = {},
): RuleDeadline {
  return { amount, unit, text, from, rollForward: opts.rollForward ?? false, owner, owes: opts.owes ?? '' };
}

/** A deadline in words only ("snarest muligt", "rimelig frist fastsat af myndigheden", …). */
function inWords(text: string, from: string, owner: DeadlineOwner, owes = ''): RuleDeadline {
  return { amount: null, unit: null, text, from, rollForward: false, owner, owes };
}

export const SHIPPED_RULES: ReadonlyArray<ShippedRule> = [
  // ── Forvaltningsloven ─────────────────────────────────────────────────────────────────────
  {
    id: 'fvl-3-inhabilitet',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 3, stk. 1-3',
    title: 'Inhabilitet',
    summary:
      'Ansatte må hverken træffe afgørelse i eller på anden måde medvirke til behandlingen af en sag, når de selv, deres nærmeste eller en organisation, de har tilknytning til, har en særlig interesse i sagens udfald, eller når andre omstændigheder kan rejse tvivl om deres upartiskhed. Der foreligger dog ikke inhabilitet, hvis der reelt ikke er fare for, at afgørelsen påvirkes af uvedkommende hensyn.',
    category: 'habilitet',
    citation: fvl('§ 3, stk. 1-3'),
    role: 'norm',
    deadline: null,
    sources: ['https://danskelove.dk/forvaltningsloven/3', 'https://pav.medst.dk/forvaltningsret-persondataloven-mv/forvaltningsloven/inhabilitet/'],
    verification: 'yes',
    note: 'Lovteksten er læst på danskelove.dk; Personaleadministrativ Vejledning (PAV) bekræfter, at §§ 3-6 udgør de almindelige regler om inhabilitet.',
  },
  {
    id: 'fvl-4-undtagelse',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 4, stk. 1',
    title: 'Undtagelse fra inhabilitet',
    summary:
      'Inhabilitetsreglerne kan fraviges, når det er umuligt – eller ville give store vanskeligheder eller alvorlige betænkeligheder – at lade en anden medarbejder overtage behandlingen af sagen.',
    category: 'habilitet',
    citation: fvl('§ 4, stk. 1'),
    role: 'norm',
    deadline: null,
    sources: ['https://fusionpdf.com/709505-bilag-kapitel-2-inhabilitet-ss-3-den-der-virker.html'],
    verification: 'partial',
    note: 'Kun stk. 1 er set, og kun i en gengivelse af lovteksten på en tredjepartsside. Stk. 2-3 og § 5 er ikke kontrolleret.',
  },
  {
    id: 'fvl-6-underretning-inhabilitet',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 6, stk. 1-3',
    title: 'Pligt til at oplyse om mulig inhabilitet',
    summary:
      'En medarbejder, der kan være inhabil, skal snarest gøre sin foresatte opmærksom på det, medmindre det står klart, at forholdet er uden betydning. Det er myndigheden, der afgør, om der foreligger inhabilitet, og den pågældende medarbejder må ikke selv være med til at træffe den afgørelse.',
    category: 'habilitet',
    citation: fvl('§ 6, stk. 1-3'),
    role: 'norm',
    deadline: inWords('snarest', 'medarbejderen bliver bekendt med forholdet', 'myndighed'),
    sources: ['https://danskelove.dk/forvaltningsloven/6-8'],
    verification: 'yes',
    note: 'Lovteksten er læst på danskelove.dk.',
  },
  {
    id: 'fvl-7-1-vejledning',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 7, stk. 1',
    title: 'Vejledningspligt',
    summary:
      'Når borgere henvender sig med spørgsmål om sager inden for myndighedens område, skal myndigheden give den vejledning og hjælp, der er nødvendig. Pligten udbygges af uskrevne regler og god forvaltningsskik; efter omstændighederne skal myndigheden fx gøre borgeren opmærksom på, hvordan vedkommende kan stille sig bedre retligt.',
    category: 'vejledning',
    citation: fvl('§ 7, stk. 1'),
    role: 'norm',
    deadline: null,
    sources: ['https://danskelove.dk/forvaltningsloven/6-8', 'https://admin.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/5-vejledning'],
    verification: 'yes',
    note: 'Lovteksten er læst på danskelove.dk; desuden ombudsmandens myndighedsguide, overblik nr. 5 (opdateret 2. oktober 2024).',
  },
  {
    id: 'fvl-7-2-videresendelse',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 7, stk. 2',
    title: 'Videresendelse til rette myndighed',
    summary:
      'Modtager myndigheden en skriftlig henvendelse, som hører under en anden forvaltningsmyndighed, skal den så vidt muligt sende henvendelsen videre til den myndighed, der er den rette.',
    category: 'vejledning',
    citation: fvl('§ 7, stk. 2'),
    role: 'norm',
    deadline: null,
    sources: ['https://danskelove.dk/forvaltningsloven/6-8', 'https://aktindsigtshaandbogen.dk/qa/administrativ-klagevejledning/?KeyListPageQuery=5404'],
    verification: 'yes',
    note: 'Lovteksten er læst på danskelove.dk. Om myndigheden også skal give afsenderen besked om videresendelsen, er ikke kontrolleret.',
  },
  {
    id: 'fvl-8-partsrepraesentation',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 8, stk. 1-2',
    title: 'Partsrepræsentant og bisidder',
    summary:
      'En part har ret til på ethvert trin af sagen at lade sig repræsentere af en anden eller at have en bisidder med. Myndigheden kan dog forlange, at parten selv medvirker, når det har betydning for afgørelsen, og retten kan være begrænset af lovgivningen eller af væsentlige hensyn.',
    category: 'partsrettigheder',
    citation: fvl('§ 8, stk. 1-2'),
    role: 'norm',
    deadline: null,
    sources: ['https://danskelove.dk/forvaltningsloven/6-8'],
    verification: 'yes',
    note: 'Lovteksten er læst på danskelove.dk.',
  },
  {
    id: 'fvl-9-partsaktindsigt',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 9, stk. 1-5',
    title: 'Partsaktindsigt',
    summary:
      'Den, der er part i en sag, hvor der træffes afgørelse, har ret til indsigt i sagens dokumenter og journalindførsler, bortset fra det, der kan undtages efter §§ 12-15 b. Tavshedspligt begrænser ikke partens adgang til aktindsigt, undtagen i tilfælde omfattet af § 15 a.',
    category: 'aktindsigt',
    citation: fvl('§ 9, stk. 1-5'),
    role: 'norm',
    deadline: null,
    sources: ['https://elov.dk/forvaltningsloven/9/', 'https://pav.medst.dk/forvaltningsret-persondataloven-mv/forvaltningsloven/partsaktindsigt/'],
    verification: 'yes',
    note: 'Den konsoliderede tekst (LBK 433/2014 med senere ændringer) er læst på elov.dk.',
  },
  {
    id: 'fvl-9b-udsaettelse',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 9 b',
    title: 'Udsættelse af afgørelse ved aktindsigt',
    summary:
      'Anmoder en part om aktindsigt, inden sagen er afgjort, må myndigheden ikke træffe afgørelse, før parten har haft adgang til dokumenterne – medmindre en lovfastsat frist så ville blive overskredet, eller tungtvejende hensyn taler imod at vente.',
    category: 'aktindsigt',
    citation: fvl('§ 9 b'),
    role: 'norm',
    deadline: null,
    sources: ['https://info.skat.dk/data.aspx?oid=2292848&chk=217272'],
    verification: 'partial',
    note: 'Bestemmelsen er kun set gengivet i Skattestyrelsens juridiske vejledning; selve lovteksten er ikke læst.',
  },
  {
    id: 'fvl-16-aktindsigt-frist',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 16, stk. 2',
    title: 'Frist for svar på partsaktindsigt (fristbrev)',
    summary:
      'Har myndigheden ikke imødekommet eller afslået en anmodning om partsaktindsigt senest 7 arbejdsdage efter, at den kom ind, skal parten underrettes om grunden til forsinkelsen og om, hvornår en afgørelse kan forventes.',
    category: 'aktindsigt',
    citation: fvl('§ 16, stk. 2'),
    role: 'norm',
    deadline: computable(7, 'arbejdsdage', '7 arbejdsdage', 'myndighedens modtagelse af anmodningen', 'myndighed', {
      owes: 'en afgørelse om aktindsigt eller besked om grunden til forsinkelsen og om, hvornår afgørelsen kommer',
    }),
    sources: [
      'https://www.lejre.dk/borger/boern-unge-og-familie/boern-og-unge-med-saerlig-behov/hvad-er-mine-rettigheder/aktindsigt',
      'https://stevns.dk/om-kommunen/aktindsigt',
      'https://ringsted.dk/kommunen/dialog-indflydelse/sagsbehandling',
    ],
    verification: 'partial',
    note: 'Paragraf og frist er bekræftet af flere kommuners hjemmesider (Lejre henviser direkte til § 16, stk. 2), men lovteksten er ikke læst. Før 2014 var fristen 10 dage.',
  },
  {
    id: 'fvl-17-klagefrist-aktindsigt',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 17',
    title: 'Aktindsigt og klagefrist',
    summary: 'Beder en part om aktindsigt, før klagefristen er udløbet, kan det påvirke klagefristen, som efter omstændighederne forlænges.',
    category: 'aktindsigt',
    citation: fvl('§ 17'),
    role: 'norm',
    deadline: null,
    sources: ['https://www.dukh.dk/Guides-og-Praksisnyt/@48/Praksisnyt-39---Overskridelse-af-klagefrist'],
    verification: 'partial',
    note: 'Kun nævnt af Den Uvildige Konsulentordning på Handicapområdet (DUKH); de nøjagtige betingelser er ikke kontrolleret.',
  },
  {
    id: 'fvl-19-partshoering',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 19, stk. 1',
    title: 'Partshøring',
    summary:
      'Inden der træffes afgørelse, skal myndigheden orientere parten om oplysninger om sagens faktiske omstændigheder og om eksterne faglige vurderinger – fx en lægekonsulents udtalelse – som parten ikke må formodes at kende, når de taler imod parten og har væsentlig betydning for afgørelsen. Parten skal have lejlighed til at komme med en udtalelse, og myndigheden kan sætte en frist for den.',
    category: 'partshøring',
    citation: fvl('§ 19, stk. 1'),
    role: 'norm',
    deadline: inWords('rimelig frist fastsat af myndigheden', 'partshøringsbrevet', 'borger', 'partens eventuelle bemærkninger til oplysningerne'),
    sources: [
      'https://www.retsinformation.dk/Forms/R0710.aspx?id=40686',
      'https://ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/9-partshoering',
      'https://pav.medst.dk/forvaltningsret-persondataloven-mv/forvaltningsloven/hoeringsfrister/',
      'https://www.kl.dk/okonomi-og-administration/kommunaljura/forvaltningsret/partshoering/',
    ],
    verification: 'yes',
    note: 'Indholdet er bekræftet af en artikel fra Ankestyrelsen, af ombudsmandens overblik nr. 9 og af KL’s gennemgang af partshøring, som udtrykkeligt omfatter eksterne faglige vurderinger. Partshøring er en garantiforskrift, så en tilsidesættelse kan gøre afgørelsen ugyldig.',
  },
  {
    id: 'fvl-19-2-20-undtagelser',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 19, stk. 2, og § 20',
    title: 'Undtagelser fra partshøring',
    summary:
      'Myndigheden kan kun i snævert afgrænsede tilfælde undlade partshøring – fx når det er ubetænkeligt, når en lovfastsat frist ellers ikke kan holdes, eller når parten kan få sagen genoptaget efter anmodning. Bruges den sidste mulighed, skal parten sammen med afgørelsen have oplysningerne og besked om adgangen til genoptagelse.',
    category: 'partshøring',
    citation: fvl('§ 19, stk. 2, og § 20'),
    role: 'norm',
    deadline: null,
    sources: ['https://pav.medst.dk/forvaltningsret-persondataloven-mv/forvaltningsloven/partshoering-efter-forvaltningsloven/undtagelser/'],
    verification: 'partial',
    note: 'Gengivet i den statslige Personaleadministrative Vejledning; lovteksten er ikke læst.',
  },
  {
    id: 'fvl-21-udsaettelse',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 21, stk. 1-2',
    title: 'Ret til at udtale sig – krav om udsættelse',
    summary:
      'En part kan til enhver tid forlange, at sagen ikke afgøres, før parten har haft lejlighed til at udtale sig, og myndigheden kan sætte en frist for udtalelsen. Retten gælder ikke, når en lovfastsat frist så ville blive overskredet, når tungtvejende hensyn taler imod, eller når partens ret til at udtale sig er sikret på anden måde i lovgivningen.',
    category: 'partshøring',
    citation: fvl('§ 21, stk. 1-2'),
    role: 'norm',
    deadline: inWords('frist fastsat af myndigheden', 'partens krav om udsættelse', 'borger', 'partens udtalelse'),
    sources: ['https://www.elov.dk/forvaltningsloven/paragraf/21/'],
    verification: 'yes',
    note: 'Den konsoliderede lovtekst er læst på elov.dk.',
  },
  {
    id: 'fvl-22-begrundelse',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 22',
    title: 'Begrundelsespligt',
    summary: 'Afgørelser, der meddeles skriftligt, skal ledsages af en begrundelse, medmindre parten får fuldt medhold.',
    category: 'begrundelse',
    citation: fvl('§ 22'),
    role: 'norm',
    deadline: null,
    sources: ['https://danskelove.dk/forvaltningsloven/22', 'https://www.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/10-begrundelse'],
    verification: 'yes',
    note: 'Lovteksten er læst på danskelove.dk.',
  },
  {
    id: 'fvl-23-mundtlig-afgoerelse',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 23',
    title: 'Skriftlig begrundelse for mundtlig afgørelse',
    summary:
      'Er en afgørelse meddelt mundtligt, kan parten forlange at få en skriftlig begrundelse. Ønsket skal fremsættes senest 14 dage efter, at parten fik afgørelsen at vide, og myndigheden skal så vidt muligt svare inden 14 dage; kan det ikke lade sig gøre, skal parten have at vide hvorfor, og hvornår svaret kan ventes.',
    category: 'begrundelse',
    citation: fvl('§ 23'),
    role: 'norm',
    // The amount is the authority's reply deadline, so it is shown unrolled (§ b.3); the party's
    // own 14 days to ask are in `from`, as the reference words it.
    deadline: computable(
      14,
      'dage',
      '14 dage (myndighedens svarfrist)',
      'myndighedens modtagelse af anmodningen (myndighedens svarfrist); parten selv: 14 dage fra meddelelse af afgørelsen',
      'myndighed',
      { owes: 'en skriftlig begrundelse eller besked om, hvorfor den ikke kan gives inden for fristen, og hvornår den kommer' },
    ),
    sources: [
      'https://www.behandlosordentligt.dk/afgoerelser/',
      'https://www.fibromyalgi.dk/raadgivning/lovgivning-om-det-sociale-omraade-og-beskaeftigelse/forvaltningsloven/',
      'https://aarhus.dk/om-kommunen/sociale-forhold-og-beskaeftigelse/ret-pligt-og-frister-i-sociale-forhold-og-beskaeftigelse/',
      'https://www.kl.dk/okonomi-og-administration/kommunaljura/forvaltningsret/begrundelse-og-klagevejledning/',
    ],
    verification: 'partial',
    note: 'Begge 14-dagesfrister er gengivet ens af tre uafhængige sekundære kilder, og KL bekræfter princippet; lovteksten er ikke læst direkte. Myndighedens 14 dage regnes fra det tidspunkt, hvor myndigheden selv får anmodningen – ikke fra partens modtagelse af noget.',
  },
  {
    id: 'fvl-24-begrundelsens-indhold',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 24',
    title: 'Begrundelsens indhold',
    summary:
      'En begrundelse skal nævne de retsregler, afgørelsen hviler på, og – hvor afgørelsen bygger på et skøn – de hovedhensyn, der var udslagsgivende. Hvis det er nødvendigt, skal den også kort gøre rede for de faktiske oplysninger, der har haft væsentlig betydning for resultatet.',
    category: 'begrundelse',
    citation: fvl('§ 24'),
    role: 'norm',
    deadline: null,
    sources: [
      'https://www.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/10-begrundelse',
      'https://www.kl.dk/Jura-og-forvaltning/Hvordan-skal-man-begrunde-en-afgorelse-pa-et-omrade-hvor-der-ikke-galder-skrevne-retsregler--id40970/?n=0&section=31275',
    ],
    verification: 'yes',
    note: 'Indholdet stammer fra ombudsmandens overblik nr. 10, paragrafnummeret fra KL.',
  },
  {
    id: 'fvl-25-klagevejledning',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 25, stk. 1',
    title: 'Klagevejledning',
    summary:
      'Kan en skriftlig afgørelse påklages, skal den ledsages af vejledning om, hvem der er klageinstans, hvordan man klager, og om en eventuel klagefrist – og så vidt nødvendigt om begrænsninger i, hvad klageinstansen kan tage stilling til. Det gælder ikke, når parten får fuldt medhold.',
    category: 'klagevejledning',
    citation: fvl('§ 25, stk. 1'),
    role: 'norm',
    deadline: null,
    sources: ['https://pav.medst.dk/forvaltningsret-persondataloven-mv/forvaltningsloven/klagevejledning/'],
    verification: 'yes',
    note: 'Indhold og paragraf er gengivet i Personaleadministrativ Vejledning. Manglende eller mangelfuld klagevejledning kan betyde, at klagefristen udskydes eller ikke løber (DUKH og Ankestyrelsens principafgørelser).',
  },
  {
    id: 'fvl-26-soegsmaalsfrist',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 26',
    title: 'Oplysning om frist for domstolsprøvelse',
    summary: 'Skal en afgørelse efter lovgivningen indbringes for domstolene inden for en bestemt frist, skal afgørelsen gøre opmærksom på fristen.',
    category: 'klagevejledning',
    citation: fvl('§ 26'),
    role: 'norm',
    deadline: null,
    sources: ['https://krim.dk/undersider/jura/forvaltningsloven/forvaltningslovens-paragraf-26.htm'],
    verification: 'yes',
    note: 'Lovteksten er gengivet på krim.dk.',
  },
  {
    id: 'fvl-27-tavshedspligt',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 27',
    title: 'Tavshedspligt',
    summary:
      'Ansatte i den offentlige forvaltning har tavshedspligt efter straffelovens § 152 og de tilknyttede bestemmelser, når en oplysning er fortrolig. Forvaltningsloven opregner, hvilke hensyn der kan gøre en oplysning fortrolig, bl.a. hensynet til enkeltpersoners private forhold.',
    category: 'tavshedspligt',
    citation: fvl('§ 27'),
    role: 'norm',
    deadline: null,
    sources: [
      'https://info.skat.dk/data.aspx?oid=1898699&chk=215594',
      'https://ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/19-offentligt-ansattes-almindelige-tavshedspligt',
    ],
    verification: 'yes',
    note: 'Skattestyrelsens juridiske vejledning og ombudsmandens overblik nr. 19.',
  },
  {
    id: 'fvl-28-videregivelse',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 28, stk. 1-5',
    title: 'Videregivelse til anden forvaltningsmyndighed',
    summary:
      'Når personoplysninger videregives manuelt til en anden forvaltningsmyndighed, gælder databeskyttelsesforordningens og databeskyttelseslovens regler; elektronisk videregivelse er i forvejen omfattet af dem. Andre fortrolige oplysninger må kun videregives, hvis den, oplysningen angår, udtrykkeligt har givet samtykke, hvis det følger af lov, eller hvis oplysningen har væsentlig betydning for den modtagende myndigheds opgave eller afgørelse.',
    category: 'tavshedspligt/videregivelse',
    citation: fvl('§ 28, stk. 1-5'),
    role: 'norm',
    deadline: null,
    sources: ['https://elov.dk/forvaltningsloven/28/'],
    verification: 'yes',
    note: 'Den konsoliderede tekst efter lov nr. 503/2018 er læst på elov.dk. Bemærk, at danskelove.dk viser en ældre udgave, der henviser til persondataloven.',
  },
  {
    id: 'fvl-29-indhentning',
    lawShort: 'FVL',
    lawFull: FVL,
    paragraph: '§ 29',
    title: 'Indhentning af oplysninger i ansøgningssager',
    summary:
      'I sager, der er startet ved en ansøgning, må myndigheden som hovedregel ikke hente oplysninger om ansøgerens rent private forhold hos andre dele af forvaltningen eller hos andre myndigheder, medmindre ansøgeren har givet samtykke, der er hjemmel i lov, eller særligt tungtvejende hensyn gør det nødvendigt.',
    category: 'tavshedspligt/videregivelse',
    citation: fvl('§ 29'),
    role: 'norm',
    deadline: null,
    sources: ['https://www.yumpu.com/da/document/view/17625091/download-som-pdf-institut-for-menneskerettigheder/82'],
    verification: 'partial',
    note: 'Kun set i en ældre sekundær kilde fra Institut for Menneskerettigheder; den gældende ordlyd efter ændringerne i 2018 er ikke kontrolleret.',
  },

  // ── Offentlighedsloven ───────────────────────────────────────────────────────────────────
  {
    id: 'ofl-7-aktindsigt',
    lawShort: 'OFL',
    lawFull: OFL,
    paragraph: '§ 7, stk. 1-3',
    title: 'Aktindsigt for enhver',
    summary:
      'Alle kan forlange aktindsigt i dokumenter, som en myndighed har modtaget eller selv har oprettet i en administrativ sag, og i sagens journalindførsler – med de undtagelser, der følger af §§ 19-35. Dokumenter, som myndigheden selv har sendt ud, er først omfattet fra dagen efter afsendelsen.',
    category: 'aktindsigt',
    citation: ofl('§ 7, stk. 1-3'),
    role: 'norm',
    deadline: null,
    sources: ['https://danskelove.dk/offentlighedsloven/7'],
    verification: 'yes',
    note: 'Lovteksten er læst på danskelove.dk.',
  },
  {
    id: 'ofl-13-notatpligt',
    lawShort: 'OFL',
    lawFull: OFL,
    paragraph: '§ 13, stk. 1-3',
    title: 'Notatpligt',
    summary:
      'I sager, hvor der skal træffes afgørelse, skal myndigheden snarest muligt skrive et notat om mundtlige oplysninger om sagens faktiske grundlag og om eksterne faglige vurderinger, der har betydning for afgørelsen (stk. 1), og om væsentlige ekspeditionsskridt (stk. 2) – medmindre det allerede kan ses af sagens dokumenter. Pligten gælder ikke i strafferetsplejen (stk. 3).',
    category: 'dokumentation',
    citation: ofl('§ 13, stk. 1-3'),
    role: 'norm',
    deadline: inWords('snarest muligt', 'myndigheden bliver bekendt med oplysningen / foretager skridtet', 'myndighed', 'et notat om oplysningen eller ekspeditionsskridtet'),
    sources: [
      'https://aktivsocialraadgiver.dk/video-guide-notatpligten-%C2%A7-13-lov-om-offentlighed-i-forvaltningen/',
      'https://aktindsigtshaandbogen.dk/aktindsigt-trin-for-trin/haandtering-af-aktindsigt/myndighedens-pligter/notatpligt-13/?KeyListPageQuery=5404',
      'https://ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/2-notatpligt',
    ],
    verification: 'yes',
    note: 'Notatpligten findes i offentlighedsloven § 13, ikke i forvaltningsloven. Lovteksten er gengivet med henvisning til LBK 145/2020. Uden for afgørelsessager kan der gælde en ulovbestemt notatpligt (ombudsmandens overblik nr. 2).',
  },
  {
    id: 'ofl-15-journalisering',
    lawShort: 'OFL',
    lawFull: OFL,
    paragraph: '§ 15, stk. 1-6',
    title: 'Journaliseringspligt',
    summary:
      'Dokumenter, som myndigheden modtager eller sender, og som har betydning for en sag, skal snarest muligt journaliseres med dato og en kort angivelse af emnet; det samme gælder interne dokumenter, når de foreligger i endelig form. Pligten omfatter bl.a. kommunernes centralforvaltning.',
    category: 'dokumentation',
    citation: ofl('§ 15, stk. 1-6'),
    role: 'norm',
    deadline: inWords('snarest muligt', 'modtagelse eller afsendelse af dokumentet', 'myndighed', 'journalisering af dokumentet'),
    sources: [
      'https://www.elov.dk/offentlighedsloven/15/',
      'https://danskelove.dk/offentlighedsloven/15-17i',
      'https://www.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/7-journalisering',
    ],
    verification: 'yes',
    note: 'Lovteksten (LBK 145/2020) er læst på elov.dk og danskelove.dk.',
  },
  {
    id: 'ofl-36-frist',
    lawShort: 'OFL',
    lawFull: OFL,
    paragraph: '§ 36, stk. 2',
    title: 'Frist for aktindsigt (7 arbejdsdage, fristbrev)',
    summary:
      'Myndigheden skal træffe afgørelse om aktindsigt hurtigst muligt og som hovedregel senest 7 arbejdsdage efter, at anmodningen er kommet ind. Kan fristen ikke holdes, fx fordi anmodningen er omfattende eller kompliceret, skal ansøgeren inden fristens udløb have besked om grunden og om, hvornår afgørelsen kan ventes. Efter forarbejderne kan behandlingen i særlige tilfælde tage op til 14 eller 40 arbejdsdage. At myndigheden holder ferielukket, giver ikke i sig selv ret til at overskride fristen.',
    category: 'aktindsigt',
    citation: ofl('§ 36, stk. 2'),
    role: 'norm',
    deadline: computable(7, 'arbejdsdage', '7 arbejdsdage', 'myndighedens modtagelse af anmodningen', 'myndighed', {
      owes: 'en afgørelse eller besked om, hvornår den kommer',
    }),
    sources: [
      'https://pre.aktindsigtshaandbogen.dk/qoga/sagsbehandlingsfrister.html',
      'https://www.ombudsmanden.dk/find-viden/udtalelser/2021/2021-1',
      'https://www.offentlighedsportalen.dk/dokument/211730',
      'https://sonderborgkommune.dk/sagsbehandlingstid',
    ],
    verification: 'yes',
    note: 'Frist og paragraf er bekræftet af Aktindsigtshåndbogen, FOB 2021-1 og en udtalelse fra Økonomi- og Indenrigsministeriet (et juleluk kunne undtagelsesvis begrunde en overskridelse). Grænserne på 14 og 40 arbejdsdage står i forarbejderne, ikke i loven.',
  },
  {
    id: 'ofl-37-klage',
    lawShort: 'OFL',
    lawFull: OFL,
    paragraph: '§ 37, stk. 1-3',
    title: 'Klage over afgørelse om aktindsigt',
    summary:
      'En afgørelse om aktindsigt kan påklages for sig til den øverste klageinstans. Klagen indgives til den myndighed, der traf afgørelsen; fastholder myndigheden afgørelsen, skal klagen sendes videre snarest og som hovedregel inden 7 arbejdsdage. Klageinstansen skal som hovedregel afgøre sagen inden 20 arbejdsdage og ellers orientere klageren.',
    category: 'aktindsigt',
    citation: ofl('§ 37, stk. 1-3'),
    role: 'norm',
    deadline: computable(
      7,
      'arbejdsdage',
      '7 arbejdsdage (videresendelse); klageinstansen: 20 arbejdsdage',
      'myndighedens modtagelse af klagen (videresendelse); klageinstans: 20 arbejdsdage fra modtagelse',
      'myndighed',
      { owes: 'videresendelse af klagen til klageinstansen, hvis afgørelsen fastholdes' },
    ),
    sources: ['https://www.elov.dk/offentlighedsloven/paragraf/37/', 'https://ast.dk/tilsynet/sadan-behandler-tilsynet-en-sag/aktindsigt-i-kommuner-og-regioner/klagevejledning'],
    verification: 'yes',
    note: 'Den konsoliderede tekst (LBK 145/2020) er læst på elov.dk. For kommunernes vedkommende er Ankestyrelsen (tilsynet) klageinstans i en række sager.',
  },
  {
    id: 'ofl-39-klage-sagsbehandlingstid',
    lawShort: 'OFL',
    lawFull: OFL,
    paragraph: '§ 39, stk. 1-3',
    title: 'Klage over sagsbehandlingstid i aktindsigtssager',
    summary:
      'Er en anmodning om aktindsigt ikke færdigbehandlet, når der er gået 14 arbejdsdage, kan ansøgeren klage alene over sagsbehandlingstiden. Har myndigheden ikke afsluttet sagen senest 7 arbejdsdage efter klagen, skal den sende klagen videre til klageinstansen med en begrundelse, og klageinstansen har som hovedregel 20 arbejdsdage til sin afgørelse.',
    category: 'aktindsigt',
    citation: ofl('§ 39, stk. 1-3'),
    role: 'norm',
    deadline: computable(14, 'arbejdsdage', '14 arbejdsdage', 'myndighedens modtagelse af aktindsigtsanmodningen', 'myndighed', {
      owes: 'en afgørelse om aktindsigt; ellers kan ansøgeren klage over sagsbehandlingstiden',
    }),
    sources: [
      'https://www.elov.dk/offentlighedsloven/paragraf/39/',
      'https://aktindsigtshaandbogen.dk/aktindsigt-trin-for-trin/afgoerelse-og-klage/klage/klage-over-sagsbehandlingstiden-39/?KeyListPageQuery=5404',
    ],
    verification: 'yes',
    note: 'Lovteksten er læst på elov.dk. Nogle kommuners hjemmesider skriver fejlagtigt »14 dage« i stedet for 14 arbejdsdage.',
  },

  // ── Retssikkerhedsloven ──────────────────────────────────────────────────────────────────
  {
    id: 'rsl-3-frister',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 3, stk. 1-2',
    title: 'Sagsbehandlingsfrister på det sociale område',
    summary:
      'Kommunen skal behandle spørgsmål om hjælp så hurtigt som muligt og fastsætte frister for, hvor lang tid der højst må gå, fra en ansøgning kommer ind, til der er truffet afgørelse. Kan fristen ikke overholdes, skal borgeren – inden fristen udløber – have skriftlig besked om, hvornår afgørelsen kan forventes. Fristerne skal offentliggøres.',
    category: 'sagsbehandlingstid',
    citation: rsl('§ 3, stk. 1-2'),
    role: 'norm',
    // § b.1: the § 3 deadlines run from the application, not from when the case is fully informed.
    deadline: inWords('kommunalt fastsat frist', 'kommunens modtagelse af ansøgningen (ikke fra sagen er oplyst)', 'myndighed', 'en afgørelse eller skriftlig besked om, hvornår den kan ventes'),
    sources: [
      'https://www.retsinformation.dk/forms/R0710.aspx?id=20928',
      'https://www.hk.dk/aktuelt/nyheder/2019/04/08/ankestyrelsen-giver-klar-besked-om-sagsbehandlingsfrister',
      'https://www.kk.dk/nyheder/kommunen-har-generelt-styr-p%C3%A5-fasts%C3%A6ttelse-og-offentligg%C3%B8relse-af-sagsbehandlingsfrister',
      'https://psykiatri.randers.dk/hvordan-faar-jeg-hjaelp/sagsbehandlingstider/',
    ],
    verification: 'yes',
    note: 'Ordlyden af stk. 1-2 er set i en ældre lovbekendtgørelse på retsinformation.dk. Ankestyrelsen (Nordfyns-sagen, 2019): fristen regnes fra ansøgningen til afgørelsen, og besked om forlængelse skal gives, før fristen udløber, også selv om der ikke kan nævnes en bestemt dato. Det er uafklaret, om pligten til offentliggørelse står i § 3, stk. 2 (Københavns Borgerrådgiver) eller i en § 3 a (Tønder Kommune).',
  },
  {
    id: 'rsl-4-medvirken',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 4',
    title: 'Borgerens ret til at medvirke',
    summary: 'Kommunen skal give borgeren mulighed for at være med i behandlingen af sin egen sag og indrette sagsforløbet, så denne medvirken kan lade sig gøre.',
    category: 'inddragelse',
    citation: rsl('§ 4'),
    role: 'norm',
    deadline: null,
    sources: ['https://www.aarhus.dk/om-kommunen/sociale-forhold-og-beskaeftigelse/ret-pligt-og-frister-i-sociale-forhold-og-beskaeftigelse/rettigheder/'],
    verification: 'partial',
    note: 'Aarhus Kommune gengiver indholdet uden at nævne paragraffen; at reglen står i § 4, er ikke bekræftet.',
  },
  {
    id: 'rsl-5-helhedsvurdering',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 5',
    title: 'Bred behandling af ansøgninger (helhedsvurdering)',
    summary:
      'Kommunen skal behandle en ansøgning eller henvendelse om hjælp bredt – i forhold til alle de hjælpemuligheder, den sociale lovgivning giver – og ud fra en helhedsvurdering af borgerens samlede situation.',
    category: 'sagsoplysning',
    citation: rsl('§ 5'),
    role: 'norm',
    deadline: null,
    sources: ['https://star.dk/ydelser/pension-og-efterloen/folkepension-tidlig-pension-foertidspension-og-seniorpension/foertidspension-ny-ordning/tilkendelse-af-foertidspension'],
    verification: 'partial',
    note: 'Styrelsen for Arbejdsmarked og Rekruttering (STAR) gengiver princippet med henvisning til retssikkerhedsloven, men uden paragrafnummer; at det er § 5, er ikke bekræftet.',
  },
  {
    id: 'rsl-10-officialprincip',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 10',
    title: 'Officialprincippet – sagen skal være oplyst',
    summary:
      'Det er myndighedens ansvar, at sagen er tilstrækkeligt belyst, inden der træffes afgørelse. Myndigheden må ikke afgøre sagen forhastet på et ufuldstændigt grundlag og må heller ikke pålægge borgeren unødvendige byrder med at skaffe oplysninger.',
    category: 'sagsoplysning',
    citation: rsl('§ 10'),
    role: 'norm',
    deadline: null,
    sources: [
      'https://sociale-rettigheder.dk/hvordan-behandles-sager-om-foertidspension-paa-det-foreliggende-grundlag/',
      'https://ast.dk/om-ankestyrelsen/artikler-om-styrelsen-generelt-fra-ankestyrelsens-faglig-nyhedsbrev-nyt-fra-ankestyrelsen/vores-opgaver/artikel-om-at-have-eller-skaffe-oplysninger-i-en-sag/om-at-have-eller-skaffe-oplysninger-i-en-sag',
      'https://www.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/8-officialprincippet',
    ],
    verification: 'partial',
    note: 'Selve princippet er bekræftet af Ankestyrelsen og ombudsmandens overblik nr. 8, hvor det beskrives som en uskreven retsgrundsætning og en garantiforskrift. Paragrafnummeret § 10 er kun angivet i en sekundær kilde.',
  },
  {
    id: 'rsl-11-medvirkenpligt',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 11',
    title: 'Borgerens pligt til at medvirke og oplyse',
    summary:
      'Kommunen kan anmode borgeren om at hjælpe med at fremskaffe oplysninger i sagen, fx ved at lade sig undersøge af en læge, og borgeren har pligt til at give besked om ændringer, der kan have betydning for hjælpen.',
    category: 'sagsoplysning',
    citation: rsl('§ 11'),
    role: 'norm',
    deadline: null,
    sources: [
      'https://ast.dk/om-ankestyrelsen/artikler-om-styrelsen-generelt-fra-ankestyrelsens-faglig-nyhedsbrev-nyt-fra-ankestyrelsen/vores-opgaver/artikel-om-at-have-eller-skaffe-oplysninger-i-en-sag/om-at-have-eller-skaffe-oplysninger-i-en-sag',
    ],
    verification: 'partial',
    note: 'Ankestyrelsens artikel fra 2016 henviser til § 11; den nuværende inddeling i stykker er ikke kontrolleret.',
  },
  {
    id: 'rsl-11a-11c-indhentning',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§§ 11 a og 11 c',
    title: 'Indhentning af oplysninger med og uden samtykke',
    summary:
      'Med borgerens samtykke – og i visse tilfælde også uden – kan kommunen indhente oplysninger hos andre, fx læger, sygehuse og andre myndigheder. Hvor det er muligt, skal kommunen selv sørge for at skaffe oplysningerne i stedet for at overlade opgaven til borgeren.',
    category: 'sagsoplysning',
    citation: rsl('§§ 11 a og 11 c'),
    role: 'norm',
    deadline: null,
    sources: [
      'https://danskelove.dk/retssikkerhedsloven/12',
      'https://ast.dk/om-ankestyrelsen/artikler-om-styrelsen-generelt-fra-ankestyrelsens-faglig-nyhedsbrev-nyt-fra-ankestyrelsen/vores-opgaver/artikel-om-at-have-eller-skaffe-oplysninger-i-en-sag/om-at-have-eller-skaffe-oplysninger-i-en-sag',
    ],
    verification: 'partial',
    note: 'At §§ 11 a og 11 c findes, er bekræftet gennem henvisningen i § 12; bestemmelsernes ordlyd er ikke læst.',
  },
  {
    id: 'rsl-11b-konsekvens',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 11 b',
    title: 'Konsekvens, hvis borgeren ikke medvirker',
    summary:
      'Hvis borgeren ikke medvirker til at oplyse sagen, kan kommunen træffe afgørelse på det foreliggende grundlag eller standse hjælpen – men kun hvis borgeren forinden skriftligt er gjort bekendt med, hvad følgen vil være.',
    category: 'sagsoplysning',
    citation: rsl('§ 11 b'),
    role: 'norm',
    deadline: null,
    sources: ['https://danskelove.dk/retssikkerhedsloven/12'],
    verification: 'partial',
    note: 'Bestemmelsens eksistens og emne er bekræftet gennem henvisningen i § 12, nr. 3; ordlyden er ikke læst.',
  },
  {
    id: 'rsl-12-skriftlig-besked',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 12',
    title: 'Skriftlig besked om oplysningsindhentning, kontrol og konsekvenser',
    summary:
      'Myndigheden skal give borgeren skriftlig besked om, at den kan indhente oplysninger og foretage kontrol, om hvad det får af følger, hvis borgeren ikke medvirker, om hvilke ændringer borgeren skal give besked om, og om at manglende oplysning kan føre til krav om tilbagebetaling og til straf.',
    category: 'vejledning',
    citation: rsl('§ 12'),
    role: 'norm',
    deadline: null,
    sources: ['https://danskelove.dk/retssikkerhedsloven/12'],
    verification: 'yes',
    note: 'Lovteksten er læst på danskelove.dk.',
  },
  {
    id: 'rsl-66-genvurdering',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 66 (frist i retssikkerhedsbekendtgørelsen)',
    title: 'Genvurdering før klagen sendes til Ankestyrelsen',
    summary:
      'Klagen sendes til den myndighed, der har truffet afgørelsen, og den skal genvurdere sagen for at se, om klageren kan få helt eller delvis medhold. Fastholder myndigheden afgørelsen, sender den klagen videre til Ankestyrelsen sammen med sin begrundelse og sagens akter. Det skal ske senest 4 uger efter, at klagen er modtaget; kan fristen ikke holdes, fordi der er kommet nye oplysninger eller vurderinger, skal klageren have besked om, hvornår det forventes at ske.',
    category: 'klage',
    citation: `${rsl('§ 66')} og bekendtgørelsen om retssikkerhed og administration på det sociale område`,
    role: 'norm',
    // The authority's own deadline: not moved past a weekend or holiday (§ b.3).
    deadline: computable(4, 'uger', '4 uger', 'myndighedens modtagelse af klagen', 'myndighed', {
      owes: 'en genvurdering af afgørelsen og, hvis den fastholdes, videresendelse af klagen til Ankestyrelsen',
    }),
    sources: [
      'https://www.dukh.dk/Guides-og-Praksisnyt/@58/Praksisnyt-50---Genvurdering-i-klagesager',
      'https://ast.dk/for-borgere-med-en-klagesag/din-sag-i-ankestyrelsen/klagevejledning-og-tidsfrister',
      'https://www.dukh.dk/viden-selvhjaelp/tvaergaende/sagsbehandlingsregler/sporgsmal-svar-om-sagsbehandlingsregler/frist-ved-genvurdering',
    ],
    verification: 'yes',
    note: 'At § 66 handler om genvurdering, fremgår af DUKH’s Praksisnyt nr. 50 (februar 2025). Fristen på 4 uger står i bekendtgørelsen om retssikkerhed og administration på det sociale område (ifølge DUKH § 12, stk. 2 – bekendtgørelsens nuværende nummerering er ikke kontrolleret) og bekræftes af Ankestyrelsen. Afgørelser fra børne- og ungeudvalget genvurderes ikke; de påklages direkte.',
  },
  {
    id: 'rsl-67-klagefrist',
    lawShort: 'RSL',
    lawFull: RSL,
    paragraph: '§ 67',
    title: 'Klagefrist 4 uger',
    summary:
      'Klagen skal være modtaget senest 4 uger efter, at klageren har fået besked om afgørelsen. Mangler klagevejledningen eller er den mangelfuld, kan det – alt efter omstændighederne – betyde, at fristen ikke kan gøres gældende over for borgeren, og Ankestyrelsen kan se bort fra en overskridelse, når der er særlige grunde til det. Fristen gælder afgørelser på det sociale område og beskæftigelsesområdet, der er omfattet af retssikkerhedsloven – ikke kommunale afgørelser i almindelighed.',
    category: 'klage',
    citation: rsl('§ 67'),
    role: 'norm',
    // The citizen's klagefrist: a last day on a weekend or holiday moves to the next working day (§ b.3).
    deadline: computable(4, 'uger', '4 uger', 'borgerens modtagelse af afgørelsen (med korrekt klagevejledning)', 'borger', {
      owes: 'at klagen er modtaget af den myndighed, der traf afgørelsen',
      rollForward: true,
    }),
    sources: ['https://www.dukh.dk/Guides-og-Praksisnyt/@48/Praksisnyt-39---Overskridelse-af-klagefrist', 'https://ast.dk/for-borgere-med-en-klagesag/klagefrister/klagefrister'],
    verification: 'yes',
    note: 'DUKH citerer § 67 og punkt 272 i vejledningen om retssikkerhed og administration; §§ 68-69 er ikke kontrolleret. Hvad en mangelfuld klagevejledning betyder for fristen, afhænger af den konkrete sag, og § 67 dækker kun retssikkerhedslovens område.',
  },

  // ── Kommunestyrelsesloven ────────────────────────────────────────────────────────────────
  {
    id: 'ksl-65e-borgerraadgiver',
    lawShort: 'KSL',
    lawFull: KSL,
    paragraph: '§ 65 e',
    title: 'Borgerrådgiverfunktion direkte under kommunalbestyrelsen',
    summary:
      'Kommunalbestyrelsen kan i styrelsesvedtægten oprette en borgerrådgiverfunktion, som ikke er underlagt udvalgene, økonomiudvalget eller borgmesterens daglige ledelse. Borgerrådgiveren rådgiver borgerne og hjælper kommunalbestyrelsen med tilsynet med forvaltningen. Kommunen kan i stedet vælge at placere borgerrådgiveren i den almindelige forvaltning.',
    category: 'borgerrådgiver',
    citation: 'kommunestyrelseslovens § 65 e (lov om kommunernes styrelse)',
    role: 'baggrund',
    deadline: null,
    sources: [
      'https://resumedatabase.im.dk/resumedatabasen/2022/2281-om-oprettelse-af-en-borgerraadgiverfunktion',
      'https://resumedatabase.im.dk/resumedatabasen/2013/1383-om-den-organisatoriske-placering-af-medarbejdere-der-udfoerer-borgerraadgivning-efter-%C2%A7-65-e-i-lov-om-kommunernes-styrelse-og-om-hvorvidt-saadanne-medarbejdere-tillige-kan-varetage-andre-funktioner-som-medarbejdere-i-den-kommunale-administration-',
      'https://ft.dk/samling/20141/almdel/KOU/bilag/40/1505686/index.htm',
      'https://albertslund.dk/politik/kommunalbestyrelsen/styrelsesvedtaegter/kapitel-vii-borgerraadgiver',
    ],
    verification: 'yes',
    note: 'Indholdet er bekræftet af Indenrigsministeriets resumédatabase (2013 og 2022) og et ministerbrev fra 2015; bestemmelsen blev indført i 2009. Lovteksten er ikke læst. Loven sætter ingen frist for forvaltningens svar til borgerrådgiveren; det fastsættes i de lokale vedtægter.',
  },

  // ── God forvaltningsskik og uskrevne grundsætninger ─────────────────────────────────────
  {
    id: 'gfs-rimelig-sagsbehandlingstid',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'Ombudsmandens overblik #11',
    title: 'Sagsbehandling inden for rimelig tid',
    summary:
      'Der findes ingen almindelig lovregel om, hvor lang tid sagsbehandlingen må tage, men god forvaltningsskik kræver, at sager afgøres inden for rimelig tid og ikke trækker unødigt ud – heller ikke i forbindelse med en omorganisering.',
    category: 'sagsbehandlingstid',
    citation: 'god forvaltningsskik om sagsbehandling inden for rimelig tid, jf. bl.a. FOB 2017-14',
    role: 'norm',
    deadline: null,
    sources: ['https://ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/11-sagsbehandlingstid'],
    verification: 'yes',
    note: 'Ombudsmandens overblik nr. 11, opdateret 27. marts 2024 (bl.a. FOB 2017-14).',
  },
  {
    id: 'gfs-underretning-forsinkelse',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'Ombudsmandspraksis (bl.a. sag 2018 om det kommunale tilsyn; Erstatningsnævnet 2022)',
    title: 'Underretning om forventet sagsbehandlingstid',
    summary:
      'Trækker en sag ud, bør myndigheden på eget initiativ give borgeren besked, forklare hvad sagen afventer og angive et tidsrum, inden for hvilket den forventes afsluttet; en standardformulering om, at sagen behandles »hurtigst muligt«, er ikke tilstrækkelig. Det er den myndighed, der skal træffe afgørelsen, der har ansvaret – også når den venter på bidrag fra andre.',
    category: 'sagsbehandlingstid',
    citation: 'god forvaltningsskik om underretning om forventet sagsbehandlingstid (Folketingets Ombudsmands praksis)',
    role: 'norm',
    deadline: null,
    sources: [
      'https://docplayer.dk/114143605-Det-kommunale-tilsyns-sagsbehandlingstid-krav-til-udformning-af-underretninger-26-februar-2018.html',
      'https://www.hk.dk/aktuelt/nyheder/2022/08/29/ansvaret-for-sagsbehandlingstid-ligger-hos-afgoerende-myndighed',
    ],
    verification: 'yes',
    note: 'Ombudsmandens udtalelse af 26. februar 2018 (kendt fra en gengivelse) og omtale af en udtalelse fra 2022.',
  },
  {
    id: 'gfs-besvarelse',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'FOB 04-517',
    title: 'Pligt til at besvare borgernes henvendelser',
    summary:
      'God forvaltningsskik indebærer, at myndigheden så vidt muligt svarer på de breve og spørgsmål, borgerne sender til den; der er visse undtagelser, fx når den samme henvendelse gentages.',
    category: 'god forvaltningsskik',
    citation: 'god forvaltningsskik om besvarelse af henvendelser, jf. FOB 04-517',
    role: 'norm',
    deadline: null,
    sources: ['https://www.ombudsmanden.dk/find-viden/udtalelser/2004/04-517'],
    verification: 'yes',
    note: 'Ombudsmandens udtalelse FOB 04-517.',
  },
  {
    id: 'gfs-tone',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'Ombudsmandens overblik #1 (FOB 2011 21-1)',
    title: 'Venlig og hensynsfuld optræden – tone',
    summary:
      'Myndighedens ansatte skal være venlige og hensynsfulde i deres optræden og opføre sig, så borgernes tillid til forvaltningen styrkes. Det er i strid med god forvaltningsskik at tale eller skrive uhøfligt eller nedladende til en borger.',
    category: 'adfærd',
    citation: 'god forvaltningsskik om venlig og hensynsfuld optræden, jf. FOB 2011 21-1',
    role: 'norm',
    deadline: null,
    sources: ['https://admin.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/1-god-forvaltningsskik'],
    verification: 'yes',
    note: 'Ombudsmandens overblik nr. 1 (opdateret 2. oktober 2024).',
  },
  {
    id: 'gfs-klart-sprog',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'Ombudsmandens overblik #1, afsnit 4.3 (FOB 2019-25)',
    title: 'Klart og forståeligt sprog',
    summary:
      'Det er god forvaltningsskik, at breve og svar til borgerne er skrevet klart og er lette at forstå. Når en meddelelse handler om behandling af personoplysninger, kræver databeskyttelsesforordningens artikel 12 desuden et klart og enkelt sprog.',
    category: 'adfærd',
    citation: 'god forvaltningsskik om klart og forståeligt sprog, jf. FOB 2019-25',
    role: 'norm',
    deadline: null,
    sources: ['https://www.ombudsmanden.dk/myndighedsguiden/generel-forvaltningsret/god_forvaltningsskik/', 'https://gdprinfo.eu/da/da-article-12'],
    verification: 'partial',
    note: 'Kun overskriften og opdateringsnoten til afsnit 4.3 i ombudsmandens overblik er set – ikke selve afsnittet.',
  },
  {
    id: 'gfs-telefon',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'Ombudsmanden 2008 (brev til Velfærdsministeriet)',
    title: 'Telefonisk tilgængelighed',
    summary:
      'God forvaltningsskik tilsiger, at borgerne bliver godt betjent, når de ringer til myndigheden; lang ventetid og besvær med at komme igennem kan give anledning til kritik.',
    category: 'tilgængelighed',
    citation: 'god forvaltningsskik om telefonisk tilgængelighed (Folketingets Ombudsmands praksis)',
    role: 'norm',
    deadline: null,
    sources: ['https://www.ombudsmanden.dk/find-viden/nyheder/2008/myndigheder-boer-give-god-telefonbetjening'],
    verification: 'yes',
    note: 'Ombudsmandens nyhed af 28. maj 2008.',
  },
  {
    id: 'gfs-officialprincip',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'Ombudsmandens overblik #8',
    title: 'Officialprincippet (uskrevet)',
    summary:
      'Myndigheden bærer ansvaret for, at en sag er tilstrækkeligt oplyst, før der træffes afgørelse. Er sagen ikke oplyst godt nok, kan afgørelsen blive ugyldig, eller sagen kan skulle genoptages.',
    category: 'sagsoplysning',
    citation: 'officialprincippet (uskreven forvaltningsretlig grundsætning)',
    role: 'norm',
    deadline: null,
    sources: ['https://www.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/8-officialprincippet'],
    verification: 'yes',
    note: 'Ombudsmandens overblik nr. 8 (opdateret 27. september 2023).',
  },
  {
    id: 'gfs-saglighed-proportionalitet',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'Ombudsmandens overblik #18; almindelige retsgrundsætninger',
    title: 'Saglighed og proportionalitet',
    summary:
      'Når myndigheden griber ind over for en borger – fx ved at begrænse borgerens kontakt med myndigheden – skal indgrebet hvile på saglige grunde, stå i et rimeligt forhold til formålet og som hovedregel være tidsbegrænset, og myndigheden skal vælge det mindst indgribende middel.',
    category: 'materielle grundsætninger',
    citation: 'de almindelige forvaltningsretlige grundsætninger om saglighed og proportionalitet',
    role: 'norm',
    deadline: null,
    sources: [
      'https://ombudsmanden.dk/find-viden/myndighedsguiden/specifikke-sagsomraader/18-myndigheders-mulighed-for-at-begraense-kontakten-med-den-enkelte-borger',
      'https://www.yumpu.com/da/document/view/18301856/nar-ret-skal-vaere-ret-om-at-sikre-servicestyrelsen/7',
    ],
    verification: 'yes',
    note: 'Ombudsmandens overblik nr. 18 (2019) og Servicestyrelsens publikation »Når ret skal være ret«.',
  },
  {
    id: 'gfs-lighed',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: 'Lighedsgrundsætningen',
    title: 'Lighedsprincippet',
    summary:
      'Sager, der ligner hinanden, skal behandles ens. Myndigheden må derfor kende sin egen praksis og følge den – hvilket bl.a. er en af grundene til, at journalisering er vigtig.',
    category: 'materielle grundsætninger',
    citation: 'lighedsgrundsætningen (uskreven forvaltningsretlig grundsætning)',
    role: 'norm',
    deadline: null,
    sources: [
      'https://admin.ombudsmanden.dk/find-viden/myndighedsguiden/generel-forvaltningsret/7-journalisering',
      'https://www.yumpu.com/da/document/view/18301856/nar-ret-skal-vaere-ret-om-at-sikre-servicestyrelsen/7',
    ],
    verification: 'partial',
    note: 'Kun berørt i forbindelse med journalisering og begrebet retssikkerhed; der er ikke læst et selvstændigt overblik fra ombudsmanden om princippet.',
  },
  {
    // Verified `no` (legal-rules.md § d, item 9): shipped because cancelled meetings are a core
    // complaint type, as background with the "ikke fuldt verificeret" mark; it can never be recorded
    // as breached (an adviser who relies on the norm writes it as an own rule).
    id: 'gfs-aflysning-moeder',
    lawShort: 'GFS',
    lawFull: GFS,
    paragraph: '–',
    title: 'Aflysning af møder / varsling',
    summary:
      'Forventet norm, som ikke er belagt med kilder: aflyser kommunen et møde, bør borgeren have besked i god tid, og aflysningen bør ikke stille borgeren dårligere.',
    category: 'adfærd',
    citation: 'god forvaltningsskik',
    role: 'baggrund',
    deadline: null,
    sources: [],
    verification: 'no',
    note: 'Der er IKKE fundet nogen kilde. Indtil normen er kontrolleret, må den kun bruges som rådgiverens egen vurdering efter god forvaltningsskik.',
  },

  // ── Databeskyttelse ──────────────────────────────────────────────────────────────────────
  {
    id: 'gdpr-12-3-svarfrist',
    lawShort: 'GDPR',
    lawFull: GDPR,
    paragraph: 'Art. 12, stk. 3',
    title: 'Svarfrist på anmodninger om rettigheder',
    summary:
      'Den dataansvarlige skal besvare en anmodning fra den registrerede – fx om indsigt, berigtigelse eller sletning – uden unødig forsinkelse og senest en måned efter, at anmodningen er modtaget. Er anmodningerne komplekse eller mange, kan fristen forlænges med yderligere to måneder, men så skal den registrerede inden for den første måned have besked om forlængelsen og årsagen til den.',
    category: 'databeskyttelse',
    citation: gdpr('artikel 12, stk. 3'),
    role: 'norm',
    // The authority's deadline, shown unrolled: that regulation 1182/71's roll-forward applies to
    // GDPR is not verified (§ b.2).
    deadline: computable(1, 'maaneder', '1 måned (+ evt. 2 måneder)', 'den dataansvarliges modtagelse af anmodningen', 'myndighed', {
      owes: 'et svar på anmodningen eller besked om forlængelse og grunden til den',
    }),
    sources: [
      'https://gdprinfo.eu/da/da-article-12',
      'https://www.datatilsynet.dk/afgoerelser/afgoerelser-inddelt-efter-emner/afgoerelser-om-de-registreredes-rettigheder/afgoerelser-om-gennemsigtig-oplysning-meddelelser-og-naermere-regler-for-udoevelsen-af-den-registreredes-rettigheder',
      'https://datatilsynet.gobasic.org/tilsyn-og-afgoerelser/afgoerelser/2019/jul/klage-over-manglende-sletning/',
    ],
    verification: 'yes',
    note: 'Forordningens danske tekst og Datatilsynets praksis. Hvordan »en måned« beregnes, følger sandsynligvis forordning 1182/71 (samme dato den følgende måned, forlænget ved weekend og helligdag), men at den forordning anvendes på GDPR, er ikke kontrolleret. Den gamle persondatalovs 4-ugersfrist gælder ikke længere.',
  },
  {
    id: 'gdpr-15-indsigt',
    lawShort: 'GDPR',
    lawFull: GDPR,
    paragraph: 'Art. 15',
    title: 'Indsigtsret',
    summary:
      'Den registrerede har ret til at få at vide, om der behandles personoplysninger om vedkommende, og i så fald til at få en kopi af oplysningerne samt at få oplyst bl.a. formålet, modtagerne, hvor længe oplysningerne opbevares, hvor de stammer fra, og muligheden for at klage.',
    category: 'databeskyttelse',
    citation: gdpr('artikel 15'),
    role: 'norm',
    deadline: computable(1, 'maaneder', '1 måned', 'modtagelse af anmodningen (jf. art. 12, stk. 3)', 'myndighed', {
      owes: 'indsigt i oplysningerne eller besked om forlængelse og grunden til den',
    }),
    sources: ['https://gdprinfo.eu/da/da-article-15'],
    verification: 'yes',
    note: 'Forordningens danske tekst.',
  },
  {
    id: 'gdpr-9-helbred',
    lawShort: 'GDPR',
    lawFull: GDPR,
    paragraph: 'Art. 9, stk. 1-2',
    title: 'Følsomme oplysninger, herunder helbred',
    summary:
      'Det er som udgangspunkt forbudt at behandle særlige kategorier af personoplysninger, herunder helbredsoplysninger, medmindre en af undtagelserne finder anvendelse – fx at den registrerede udtrykkeligt har givet samtykke (litra a), eller at behandlingen er nødvendig for at overholde sociale eller arbejdsretlige forpligtelser med hjemmel i lov (litra b).',
    category: 'databeskyttelse',
    citation: gdpr('artikel 9, stk. 1-2'),
    role: 'norm',
    deadline: null,
    sources: ['https://gdprinfo.eu/da/da-article-9'],
    verification: 'yes',
    note: 'Forordningens danske tekst.',
  },
  {
    id: 'gdpr-17-3-sletning-journal',
    lawShort: 'GDPR',
    lawFull: GDPR,
    paragraph: 'Art. 17, stk. 3, litra b',
    title: 'Sletning kontra notat- og journaliseringspligt',
    summary:
      'Kommunen kan afslå at slette oplysninger i en sag, når det er nødvendigt at opbevare dem for at opfylde en retlig forpligtelse som notatpligten og journaliseringspligten. Anmodningen om sletning skal dog stadig besvares inden for fristen i artikel 12, stk. 3.',
    category: 'databeskyttelse',
    citation: gdpr('artikel 17, stk. 3, litra b'),
    role: 'norm',
    deadline: null,
    sources: ['https://datatilsynet.gobasic.org/tilsyn-og-afgoerelser/afgoerelser/2019/jul/klage-over-manglende-sletning/'],
    verification: 'yes',
    note: 'Datatilsynets afgørelse af 5. juli 2019 (j.nr. 2018-32-0286): kommunen fik kritik, fordi svaret først kom efter 5 måneder og 21 dage, men afslaget på sletning blev godkendt.',
  },
  {
    id: 'dbl-opbevaring-borgerraadgiver',
    lawShort: 'DBL/arkiv',
    lawFull: DBL,
    paragraph: '–',
    title: 'Opbevaring af borgerrådgiverens sager',
    summary:
      'Der er ikke fundet nogen national regel om, hvor længe en borgerrådgiver må gemme sine sager. Kommunerne henviser til reglerne om journalisering og arkivering; Lejre Kommune angiver fx generelt 5 år (10 år for børnesager), og borgerrådgiveren i Favrskov opbevarer sagerne efter journaliserings- og arkiveringsreglerne.',
    category: 'databeskyttelse',
    citation: 'databeskyttelsesloven og reglerne om journalisering og arkivering',
    role: 'baggrund',
    deadline: inWords('lokalt fastsat (fx 5 år)', 'sagens afslutning', 'maal'),
    sources: ['https://favrskov.dk/borgerraadgiver/borgerraadgiver-opbevaring-af-dine-personoplysninger', 'https://www.lejre.dk/om-kommunen/databeskyttelse/'],
    verification: 'partial',
    note: 'Bygger kun på lokale eksempler; slettefristen bør kunne indstilles i programmet.',
  },

  // ── Sygedagpengeloven ────────────────────────────────────────────────────────────────────
  {
    id: 'sdp-24-varighed',
    lawShort: 'SDL',
    lawFull: SDL,
    paragraph: '§ 24, stk. 1',
    title: 'Varighedsbegrænsning (revurdering)',
    summary:
      'Sygedagpengene stopper ved udgangen af den kalendermåned, hvor der inden for de seneste 9 kalendermåneder er udbetalt sygedagpenge eller refusion for mere end 22 uger, og kommunen skal revurdere sagen, inden udbetalingen stopper. Arbejdsgiverperioden – 30 dage for lønmodtagere – tælles ikke med.',
    category: 'beskæftigelse/sygedagpenge',
    citation: sdl('§ 24, stk. 1'),
    role: 'baggrund',
    // A count of paid weeks within a rolling window, not a date from one event: text only.
    deadline: inWords('22 uger inden for 9 kalendermåneder', 'første fraværsdag efter arbejdsgiverperioden (ophør ved udgangen af måneden)', 'myndighed', 'en revurdering af sagen, før udbetalingen stopper'),
    sources: [
      'https://www.cabiweb.dk/lovstof/sygedagpenge-efter-22-uger/',
      'https://www.socialjura.dk/content-storage/regler/2020/vejl-9078-af-132-2020/',
      'https://sygeguide.dk/hvis-du-er-blevet-syg-fra-dit-arbejde/syg-i-mere-end-22-uger',
    ],
    verification: 'yes',
    note: 'Flere uafhængige kilder og STAR’s vejledning nr. 9078/2020; lovteksten til § 24 er ikke læst direkte.',
  },
  {
    id: 'sdp-25-pensionister',
    lawShort: 'SDL',
    lawFull: SDL,
    paragraph: '§ 25, stk. 1',
    title: 'Varighed for pensionister m.fl.',
    summary:
      'For personer, der modtager senior- eller førtidspension, der opfylder de helbredsmæssige betingelser for førtidspension, eller som har nået folkepensionsalderen, er varighedsgrænsen i stedet 26 uger inden for 12 kalendermåneder.',
    category: 'beskæftigelse/sygedagpenge',
    citation: sdl('§ 25, stk. 1'),
    role: 'baggrund',
    deadline: inWords('26 uger inden for 12 kalendermåneder', 'første fraværsdag', 'myndighed'),
    sources: ['https://www.elov.dk/sygedagpengeloven/paragraf/25/'],
    verification: 'yes',
    note: 'Lovteksten er læst på elov.dk.',
  },
  {
    id: 'sdp-27-forlaengelse',
    lawShort: 'SDL',
    lawFull: SDL,
    paragraph: '§ 27, stk. 1, nr. 1-7',
    title: 'Forlængelse af sygedagpenge',
    summary:
      'Efter reglerne fra før reformerne i 2025 og 2026 kan udbetalingen forlænges ud over varighedsgrænsen i syv tilfælde: når revalidering er sandsynlig, når arbejdsevnen er under afklaring, når borgeren er i eller venter på lægebehandling, når sagen skal forelægges rehabiliteringsteamet, ved livstruende sygdom, når en arbejdsskadesag er under behandling, og når der er modtaget en ansøgning om førtidspension. Er ingen af dem opfyldt, overgår borgeren til et jobafklaringsforløb (§ 24 a).',
    category: 'beskæftigelse/sygedagpenge',
    citation: sdl('§ 27, stk. 1, nr. 1-7'),
    role: 'baggrund',
    deadline: null,
    sources: ['https://www.retsinformation.dk/Forms/R0710.aspx?id=167836', 'https://www.cabiweb.dk/lovstof/sygedagpenge-efter-22-uger/'],
    verification: 'partial',
    note: 'Bygger på vejledningens indholdsfortegnelse og beskriver reglerne, som de var før reformerne i 2025 og 2026. Beskæftigelsesreformen (LOV 1750/2025) afskaffer revalidering og ressourceforløb for nye borgere og fjerner kravet om rehabiliteringsteam, så grundene til forlængelse kan være ændret fra 2026. Ikke efterprøvet mod den gældende lov – derfor kun delvist verificeret.',
  },
  {
    id: 'sdp-13b-opfoelgning',
    lawShort: 'SDL',
    lawFull: SDL,
    paragraph: '§ 13 b',
    title: 'Opfølgningssamtaler i sygedagpengesager',
    summary:
      'I sager i kategori 2 og 3 skal kommunen holde mindst fire opfølgningssamtaler inden for de første seks måneder, den første senest ved udgangen af 8. uge regnet fra første fraværsdag. Samtalerne holdes som hovedregel ved personligt fremmøde; derefter kan den sygemeldte vælge samtale pr. telefon eller video, medmindre kommunen i det konkrete tilfælde finder, at fremmøde er nødvendigt.',
    category: 'beskæftigelse/sygedagpenge',
    citation: sdl('§ 13 b'),
    role: 'norm',
    deadline: computable(8, 'uger', '8 uger (første opfølgningssamtale)', 'første fraværsdag (første opfølgning)', 'myndighed', { owes: 'den første opfølgningssamtale' }),
    sources: ['https://www.elov.dk/sygedagpengeloven/paragraf/13b/'],
    verification: 'partial',
    note: 'Den konsoliderede tekst (LBK 1179/2023) er læst, men den beskriver reglerne før reformerne: forenklingen fra 1. januar 2025 og LOV 1750/2025, hvorefter sygemeldte i job, der ventes at være fraværende under 26 uger, som hovedregel fritages. Ikke efterprøvet mod den gældende lov – derfor kun delvist verificeret; brug den ikke som gældende ret uden markeringen.',
  },
  {
    id: 'sdp-21-bortfald',
    lawShort: 'SDL',
    lawFull: SDL,
    paragraph: '§ 21 (bortfald ved manglende medvirken)',
    title: 'Standsning ved manglende medvirken',
    summary:
      'Den sygemeldte kan miste retten til sygedagpenge, hvis vedkommende uden rimelig grund undlader at medvirke i opfølgningen, fx ved at udeblive fra en samtale. Før udbetalingen standses, skal kommunen forinden skriftligt og klart have gjort opmærksom på konsekvensen, have spurgt til årsagen og have partshørt. At den sygemeldte afviser lægebehandling, fører ikke til bortfald (§ 21 a).',
    category: 'beskæftigelse/sygedagpenge',
    citation: sdl('§ 21'),
    role: 'norm',
    deadline: null,
    sources: [
      'https://ast.dk/publikationer/praksisundersogelse-om-standsning-af-sygedagpenge',
      'https://danskelove.dk/sygedagpengeloven/21a',
      'https://www.aeldresagen.dk/viden-og-raadgivning/vaerd-at-vide/s/sygdom-og-jobfastholdelse/ophoer-af-sygedagpenge',
      'https://pav.perst.dk/Publikation/Sygdom/Loen%20dagpenge%20under%20sygdom/Dagpengerefusion/Bortfald%20af%20dagpenge.aspx',
    ],
    verification: 'partial',
    note: 'Reglens indhold og Ankestyrelsens krav er kontrolleret, og § 21 a er læst. At hovedreglen står i § 21 (og i hvilket stykke), er ikke læst direkte.',
  },

  // ── Beskæftigelsesindsatsen ──────────────────────────────────────────────────────────────
  {
    id: 'lab-reform-2026',
    lawShort: 'LAB',
    lawFull: LAB,
    paragraph: 'LOV nr. 1750 af 29/12/2025 (L 66, 2025/26)',
    title: 'Beskæftigelsesreformen – fase 1',
    summary:
      'Reformen ophæver kravet om, at kommunen skal have et jobcenter (kommunen bestemmer selv organiseringen), fjerner kravet om rehabiliteringsteam, afskaffer ressourceforløb og revalidering for nye borgere og kræver kun individuelle jobsamtaler med mindst 75 % af de ledige, der er tæt på arbejdsmarkedet. Ændringerne træder i kraft 1. februar og 1. juli 2026. En ny hovedlov om beskæftigelsesindsatsen og nye sanktionsregler forventes fra 1. januar 2027.',
    category: 'beskæftigelse',
    citation: 'lov om en aktiv beskæftigelsesindsats, jf. lovbekendtgørelse nr. 280 af 1. marts 2024, som ændret ved lov nr. 1750 af 29. december 2025',
    role: 'baggrund',
    deadline: null,
    sources: [
      'https://star.dk/da/implementering/beskaeftigelsesreform/proces',
      'https://www.lovguiden.dk/afgorelse/06-11-2025-forslag-til-lov-om-aendring-af-lov-om-en-aktiv-beskaeftigelsesindsats-lov-om-organisering-og-understoettelse-af-beskaeftigelsesindsatsen-m-v-og-forskellige-andre-love-reform-af-beskaeftigelsesindsatsen-mere-fleksible-kontaktforloeb-og-tilbud-afskaffelse-af-kravet-om-jobcentre-frihed-i-organisering-af-beskaeftigelsesindsatsen-afskaffelse-af-ressourceforloeb-og-revalidering-m-v',
      'https://admin.elov.dk/prep_docs/49447',
    ],
    verification: 'yes',
    note: 'LAB gælder fortsat, men ændres i 2026 og forventes afløst af en ny hovedlov 1. januar 2027 – det er en forventning, ikke vedtaget. De konkrete paragraffer om fremmøde og sanktioner er ikke kontrolleret og ændres i 2027.',
  },

  // ── Lov om social pension ────────────────────────────────────────────────────────────────
  {
    id: 'pension-17-eget-initiativ',
    lawShort: 'PL',
    lawFull: PL,
    paragraph: '§ 17, stk. 2 (og 3-måneders frist)',
    title: 'Sag om førtidspension på borgerens eget initiativ',
    summary:
      'Borgeren kan selv anmode kommunen om at behandle en sag om førtidspension på det grundlag, der foreligger. Kommunen skal da rejse sagen og træffe afgørelse senest 3 måneder efter, at sagen er rejst. Kommunen kan også rejse sagen af egen drift, når arbejdsevnen er tilstrækkeligt dokumenteret.',
    category: 'pension',
    citation: '§ 17, stk. 2, i lov om social pension',
    role: 'norm',
    // § b.1: counted from when the case is raised, which need not be the date of the request.
    deadline: computable(3, 'maaneder', '3 måneder', 'sagens rejsning (ikke nødvendigvis ansøgningsdatoen)', 'myndighed', { owes: 'en afgørelse i sagen om førtidspension' }),
    sources: [
      'https://ekstrabladet.dk/nyheder/samfund/den-sociale-brevkasse-kan-jeg-presse-kommunen-til-at-behandle-en-pensionsansoegning/7607634',
      'https://sociale-rettigheder.dk/hvordan-behandles-sager-om-foertidspension-paa-det-foreliggende-grundlag/',
      'https://www.kk.dk/indhold/det-skal-du-vaere-opmaerksom-paa',
      'https://www.socialjungle.dk/jura/foertidspension',
    ],
    verification: 'partial',
    note: 'Fristen på 3 måneder er bekræftet af Københavns Kommune og sekundære kilder, men kilderne er uenige om, hvilken paragraf fristen står i (§ 21 eller § 18). Reformen (LOV 1750/2025) fjerner kravet om rehabiliteringsteam.',
  },
  {
    id: 'pension-16-betingelser',
    lawShort: 'PL',
    lawFull: PL,
    paragraph: '§ 16',
    title: 'Betingelser for førtidspension',
    summary:
      'Som hovedregel kan førtidspension tilkendes personer mellem 40 år og folkepensionsalderen, hvis arbejdsevnen er varigt og væsentligt nedsat, så de ikke kan forsørge sig selv – heller ikke i et fleksjob. Er borgeren under 40 år, kræver tilkendelse, at det er dokumenteret eller åbenbart, at arbejdsevnen ikke kan forbedres.',
    category: 'pension',
    citation: '§ 16 i lov om social pension',
    role: 'baggrund',
    deadline: null,
    sources: [
      'https://www.socialjungle.dk/jura/foertidspension',
      'https://star.dk/ydelser/pension-og-efterloen/folkepension-tidlig-pension-foertidspension-og-seniorpension/foertidspension-ny-ordning/tilkendelse-af-foertidspension',
    ],
    verification: 'yes',
    note: 'Lovteksten er gengivet af socialjungle.dk og STAR.',
  },

  // ── Ombudsmandsloven ─────────────────────────────────────────────────────────────────────
  {
    // The citizen's next step after the municipality: for the klagevejledning in the adviser's own
    // statements. One year, stored as 12 måneder (same day a year later, or the month's last day).
    id: 'fob-13-klagefrist',
    lawShort: 'OML',
    lawFull: OML,
    paragraph: '§ 13, stk. 3-4',
    title: 'Klagefrist til Folketingets Ombudsmand (1 år)',
    summary:
      'Vil borgeren klage til Folketingets Ombudsmand, skal det ske senest et år efter det forhold, klagen drejer sig om; i særlige tilfælde kan ombudsmanden forlænge fristen. Gælder klagen en afgørelse, skal borgeren først have brugt de klagemuligheder, der findes, og året regnes da fra modtagelsen af den øverste klageinstans’ afgørelse. Klager over lang sagsbehandlingstid forudsætter ikke, at der er truffet en afgørelse.',
    category: 'klage',
    citation: 'ombudsmandslovens § 13, stk. 3 (lov om Folketingets Ombudsmand)',
    role: 'norm',
    deadline: computable(
      12,
      'maaneder',
      '1 år',
      'forholdet (for afgørelser: modtagelsen af den øverste klagemyndigheds afgørelse)',
      'borger',
      { owes: 'at klagen er indgivet til Folketingets Ombudsmand', rollForward: true },
    ),
    sources: ['https://danskelove.dk/ombudsmandsloven/13', 'https://www.ombudsmanden.dk/klag/'],
    verification: 'yes',
    note: 'Lovteksten til § 13, stk. 1-4, er læst på danskelove.dk, og ombudsmandens egen vejledning om at klage bekræfter fristen på et år, og at den regnes fra den øverste klageinstans’ afgørelse. Bruges i klagevejledningen i borgerrådgiverens udtalelser.',
  },
];
