import { sql, type Kysely } from 'kysely';
import { ConflictError, NumberHeldError } from '../../core/errors.ts';
import type { PhoneNumberFilter, PhoneNumberOffsetPage, PhoneNumberRepo } from '../../core/ports.ts';
import { searchDigitsOf } from '../../core/phone-numbers/e164.ts';
import type { StoredPhoneNumber } from '../../core/phone-numbers/schema.ts';
import type { WebhookEndpoint } from '../../core/webhooks/schema.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../errors.ts';
import type { Database, PhoneNumbersTable } from '../schema.ts';
import { PrecompiledQuery } from './precompiled.ts';
import { containsText, startsWith } from './sql-helpers.ts';

const flag = (b: boolean) => (b ? 1 : 0);

/** The least string above every "+digits" that starts with this prefix ("+1415" → "+1416", "+1419" → "+142"); undefined for "+9…9". */
function prefixUpperBound(prefix: string): string | undefined {
  const digits = prefix.slice(1).replace(/9+$/, '');
  if (!digits) return undefined;
  return `+${digits.slice(0, -1)}${Number(digits.at(-1)) + 1}`;
}

/** Every column but doc. */
function columnsOf(n: StoredPhoneNumber): Omit<PhoneNumbersTable, 'doc'> {
  return {
    id: n.id,
    workspace_id: n.workspace_id,
    number: n.number,
    country_code: n.country_code,
    friendly_name: n.friendly_name,
    inbound_agent_id: n.inbound_agent_id,
    outbound_agent_id: n.outbound_agent_id,
    inbound_workflow_id: n.inbound_workflow_id,
    outbound_workflow_id: n.outbound_workflow_id,
    cap_voice: flag(n.capabilities.voice),
    cap_sms: flag(n.capabilities.sms),
    cap_mms: flag(n.capabilities.mms),
    cap_fax: flag(n.capabilities.fax),
    active: flag(n.active),
    version: n.version,
    created_at: n.created_at,
    updated_at: n.updated_at,
    released_at: n.released_at,
  };
}

const toRow = (n: StoredPhoneNumber): PhoneNumbersTable => ({ ...columnsOf(n), doc: JSON.stringify(n) });

const fromRow = (row: { doc: string }): StoredPhoneNumber => JSON.parse(row.doc);

function mapWriteError(err: unknown, n: StoredPhoneNumber): never {
  if (isUniqueViolation(err)) throw new NumberHeldError(n.number);
  if (isForeignKeyViolation(err)) throw new ConflictError('an agent or workflow this number refers to was deleted meanwhile; try again');
  throw err;
}

/** What an update may change (never the id, the workspace, the number, creation or release). */
const UPDATED = ['country_code', 'friendly_name', 'inbound_agent_id', 'outbound_agent_id', 'inbound_workflow_id', 'outbound_workflow_id', 'cap_voice', 'cap_sms', 'cap_mms', 'cap_fax', 'active', 'doc', 'version', 'updated_at'] as const;
/** Rows per bulk statement: 19 parameters each, under both databases' caps (SQLite 32,766, Postgres 65,535). */
const UPDATE_CHUNK = 1000;

/** The documents of a workspace's numbers that are not released. */
const heldDocs = (db: Kysely<Database>, workspaceId: string) =>
  db.selectFrom('phone_numbers').select('doc').where('workspace_id', '=', workspaceId).where('released_at', 'is', null);

/** A held number by id or by number, plain or FOR UPDATE: the lookups behind every read and write of one number. */
function heldBy(column: 'id' | 'number', lock: boolean) {
  return new PrecompiledQuery((db: Kysely<Database>, workspaceId: string, value: string) => {
    const q = heldDocs(db, workspaceId).where(column, '=', value);
    return lock ? q.forUpdate() : q;
  });
}
/**
 * A held number by number with its webhook subscriptions (id order) as one JSON array: what the
 * VoiceOS face shows, in one query rather than two (on Postgres, two round trips).
 */
const WEBHOOKS_OF_ROW = {
  postgres: sql<string>`coalesce((select json_agg(w.doc::json order by w.id)::text from webhook_endpoints w where w.workspace_id = p.workspace_id and w.phone_number_id = p.id), '[]')`,
  sqlite: sql<string>`(select json_group_array(json(doc)) from (select w.doc from webhook_endpoints w where w.workspace_id = p.workspace_id and w.phone_number_id = p.id order by w.id))`,
};
const withWebhooksBy = (dialect: 'sqlite' | 'postgres') =>
  new PrecompiledQuery((db: Kysely<Database>, workspaceId: string, e164: string) =>
    db.selectFrom('phone_numbers as p').select(['p.doc', WEBHOOKS_OF_ROW[dialect].as('webhooks')]).where('p.workspace_id', '=', workspaceId).where('p.released_at', 'is', null).where('p.number', '=', e164),
  );
