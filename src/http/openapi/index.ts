// The OpenAPI 3.1 document (/openapi.json), the docs page (/docs) and / (which points there).
// Routes declare their schemas, statuses and operationIds; the document is then completed here
// once: the native tags first, examples for every body and parameter (examples.ts), and the
// statuses and named error schemas the plugins around the routes add (responses.ts).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { COMPAT_FACES } from '../compat/index.ts';
import { applyExamples } from './apply-examples.ts';
import { completeResponses } from './responses.ts';

/** The native API's tags, in the order the docs show them, before every vendor face's. */
export const NATIVE_TAGS = [
  { name: 'Phone numbers', description: 'The numbers of a workspace and how their calls and messages are routed: to an agent, a workflow or a call handler.' },
  { name: 'Agents', description: 'AI agents: prompt, voice, actions and webhook; the targets numbers route calls to.' },
  { name: 'Workflows', description: 'Workflows (IVRs, call flows) that numbers can route calls to instead of an agent.' },
  { name: 'Webhook endpoints', description: 'Where Switchboard sends events, signed (Standard Webhooks), with their signing secrets.' },
  { name: 'Webhook deliveries', description: 'What was sent to each endpoint, every attempt, and how to send it again (retry, replay, test).' },
  { name: 'Events', description: 'The audit log: every change, who made it, and where it was delivered.' },
  { name: 'API keys', description: 'The workspace\'s API keys and their scopes; a key\'s secret is shown once.' },
  { name: 'Account', description: 'Who an API key is: its workspace, user and scopes.' },
  { name: 'Workspaces', description: 'Every workspace of the deployment (operator scope).' },
  { name: 'Health', description: 'Liveness and readiness probes; they need no key.' },
];

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Switchboard',
        version: '0.1.0',
        description: 'Phone-number control plane for voice-AI agents. The native API lives under /v1; each vendor-compatible API at that vendor\'s own paths, in its wire and error format.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer sb_…' },
          basic: { type: 'http', scheme: 'basic', description: 'Workspace id as user name, API key as password.' },
        },
      },
      security: [{ bearer: [] }, { basic: [] }],
      tags: [...NATIVE_TAGS, ...Object.values(COMPAT_FACES).map((face) => ({ name: face.tag, description: face.description }))],
    },
    transform: ({ schema, url, route }) => {
      // Routes that need no key say so in the document.
      const transformed = { schema, url } as { schema: Record<string, unknown>; url: string };
      if (!route.config?.scope && schema) transformed.schema = { ...schema, security: [] };
      return transformed as never;
    },
    transformObject: (documentObject) => {
      const doc = (documentObject as { openapiObject: Record<string, any> }).openapiObject;
      applyExamples(doc);
      completeResponses(doc);
      return doc as never;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
  app.get('/openapi.json', { schema: { operationId: 'openapiDocument', hide: true } }, async () => app.swagger());
}
