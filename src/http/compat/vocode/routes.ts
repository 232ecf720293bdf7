// The Vocode hosted API's number routes, on the core.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AgentView } from '../../../core/agents/schema.ts';
import type { Context } from '../../../core/audit/record.ts';
import { can } from '../../../core/authorization/authorize.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../../../core/errors.ts';
import type { Core } from '../../../core/index.ts';
import type { PhoneNumber as CorePhoneNumber } from '../../../core/phone-numbers/schema.ts';
import type { PHONE_NUMBER_SORTS } from '../../../core/ports.ts';
import { contextOf } from '../../plugins/auth.ts';
import { NIL_UUID, TAG } from './constants.ts';
import { agentIssue, agentPatchFromWire, given, linkTelephony, numberIssue, numberPatchFromWire, setsAnything } from './from-wire.ts';
import {
  ErrorDetail,
  errorResponses,
  LinkPhoneNumberRequest,
  ListQuery,
  NumberQuery,
  PhoneNumber,
  PhoneNumberPage,
  SORT_COLUMNS,
  UpdateNumberRequest,
} from './schemas.ts';
import { answeringAgentId, normalizedToWire, numberToWire } from './to-wire.ts';

const tags = [TAG];
const SORTS: Record<(typeof SORT_COLUMNS)[number], (typeof PHONE_NUMBER_SORTS)[number]> = {
  id: 'created',
  created_at: 'created',
  number: 'number',
  label: 'friendly_name',
  updated_at: 'updated_at',
};

/** Core validation issues, reported at their Vocode place. */
async function located<T>(work: () => Promise<T>, place: (issue: FieldIssue) => FieldIssue): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(err.details.map(place));
    throw err;
  }
}

const orNull = (err: unknown) => {
  if (err instanceof NotFoundError) return null;
  throw err;
};

