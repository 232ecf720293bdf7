// The number page's sections: which fields each edits (named by their path in the number).
import type { FieldSpec } from '../components/object-form.tsx';
import { CALL_HANDLER_TYPES, HANDLER_METHODS, INBOUND_TARGETS, MESSAGE_HANDLER_TYPES, options, RECEIVE_MODES, SIP_TRANSPORTS } from '../enums.ts';

const method = (name: string, label: string): FieldSpec => ({ name, label, kind: 'select', options: options(HANDLER_METHODS, 'Default') });

export const GENERAL: FieldSpec[] = [
  { name: 'friendly_name', label: 'Name' },
  { name: 'active', label: 'Active', kind: 'checkbox' },
  { name: 'outbound_only', label: 'Outbound only', kind: 'checkbox', help: 'Takes no inbound calls.' },
  { name: 'capabilities.voice', label: 'Voice', kind: 'checkbox' },
  { name: 'capabilities.sms', label: 'SMS', kind: 'checkbox' },
  { name: 'capabilities.mms', label: 'MMS', kind: 'checkbox' },
  { name: 'capabilities.fax', label: 'Fax', kind: 'checkbox' },
  { name: 'emergency_calling.enabled', label: 'Emergency calling', kind: 'checkbox' },
  { name: 'emergency_calling.address_id', label: 'Emergency address id' },
  { name: 'labels', label: 'Labels', kind: 'map', help: 'One key=value a line.', placeholder: 'team=support' },
];

/** Agents and workflows as selects when the key can read them, else by id. */
export function routingFields(agents: { id: string; name: string }[] | null, workflows: { id: string; name: string }[] | null): FieldSpec[] {
  const pick = (name: string, label: string, list: { id: string; name: string }[] | null): FieldSpec =>
    list ? { name, label, kind: 'select', options: [{ value: '', label: 'None' }, ...list.map((o) => ({ value: o.id, label: o.name }))] } : { name, label, help: 'An id (this key cannot list them).' };
  return [
    { name: 'inbound_target', label: 'Inbound calls go to', kind: 'select', options: options(INBOUND_TARGETS, 'Nothing'), help: 'Setting an agent, workflow or handler makes it the target unless you choose here.' },
    pick('inbound_agent_id', 'Inbound agent', agents),
    pick('inbound_workflow_id', 'Inbound workflow', workflows),
    pick('outbound_agent_id', 'Outbound agent', agents),
    pick('outbound_workflow_id', 'Outbound workflow', workflows),
  ];
}

export const CALL_HANDLER: FieldSpec[] = [
  { name: 'call_handler.type', label: 'Handler', kind: 'select', options: options(CALL_HANDLER_TYPES, 'None') },
  { name: 'call_handler.receive_mode', label: 'Receive as', kind: 'select', options: options(RECEIVE_MODES) },
  { name: 'call_handler.request_url', label: 'Request URL', kind: 'url' },
  method('call_handler.request_method', 'Request method'),
  { name: 'call_handler.fallback_url', label: 'Fallback URL', kind: 'url' },
  method('call_handler.fallback_method', 'Fallback method'),
  { name: 'call_handler.status_callback_url', label: 'Status callback URL', kind: 'url' },
  method('call_handler.status_callback_method', 'Status callback method'),
  { name: 'call_handler.laml_application_id', label: 'LaML application id' },
  { name: 'call_handler.dialogflow_agent_id', label: 'Dialogflow agent id' },
  { name: 'call_handler.relay_topic', label: 'Relay topic' },
  { name: 'call_handler.relay_script_url', label: 'Relay script URL', kind: 'url' },
  { name: 'call_handler.relay_application', label: 'Relay application' },
  { name: 'call_handler.relay_connector_id', label: 'Relay connector id' },
  { name: 'call_handler.sip_endpoint_id', label: 'SIP endpoint id' },
  { name: 'call_handler.verto_resource', label: 'Verto resource' },
  { name: 'call_handler.video_room_id', label: 'Video room id' },
];

export const MESSAGE_HANDLER: FieldSpec[] = [
  { name: 'message_handler.type', label: 'Handler', kind: 'select', options: options(MESSAGE_HANDLER_TYPES, 'None') },
  { name: 'message_handler.request_url', label: 'Request URL', kind: 'url' },
  method('message_handler.request_method', 'Request method'),
  { name: 'message_handler.fallback_url', label: 'Fallback URL', kind: 'url' },
  method('message_handler.fallback_method', 'Fallback method'),
  { name: 'message_handler.laml_application_id', label: 'LaML application id' },
  { name: 'message_handler.relay_topic', label: 'Relay topic' },
  { name: 'message_handler.relay_application', label: 'Relay application' },
];

export const SIP: FieldSpec[] = [
  { name: 'sip_inbound.enabled', label: 'Inbound SIP', kind: 'checkbox' },
  { name: 'sip_inbound.origination_uri', label: 'Origination URI', kind: 'url' },
  { name: 'sip_outbound.enabled', label: 'Outbound SIP trunk', kind: 'checkbox' },
  { name: 'sip_outbound.endpoint', label: 'Trunk host' },
  { name: 'sip_outbound.port', label: 'Port', kind: 'number' },
  { name: 'sip_outbound.transport', label: 'Transport', kind: 'select', options: options(SIP_TRANSPORTS) },
  { name: 'sip_outbound.username', label: 'User name' },
  { name: 'sip_outbound.password', label: 'Password', kind: 'secret', setFlag: 'sip_outbound.password_set', help: 'Write-only: stored encrypted, never shown.' },
  { name: 'sip_outbound.from_domain', label: 'From domain' },
  { name: 'sip_outbound.secure_media', label: 'Secure media (SRTP)', kind: 'checkbox' },
];

export const TELEPHONY: FieldSpec[] = [
  { name: 'telephony.provider', label: 'Carrier', placeholder: 'twilio' },
  { name: 'telephony.account_sid', label: 'Account SID' },
  { name: 'telephony.phone_number_sid', label: 'Number SID' },
  { name: 'telephony.auth_token', label: 'Auth token', kind: 'secret', setFlag: 'telephony.auth_token_set', help: 'Write-only: stored encrypted, never shown.' },
];
