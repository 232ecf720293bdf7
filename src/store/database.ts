// Opens the database: embedded SQLite (default) or PostgreSQL (DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import pg from 'pg';
import { createPrivateFile, ensureDataDir } from '../security/private-files.ts';
import type { Database } from './schema.ts';
import { BACKSTOP_PAGES, startCheckpointer } from './sqlite-checkpointer.ts';

export interface DatabaseOptions {
  databaseUrl?: string;
  /** SQLite: the file lives at <dataDir>/switchboard.db. */
  dataDir: string;
  /** Postgres: run in this schema (tests give each file its own). */
  schema?: string;
  poolSize?: number;
  /**
   * false: open only a database that exists (SQLite: the file is there), creating nothing;
   * otherwise NoDatabaseError. The CLI's commands other than serve, migrate and workspace
   * create use it, so a command run in the wrong directory does not leave a stray database.
   */
  create?: boolean;
}

/** There is no database where the configuration points (DatabaseOptions.create = false). */
export class NoDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoDatabaseError';
  }
}

/** SQLite: the database file of a data dir. */
export const sqliteFile = (dataDir: string) => path.join(dataDir, 'switchboard.db');

/** Which database these options open, for people: the SQLite file, or the Postgres URL without its password. */
export function databaseLocation(options: Pick<DatabaseOptions, 'databaseUrl' | 'dataDir' | 'schema'>): string {
  if (!options.databaseUrl) return `SQLite ${sqliteFile(options.dataDir)}`;
  let shown = options.databaseUrl;
  try {
    const url = new URL(options.databaseUrl);
    if (url.password) url.password = '';
    for (const name of [...url.searchParams.keys()]) if (/pass|secret|key/i.test(name)) url.searchParams.delete(name);
    shown = url.toString();
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
  return `PostgreSQL ${shown}${options.schema ? ` (schema ${options.schema})` : ''}`;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Closes the connections (and SQLite's checkpoint thread). */
  close(): Promise<void>;
}

export function openDatabase(options: DatabaseOptions): OpenDatabase {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      // A database that stops answering without closing the connection must not hang requests
      // forever: the query fails (503) and the dead connection is noticed by TCP keep-alive.
      query_timeout: 60_000,
      keepAlive: true,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => {});
    // Nor a client in use (its query fails with the same error, a 503; the pool drops it on release).
    pool.on('connect', (client) => client.on('error', () => {}));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const file = sqliteFile(options.dataDir);
  if (options.create === false) {
    if (!fs.existsSync(file)) throw new NoDatabaseError(`no database at ${file} (set SWITCHBOARD_DATA_DIR, or DATABASE_URL for PostgreSQL; \`switchboard migrate\` creates one)`);
  } else {
    // SQLite gives its -wal and -shm files the permissions of the database file.
    ensureDataDir(options.dataDir);
    createPrivateFile(file);
  }
  const sqlite = new SQLite(file, { fileMustExist: true });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL'); // durable across a process crash in WAL mode
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  // SQLite's lower() folds ASCII only; case-insensitive search must fold "É" as Postgres does.
  sqlite.function('lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
  const checkpointer = startCheckpointer(file);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await checkpointer.stop();
      await db.destroy();
    },
  };
}

/** Prepared statements kept; past this many the cache starts over (bulk writes vary in shape). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's SQLite driver prepares every query anew, and preparing costs more than running a
 * primary-key lookup. Statements are reused by their SQL text instead: safe because the driver
 * runs each to completion (all/run) on the one connection before the next begins.
 */
function withStatementCache(sqlite: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        cache.set(sql, (statement = sqlite.prepare(sql)));
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

/**
 * SQLite transactions that take the write lock when they begin. A deferred transaction that reads
 * and then writes fails at once with SQLITE_BUSY when another process wrote in between (WAL
 * cannot upgrade a stale snapshot); BEGIN IMMEDIATE waits for the lock (busy_timeout) instead,
 * so several processes on one file (server, CLI) queue rather than fail.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
