// build(): the whole HTTP application as one Fastify instance, ready for inject() or listen().
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.ts';
import type { Core } from '../core/index.ts';
import { loggerSetup } from '../logging.ts';
import { MAX_PARAM_LENGTH } from './errors.ts';
import { frameworkErrors } from './framework-errors.ts';
import { checkIdempotentRoute } from './plugins/idempotency.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerJsonBody } from './plugins/json-body.ts';
import { registerLoadShedding, SHED_RETRY_AFTER } from './plugins/load-shedding.ts';
import { registerRateLimit } from './plugins/rate-limit.ts';
import { registerRouteAccess } from './plugins/route-access.ts';
import { RequestLog } from './plugins/request-log.ts';
import { newRequestId } from './request-id.ts';
import { notFoundHandler } from './route-miss.ts';
import { registerSerialization } from './serialization.ts';
import { validatorCompiler } from './validation.ts';
import { registerCompatFaces } from './compat/index.ts';
import { registerOpenApi } from './openapi/index.ts';
import { registerConsole } from './console/index.ts';
import { sendV1Error, v1Api } from './v1/index.ts';

export interface BuildOptions {
  config: Config;
  core: Core;
  /** Where logs go (tests capture them); stdout when absent. */
  logStream?: DestinationStream;
}

/** /readyz waits this long for the database before saying it does not answer. */
const READY_TIMEOUT_MS = 2_000;

/**
 * The database answers and takes writes: a ping, then an empty transaction (on SQLite that takes
 * the write lock, so a database another process keeps locked is not ready).
 */
async function databaseReady(core: Core): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const check = (async () => {
    if (!(await core.store.ping())) return false;
    await core.store.transaction(async () => undefined);
    return true;
  })().catch(() => false);
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * SWITCHBOARD_TRUST_PROXY for Fastify. A hop count becomes a function of the hop: Fastify 5.12
 * trusts no hop for a plain number (it cannot tell the nearest peer is a proxy), while the
 * setting means "the nearest N hops are our proxies", which holds when only they can reach us.
 */
function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export async function build({ config, core, logStream }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerSetup(config, logStream),
    logController: new RequestLog(), // one line per request (plugins/request-log.ts)
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: newRequestId,
    requestIdHeader: false, // never trust a client-chosen id in our logs
    bodyLimit: config.bodyLimit,
    return503OnClosing: true,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Before any route is registered: each takes its scope from the table of access.
  registerRouteAccess(app);
  app.setValidatorCompiler(validatorCompiler());
  registerSerialization(app);
  registerJsonBody(app);
  // First of all: shed load (503) while the event loop lags, then rate limits (429).
  const underPressure = await registerLoadShedding(app, config.maxEventLoopDelayMs);
  await registerRateLimit(app, config.rateLimit);
  registerInputGuard(app);
  app.addHook('onRoute', checkIdempotentRoute);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  await registerOpenApi(app);

  app.setErrorHandler(sendV1Error);
  app.setNotFoundHandler(notFoundHandler(sendV1Error));

  app.get('/healthz', { schema: { operationId: 'healthz', summary: 'The process is alive', tags: ['Health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', {
    schema: { operationId: 'readyz', summary: 'The database answers', tags: ['Health'], response: { 200: Type.Object({ status: Type.String(), database: Type.String() }), 503: Type.Object({ status: Type.String(), database: Type.String(), load: Type.Optional(Type.String({ description: '"overloaded" while requests are shed (SWITCHBOARD_MAX_EVENT_LOOP_DELAY)' })) }, { title: 'NotReady', description: 'Not ready: the database does not answer, or requests are being shed.' }) } },
  }, async (_request, reply) => {
    const overloaded = underPressure();
    const ok = await databaseReady(core);
    if (!ok || overloaded) reply.header('retry-after', String(overloaded ? SHED_RETRY_AFTER : 2));
    return reply.code(ok && !overloaded ? 200 : 503).send({
      status: ok && !overloaded ? 'ready' : 'not_ready',
      database: ok ? 'ok' : 'unreachable',
      ...(overloaded ? { load: 'overloaded' } : {}),
    });
  });

  if (config.faces.has('v1')) await app.register(v1Api, { prefix: '/v1', core, bulkBodyLimit: config.bulkBodyLimit });
  await registerCompatFaces(app, { core, config });
  if (config.consoleDir) await registerConsole(app, config.consoleDir);
  return app;
}
