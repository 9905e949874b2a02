/**
 * The column registry of a table: one object listing every column of the table's row type, so the
 * compiler insists that a column added to the row type is listed (and vice versa), and
 * test/db/table-registry.test.ts insists that the list is exactly what the migrations created
 * (PRAGMA table_info). Statements are generated from the list, so the case queries, the bulk import
 * and the export cannot drift apart on which columns a table has.
 */

/** Every column of `Row`, each `true`: a missing or unknown key is a compile error. */
export type ColumnSet<Row> = { readonly [K in keyof Row & string]: true };

export type TableSpec<Row> = Readonly<{
  table: string;
  /** Every column, in the registry's order. */
  columns: ReadonlyArray<keyof Row & string>;
  /** The columns an INSERT binds: all but an INTEGER PRIMARY KEY the database assigns. */
  insertColumns: ReadonlyArray<keyof Row & string>;
  /** `INSERT INTO table (insertColumns…) VALUES (?, …)`. */
  insertSql: string;
  /** The same as INSERT OR IGNORE (for link tables where a repeat is harmless). */
  insertOrIgnoreSql: string;
  /** The row's values in insertColumns order, for the positional INSERT. */
  insertValues: (row: Readonly<Omit<Row, 'id'>> | Readonly<Row>) => unknown[];
  /** `a.col1, a.col2, …` for a SELECT of the whole row under alias `a`. */
  select: (alias: string) => string;
}>;

export function defineTable<Row>(table: string, set: ColumnSet<Row>, generatedKey: (keyof Row & string) | null): TableSpec<Row> {
  const columns = Object.keys(set) as Array<keyof Row & string>;
  const insertColumns = columns.filter((c) => c !== generatedKey);
  const insertSql = `INSERT INTO ${table} (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`;
  // A generated function would be faster still, but this loop is not what a bulk import waits for.
  const insertValues = (row: Readonly<Omit<Row, 'id'>> | Readonly<Row>): unknown[] => {
    const r = row as Record<string, unknown>;
    const out = new Array<unknown>(insertColumns.length);
    for (let i = 0; i < insertColumns.length; i++) out[i] = r[insertColumns[i] as string];
    return out;
  };
  const insertOrIgnoreSql = insertSql.replace(/^INSERT /, 'INSERT OR IGNORE ');
  return { table, columns, insertColumns, insertSql, insertOrIgnoreSql, insertValues, select: (alias) => columns.map((c) => `${alias}.${c}`).join(', ') };
}

/** SQLite's 0/1 for a boolean, and back. */
export const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);
export const bitOrNull = (b: boolean | null | undefined): 0 | 1 | null => (b === null || b === undefined ? null : b ? 1 : 0);
export const fromBitOrNull = (v: 0 | 1 | null): boolean | null => (v === null ? null : v === 1);
