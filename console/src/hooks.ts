// Queries several pages share.
import { useQuery } from '@tanstack/react-query';
import { useSession } from './session.tsx';

/** Agents and workflows for pickers and names: the first 200, only if the key may read them. */
export function useTargets() {
  const { client, can } = useSession();
  const agents = useQuery({ queryKey: ['agents', 'options'], queryFn: () => client.agents.list({ limit: 200 }).page(), enabled: can('agents:read'), staleTime: 30_000 });
  const workflows = useQuery({ queryKey: ['workflows', 'options'], queryFn: () => client.workflows.list({ limit: 200 }).page(), enabled: can('workflows:read'), staleTime: 30_000 });
  const agentName = new Map((agents.data?.data ?? []).map((a) => [a.id, a.name]));
  const workflowName = new Map((workflows.data?.data ?? []).map((w) => [w.id, w.name]));
  return { agents: agents.data?.data ?? [], workflows: workflows.data?.data ?? [], agentName, workflowName };
}