const WITH_WEBHOOKS = { sqlite: withWebhooksBy('sqlite'), postgres: withWebhooksBy('postgres') };

const HELD_BY = { id: [heldBy('id', false), heldBy('id', true)], number: [heldBy('number', false), heldBy('number', true)] } as const;

/** Always written by an update: the document, its version, its time. */
const ALWAYS_SET = new Set<string>(['doc', 'version', 'updated_at']);

/**
 * The columns an upsert must set: those some row of the chunk changes. A column in the SET list
 * costs its index entries and foreign-key checks on every row, even when its value stays (a bulk
 * rename would otherwise rewrite four agent/workflow indexes per number).
 */
function columnsToSet(chunk: { previous?: StoredPhoneNumber }[], values: PhoneNumbersTable[]): (typeof UPDATED)[number][] {
  if (chunk.some((r) => !r.previous)) return [...UPDATED];
  const changed = new Set<string>(ALWAYS_SET);
  chunk.forEach(({ previous }, i) => {
    const before = columnsOf(previous!) as Record<string, unknown>;
    const after = values[i] as unknown as Record<string, unknown>;
    for (const column of UPDATED) if (!changed.has(column) && before[column] !== after[column]) changed.add(column);
  });
  return UPDATED.filter((c) => changed.has(c));
}

export class KyselyPhoneNumberRepo implements PhoneNumberRepo {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  private held(workspaceId: string) {
    return heldDocs(this.db, workspaceId);
  }

  get(workspaceId: string, id: string, options: { lock?: boolean } = {}) {
    return this.getBy('id', workspaceId, id, options.lock);
  }

  getByNumber(workspaceId: string, e164: string, options: { lock?: boolean } = {}) {
    return this.getBy('number', workspaceId, e164, options.lock);
  }

  async getByNumberWithWebhooks(workspaceId: string, e164: string) {
    const [row] = await WITH_WEBHOOKS[this.dialect].execute(this.db, this.dialect, workspaceId, e164);
    return row && { number: fromRow(row), webhooks: JSON.parse(row.webhooks) as WebhookEndpoint[] };
  }

  private async getBy(column: 'id' | 'number', workspaceId: string, value: string, lock = false) {
    const query = HELD_BY[column][lock && this.dialect === 'postgres' ? 1 : 0];
    const [row] = await query.execute(this.db, this.dialect, workspaceId, value);
    return row && fromRow(row);
  }

  async getMany(workspaceId: string, keys: { ids: string[]; numbers: string[] }) {
    if (!keys.ids.length && !keys.numbers.length) return [];
    const rows = await this.held(workspaceId)
      .where((eb) => {
        const ors = [];
        if (keys.ids.length) ors.push(eb('id', 'in', keys.ids));
        if (keys.numbers.length) ors.push(eb('number', 'in', keys.numbers));
        return eb.or(ors);
      })
      .execute();
    return rows.map(fromRow);
  }

  async insert(n: StoredPhoneNumber) {
    try {
      await this.db.insertInto('phone_numbers').values(toRow(n)).execute();
    } catch (err) {
      mapWriteError(err, n);
    }
  }

