import { useParams } from 'wouter';
import type { Workflow } from '@switchboard/sdk';
import type { FieldSpec } from '../components/object-form.tsx';
import { options } from '../enums.ts';
import { useSession } from '../session.tsx';
import { ResourceList, ResourcePage, type ResourceApi, type ResourceKind } from './resource.tsx';

const fields: FieldSpec[] = [
  { name: 'name', label: 'Name', required: true },
  { name: 'description', label: 'Description', kind: 'textarea' },
  { name: 'endpoint.type', label: 'Reached by', kind: 'select', options: options(['websocket', 'sip'], 'Not set') },
  { name: 'endpoint.url', label: 'Endpoint URL', kind: 'url', placeholder: 'wss://… or sip:…' },
];

const WORKFLOWS: ResourceKind<Workflow> = {
  plural: 'workflows',
  title: 'Workflows',
  singular: 'workflow',
  write: 'workflows:write',
  wholeObjects: ['endpoint'],
  createFields: fields,
  fields,
  columns: [
    { label: 'Description', cell: (w) => w.description ?? '—' },
    { label: 'Endpoint', cell: (w) => w.endpoint?.url ?? '—' },
  ],
};

function useWorkflowsApi(): ResourceApi<Workflow> {
  const { client } = useSession();
  return { list: () => client.workflows.list(), get: client.workflows.get, create: client.workflows.create as never, update: client.workflows.update as never, delete: client.workflows.delete };
}

export function WorkflowsList() {
  return <ResourceList kind={WORKFLOWS} api={useWorkflowsApi()} />;
}

export function WorkflowPage() {
  const { id } = useParams<{ id: string }>();
  return <ResourcePage kind={WORKFLOWS} api={useWorkflowsApi()} id={id} />;
}
