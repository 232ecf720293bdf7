// Hot queries built once. Kysely builds and compiles a query on every call (≈ 10 µs each, as much
// as SQLite takes to run a primary-key lookup); a query whose shape never changes is compiled the
// first time and afterwards only its parameters are sent.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Dialect = 'sqlite' | 'postgres';

export class PrecompiledQuery<P extends readonly unknown[], R> {
  private readonly sqlByDialect = new Map<Dialect, string>();

  /** `build` must put its parameters into the SQL in the order it receives them. */
  constructor(private readonly build: (db: Kysely<Database>, ...params: P) => Compilable<R>) {}

  async execute(db: Kysely<Database>, dialect: Dialect, ...params: P): Promise<R[]> {
    let text = this.sqlByDialect.get(dialect);
    if (text === undefined) {
      const compiled = this.build(db, ...params).compile();
      // Guard for the order promise above: a builder that reorders would send wrong values.
      if (compiled.parameters.length !== params.length || compiled.parameters.some((p, i) => p !== params[i])) {
        throw new Error(`precompiled query: parameters ${JSON.stringify(compiled.parameters)} are not the arguments in order`);
      }
      this.sqlByDialect.set(dialect, (text = compiled.sql));
    }
    return (await db.executeQuery<R>(CompiledQuery.raw(text, [...params]))).rows;
  }
}