  async update(n: StoredPhoneNumber, expectedVersion: number, previous?: StoredPhoneNumber) {
    const row = toRow(n);
    // With the row as read, only what changed (columnsToSet), and released_at for a release.
    const columns: (keyof PhoneNumbersTable)[] = previous ? columnsToSet([{ previous }], [row]) : [...UPDATED];
    if (!previous || previous.released_at !== n.released_at) columns.push('released_at');
    const changes = Object.fromEntries(columns.map((c) => [c, row[c]]));
    const { id, workspace_id } = row;
    try {
      const result = await this.db
        .updateTable('phone_numbers')
        .set(changes)
        .where('id', '=', id)
        .where('workspace_id', '=', workspace_id)
        .where('version', '=', expectedVersion)
        .where('released_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    } catch (err) {
      mapWriteError(err, n);
    }
  }

  async updateMany(workspaceId: string, rows: { number: StoredPhoneNumber; expectedVersion: number; previous?: StoredPhoneNumber }[]) {
    const updated = new Set<string>();
    for (let i = 0; i < rows.length; i += UPDATE_CHUNK) {
      const chunk = rows.slice(i, i + UPDATE_CHUNK);
      for (const { number, expectedVersion } of chunk) {
        if (number.version !== expectedVersion + 1 || number.workspace_id !== workspaceId) throw new Error('updateMany: each number must be of the workspace and one version ahead of the one expected');
      }
      // An upsert is a lookup by primary key per row on both databases, so one statement updates
      // a chunk without a join for the planner to get wrong (UPDATE … FROM (VALUES …) made SQLite
      // scan the table once per chunk row). The rows were read before, so each id exists and
      // only the DO UPDATE branch runs; its WHERE is the optimistic check: still this workspace's,
      // not released, and at the version read (the new version minus one).
      const values = chunk.map(({ number }) => toRow(number));
      try {
        const result = await this.db
          .insertInto('phone_numbers')
          .values(values)
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet(Object.fromEntries(columnsToSet(chunk, values).map((c) => [c, sql.ref(`excluded.${c}`)])) as never)
              .where(sql<boolean>`phone_numbers.version = excluded.version - 1 and phone_numbers.workspace_id = excluded.workspace_id and phone_numbers.released_at is null`),
          )
          .returning('id')
          .execute();
        for (const r of result) updated.add(r.id);
      } catch (err) {
        mapWriteError(err, chunk[0]!.number);
      }
    }
    return updated;
  }

  async list(workspaceId: string, f: PhoneNumberFilter, after: string | null, limit: number, order: 'asc' | 'desc' = 'asc') {
    let q = this.filtered(workspaceId, f);
    if (after) q = q.where('id', order === 'asc' ? '>' : '<', after);
    const rows = await q.select('doc').orderBy('id', order).limit(limit).execute();
    return rows.map(fromRow);
  }

  async count(workspaceId: string, f: PhoneNumberFilter) {
    const row = await this.filtered(workspaceId, f).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listByOffset(workspaceId: string, f: PhoneNumberFilter, page: PhoneNumberOffsetPage) {
    const dir = page.desc ? 'desc' : 'asc';
    let q = this.filtered(workspaceId, f).select('doc');
    if (page.sort === 'number' || page.sort === 'updated_at') q = q.orderBy(page.sort, dir);
    else if (page.sort === 'friendly_name') q = q.orderBy(sql`coalesce(friendly_name, '')`, dir);
    const rows = await q.orderBy('id', dir).limit(page.limit).offset(page.offset).execute();
    return rows.map(fromRow);
  }

  private filtered(workspaceId: string, f: PhoneNumberFilter) {
    let q = this.db.selectFrom('phone_numbers').where('workspace_id', '=', workspaceId).where('released_at', 'is', null);
    if (f.numberPrefix) {
      // The range says the same as the LIKE in terms an index on number can serve (LIKE cannot
      // use one under Postgres' default collation, nor under SQLite's case-insensitive LIKE).
      q = q.where(startsWith('number', f.numberPrefix)).where('number', '>=', f.numberPrefix);
      const upper = prefixUpperBound(f.numberPrefix);
      if (upper) q = q.where('number', '<', upper);
    }
    if (f.numberContains) q = q.where(containsText('number', f.numberContains));
    if (f.country) q = q.where('country_code', '=', f.country.toUpperCase());
    if (f.agentId) q = q.where((eb) => eb.or([eb('inbound_agent_id', '=', f.agentId!), eb('outbound_agent_id', '=', f.agentId!)]));
    if (f.workflowId) q = q.where((eb) => eb.or([eb('inbound_workflow_id', '=', f.workflowId!), eb('outbound_workflow_id', '=', f.workflowId!)]));
    if (f.capability) q = q.where(`cap_${f.capability}`, '=', 1);
    if (f.active !== undefined) q = q.where('active', '=', flag(f.active));
    if (f.search) q = q.where(containsText('friendly_name', f.search));
    if (f.nameOrNumber) {
      const text = f.nameOrNumber;
      const digits = searchDigitsOf(text);
      q = q.where((eb) => eb.or([containsText('friendly_name', text), ...(digits ? [containsText('number', digits)] : [])]));
    }
    return q;
  }

  async listUsing(workspaceId: string, kind: 'agent' | 'workflow', targetId: string) {
    const [inbound, outbound] = kind === 'agent' ? (['inbound_agent_id', 'outbound_agent_id'] as const) : (['inbound_workflow_id', 'outbound_workflow_id'] as const);
    const rows = await this.held(workspaceId)
      .where((eb) => eb.or([eb(inbound, '=', targetId), eb(outbound, '=', targetId)]))
      .orderBy('id')
      .execute();
    return rows.map(fromRow);
  }
}