export function vocodeRoutes(core: Core): FastifyPluginAsyncTypebox {
  /** The user id shown where the core has none: the workspace's first user. */
  const fallbackUser = async (ctx: Context) => (await core.workspaces.firstUserId(ctx)) ?? ctx.actor.userId ?? NIL_UUID;

  /**
   * The number with its inbound agent. A key without agents:read sees only the agent's id (which
   * the number holds) with empty stand-ins; the agent's webhook shows only with webhooks:read
   * too (the core leaves it out of the agent otherwise).
   */
  async function answer(ctx: Context, n: CorePhoneNumber) {
    const agentId = answeringAgentId(n);
    const readable = agentId !== null && can(ctx, 'agents:read');
    const agent: AgentView | null = readable ? await core.agents.get(ctx, agentId).catch(orNull) : null;
    const needsFallback = !n.created_by_user_id || (agent !== null && !agent.user_id);
    // The agent's webhook is a webhook endpoint: shown with that endpoint's id.
    const webhook = agent?.webhook ? await core.agents.webhookEndpoint(ctx, agent.id) : null;
    const fallback = needsFallback ? await fallbackUser(ctx) : NIL_UUID;
    return numberToWire(n, agent, fallback, webhook?.id);
  }

  return async (app) => {
    app.get('/v1/numbers/list', {
      schema: { operationId: 'vocodeListNumbers', summary: 'List Numbers', tags, querystring: ListQuery, response: { 200: PhoneNumberPage, ...errorResponses() } },
    }, async (request) => {
      const ctx = contextOf(request);
      const { page = 1, size = 10, sort_column = 'id', sort_desc = false } = request.query;
      const [total, rows] = await Promise.all([
        core.phoneNumbers.count(ctx),
        core.phoneNumbers.listByOffset(ctx, {}, { offset: (page - 1) * size, limit: size + 1, sort: SORTS[sort_column], desc: sort_desc }),
      ]);
      const fallback = rows.some((n) => !n.created_by_user_id) ? await fallbackUser(ctx) : NIL_UUID;
      return {
        items: rows.slice(0, size).map((n) => normalizedToWire(n, fallback)),
        page,
        size,
        has_more: rows.length > size,
        total,
        total_is_estimated: false,
      };
    });

    app.get('/v1/numbers', {
      schema: { operationId: 'vocodeGetNumber', summary: 'Get Number', tags, querystring: NumberQuery, response: { 200: PhoneNumber, ...errorResponses(404) } },
    }, async (request) => {
      const ctx = contextOf(request);
      return answer(ctx, await core.phoneNumbers.get(ctx, request.query.phone_number));
    });

    app.post('/v1/numbers/update', {
      schema: {
        operationId: 'vocodeUpdateNumber',
        summary: 'Update Number',
        description: 'inbound_agent: an agent id, or agent fields (agents:write) that update the agent answering the number, or create one if none does.',
        tags,
        querystring: NumberQuery,
        body: UpdateNumberRequest,
        response: { 200: PhoneNumber, ...errorResponses(404, 409) },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      const current = await core.phoneNumbers.get(ctx, request.query.phone_number);
      const { patch, issues } = numberPatchFromWire(request.body, current);
      let dependsOnRead = patch.example_context !== undefined;

      const agentParam = given(request.body.inbound_agent);
      let agentWrite: (() => Promise<string | null>) | undefined;
      if (typeof agentParam === 'string') patch.inbound_agent_id = agentParam.toLowerCase();
      else if (agentParam && setsAnything(agentParam)) {
        // Agent fields write the agent (agents:write; its webhook, webhooks:write too): refused
        // before anything is read or written. An agent id needs only numbers:write.
        core.agents.authorizeWrite(ctx, {}, false);
        const currentId = answeringAgentId(current);
        const currentAgent = currentId ? await core.agents.get(ctx, currentId).catch(orNull) : null;
        const built = agentPatchFromWire(agentParam, currentAgent);
        core.agents.authorizeWrite(ctx, built.patch, !currentAgent);
        issues.push(...built.issues);
        dependsOnRead = true;
        agentWrite = async () => {
          if (currentAgent) {
            await located(() => core.agents.update(ctx, currentAgent.id, built.patch), agentIssue);
            return null;
          }
          const name = built.patch.name ?? `Inbound agent for ${current.number}`;
          const created = await located(() => core.agents.create(ctx, { ...built.patch, name }), agentIssue);
          patch.inbound_agent_id = created.id;
          return created.id;
        };
      }
      if (issues.length) throw new ValidationError(issues);

      // Not one transaction: the agent first, then the number; a new agent is removed again
      // if the number cannot take it.
      const createdAgentId = agentWrite ? await agentWrite() : null;
      let updated = current;
      if (Object.keys(patch).length) {
        try {
          updated = await located(() => core.phoneNumbers.update(ctx, current.id, patch, dependsOnRead ? { ifVersion: current.version } : {}), numberIssue);
        } catch (err) {
          if (createdAgentId) await core.agents.delete(ctx, createdAgentId, false).catch(() => undefined);
          throw err;
        }
      }
      return answer(ctx, updated);
    });

    app.post('/v1/numbers/cancel', {
      schema: {
        operationId: 'vocodeCancelNumber',
        summary: 'Cancel Number',
        description: 'Releases the number: it leaves the workspace (every API) and can be added again. Answers its last state.',
        tags,
        querystring: NumberQuery,
        response: { 200: PhoneNumber, ...errorResponses(404, 409) },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      const current = await core.phoneNumbers.get(ctx, request.query.phone_number);
      return answer(ctx, await core.phoneNumbers.release(ctx, current.id));
    });

    app.post('/v1/numbers/link', {
      schema: {
        operationId: 'vocodeLinkNumber',
        summary: 'Link Number',
        description: 'Adds a number you hold at Twilio to the workspace. telephony_account_connection: a Vocode account connection id, or (Switchboard extension) {"type": "account_connection_twilio", "credentials": {…}}; the auth token is never shown.',
        tags,
        body: LinkPhoneNumberRequest,
        response: { 200: PhoneNumber, ...errorResponses(409) },
      },
    }, async (request) => {
      const ctx = contextOf(request);
      const { phone_number, telephony_account_connection, outbound_only } = request.body;
      const created = await located(
        () => core.phoneNumbers.create(ctx, { number: phone_number, outbound_only: outbound_only ?? false, telephony: linkTelephony(telephony_account_connection) }),
        numberIssue,
      );
      return answer(ctx, created);
    });

    // Switchboard keeps numbers; it does not buy them. Hidden from the docs: it only says so.
    app.post('/v1/numbers/buy', {
      schema: { operationId: 'vocodeBuyNumber', summary: 'Buy Number (not supported)', tags, hide: true, response: { 400: ErrorDetail, ...errorResponses() } },
    }, async (_request, reply) => reply.code(400).send({
      detail: 'Switchboard does not buy phone numbers: buy the number from your telephony provider, then add it with POST /v1/numbers/link',
    }));
  };
}
