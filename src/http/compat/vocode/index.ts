// The Vocode face: Vocode's hosted API for numbers (https://api.vocode.dev/v1/numbers/*), on the core.
//
//   GET  /v1/numbers/list     PhoneNumberPage (page/size/sort_column/sort_desc, total)   numbers:read
//   GET  /v1/numbers          PhoneNumber by ?phone_number= (E.164, or the id)            numbers:read
//   POST /v1/numbers/update   label, outbound_only, example_context, inbound_agent        numbers:write
//   POST /v1/numbers/cancel   releases the number; answers its last state (active false)  numbers:write
//   POST /v1/numbers/link     adds a number held at Twilio                                numbers:write
//   POST /v1/numbers/buy      400: Switchboard does not buy numbers (hidden from the docs)
//
// Wire decisions (the vendor's OpenAPI wins over the seed page; every answer validates against it):
// - label ↔ friendly_name ("" ↔ null); example_context replaces the whole map; user_id is the
//   number's creating user, else the workspace's first user.
// - inbound_agent as an id sets that agent (it becomes the inbound target). As agent fields
//   (AgentUpdateParams, needs agents:write) it updates the agent answering the number — shared
//   with any other number using it, as in Vocode — or creates one if none answers ("Inbound agent
//   for +…"). Saved prompts/voices/webhooks/actions by id, prompt templates, vector databases,
//   OpenAI connections and voice api_keys are refused (422): Switchboard keeps none of them and
//   no provider keys. The agent's other Vocode fields live in the core agent's settings.
// - Vocode requires inbound_agent on every number and a voice on every agent. A number no agent
//   answers (none set, or a workflow/handler in force) shows a stand-in agent whose id is the
//   Nil UUID (00000000-…); an agent without a Vocode voice shows a voice_azure stand-in with the
//   Nil UUID id and voice_name "". Prompt and voice ids are name-based UUIDs of the agent id.
//   A key without agents:read sees the answering agent's id (the number holds it) with those
//   stand-ins and an empty name; its webhook shows only with webhooks:read, and writing it
//   needs webhooks:write.
// - The agent's webhook is a core webhook endpoint (agent_id = the agent; GET /v1/webhook-endpoints):
//   its id is the endpoint's id; subscriptions map to catalogue event types (event_message →
//   phone_call.message …); no subscriptions = a disabled endpoint; its URL is checked against
//   the destination policy (422 at body.inbound_agent.webhook.url). Its signing secret is never
//   shown here: rotate it natively (POST /v1/webhook-endpoints/{id}/rotate-secret).
// - link: a connection id is kept as telephony.account_sid with provider twilio; inline Twilio
//   credentials (extension) go to telephony.account_sid/auth_token. The full PhoneNumber never
//   shows telephony_account_connection (Vocode's expanded form carries the auth token); lists
//   show it by id.
// - Unknown request fields are ignored, as pydantic does; `{}` means "not set" except for
//   example_context, where it is the empty map.
// - Errors: 422 {"detail": [{loc, msg, type}]} for anything invalid, else {"detail": "…"}.
import type { FastifyInstance } from 'fastify';
import type { FacePlugin } from '../index.ts';
import { registerAuth } from '../../plugins/auth.ts';
import { notFoundHandler } from '../../route-miss.ts';
import { sendVocodeError } from './errors.ts';
import { vocodeRoutes } from './routes.ts';

export const vocodeFace: FacePlugin = async (app, { core }) => {
  app.setErrorHandler(sendVocodeError);
  registerAuth(app, core);
  await app.register(vocodeRoutes(core));
  // Unknown paths (404) and methods (405, with Allow) under /v1/numbers answer as FastAPI does,
  // not in the native format.
  await app.register(async (scoped: FastifyInstance) => {
    scoped.setNotFoundHandler(notFoundHandler(sendVocodeError, true));
  }, { prefix: '/v1/numbers' });
};
