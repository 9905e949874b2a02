/**
 * The word lists the demo generator draws from: common Danish first names and surnames (combined at
 * random, so nobody real is described), street names, towns, the organisation, and themes with
 * description templates. The themes follow the problems the background stories describe
 * (/work/shared/context): slow handling, unanswered calls, cancelled meetings nobody was told about,
 * medical information never requested, harsh summons letters, lost papers. All wording is our own.
 * Most theme names are the seed catalogue's; four are not, so an import of demo data also shows
 * themes being created.
 */

export const FIRST_NAMES = [
  'Anne', 'Mette', 'Hanne', 'Susanne', 'Lene', 'Camilla', 'Louise', 'Charlotte', 'Maria', 'Pia', 'Birgit', 'Karen', 'Inge',
  'Sofie', 'Ida', 'Emma', 'Freja', 'Julie', 'Søs', 'Åse', 'Jens', 'Peter', 'Lars', 'Søren', 'Henrik', 'Thomas', 'Michael',
  'Martin', 'Niels', 'Rasmus', 'Morten', 'Anders', 'Bjørn', 'Jørgen', 'Ole', 'Kasper', 'Mads', 'Frederik', 'Ahmad',
  'Fatima', 'Mehmet', 'Aisha', 'Tobias', 'Oliver', 'Villads', 'Asger', 'Gitte', 'Tove', 'Helle',
] as const;

export const SURNAMES = [
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
  'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen',
  'Knudsen', 'Jakobsen', 'Mikkelsen', 'Lund', 'Holm', 'Schmidt', 'Eriksen', 'Kjær', 'Bach', 'Dahl', 'Østergaard',
  'Ærbø', 'Vestergaard', 'Friis', 'Bruun', 'Lauridsen', 'Kaya', 'Yilmaz', 'Hussein', 'Nørgaard', 'Brøndum', 'Ågaard',
] as const;

export const STREETS = [
  'Skolevej', 'Kirkevej', 'Møllevej', 'Engvej', 'Birkevej', 'Rosenvænget', 'Solvænget', 'Bøgevej', 'Åbrinken', 'Præstegårdsvej',
  'Stationsvej', 'Nørregade', 'Søndergade', 'Vestergade', 'Østergade', 'Havnegade', 'Lærkevej', 'Kastanjevej', 'Grønnegade',
  'Fælledvej', 'Ådalsvej', 'Bakkedraget', 'Smedevænget', 'Tværgade', 'Strandvejen',
] as const;

/** Towns of an invented municipality (postcodes in a range with real-looking form). */
export const TOWNS = [
  ['4700', 'Næsby'], ['4701', 'Ådal'], ['4720', 'Præstø Strand'], ['4733', 'Tappernøje Mark'], ['4750', 'Lundby Kær'],
  ['4760', 'Vordingborg Øst'], ['4771', 'Kalvehave By'],
] as const;

/**
 * The seed organisation's names (electron/services/seed.ts), so demo data lands in the existing
 * catalogue; test/shared/demo/generate.test.ts checks they still match.
 */
export const ORGANISATION = [
  { name: 'Beskæftigelse', weight: 38, afdelinger: ['Jobcenter', 'Ydelsescenter', 'Sygedagpenge'] },
  { name: 'Social', weight: 16, afdelinger: ['Handicap og psykiatri', 'Socialrådgivning'] },
  { name: 'Børn og Unge', weight: 16, afdelinger: ['Familieafdelingen', 'PPR', 'Dagtilbud', 'Skole'] },
  { name: 'Sundhed og Omsorg', weight: 18, afdelinger: ['Hjemmepleje', 'Plejecentre', 'Visitation'] },
  { name: 'Teknik og Miljø', weight: 12, afdelinger: ['Byggesag', 'Vej og park', 'Affald'] },
] as const;

export type ThemeTemplate = Readonly<{ name: string; weight: number; templates: ReadonlyArray<string> }>;

/**
 * Placeholders: {afdeling} {uger} {måned} {ydelse} {gange} {dage}. Each template is one core sentence
 * about what went wrong; the generator adds an opening and sometimes a consequence.
 */
