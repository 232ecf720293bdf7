// The Freya Voice face: Freya's API v2 phone numbers at /api/v2/phone-numbers, Bearer API key,
// Freya's envelope and error format. A thin translator over the core; see the seeds in
// shared/seeds/freya-v2-*.txt and shared/field-map.md.
//
// Wire decisions where the seeds are silent:
// - create answers 201; get, list, delete and bulk update answer 200;
// - one phone-number object everywhere: the union of the create page's and the bulk page's
//   (configType and workflow ids in config; agent and workflow names, entity types and
//   workflow ids at the top level); unset values are null;
// - sipOutbound.password is write-only and never in an answer (the key is always absent);
// - errors: {"success": false, "error": {"code", "message", "details": [{"field", "message"}]}};
// - list: `limit` + `cursor`, answered as result.pagination {limit, nextCursor, hasMore};
// - agent and workflow names are the agents' and workflows': null to a key without agents:read
//   (workflows:read); the ids, which the number holds, show with numbers:read.
import type { FastifyInstance } from 'fastify';
import type { FacePlugin } from '../index.ts';
import { registerAuth } from '../../plugins/auth.ts';
import { notFoundHandler } from '../../route-miss.ts';
import { FREYA_API_PREFIX } from './constants.ts';
import { freyaBulkRoutes } from './bulk.ts';
import { sendFreyaError } from './errors.ts';
import { freyaRoutes } from './routes.ts';

export const freyaFace: FacePlugin = async (app, { core, config }) => {
  app.setErrorHandler(sendFreyaError);
  registerAuth(app, core);
  await app.register(freyaRoutes(core));
  await app.register(freyaBulkRoutes(core, config.bulkBodyLimit));
  // Unknown paths (404) and methods (405) under Freya's /api/v2 answer in Freya's format, not the native one.
  await app.register(async (scoped: FastifyInstance) => {
    scoped.setNotFoundHandler(notFoundHandler(sendFreyaError));
  }, { prefix: FREYA_API_PREFIX });
};
