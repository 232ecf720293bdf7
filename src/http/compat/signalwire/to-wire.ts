// A core phone number → SignalWire's PhoneNumberResponse. Choices where the core and the
// vendor differ (the vendor's spec types some fields as UUIDs or enums):
// - call_handler shows the inbound target in force: agent → "ai_agent" and workflow →
//   "call_flow" with calling_handler_resource_id = its id; handler → the handler type; none → null.
// - call_sip_endpoint_id, call_video_room_id and e911_address_id are UUIDs on the wire; a
//   value stored through another face that is not one shows as null.
// - e911_status: "active" while an address is shown, else null (no carrier to be pending with).
// - number_type: "toll-free" for the core's toll_free, else "longcode"; next_billed_at: null.
// - message_relay_application is written but not shown: the vendor's answer has no such field.
import { isUuid } from '../../../core/ids.ts';
import type { PhoneNumber } from '../../../core/phone-numbers/schema.ts';
import { CAPABILITIES } from '../../../core/phone-numbers/schema.ts';
import type { WirePhoneNumber } from './schemas.ts';

const uuidOrNull = (value: string | null) => (value && isUuid(value) ? value : null);

function callTarget(n: PhoneNumber): Pick<WirePhoneNumber, 'call_handler' | 'calling_handler_resource_id'> {
  switch (n.inbound_target) {
    case 'agent':
      return { call_handler: 'ai_agent', calling_handler_resource_id: n.inbound_agent_id };
    case 'workflow':
      return { call_handler: 'call_flow', calling_handler_resource_id: n.inbound_workflow_id };
    case 'handler':
      return { call_handler: n.call_handler.type, calling_handler_resource_id: null };
    default:
      return { call_handler: null, calling_handler_resource_id: null };
  }
}

export function toWire(n: PhoneNumber): WirePhoneNumber {
  const call = n.call_handler;
  const message = n.message_handler;
  const e911 = uuidOrNull(n.emergency_calling.address_id);
  return {
    id: n.id,
    number: n.number,
    name: n.friendly_name,
    capabilities: CAPABILITIES.filter((c) => n.capabilities[c]),
    number_type: n.number_type === 'toll_free' ? 'toll-free' : 'longcode',
    e911_address_id: e911,
    e911_status: e911 ? 'active' : null,
    created_at: n.created_at,
    updated_at: n.updated_at,
    next_billed_at: null,
    ...callTarget(n),
    call_receive_mode: call.receive_mode,
    call_request_url: call.request_url,
    call_request_method: call.request_method,
    call_fallback_url: call.fallback_url,
    call_fallback_method: call.fallback_method,
    call_status_callback_url: call.status_callback_url,
    call_status_callback_method: call.status_callback_method,
    call_laml_application_id: call.laml_application_id,
    call_dialogflow_agent_id: call.dialogflow_agent_id,
    call_relay_topic: call.relay_topic,
    call_relay_topic_status_callback_url: call.relay_topic_status_callback_url,
    call_relay_script_url: call.relay_script_url,
    call_relay_context: call.relay_context,
    call_relay_context_status_callback_url: call.relay_context_status_callback_url,
    call_relay_application: call.relay_application,
    call_relay_connector_id: call.relay_connector_id,
    call_sip_endpoint_id: uuidOrNull(call.sip_endpoint_id),
    call_verto_resource: call.verto_resource,
    call_video_room_id: uuidOrNull(call.video_room_id),
    message_handler: message.type,
    messaging_handler_resource_id: null,
    message_request_url: message.request_url,
    message_request_method: message.request_method,
    message_fallback_url: message.fallback_url,
    message_fallback_method: message.fallback_method,
    message_laml_application_id: message.laml_application_id,
    message_relay_topic: message.relay_topic,
    message_relay_context: message.relay_context,
    country_code: n.country_code,
  };
}
