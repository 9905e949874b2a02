/** What the report's XLSX and CSV exports leave out, said in the exports themselves (one wording for both). */
export const REPORT_EXPORT_LEAVES_OUT =
  'Henvendelserne selv og alt om dem: borgernes navne, CPR-numre, adresser og kontaktoplysninger, sagsnumrene bag tallene, ' +
  'akter, journalnotater og udtalelser, og beretningens egne tekster (forord, årets temaer, anbefalinger og de udvalgte udtalelser). ' +
  'Tallene kan ikke føres tilbage til den enkelte sag herfra; i Ombud åbner et tal listen over sagerne bag det.';
