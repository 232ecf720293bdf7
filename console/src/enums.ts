// The values of the API's enums, for selects. The types come from the SDK (so from the OpenAPI
// document): a value the API adds or drops fails the type check here instead of going missing.
import type { PhoneNumber, WebhookDeliverySummary } from '@switchboard/sdk';

const all = <T extends string>() => <const A extends readonly T[]>(...values: A & ([T] extends [A[number]] ? unknown : { missing: Exclude<T, A[number]> })) => values as readonly T[];

type N = PhoneNumber;
export const CALL_HANDLER_TYPES = all<NonNullable<N['call_handler']['type']>>()('laml_webhooks', 'laml_application', 'dialogflow', 'relay_topic', 'relay_script', 'relay_context', 'relay_application', 'relay_connector', 'relay_sip_endpoint', 'relay_verto_endpoint', 'video_room');
export const MESSAGE_HANDLER_TYPES = all<NonNullable<N['message_handler']['type']>>()('laml_webhooks', 'laml_application', 'relay_topic', 'relay_context', 'relay_application');
export const INBOUND_TARGETS = all<NonNullable<N['inbound_target']>>()('agent', 'workflow', 'handler');
export const RECEIVE_MODES = all<N['call_handler']['receive_mode']>()('voice', 'fax');
export const HANDLER_METHODS = all<NonNullable<N['call_handler']['request_method']>>()('GET', 'POST');
export const SIP_TRANSPORTS = all<N['sip_outbound']['transport']>()('UDP', 'TCP', 'TLS');
export const DELIVERY_STATUSES = all<WebhookDeliverySummary['status']>()('pending', 'succeeded', 'failed', 'filtered', 'skipped');

export const options = (values: readonly string[], none?: string) => [...(none !== undefined ? [{ value: '', label: none }] : []), ...values.map((v) => ({ value: v, label: v }))];
