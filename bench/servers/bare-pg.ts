// The "bare pg" baseline: Fastify plus one `pg` primary-key query per request, over the same
// Postgres schema Switchboard wrote, with the same pool size (10). No auth, no tenancy check,
// no re-serialization: the stored JSON document is sent as it is.
import Fastify from 'fastify';
import pg from 'pg';

const schema = process.env.BENCH_SCHEMA ?? '';
if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('BENCH_SCHEMA must name a schema');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {});
const query = `select doc from ${schema}.phone_numbers where id = $1`;

const app = Fastify({ logger: false });
app.get('/readyz', async () => {
  await pool.query('select 1');
  return { status: 'ready' };
});
app.get<{ Params: { id: string } }>('/v1/phone-numbers/:id', async (request, reply) => {
  const { rows } = await pool.query<{ doc: string }>(query, [request.params.id]);
  if (!rows[0]) return reply.code(404).send({ error: 'not found' });
  return reply.type('application/json').send(rows[0].doc);
});

const close = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
