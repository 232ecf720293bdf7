// The numbers of the workspace: search and filters run on the server, one page at a time
// (cursor paging), so a workspace of 100,000 numbers lists as fast as one of ten.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import type { PhoneNumberListQuery } from '@switchboard/sdk';
import { ErrorNotice } from '../components/errors.tsx';
import { PageHeader } from '../components/layout.tsx';
import { Pager, useCursor } from '../components/pager.tsx';
import { useTargets } from '../hooks.ts';
import { useSession } from '../session.tsx';
import { BulkEdit } from './bulk-edit.tsx';
import { CreateNumber } from './create-number.tsx';
import { targetInForce } from './target.ts';

const PAGE_SIZES = [25, 50, 100, 200];

/** The search box: a number (or its start) when it looks like one, else text in the name. */
function searchQuery(text: string): Partial<PhoneNumberListQuery> {
  const t = text.trim();
  if (!t) return {};
  const digits = t.replace(/[\s().-]/g, '');
  if (/^\+?\d{1,15}$/.test(digits)) return { number_prefix: digits.startsWith('+') ? digits : `+${digits}` };
  return { search: t };
}

export function NumbersList() {
  const { client, can } = useSession();
  const [params, setParams] = useSearchParams();
  const { agents, agentName, workflowName } = useTargets();
  const filters = {
    q: params.get('q') ?? '',
    country: params.get('country') ?? '',
    agent: params.get('agent') ?? '',
    capability: params.get('capability') ?? '',
    active: params.get('active') ?? '',
    limit: Number(params.get('limit')) || 50,
  };
  const filterKey = JSON.stringify(filters);
  const { cursor, page, next, previous, hasPrevious } = useCursor(filterKey);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [search, setSearch] = useState(filters.q);

  const query = useMemo<PhoneNumberListQuery>(() => ({
    ...searchQuery(filters.q),
    ...(filters.country ? { country: filters.country.toUpperCase() } : {}),
    ...(filters.agent ? { agent_id: filters.agent } : {}),
    ...(filters.capability ? { capability: filters.capability as PhoneNumberListQuery['capability'] } : {}),
    ...(filters.active ? { active: filters.active === 'true' } : {}),
  }), [filterKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const numbers = useQuery({
    queryKey: ['numbers', query, filters.limit, cursor],
    queryFn: () => client.phoneNumbers.list(query).page({ cursor, limit: filters.limit }),
    placeholderData: keepPreviousData,
  });

  const setFilter = (name: string, value: string) => {
    setParams((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
      return p;
    }, { replace: true });
    setSelected(new Set());
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', search.trim());
  };

  const rows = numbers.data?.data ?? [];
  const allOnPage = rows.length > 0 && rows.every((n) => selected.has(n.id));
  const toggle = (id: string) => setSelected((s) => {
    const out = new Set(s);
    if (out.has(id)) out.delete(id);
    else out.add(id);
    return out;
  });

  return (
    <>
      <PageHeader title="Numbers">{can('numbers:write') ? <CreateNumber /> : null}</PageHeader>
      <form className="filters" role="search" onSubmit={submitSearch}>
        <div className="field">
          <label htmlFor="number-search">Search</label>
          <input id="number-search" type="search" value={search} placeholder="+1415… or a name" onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="filter-country">Country</label>
          <input id="filter-country" value={filters.country} maxLength={2} size={3} placeholder="US" onChange={(e) => setFilter('country', e.target.value.length === 2 || !e.target.value ? e.target.value : filters.country)} onBlur={(e) => setFilter('country', e.target.value.length === 2 ? e.target.value : '')} />
        </div>
        {can('agents:read') ? (
          <div className="field">
            <label htmlFor="filter-agent">Agent</label>
            <select id="filter-agent" value={filters.agent} onChange={(e) => setFilter('agent', e.target.value)}>
              <option value="">Any</option>
              {agents.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="filter-capability">Capability</label>
          <select id="filter-capability" value={filters.capability} onChange={(e) => setFilter('capability', e.target.value)}>
            <option value="">Any</option>
            {['voice', 'sms', 'mms', 'fax'].map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-active">Status</label>
          <select id="filter-active" value={filters.active} onChange={(e) => setFilter('active', e.target.value)}>
            <option value="">Any</option>
            <option value="true">Active</option>
            <option value="false">Inactive</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="page-size">Per page</label>
          <select id="page-size" value={filters.limit} onChange={(e) => setFilter('limit', e.target.value === '50' ? '' : e.target.value)}>
            {PAGE_SIZES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <button type="submit">Search</button>
      </form>

      {numbers.error ? <ErrorNotice error={numbers.error} onRetry={() => void numbers.refetch()} /> : null}
      {can('numbers:write') && selected.size > 0 ? <BulkEdit ids={[...selected]} onDone={() => setSelected(new Set())} /> : null}

      <div className="table-wrap">
        <table aria-busy={numbers.isFetching} aria-label="Phone numbers">
          <thead>
            <tr>
              {can('numbers:write') ? (
                <th scope="col" className="check">
                  <input type="checkbox" aria-label="Select every number on this page" checked={allOnPage} onChange={() => setSelected(allOnPage ? new Set() : new Set(rows.map((n) => n.id)))} />
                </th>
              ) : null}
              <th scope="col">Number</th>
              <th scope="col">Name</th>
              <th scope="col">Country</th>
              <th scope="col">Agent</th>
              <th scope="col">Target in force</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                {can('numbers:write') ? (
                  <td className="check"><input type="checkbox" aria-label={`Select ${n.number}`} checked={selected.has(n.id)} onChange={() => toggle(n.id)} /></td>
                ) : null}
                <td><Link href={`/numbers/${n.id}`} className="mono">{n.number}</Link></td>
                <td>{n.friendly_name ?? <span className="muted">—</span>}</td>
                <td>{n.country_code ?? '—'}</td>
                <td>{n.inbound_agent_id ? agentName.get(n.inbound_agent_id) ?? <span className="mono">{n.inbound_agent_id.slice(0, 8)}…</span> : <span className="muted">—</span>}</td>
                <td>{targetInForce(n, agentName, workflowName)}</td>
                <td>{n.active ? 'Active' : 'Inactive'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!numbers.isPending && rows.length === 0 && !numbers.error ? <p className="empty">No numbers match.</p> : null}
        {numbers.isPending ? <p className="empty" role="status">Loading…</p> : null}
      </div>
      {numbers.data ? <Pager page={page} hasPrevious={hasPrevious} nextCursor={numbers.data?.next_cursor} onPrevious={previous} onNext={next} busy={numbers.isFetching} /> : null}
    </>
  );
}