export const THEMES: ReadonlyArray<ThemeTemplate> = [
  {
    name: 'Sagsbehandlingstid', weight: 20, templates: [
      'der er gået {uger} uger, uden at ansøgningen om {ydelse} er afgjort',
      'sagen om {ydelse} har ligget stille siden {måned}, og ingen kan sige, hvornår der kommer en afgørelse',
      'den oplyste sagsbehandlingstid på {ydelse} er overskredet med flere måneder',
    ],
  },
  {
    name: 'Manglende svar', weight: 16, templates: [
      'hverken mails eller breve til {afdeling} er blevet besvaret siden {måned}',
      'der er lagt besked {gange} gange om at blive ringet op, men ingen har vendt tilbage',
      'en skriftlig henvendelse om {ydelse} har ikke fået så meget som en kvittering',
    ],
  },
  {
    name: 'Aflyste møder', weight: 12, templates: [
      'et møde i {afdeling} blev aflyst, uden at nogen gav besked, og borgeren mødte forgæves op',
      'mødet blev flyttet {gange} gange med kort varsel, og det sidste afbud kom først samme morgen',
      'sagsbehandleren var syg på dagen for mødet, og en kollega kunne ikke tage stilling til noget i sagen',
    ],
  },
  {
    name: 'Lægelige oplysninger ikke indhentet', weight: 12, templates: [
      'den nye lægeattest, som {afdeling} lovede at bestille, blev aldrig bestilt',
      'sagen blev vurderet på en lægelig status, der var over et år gammel',
      'lægekonsulenten udtalte sig uden de seneste oplysninger fra hospitalet, selv om borgeren havde nævnt dem',
    ],
  },
  {
    name: 'Tone i indkaldelsesbreve', weight: 9, templates: [
      'indkaldelsen var formuleret som en trussel om at miste {ydelse}, selv om borgeren er sengeliggende',
      'brevet var skrevet i et sprog, borgeren ikke kunne forstå, og nævnte sanktioner allerede i første afsnit',
      'borgeren fik et standardbrev om pligt til at møde op, mens hun var indlagt',
    ],
  },
  {
    name: 'Telefonisk tilgængelighed', weight: 10, templates: [
      'telefontiden i {afdeling} er kun en time om dagen, og køen lukker, før man kommer igennem',
      'borgeren har ventet over en time i telefonkø {gange} gange uden at komme igennem',
      'det direkte nummer til sagsbehandleren er lukket, og hovednummeret kan ikke stille om',
    ],
  },
  {
    name: 'Mistede sagsakter', weight: 7, templates: [
      'dokumenter, som borgeren afleverede personligt i {afdeling}, kan ikke findes i sagen',
      'borgeren er blevet bedt om at sende de samme papirer {gange} gange, fordi de forsvinder',
      'en ansøgning om {ydelse} er ikke registreret, selv om borgeren har en kvittering',
    ],
  },
  {
    name: 'Vejledning', weight: 8, templates: [
      'ingen fortalte borgeren, at der kunne søges om {ydelse}, før fristen var overskredet',
      'borgeren fik modstridende besked fra to medarbejdere i {afdeling} om, hvad der skulle sendes ind',
      'borgeren blev ikke vejledt om muligheden for at have en bisidder med til mødet',
    ],
  },
  {
    name: 'Skift af sagsbehandler', weight: 6, templates: [
      'borgeren har haft {gange} forskellige sagsbehandlere på et halvt år og skal forklare sig forfra hver gang',
      'den nye sagsbehandler kendte ikke til de aftaler, der var lavet med den tidligere',
    ],
  },
  {
    name: 'Partshøring', weight: 5, templates: [
      'afgørelsen om {ydelse} blev truffet, uden at borgeren fik lov at se og kommentere oplysningerne først',
      'borgeren fik kun {dage} dages frist til at kommentere et omfattende materiale',
    ],
  },
  {
    name: 'Begrundelse', weight: 5, templates: [
      'afgørelsen om {ydelse} indeholder kun en standardtekst og forklarer ikke, hvorfor ansøgningen blev afslået',
      'brevet henviser til en paragraf, men siger intet om, hvordan borgerens egne oplysninger er vurderet',
    ],
  },
];

export const OPENINGS = [
  'Borgeren oplyser, at', 'Borgeren klager over, at', 'Det fremgår af henvendelsen, at', 'Borgerens pårørende oplyser, at',
  'Borgeren beskriver, at', 'Ifølge borgeren er det sådan, at',
] as const;

export const CONSEQUENCES = [
  'Det har betydet, at borgeren har været uden indtægt i en periode.',
  'Borgeren føler sig ikke taget alvorligt.',
  'Forløbet har været en stor belastning for borgeren og familien.',
  'Borgeren har måttet låne penge for at klare de faste udgifter.',
  'Borgeren ønsker en undskyldning og en plan for det videre forløb.',
  'Borgeren har brugt mange kræfter på at rykke for svar.',
] as const;

