import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { WebhookEndpointCreate, WebhookEndpointCreated } from '@switchboard/sdk';
import { Dialog, SecretOnce } from '../components/dialog.tsx';
import { ErrorNotice, NeedsScope } from '../components/errors.tsx';
import { PageHeader } from '../components/layout.tsx';
import { ObjectForm } from '../components/object-form.tsx';
import { Pager, useCursor } from '../components/pager.tsx';
import { useSession } from '../session.tsx';
import { WEBHOOK_FIELDS } from './webhook-fields.ts';

export function WebhooksList() {
  const { client, can } = useSession();
  const queryClient = useQueryClient();
  const { cursor, page, next, previous, hasPrevious } = useCursor('webhooks');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<WebhookEndpointCreated | null>(null);
  const endpoints = useQuery({ queryKey: ['webhooks', 'list', cursor], queryFn: () => client.webhookEndpoints.list().page({ cursor, limit: 50 }), placeholderData: keepPreviousData });
  const close = () => {
    setCreating(false);
    setCreated(null);
  };
  return (
    <>
      <PageHeader title="Webhook endpoints">
        {can('webhooks:write') ? <button type="button" className="primary" onClick={() => setCreating(true)}>New endpoint</button> : null}
      </PageHeader>
      {!can('webhooks:write') && !endpoints.error ? <NeedsScope scope="webhooks:write" what="create or change endpoints" /> : null}
      {endpoints.error ? <ErrorNotice error={endpoints.error} onRetry={() => void endpoints.refetch()} /> : null}
      {endpoints.data ? (
        <div className="table-wrap">
          <table aria-label="Webhook endpoints">
            <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Scope</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {endpoints.data.data.map((e) => (
                <tr key={e.id}>
                  <td><Link href={`/webhooks/${e.id}`} className="mono">{e.url}</Link>{e.description ? <div className="muted">{e.description}</div> : null}</td>
                  <td>{e.event_types.length ? e.event_types.join(', ') : 'every event'}</td>
                  <td>{e.phone_number_id ? 'one number' : e.agent_id ? 'an agent\'s calls' : 'workspace'}</td>
                  <td>{e.enabled ? 'Enabled' : 'Disabled'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {endpoints.data.data.length === 0 ? <p className="empty">No endpoints yet.</p> : null}
        </div>
      ) : null}
      {endpoints.data ? <Pager page={page} hasPrevious={hasPrevious} nextCursor={endpoints.data?.next_cursor} onPrevious={previous} onNext={next} busy={endpoints.isFetching} /> : null}
      <Dialog open={creating} title={created ? 'Endpoint created' : 'New webhook endpoint'} onClose={close}>
        {created ? (
          <>
            <SecretOnce label="Signing secret" secret={created.secret} />
            <Link href={`/webhooks/${created.id}`}>Open the endpoint</Link>
            <button type="button" onClick={close}>Done</button>
          </>
        ) : (
          <ObjectForm create fields={WEBHOOK_FIELDS.filter((f) => f.name !== 'enabled')} submitLabel="Create" onSubmit={async (body) => {
            setCreated(await client.webhookEndpoints.create(body as WebhookEndpointCreate, { idempotencyKey: crypto.randomUUID() }));
            await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
          }}>
            <button type="button" onClick={close}>Cancel</button>
          </ObjectForm>
        )}
      </Dialog>
    </>
  );
}
