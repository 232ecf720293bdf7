import { useParams } from 'wouter';
import type { Agent } from '@switchboard/sdk';
import type { FieldSpec } from '../components/object-form.tsx';
import { options } from '../enums.ts';
import { useSession } from '../session.tsx';
import { ResourceList, ResourcePage, type ResourceApi, type ResourceKind } from './resource.tsx';

const endpoint: FieldSpec[] = [
  { name: 'endpoint.type', label: 'Reached by', kind: 'select', options: options(['websocket', 'sip'], 'Not set') },
  { name: 'endpoint.url', label: 'Endpoint URL', kind: 'url', placeholder: 'wss://… or sip:…' },
];

const AGENTS: ResourceKind<Agent> = {
  plural: 'agents',
  title: 'Agents',
  singular: 'agent',
  write: 'agents:write',
  wholeObjects: ['endpoint', 'voice'],
  createFields: [{ name: 'name', label: 'Name', required: true }, { name: 'language', label: 'Language', placeholder: 'en-US' }, ...endpoint],
  fields: [
    { name: 'name', label: 'Name', required: true },
    { name: 'language', label: 'Language', help: 'BCP 47, such as en-US.' },
    { name: 'prompt', label: 'Prompt', kind: 'textarea' },
    { name: 'initial_message', label: 'First message', kind: 'textarea' },
    { name: 'voice.type', label: 'Voice provider', placeholder: 'voice_eleven_labs' },
    { name: 'voice.voice_id', label: 'Voice id' },
    ...endpoint,
  ],
  columns: [
    { label: 'Language', cell: (a) => a.language },
    { label: 'Endpoint', cell: (a) => a.endpoint?.url ?? '—' },
  ],
};

function useAgentsApi(): ResourceApi<Agent> {
  const { client } = useSession();
  return { list: () => client.agents.list(), get: client.agents.get, create: client.agents.create as never, update: client.agents.update as never, delete: client.agents.delete };
}

export function AgentsList() {
  return <ResourceList kind={AGENTS} api={useAgentsApi()} />;
}

export function AgentPage() {
  const { id } = useParams<{ id: string }>();
  return <ResourcePage kind={AGENTS} api={useAgentsApi()} id={id} />;
}
