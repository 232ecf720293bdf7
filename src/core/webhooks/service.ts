// Webhook subscriptions. Delivery (signing, retries) comes with the webhooks issue; this
// keeps the subscriptions that the faces set, as real objects of the core.
import { recordChange, type Context } from '../audit/record.ts';
import { NotFoundError, ValidationError, type FieldIssue } from '../errors.ts';
import { newId } from '../ids.ts';
import type { Repos, Store } from '../ports.ts';
import type { WebhookEndpoint, WebhookEndpointInput } from './schema.ts';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

export function checkWebhookInput(input: WebhookEndpointInput, prefix: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  try {
    const url = new URL(input.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') issues.push({ field: `${prefix}url`, message: 'must be an http or https URL' });
  } catch {
    issues.push({ field: `${prefix}url`, message: 'must be an absolute http or https URL' });
  }
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (!TOKEN.test(name)) issues.push({ field: `${prefix}headers.${name}`, message: 'header names are RFC 7230 tokens' });
    if (CONTROL.test(value)) issues.push({ field: `${prefix}headers.${name}`, message: 'must not contain CR, LF or other control characters' });
  }
  return issues;
}

export class WebhookService {
  constructor(
    private readonly store: Store,
    private readonly now: () => string,
  ) {}

  listForNumbers(ctx: Context, phoneNumberIds: string[]): Promise<WebhookEndpoint[]> {
    return this.store.webhooks.listForNumbers(ctx.actor.workspaceId, phoneNumberIds);
  }

  /** Replaces every subscription scoped to one number with these, in one transaction. */
  async replaceForNumber(ctx: Context, phoneNumberId: string, inputs: WebhookEndpointInput[]): Promise<WebhookEndpoint[]> {
    assertValidWebhooks(inputs);
    return this.store.transaction(async (tx) => {
      if (!(await tx.phoneNumbers.get(ctx.actor.workspaceId, phoneNumberId))) throw new NotFoundError('phone number', phoneNumberId);
      return replaceNumberWebhooks(tx, ctx, phoneNumberId, inputs, this.now());
    });
  }
}

export function assertValidWebhooks(inputs: WebhookEndpointInput[]): void {
  const issues = inputs.flatMap((input, i) => checkWebhookInput(input, `webhooks[${i}].`));
  if (issues.length) throw new ValidationError(issues);
}

/** Inside a transaction: the number's subscriptions become exactly `inputs`, each change audited. */
export async function replaceNumberWebhooks(repos: Repos, ctx: Context, phoneNumberId: string, inputs: WebhookEndpointInput[], now: string): Promise<WebhookEndpoint[]> {
  const ws = ctx.actor.workspaceId;
  for (const endpoint of await repos.webhooks.listForNumbers(ws, [phoneNumberId])) {
    await repos.webhooks.delete(ws, endpoint.id);
    await recordChange(repos, ctx, { type: 'webhook_endpoint.deleted', objectType: 'webhook_endpoint', objectId: endpoint.id, before: endpoint, after: null }, now);
  }
  const created: WebhookEndpoint[] = [];
  for (const input of inputs) {
    const endpoint: WebhookEndpoint = {
      id: newId(),
      workspace_id: ws,
      url: input.url,
      method: input.method ?? 'POST',
      headers: input.headers ?? {},
      event_types: input.event_types ?? [],
      phone_number_id: phoneNumberId,
      agent_id: null,
      filter: input.filter ?? null,
      enabled: input.enabled ?? true,
      description: input.description ?? null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repos.webhooks.insert(endpoint);
    await recordChange(repos, ctx, { type: 'webhook_endpoint.created', objectType: 'webhook_endpoint', objectId: endpoint.id, before: null, after: endpoint }, now);
    created.push(endpoint);
  }
  return created;
}
