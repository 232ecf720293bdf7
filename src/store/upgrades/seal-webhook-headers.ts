// The step of migration 0008 that SQL cannot do, for it needs the secret key: endpoints saved
// before it hold their custom header values in clear in `doc`. They are sealed into
// headers_sealed and `doc` keeps the names with the mask; the audit events about endpoints
// (which GET /v1/events answers and the webhook fan-out sends) get the mask in place of the
// values too.
//
// It runs once per database: a deployment_state row, claimed in the same transaction, marks it
// done. Servers starting at once queue on that row (Postgres: the second insert waits for the
// first transaction) or on the write lock (SQLite); whoever comes second finds it claimed and
// does nothing, and a step that failed rolls back with its claim, to run at the next start.
import type { Kysely } from 'kysely';
import type { AuditEvent } from '../../core/audit/model.ts';
import type { SecretBox } from '../../core/ports.ts';
import { sameJson } from '../../core/shared/same-json.ts';
import { maskHeaders, sealHeaders, type Headers } from '../../core/webhooks/headers.ts';
import { decodeEvent, encodeEvent } from '../repositories/audit-doc.ts';
import type { Database } from '../schema.ts';

export const WEBHOOK_HEADERS_SEALED = 'webhook_headers_sealed';
const PAGE = 500;

type Doc = Record<string, unknown>;

const headersOf = (doc: unknown): Headers | undefined => {
  const headers = (doc as Doc | null)?.headers;
  return headers && typeof headers === 'object' && !Array.isArray(headers) ? (headers as Headers) : undefined;
};

/** The object with its headers masked; the same object when it has none. */
function masked<T extends Doc | null>(doc: T): T {
  const headers = headersOf(doc);
  return headers && doc ? { ...doc, headers: maskHeaders(headers) } : doc;
}

export async function sealWebhookHeaders(db: Kysely<Database>, box: SecretBox): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    const claim = await tx
      .insertInto('deployment_state')
      .values({ key: WEBHOOK_HEADERS_SEALED, value: now, created_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (!Number(claim.numInsertedOrUpdatedRows ?? 0)) return;

    for (let after = ''; ;) {
      const rows = await tx.selectFrom('webhook_endpoints').select(['id', 'doc']).where('headers_sealed', 'is', null).where('id', '>', after).orderBy('id').limit(PAGE).execute();
      if (!rows.length) break;
      for (const row of rows) {
        const doc = JSON.parse(row.doc) as Doc;
        const headers = headersOf(doc);
        if (!headers || !Object.keys(headers).length) continue;
        await tx.updateTable('webhook_endpoints').set({ doc: JSON.stringify(masked(doc)), headers_sealed: sealHeaders(box, headers) }).where('id', '=', row.id).execute();
      }
      after = rows[rows.length - 1]!.id;
    }

    for (let after = ''; ;) {
      const rows = await tx.selectFrom('audit_events').select(['id', 'doc']).where('object_type', '=', 'webhook_endpoint').where('id', '>', after).orderBy('id').limit(PAGE).execute();
      if (!rows.length) break;
      for (const row of rows) {
        const event = decodeEvent(row.doc);
        const scrubbed: AuditEvent = { ...event, before: masked(event.before), after: masked(event.after) };
        if (!sameJson(scrubbed, event)) await tx.updateTable('audit_events').set({ doc: encodeEvent(scrubbed) }).where('id', '=', row.id).execute();
      }
      after = rows[rows.length - 1]!.id;
    }
  });
}
