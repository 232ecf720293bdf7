// The ceiling: Fastify doing nothing but answering a phone-number-sized JSON object.
// Run as a child by bench/scenarios/ceiling.ts; BENCH_BODY is one real object from the API.
import Fastify from 'fastify';

const body: unknown = JSON.parse(process.env.BENCH_BODY ?? '{}');
const app = Fastify({ logger: false });

app.get('/readyz', async () => ({ status: 'ready' }));
// Answers the parsed object (not the string), so Fastify serializes it on every request
// as Switchboard does.
app.get('/v1/phone-numbers/:id', async () => body);

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
