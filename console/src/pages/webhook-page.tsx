import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import type { WebhookEndpointPatch } from '@switchboard/sdk';
import { Dialog, SecretOnce } from '../components/dialog.tsx';
import { ErrorNotice, NeedsScope } from '../components/errors.tsx';
import { PageHeader } from '../components/layout.tsx';
import { ObjectForm } from '../components/object-form.tsx';
import { useSession } from '../session.tsx';
import { Deliveries } from './deliveries.tsx';
import { WEBHOOK_FIELDS } from './webhook-fields.ts';

export function WebhookPage() {
  const { id } = useParams<{ id: string }>();
  const { client, can } = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [rotating, setRotating] = useState(false);
  const [overlap, setOverlap] = useState('86400');
  const key = ['webhooks', 'one', id];
  const endpoint = useQuery({ queryKey: key, queryFn: () => client.webhookEndpoints.get(id) });
  const test = useMutation({
    mutationFn: () => client.webhookEndpoints.test(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['deliveries', id] }),
  });
  const rotate = useMutation({ mutationFn: () => client.webhookEndpoints.rotateSecret(id, { overlap_seconds: Number(overlap) }, { idempotencyKey: crypto.randomUUID() }) });
  const remove = useMutation({
    mutationFn: () => client.webhookEndpoints.delete(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      navigate('/webhooks');
    },
  });

  if (endpoint.error) return <><PageHeader title="Webhook endpoint" /><ErrorNotice error={endpoint.error} onRetry={() => void endpoint.refetch()} /></>;
  const e = endpoint.data;
  if (!e) return <p role="status">Loading…</p>;
  const writable = can('webhooks:write');
  return (
    <>
      <PageHeader title={<span className="mono">{e.url}</span>}>
        <Link href="/webhooks">All endpoints</Link>
        {writable ? <button type="button" onClick={() => test.mutate()} disabled={test.isPending}>Send a test event</button> : null}
        {writable ? <button type="button" onClick={() => { rotate.reset(); setRotating(true); }}>Rotate secret</button> : null}
      </PageHeader>
      {!writable ? <NeedsScope scope="webhooks:write" what="change endpoints, send tests or retry deliveries" /> : null}
      {!e.enabled ? <p className="notice warn">This endpoint is disabled: it gets no deliveries.</p> : null}
      {test.error ? <ErrorNotice error={test.error} /> : null}
      {test.data ? (
        <p role="status" className={test.data.succeeded ? 'notice ok' : 'notice warn'}>
          Test event {test.data.succeeded ? 'delivered' : 'failed'}: {test.data.status_code ?? 'no answer'} in {test.data.latency_ms} ms{test.data.error ? ` (${test.data.error})` : ''}.
        </p>
      ) : null}
      <details className="panel">
        <summary>Settings</summary>
        <ObjectForm fields={WEBHOOK_FIELDS} value={e as never} disabled={!writable} onSubmit={async (patch) => {
          if (Object.keys(patch).length === 0) return;
          queryClient.setQueryData(key, await client.webhookEndpoints.update(id, patch as WebhookEndpointPatch, { ifMatch: e.version }));
        }} />
        {writable ? (
          <div className="danger">
            {remove.error ? <ErrorNotice error={remove.error} /> : null}
            <button type="button" className="danger" onClick={() => window.confirm('Delete this endpoint and its delivery log?') && remove.mutate()}>Delete endpoint</button>
          </div>
        ) : null}
      </details>
      {can('webhooks:read') ? <Deliveries endpointId={id} /> : null}
      <Dialog open={rotating} title="Rotate the signing secret" onClose={() => setRotating(false)}>
        {rotate.data ? (
          <>
            <SecretOnce label="New signing secret" secret={rotate.data.secret} />
            <button type="button" onClick={() => setRotating(false)}>Done</button>
          </>
        ) : (
          <form onSubmit={(ev) => { ev.preventDefault(); rotate.mutate(); }}>
            {rotate.error ? <ErrorNotice error={rotate.error} /> : null}
            <div className="field">
              <label htmlFor="overlap">The old secret keeps signing for (seconds)</label>
              <input id="overlap" type="number" min={0} max={604800} value={overlap} onChange={(ev) => setOverlap(ev.target.value)} />
              <small className="muted">During the overlap both secrets sign, so receivers can switch without losing events.</small>
            </div>
            <div className="form-actions">
              <button type="submit" className="primary" disabled={rotate.isPending}>Rotate</button>
              <button type="button" onClick={() => setRotating(false)}>Cancel</button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
