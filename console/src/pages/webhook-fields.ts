import type { FieldSpec } from '../components/object-form.tsx';
import { options } from '../enums.ts';

export const WEBHOOK_FIELDS: FieldSpec[] = [
  { name: 'url', label: 'URL', kind: 'url', required: true, placeholder: 'https://example.com/hooks' },
  { name: 'method', label: 'Method', kind: 'select', options: options(['POST', 'PUT', 'PATCH', 'GET']) },
  { name: 'event_types', label: 'Event types', kind: 'list', help: 'Comma-separated, such as phone_number.* ; empty: every event.' },
  { name: 'phone_number_id', label: 'Only for the number (id)', help: 'Empty: every number of the workspace.' },
  { name: 'filter', label: 'Filter (CEL)', placeholder: 'direction == "inbound"' },
  { name: 'description', label: 'Description' },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox' },
  { name: 'headers', label: 'Extra headers', kind: 'map', help: 'One name=value a line.' },
];
