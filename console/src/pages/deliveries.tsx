// An endpoint's delivery log, refreshed every few seconds: each delivery's status and last
// answer, its attempts on demand, and Retry for those that failed or still wait.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { WebhookDeliverySummary } from '@switchboard/sdk';
import { ErrorNotice } from '../components/errors.tsx';
import { when } from '../components/format.ts';
import { Pager, useCursor } from '../components/pager.tsx';
import { DELIVERY_STATUSES, options } from '../enums.ts';
import { useSession } from '../session.tsx';

function Attempts({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  const { client } = useSession();
  const delivery = useQuery({ queryKey: ['delivery', endpointId, deliveryId], queryFn: () => client.webhookDeliveries.get(endpointId, deliveryId), refetchInterval: 3_000 });
  if (delivery.error) return <ErrorNotice error={delivery.error} />;
  if (!delivery.data) return <p role="status">Loading…</p>;
  return (
    <table className="attempts" aria-label="Attempts">
      <thead><tr><th scope="col">Attempt</th><th scope="col">At</th><th scope="col">Answer</th><th scope="col">Latency</th><th scope="col">Error</th><th scope="col">Response</th></tr></thead>
      <tbody>
        {delivery.data.attempts.map((a, i) => (
          <tr key={a.id}>
            <td>{i + 1}</td>
            <td>{when(a.started_at)}</td>
            <td>{a.status_code ?? 'none'}</td>
            <td>{a.latency_ms} ms</td>
            <td>{a.error ?? '—'}</td>
            <td><code className="clip">{a.response_body || '—'}{a.response_truncated ? '…' : ''}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Deliveries({ endpointId }: { endpointId: string }) {
  const { client, can } = useSession();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const { cursor, page, next, previous, hasPrevious } = useCursor(status);
  const [open, setOpen] = useState<string | null>(null);
  const key = ['deliveries', endpointId];
  const deliveries = useQuery({
    queryKey: [...key, status, cursor],
    queryFn: () => client.webhookDeliveries.list(endpointId, status ? { status: status as WebhookDeliverySummary['status'] } : {}).page({ cursor, limit: 25 }),
    placeholderData: keepPreviousData,
    refetchInterval: 3_000,
  });
  const retry = useMutation({
    mutationFn: (d: WebhookDeliverySummary) => client.webhookDeliveries.retry(endpointId, d.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <div className="page-header">
        <h2 id="deliveries-title">Deliveries</h2>
        <div className="field inline-field">
          <label htmlFor="delivery-status">Status</label>
          <select id="delivery-status" value={status} onChange={(e) => setStatus(e.target.value)}>
            {options(DELIVERY_STATUSES, 'Any').map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
      </div>
      {deliveries.error ? <ErrorNotice error={deliveries.error} /> : null}
      {retry.error ? <ErrorNotice error={retry.error} /> : null}
      <div className="table-wrap">
        <table aria-label="Deliveries">
          <thead><tr><th scope="col">Created</th><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last answer</th><th scope="col">Next attempt</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {(deliveries.data?.data ?? []).map((d) => (
              <Fragment key={d.id}>
                <tr data-delivery={d.id} data-status={d.status}>
                  <td>{when(d.created_at)}</td>
                  <td className="mono">{d.event_type}</td>
                  <td><span className={`badge ${d.status}`}>{d.status}</span></td>
                  <td>{d.attempt_count}</td>
                  <td>{d.last_status_code ?? (d.last_error ? <span title={d.last_error}>no answer: {d.last_error}</span> : '—')}</td>
                  <td>{when(d.next_attempt_at)}</td>
                  <td className="row-actions">
                    <button type="button" aria-expanded={open === d.id} onClick={() => setOpen(open === d.id ? null : d.id)}>Attempts</button>
                    {can('webhooks:write') && (d.status === 'failed' || d.status === 'pending') ? (
                      <button type="button" onClick={() => retry.mutate(d)} disabled={retry.isPending}>Retry</button>
                    ) : null}
                  </td>
                </tr>
                {open === d.id ? <tr><td colSpan={7}><Attempts endpointId={endpointId} deliveryId={d.id} /></td></tr> : null}
              </Fragment>
            ))}
          </tbody>
        </table>
        {deliveries.data && deliveries.data.data.length === 0 ? <p className="empty">No deliveries{status ? ` with status ${status}` : ''}.</p> : null}
      </div>
      <Pager page={page} hasPrevious={hasPrevious} nextCursor={deliveries.data?.next_cursor} onPrevious={previous} onNext={next} />
    </section>
  );
}
