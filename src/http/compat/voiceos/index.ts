// The VoiceOS face: /phone_numbers, Bearer API key, FastAPI-style errors.
// A thin translator: the path's number, inbound_agent_id, webhooks[] and telephony are read
// and written through the core (numbers and their webhook subscriptions); no table of its own.
// The subscriptions are webhooks: shown as [] to a key without webhooks:read, and replacing them
// needs webhooks:write (the core refuses it otherwise).
import type { FastifyInstance } from 'fastify';
import type { FacePlugin } from '../index.ts';
import { registerAuth } from '../../plugins/auth.ts';
import { notFoundHandler } from '../../route-miss.ts';
import { VOICEOS_PREFIX } from './constants.ts';
import { sendVoiceosError } from './errors.ts';
import { voiceosRoutes } from './routes.ts';

export const voiceosFace: FacePlugin = async (app, { core }) => {
  app.setErrorHandler(sendVoiceosError);
  registerAuth(app, core);
  await app.register(async (scoped: FastifyInstance) => {
    // Unknown routes (404) and methods (405, with Allow) under /phone_numbers answer as FastAPI does.
    scoped.setNotFoundHandler(notFoundHandler(sendVoiceosError, true));
    await scoped.register(voiceosRoutes(core));
  }, { prefix: VOICEOS_PREFIX });
};
