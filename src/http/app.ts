// build(): the whole HTTP application as one Fastify instance, ready for inject() or listen().
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.ts';
import type { Core } from '../core/index.ts';
import { HttpError } from './errors.ts';
import { frameworkErrors } from './framework-errors.ts';
import { registerInputGuard } from './plugins/input-guard.ts';
import { registerJsonBody } from './plugins/json-body.ts';
import { registerLoadShedding, SHED_RETRY_AFTER } from './plugins/load-shedding.ts';
import { registerRateLimit } from './plugins/rate-limit.ts';
import { registerRouteAccess } from './plugins/route-access.ts';
import { newRequestId } from './request-id.ts';
import { registerSerialization } from './serialization.ts';
import { validatorCompiler } from './validation.ts';
import { COMPAT_FACES, registerCompatFaces } from './compat/index.ts';
import { registerConsole } from './console/index.ts';
import { sendV1Error, v1Api } from './v1/index.ts';

export interface BuildOptions {
  config: Config;
  core: Core;
  /** Where logs go (tests capture them); stdout when absent. */
  logStream?: DestinationStream;
}

/** Secrets can appear in these places of a log line; pino replaces them. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.auth_token',
  '*.secret',
  '*.*.password',
  '*.*.auth_token',
  'password',
  'auth_token',
  'secret',
];

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

export async function build({ config, core, logStream }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, ...(logStream ? { stream: logStream } : {}) },
    genReqId: newRequestId,
    requestIdHeader: false, // never trust a client-chosen id in our logs
    bodyLimit: config.bodyLimit,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 256 },
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
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Switchboard',
        version: '0.1.0',
        description: 'Phone-number control plane for voice-AI agents. The native API lives under /v1.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer sb_…' },
          basic: { type: 'http', scheme: 'basic', description: 'Workspace id as user name, API key as password.' },
        },
      },
      security: [{ bearer: [] }, { basic: [] }],
      tags: [
        { name: 'Phone numbers', description: 'Native API: the numbers of a workspace and how their calls and messages are routed.' },
        ...Object.values(COMPAT_FACES).map((face) => ({ name: face.tag, description: face.description })),
      ],
    },
    transform: ({ schema, url, route }) => {
      // Routes that need no key say so in the document.
      const transformed = { schema, url } as { schema: Record<string, unknown>; url: string };
      if (!route.config?.scope && schema) transformed.schema = { ...schema, security: [] };
      return transformed as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });

  app.setErrorHandler(sendV1Error);
  app.setNotFoundHandler((request, reply) => sendV1Error(new HttpError(404, 'not_found', `no route for ${request.method} ${request.url.split('?')[0]}`), request, reply));

  app.get('/healthz', { schema: { operationId: 'healthz', summary: 'The process is alive', tags: ['Health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', {
    schema: { operationId: 'readyz', summary: 'The database answers', tags: ['Health'], response: { 200: Type.Object({ status: Type.String(), database: Type.String() }), 503: Type.Object({ status: Type.String(), database: Type.String(), load: Type.Optional(Type.String({ description: '"overloaded" while requests are shed (SWITCHBOARD_MAX_EVENT_LOOP_DELAY)' })) }) } },
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
  app.get('/openapi.json', { schema: { operationId: 'openapiDocument', hide: true } }, async () => app.swagger());

  if (config.faces.has('v1')) await app.register(v1Api, { prefix: '/v1', core, bulkBodyLimit: config.bulkBodyLimit });
  await registerCompatFaces(app, { core, config });
  if (config.consoleDir) await registerConsole(app, config.consoleDir);
  return app;
}
