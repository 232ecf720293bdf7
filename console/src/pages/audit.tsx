// The audit log, newest first, filtered by kind of object, object id or event type; each event
// opens to what changed (before and after) and where its webhooks went.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { useSearchParams } from 'wouter';
import type { AuditEvent, EventListQuery } from '@switchboard/sdk';
import { ErrorNotice } from '../components/errors.tsx';
import { when } from '../components/format.ts';
import { PageHeader } from '../components/layout.tsx';
import { Pager, useCursor } from '../components/pager.tsx';
import { useSession } from '../session.tsx';

const OBJECT_TYPES = ['phone_number', 'agent', 'workflow', 'webhook_endpoint', 'api_key', 'workspace'];

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v, null, 1));

/** What the event changed, field by field; the whole object before and after on demand. */
function EventChanges({ event: e }: { event: AuditEvent }) {
  const fields = e.changes.length ? e.changes : Object.keys(e.after ?? e.before ?? {});
  return (
    <div className="event-changes">
      <p className="muted">Request <code>{e.request_id ?? '—'}</code>{e.reason ? `, reason ${e.reason}` : ''}</p>
      <table className="attempts" aria-label="Changed fields">
        <thead><tr><th scope="col">Field</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}><td className="mono">{f}</td><td><pre>{show(e.before?.[f])}</pre></td><td><pre>{show(e.after?.[f])}</pre></td></tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>The whole object</summary>
        <div className="diff">
          <div><h3>Before</h3><pre>{JSON.stringify(e.before ?? null, null, 2)}</pre></div>
          <div><h3>After</h3><pre>{JSON.stringify(e.after ?? null, null, 2)}</pre></div>
        </div>
      </details>
    </div>
  );
}

function actorOf(e: AuditEvent): string {
  const actor = e.actor as { type?: string; api_key_id?: string | null } | undefined;
  if (!actor) return '—';
  return actor.type === 'api_key' && actor.api_key_id ? `key ${actor.api_key_id.slice(0, 8)}…` : String(actor.type ?? '—');
}

export function AuditLog() {
  const { client } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = { object_type: params.get('object_type') ?? '', object_id: params.get('object_id') ?? '', type: params.get('type') ?? '' };
  const [draft, setDraft] = useState(filters);
  const filterKey = JSON.stringify(filters);
  const { cursor, page, next, previous, hasPrevious } = useCursor(filterKey);
  const [open, setOpen] = useState<string | null>(null);
  const query: EventListQuery = { order: 'desc', ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) };
  const events = useQuery({ queryKey: ['events', filterKey, cursor], queryFn: () => client.events.list(query).page({ cursor, limit: 50 }), placeholderData: keepPreviousData });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim()).map(([k, v]) => [k, v.trim()])), { replace: true });
  };

  return (
    <>
      <PageHeader title="Audit log" />
      <form className="filters" onSubmit={apply} aria-label="Filter events">
        <div className="field">
          <label htmlFor="audit-object-type">Kind of object</label>
          <select id="audit-object-type" value={draft.object_type} onChange={(e) => setDraft({ ...draft, object_type: e.target.value })}>
            <option value="">Any</option>
            {OBJECT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-object-id">Object id</label>
          <input id="audit-object-id" value={draft.object_id} onChange={(e) => setDraft({ ...draft, object_id: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-type">Event type</label>
          <input id="audit-type" value={draft.type} placeholder="phone_number.updated" onChange={(e) => setDraft({ ...draft, type: e.target.value })} />
        </div>
        <button type="submit">Filter</button>
      </form>
      {events.error ? <ErrorNotice error={events.error} onRetry={() => void events.refetch()} /> : null}
      <div className="table-wrap">
        <table aria-label="Events, newest first">
          <thead><tr><th scope="col">When</th><th scope="col">Event</th><th scope="col">Object</th><th scope="col">By</th><th scope="col">Webhooks</th><th scope="col"><span className="visually-hidden">Details</span></th></tr></thead>
          <tbody>
            {(events.data?.data ?? []).map((e) => (
              <Fragment key={e.id}>
                <tr>
                  <td>{when(e.created_at)}</td>
                  <td className="mono">{e.type}</td>
                  <td><span className="mono">{e.object_type}</span> <button type="button" className="link mono" onClick={() => setParams({ object_id: e.object_id }, { replace: true })} title="Only this object">{e.object_id.slice(0, 8)}…</button></td>
                  <td>{actorOf(e)}</td>
                  <td>{e.webhook_deliveries.length ? e.webhook_deliveries.map((d) => d.status).join(', ') : '—'}</td>
                  <td><button type="button" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>Changes</button></td>
                </tr>
                {open === e.id ? <tr><td colSpan={6}><EventChanges event={e} /></td></tr> : null}
              </Fragment>
            ))}
          </tbody>
        </table>
        {events.data && events.data.data.length === 0 ? <p className="empty">No events match.</p> : null}
      </div>
      {events.data ? <Pager page={page} hasPrevious={hasPrevious} nextCursor={events.data?.next_cursor} onPrevious={previous} onNext={next} busy={events.isFetching} /> : null}
    </>
  );
}
