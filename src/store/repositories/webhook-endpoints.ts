import type { Kysely } from 'kysely';
import type { WebhookRepo } from '../../core/ports.ts';
import type { WebhookEndpoint } from '../../core/webhooks/schema.ts';
import type { Database } from '../schema.ts';

export class KyselyWebhookRepo implements WebhookRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async listForNumbers(workspaceId: string, phoneNumberIds: string[]) {
    if (!phoneNumberIds.length) return [];
    const rows = await this.db
      .selectFrom('webhook_endpoints')
      .select('doc')
      .where('workspace_id', '=', workspaceId)
      .where('phone_number_id', 'in', phoneNumberIds)
      .orderBy('id')
      .execute();
    return rows.map((r) => JSON.parse(r.doc) as WebhookEndpoint);
  }

  async insert(endpoint: WebhookEndpoint) {
    await this.db
      .insertInto('webhook_endpoints')
      .values({
        id: endpoint.id,
        workspace_id: endpoint.workspace_id,
        phone_number_id: endpoint.phone_number_id,
        agent_id: endpoint.agent_id,
        doc: JSON.stringify(endpoint),
        version: endpoint.version,
        created_at: endpoint.created_at,
        updated_at: endpoint.updated_at,
      })
      .execute();
  }

  async delete(workspaceId: string, id: string) {
    const result = await this.db.deleteFrom('webhook_endpoints').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
