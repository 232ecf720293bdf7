// Lists and pages of the simple objects (agents, workflows): a paged table, a create dialog,
// and an edit form that the key's scopes disable, with the API's 403 shown if it answers one.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { List, Page } from '@switchboard/sdk';
import { SwitchboardError } from '@switchboard/sdk';
import { Dialog } from '../components/dialog.tsx';
import { ErrorNotice, NeedsScope } from '../components/errors.tsx';
import { when } from '../components/format.ts';
import { PageHeader } from '../components/layout.tsx';
import { ObjectForm, type FieldSpec } from '../components/object-form.tsx';
import { Pager, useCursor } from '../components/pager.tsx';
import type { Scope } from '../scopes.ts';
import { useSession } from '../session.tsx';

interface Named {
  id: string;
  name: string;
  version: number;
  updated_at: string;
}

export interface ResourceKind<T extends Named> {
  /** agents, workflows: the path under / and the query key. */
  plural: string;
  title: string;
  singular: string;
  write: Scope;
  fields: FieldSpec[];
  createFields: FieldSpec[];
  wholeObjects?: string[];
  columns: { label: string; cell: (item: T) => ReactNode }[];
}

export interface ResourceApi<T extends Named> {
  list: () => List<T>;
  get: (id: string) => Promise<T>;
  create: (body: never, options: { idempotencyKey: string }) => Promise<T>;
  update: (id: string, patch: never, options: { ifMatch: number }) => Promise<T>;
  delete: (id: string, options: { query?: { detach?: boolean } }) => Promise<unknown>;
}

export function ResourceList<T extends Named>({ kind, api }: { kind: ResourceKind<T>; api: ResourceApi<T> }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const { cursor, page, next, previous, hasPrevious } = useCursor(kind.plural);
  const [creating, setCreating] = useState(false);
  const items = useQuery({ queryKey: [kind.plural, 'list', cursor], queryFn: (): Promise<Page<T>> => api.list().page({ cursor, limit: 50 }), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader title={kind.title}>
        {can(kind.write) ? <button type="button" className="primary" onClick={() => setCreating(true)}>New {kind.singular}</button> : null}
      </PageHeader>
      {!can(kind.write) && !items.error ? <NeedsScope scope={kind.write} what={`create or change ${kind.plural}`} /> : null}
      {items.error ? <ErrorNotice error={items.error} onRetry={() => void items.refetch()} /> : null}
      {items.data ? (
        <div className="table-wrap">
          <table aria-label={kind.title}>
            <thead><tr><th scope="col">Name</th>{kind.columns.map((c) => <th scope="col" key={c.label}>{c.label}</th>)}<th scope="col">Changed</th></tr></thead>
            <tbody>
              {items.data.data.map((item) => (
                <tr key={item.id}>
                  <td><Link href={`/${kind.plural}/${item.id}`}>{item.name}</Link></td>
                  {kind.columns.map((c) => <td key={c.label}>{c.cell(item)}</td>)}
                  <td>{when(item.updated_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.data.data.length === 0 ? <p className="empty">None yet.</p> : null}
        </div>
      ) : null}
      {items.data ? <Pager page={page} hasPrevious={hasPrevious} nextCursor={items.data?.next_cursor} onPrevious={previous} onNext={next} busy={items.isFetching} /> : null}
      <Dialog open={creating} title={`New ${kind.singular}`} onClose={() => setCreating(false)}>
        <ObjectForm create fields={kind.createFields} wholeObjects={kind.wholeObjects} submitLabel="Create" onSubmit={async (body) => {
          const created = await api.create(body as never, { idempotencyKey: crypto.randomUUID() });
          await queryClient.invalidateQueries({ queryKey: [kind.plural] });
          setCreating(false);
          navigate(`/${kind.plural}/${created.id}`);
        }}>
          <button type="button" onClick={() => setCreating(false)}>Cancel</button>
        </ObjectForm>
      </Dialog>
    </>
  );
}

export function ResourcePage<T extends Named>({ kind, api, id }: { kind: ResourceKind<T>; api: ResourceApi<T>; id: string }) {
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const key = [kind.plural, 'one', id];
  const item = useQuery({ queryKey: key, queryFn: () => api.get(id) });
  const remove = useMutation({
    mutationFn: ({ detach }: { detach: boolean }) => api.delete(id, { ...(detach ? { query: { detach: true } } : {}) }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [kind.plural] });
      navigate(`/${kind.plural}`);
    },
  });
  if (item.error) return <><PageHeader title={kind.title} /><ErrorNotice error={item.error} onRetry={() => void item.refetch()} /></>;
  const current = item.data;
  if (!current) return <p role="status">Loading…</p>;
  const writable = can(kind.write);
  const inUse = remove.error instanceof SwitchboardError && remove.error.code === 'in_use';
  return (
    <>
      <PageHeader title={current.name}>
        <Link href={`/${kind.plural}`}>All {kind.plural}</Link>
        {can('events:read') ? <Link href={`/audit?object_id=${id}`}>History</Link> : null}
      </PageHeader>
      {!writable ? <NeedsScope scope={kind.write} what={`change ${kind.plural}`} /> : null}
      <div className="panel">
        <ObjectForm fields={kind.fields} wholeObjects={kind.wholeObjects} value={current as never} disabled={!writable} onSubmit={async (patch) => {
          if (Object.keys(patch).length === 0) return;
          queryClient.setQueryData(key, await api.update(id, patch as never, { ifMatch: current.version }));
          await queryClient.invalidateQueries({ queryKey: [kind.plural, 'list'] });
        }} />
      </div>
      {writable ? (
        <section className="panel danger" aria-labelledby="delete-title">
          <h2 id="delete-title">Delete this {kind.singular}</h2>
          {remove.error ? <ErrorNotice error={remove.error} /> : null}
          {inUse && can('numbers:write') ? (
            <button type="button" className="danger" onClick={() => remove.mutate({ detach: true })}>Detach it from its numbers and delete</button>
          ) : (
            <button type="button" className="danger" onClick={() => window.confirm(`Delete ${current.name}?`) && remove.mutate({ detach: false })}>Delete</button>
          )}
        </section>
      ) : null}
    </>
  );
}
