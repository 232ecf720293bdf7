import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so user text matches literally (backslash escape, which both databases accept). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Case-insensitive "contains", the same on SQLite and Postgres. */
export function containsText(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** Prefix match on a column. */
export function startsWith(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}

/** Splits rows for multi-row statements: both databases cap the parameters of one statement. */
export function* chunked<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
