// API keys: who can call the API with what. A new key's secret is shown once; a key can only
// grant scopes the signed-in key has (the API refuses more), so only those are offered.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ApiKey, IssuedApiKey } from '@switchboard/sdk';
import { Dialog, SecretOnce } from '../components/dialog.tsx';
import { ErrorNotice, NeedsScope } from '../components/errors.tsx';
import { when } from '../components/format.ts';
import { PageHeader } from '../components/layout.tsx';
import { Pager, useCursor } from '../components/pager.tsx';
import { SCOPES, type Scope } from '../scopes.ts';
import { useSession } from '../session.tsx';

function CreateKey({ onClose }: { onClose: () => void }) {
  const { client, can, me } = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<Scope>>(new Set());
  const create = useMutation({
    mutationFn: () => client.apiKeys.create({ name, scopes: [...scopes] }, { idempotencyKey: crypto.randomUUID() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['keys'] }),
  });
  const grantable = SCOPES.filter((s) => (s === 'admin' || s === 'operator' ? me.api_key.scopes.includes(s) || (s === 'admin' && me.api_key.scopes.includes('operator')) : can(s)));
  const issued: IssuedApiKey | undefined = create.data;
  if (issued) {
    return (
      <>
        <SecretOnce label={`API key “${issued.name}”`} secret={issued.secret} />
        <button type="button" onClick={onClose}>Done</button>
      </>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit}>
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <div className="field">
        <label htmlFor="key-name">Name</label>
        <input id="key-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder="billing integration" />
      </div>
      <fieldset className="scopes">
        <legend>Scopes</legend>
        {grantable.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" checked={scopes.has(s)} onChange={(e) => setScopes((cur) => {
              const out = new Set(cur);
              if (e.target.checked) out.add(s);
              else out.delete(s);
              return out;
            })} /> <code>{s}</code>
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={create.isPending || !name.trim() || scopes.size === 0}>Create key</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}

export function ApiKeys() {
  const { client, can, me } = useSession();
  const queryClient = useQueryClient();
  const { cursor, page, next, previous, hasPrevious } = useCursor('keys');
  const [creating, setCreating] = useState(false);
  const keys = useQuery({ queryKey: ['keys', cursor], queryFn: () => client.apiKeys.list().page({ cursor, limit: 50 }), placeholderData: keepPreviousData });
  const revoke = useMutation({
    mutationFn: (k: ApiKey) => client.apiKeys.revoke(k.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['keys'] }),
  });
  return (
    <>
      <PageHeader title="API keys">
        {can('keys:write') ? <button type="button" className="primary" onClick={() => setCreating(true)}>New key</button> : null}
      </PageHeader>
      {!can('keys:write') && !keys.error ? <NeedsScope scope="keys:write" what="create or revoke keys" /> : null}
      {keys.error ? <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      {keys.data ? (
        <div className="table-wrap">
          <table aria-label="API keys">
            <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {keys.data.data.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}{k.id === me.api_key.id ? <span className="badge">this key</span> : null}</td>
                  <td className="mono">{k.prefix}…</td>
                  <td>{k.scopes.join(', ')}</td>
                  <td>{when(k.created_at)}</td>
                  <td>{when(k.last_used_at)}</td>
                  <td>{k.revoked_at ? `Revoked ${when(k.revoked_at)}` : 'Active'}</td>
                  <td>
                    {can('keys:write') && !k.revoked_at && k.id !== me.api_key.id ? (
                      <button type="button" className="danger" onClick={() => window.confirm(`Revoke “${k.name}”? Clients using it stop working.`) && revoke.mutate(k)}>Revoke</button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {keys.data ? <Pager page={page} hasPrevious={hasPrevious} nextCursor={keys.data?.next_cursor} onPrevious={previous} onNext={next} busy={keys.isFetching} /> : null}
      <Dialog open={creating} title="New API key" onClose={() => setCreating(false)}>
        <CreateKey onClose={() => setCreating(false)} />
      </Dialog>
    </>
  );
}
