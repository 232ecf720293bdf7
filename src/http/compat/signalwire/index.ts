// The SignalWire face: Relay REST phone numbers at /api/relay/rest/phone_numbers.
// Auth: HTTP Basic with the workspace id as project id and an API key as token (Bearer works
// too); errors in SignalWire's format (errors.ts), also for unknown paths under the prefix.
import type { FastifyInstance } from 'fastify';
import type { FacePlugin } from '../index.ts';
import { registerAuth } from '../../plugins/auth.ts';
import { notFoundHandler } from '../../route-miss.ts';
import { PREFIX } from './constants.ts';
import { sendSignalwireError } from './errors.ts';
import { signalwireRoutes } from './routes.ts';

export const signalwireFace: FacePlugin = async (app, { core }) => {
  await app.register(async (scoped: FastifyInstance) => {
    scoped.setErrorHandler(sendSignalwireError);
    scoped.setNotFoundHandler(notFoundHandler(sendSignalwireError));
    registerAuth(scoped, core);
    await scoped.register(signalwireRoutes(core));
  }, { prefix: PREFIX });
};
