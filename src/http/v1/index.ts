// The native API, mounted at /v1, with its own error envelope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Core } from '../../core/index.ts';
import { toProblem } from '../errors.ts';
import { registerAuth } from '../plugins/auth.ts';
import { registerIdempotency } from '../plugins/idempotency.ts';
import { accountRoutes } from './accounts.ts';
import { agentRoutes, workflowRoutes } from './agents-workflows.ts';
import { phoneNumberBulkRoutes } from './phone-numbers-bulk.ts';
import { phoneNumberRoutes } from './phone-numbers.ts';
import { webhookDeliveryRoutes } from './webhook-deliveries.ts';
import { webhookEndpointRoutes } from './webhook-endpoints.ts';

/** Writes any error as {"error": {code, message, request_id, details}}. */
export function sendV1Error(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  if (problem.retryAfter) reply.header('retry-after', String(problem.retryAfter));
  return reply.code(problem.status).send({
    error: { code: problem.code, message: problem.message, request_id: request.id, ...(problem.details.length ? { details: problem.details } : {}) },
  });
}

export interface V1Options {
  core: Core;
  bulkBodyLimit: number;
}

export async function v1Api(app: FastifyInstance, { core, bulkBodyLimit }: V1Options): Promise<void> {
  app.setErrorHandler(sendV1Error);
  registerAuth(app, core);
  registerIdempotency(app, core);
  await app.register(phoneNumberRoutes(core));
  await app.register(phoneNumberBulkRoutes(core, bulkBodyLimit));
  await app.register(agentRoutes(core));
  await app.register(workflowRoutes(core));
  await app.register(accountRoutes(core));
  await app.register(webhookEndpointRoutes(core));
  await app.register(webhookDeliveryRoutes(core));
}