export const YDELSER = [
  'sygedagpenge', 'ressourceforløb', 'førtidspension', 'kontanthjælp', 'fleksjob', 'hjælpemidler', 'merudgifter',
  'aflastning', 'praktisk hjælp', 'boligindretning', 'tabt arbejdsfortjeneste', 'byggetilladelse', 'særlig støtte',
] as const;

export const MONTHS = [
  'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december',
] as const;

/** Vejledning and vejvisning: what the borger asked about, and where they were sent. */
export const GUIDANCE = [
  'Borgeren ønskede at vide, hvordan man klager over en afgørelse om {ydelse}.',
  'Borgeren spurgte til, hvad man kan forvente af svartider i {afdeling}.',
  'Borgeren ville have hjælp til at forstå et brev om {ydelse}.',
  'Borgeren spurgte, om man må tage en bisidder med til møder i {afdeling}.',
  'Borgeren ønskede vejledning om aktindsigt i sin egen sag.',
] as const;

export const REFERRALS = [
  'Henvendelsen angik indholdet af en afgørelse om {ydelse} og blev henvist til Ankestyrelsen.',
  'Borgeren blev vejledt om at klage til Folketingets Ombudsmand over forløbet.',
  'Spørgsmålet hørte under regionen, og borgeren fik kontaktoplysninger til patientkontoret.',
  'Borgeren blev henvist til at tage sagen op med {afdeling} først.',
] as const;

/**
 * The follow-up on a henvendelse (./follow-up.ts): what the adviser noted on a request to the
 * forvaltning and on a reminder, why a klagepunkt has a statutory deadline, and the forvaltning's
 * answer to a henstilling. In a henstilling given while the case is open, `{forvaltning}` is filled
 * in with the afdeling (else the forvaltning), as in the henstillinger of ./generate.ts.
 */
export const REQUEST_NOTES = [
  'Anmodet om en redegørelse for sagsforløbet og kopi af de relevante akter.',
  'Anmodet om forvaltningens bemærkninger til klagepunkterne.',
  'Sendt pr. sikker mail til forvaltningens postkasse.',
  '',
] as const;

export const REMINDER_NOTES = [
  'Rykket pr. sikker mail; intet svar eller foreløbigt svar modtaget.',
  'Rykket telefonisk hos afdelingslederen.',
] as const;

export const POINT_DEADLINE_NOTES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'ofl-36-frist': [
    'Borgeren bad om aktindsigt i sagens dokumenter efter offentlighedsloven.',
    'Borgerens pårørende bad om aktindsigt i korrespondancen om sagen.',
  ],
  'fvl-16-aktindsigt-frist': [
    'Borgeren bad som part om aktindsigt i sin egen sag.',
    'Borgeren bad om at se lægekonsulentens udtalelse og sagens øvrige akter.',
  ],
};

export const RECOMMENDATION_FOLLOWED = [
  'Forvaltningen oplyser, at henstillingen er fulgt, og at medarbejderne er orienteret.',
  'Forvaltningen har gennemgået sine arbejdsgange og oplyser, at henstillingen er fulgt.',
] as const;

export const RECOMMENDATION_NOT_FOLLOWED = [
  'Forvaltningen finder ikke anledning til at ændre praksis, men vil være opmærksom på forholdet fremover.',
  'Forvaltningen er uenig i borgerrådgiverens vurdering og følger ikke henstillingen.',
] as const;

/** A henstilling given while the henvendelse is still open (the case is not yet closed). */
export const INTERIM_RECOMMENDATIONS = [
  'Borgerrådgiveren henstiller, at {forvaltning} træffer afgørelse i sagen snarest muligt og giver borgeren skriftlig besked om, hvornår afgørelsen kan ventes.',
  'Borgerrådgiveren henstiller, at {forvaltning} genoptager behandlingen af sagen og sikrer, at den er tilstrækkeligt oplyst, før der træffes afgørelse.',
  'Borgerrådgiveren henstiller, at {forvaltning} besvarer borgerens henvendelser og oplyser et direkte telefonnummer til sagsbehandleren.',
] as const;

/** What a klagefrist typed by hand rests on, for decisions outside retssikkerhedsloven (byggesager, affald, veje: each its own nævn). */
export const MANUAL_KLAGEFRIST_SOURCE = 'Klagevejledningen i afgørelsen';
