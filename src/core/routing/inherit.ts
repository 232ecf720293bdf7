// A number's configuration completed from its blocks: each field comes from the first of
// (number, narrowest block, next block …) that sets it. Policy fields (routing.hours,
// routing.hook …) are inherited one by one; a field's value (a list, an object) is taken whole.
import type { EffectiveConfig } from './decision.ts';
import type { RoutingConfig } from './rows.ts';
import type { RoutingPolicy } from './schema.ts';

export interface ConfigSource {
  /** "number", or the block's id. */
  source: string;
  config: RoutingConfig;
}

type TopField = 'inbound_target' | 'inbound_agent_id' | 'inbound_workflow_id' | 'call_handler' | 'telephony' | 'sip_headers';

const isSet: Record<TopField, (c: RoutingConfig) => boolean> = {
  inbound_target: (c) => c.inbound_target != null,
  inbound_agent_id: (c) => c.inbound_agent_id != null,
  inbound_workflow_id: (c) => c.inbound_workflow_id != null,
  call_handler: (c) => c.call_handler?.type != null,
  telephony: (c) => c.telephony?.provider != null || c.telephony?.account_sid != null,
  sip_headers: (c) => (c.sip_headers?.length ?? 0) > 0,
};

export function inherit(chain: readonly ConfigSource[]): EffectiveConfig {
  const sources: Record<string, string> = {};
  const pick = <F extends TopField>(field: F): NonNullable<RoutingConfig[F]> | null => {
    const from = chain.find((c) => isSet[field](c.config));
    if (!from) return null;
    sources[field] = from.source;
    return from.config[field] ?? null;
  };
  const routing: Record<string, unknown> = {};
  for (const { source, config } of chain) {
    for (const [key, value] of Object.entries(config.routing ?? {})) {
      if (value === undefined || value === null || key in routing) continue;
      routing[key] = value;
      sources[`routing.${key}`] = source;
    }
  }
  return {
    inbound_target: pick('inbound_target'),
    inbound_agent_id: pick('inbound_agent_id'),
    inbound_workflow_id: pick('inbound_workflow_id'),
    call_handler: pick('call_handler'),
    telephony: pick('telephony'),
    sip_headers: [...(pick('sip_headers') ?? [])],
    routing: routing as RoutingPolicy,
    sources,
  };
}
