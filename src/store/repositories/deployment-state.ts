// deployment_state: a few named values of the whole deployment (bootstrapped, the secret key's
// check value), written once.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export class KyselyDeploymentStateRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.db.selectFrom('deployment_state').select('value').where('key', '=', key).executeTakeFirst())?.value;
  }

  /** Writes the value unless one is there (another server starting at the same time may have written it first). */
  async insertIfAbsent(key: string, value: string, at: string): Promise<void> {
    await this.db.insertInto('deployment_state').values({ key, value, created_at: at }).onConflict((oc) => oc.column('key').doNothing()).execute();
  }
}
