// One change to every selected number, through the bulk PATCH: a dry run first shows what
// would fail, then Apply writes the valid items (or none with "all or nothing").
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BulkUpdate, BulkUpdateResult } from '@switchboard/sdk';
import { ErrorNotice } from '../components/errors.tsx';
import { useTargets } from '../hooks.ts';
import { useSession } from '../session.tsx';

type Change = 'inbound_agent_id' | 'inbound_workflow_id' | 'active' | 'outbound_only' | 'label';
type Item = BulkUpdate['items'][number];

export function BulkEdit({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { client, can } = useSession();
  const queryClient = useQueryClient();
  const { agents, workflows } = useTargets();
  const [change, setChange] = useState<Change>('inbound_agent_id');
  const [value, setValue] = useState('');
  const [atomic, setAtomic] = useState(false);
  const [result, setResult] = useState<BulkUpdateResult | null>(null);

  const item = (id: string): Item => {
    switch (change) {
      case 'inbound_agent_id':
      case 'inbound_workflow_id':
        return { id, [change]: value || null };
      case 'active':
      case 'outbound_only':
        return { id, [change]: value === 'true' };
      case 'label': {
        const [k = '', ...rest] = value.split('=');
        return { id, labels: { [k.trim()]: rest.join('=').trim() || null } };
      }
    }
  };

  const run = useMutation({
    mutationFn: (dryRun: boolean) => client.phoneNumbers.bulkUpdate({ items: ids.map(item), atomic, dry_run: dryRun }, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: async (r) => {
      setResult(r);
      if (r.written) await queryClient.invalidateQueries({ queryKey: ['numbers'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate(false);
  };

  return (
    <section className="panel" aria-labelledby="bulk-title">
      <h2 id="bulk-title">Change {ids.length} selected number{ids.length === 1 ? '' : 's'}</h2>
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor="bulk-change">Change</label>
          <select id="bulk-change" value={change} onChange={(e) => { setChange(e.target.value as Change); setValue(''); setResult(null); }}>
            <option value="inbound_agent_id">Inbound agent</option>
            <option value="inbound_workflow_id">Inbound workflow</option>
            <option value="active">Active</option>
            <option value="outbound_only">Outbound only</option>
            <option value="label">A label</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="bulk-value">To</label>
          {change === 'inbound_agent_id' && can('agents:read') ? (
            <select id="bulk-value" value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">None</option>
              {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          ) : change === 'inbound_workflow_id' && can('workflows:read') ? (
            <select id="bulk-value" value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">None</option>
              {workflows.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
            </select>
          ) : change === 'active' || change === 'outbound_only' ? (
            <select id="bulk-value" value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </select>
          ) : (
            <input id="bulk-value" value={value} onChange={(e) => setValue(e.target.value)} placeholder={change === 'label' ? 'key=value (empty value removes it)' : 'id'} />
          )}
        </div>
        <label className="inline"><input type="checkbox" checked={atomic} onChange={(e) => setAtomic(e.target.checked)} /> All or nothing</label>
        <button type="button" onClick={() => run.mutate(true)} disabled={run.isPending}>Preview</button>
        <button type="submit" className="primary" disabled={run.isPending}>Apply</button>
        <button type="button" className="link" onClick={onDone}>Clear selection</button>
      </form>
      {run.error ? <ErrorNotice error={run.error} /> : null}
      {result ? (
        <div role="status" className={result.errors.length ? 'notice warn' : 'notice ok'}>
          <p>
            {result.dry_run ? 'Preview: ' : ''}{result.updated.length} {result.dry_run || !result.written ? 'would change' : 'changed'}
            {result.errors.length ? `, ${result.errors.length} failed${result.atomic && !result.dry_run ? ' (nothing was written)' : ''}` : ''}.
          </p>
          {result.errors.length ? (
            <ul>{result.errors.slice(0, 20).map((e) => <li key={e.index}><span className="mono">{e.number ?? e.id}</span>: {e.message}</li>)}</ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
