// One number: every section edits its own fields with If-Match on the version it shows, so two
// operators cannot overwrite each other unseen (412: reload and redo).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import type { PhoneNumber, PhoneNumberPatch } from '@switchboard/sdk';
import { ErrorNotice, NeedsScope } from '../components/errors.tsx';
import { when } from '../components/format.ts';
import { PageHeader } from '../components/layout.tsx';
import { ObjectForm, type FieldSpec } from '../components/object-form.tsx';
import { useTargets } from '../hooks.ts';
import { useSession } from '../session.tsx';
import { CALL_HANDLER, GENERAL, MESSAGE_HANDLER, routingFields, SIP, TELEPHONY } from './number-fields.ts';
import { targetInForce } from './target.ts';

const SECTIONS = ['General', 'Routing', 'Call handler', 'Messages', 'SIP', 'Telephony'] as const;
type Section = (typeof SECTIONS)[number];

export function NumberPage() {
  const { ref } = useParams<{ ref: string }>();
  const { client, can } = useSession();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const targets = useTargets();
  const [section, setSection] = useState<Section>('Routing');
  const key = ['number', ref];
  const number = useQuery({ queryKey: key, queryFn: () => client.phoneNumbers.get(ref) });
  const release = useMutation({
    mutationFn: (n: PhoneNumber) => client.phoneNumbers.release(n.id, { ifMatch: n.version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['numbers'] });
      navigate('/numbers');
    },
  });

  if (number.error) return <><PageHeader title="Number" /><ErrorNotice error={number.error} onRetry={() => void number.refetch()} /></>;
  const n = number.data;
  if (!n) return <p role="status">Loading…</p>;

  const writable = can('numbers:write');
  const fieldsOf: Record<Section, FieldSpec[]> = {
    General: GENERAL,
    Routing: routingFields(can('agents:read') ? targets.agents : null, can('workflows:read') ? targets.workflows : null),
    'Call handler': CALL_HANDLER,
    Messages: MESSAGE_HANDLER,
    SIP,
    Telephony: TELEPHONY,
  };
  const save = async (patch: Record<string, unknown>) => {
    if (Object.keys(patch).length === 0) return;
    const updated = await client.phoneNumbers.update(n.id, patch as PhoneNumberPatch, { ifMatch: n.version });
    queryClient.setQueryData(key, updated);
    await queryClient.invalidateQueries({ queryKey: ['numbers'] });
  };

  return (
    <>
      <PageHeader title={<span className="mono">{n.number}</span>}>
        <Link href="/numbers">All numbers</Link>
        {can('events:read') ? <Link href={`/audit?object_id=${n.id}`}>History</Link> : null}
      </PageHeader>
      <dl className="facts">
        <div><dt>Name</dt><dd>{n.friendly_name ?? '—'}</dd></div>
        <div><dt>Inbound calls go to</dt><dd data-testid="target-in-force">{targetInForce(n, targets.agentName, targets.workflowName)}</dd></div>
        <div><dt>Country, type</dt><dd>{n.country_code ?? '—'}, {n.number_type}</dd></div>
        <div><dt>Version</dt><dd>{n.version}, changed {when(n.updated_at)}</dd></div>
      </dl>
      {!writable ? <NeedsScope scope="numbers:write" what="change numbers" /> : null}
      <div className="tabs" role="tablist" aria-label="Sections">
        {SECTIONS.map((s) => (
          <button key={s} type="button" role="tab" id={`tab-${s}`} aria-selected={section === s} aria-controls="section-panel" tabIndex={section === s ? 0 : -1}
            onClick={() => setSection(s)}
            onKeyDown={(e) => {
              const i = SECTIONS.indexOf(s);
              const to = e.key === 'ArrowRight' ? SECTIONS[(i + 1) % SECTIONS.length] : e.key === 'ArrowLeft' ? SECTIONS[(i + SECTIONS.length - 1) % SECTIONS.length] : null;
              if (to) {
                setSection(to);
                document.getElementById(`tab-${to}`)?.focus();
              }
            }}>{s}</button>
        ))}
      </div>
      <div role="tabpanel" id="section-panel" aria-labelledby={`tab-${section}`} className="panel">
        <ObjectForm key={section} fields={fieldsOf[section]} value={n as never} disabled={!writable} onSubmit={save} />
      </div>
      {writable ? (
        <section className="panel danger" aria-labelledby="release-title">
          <h2 id="release-title">Release this number</h2>
          <p>It leaves the workspace (and can be added again). Its routing is lost.</p>
          {release.error ? <ErrorNotice error={release.error} /> : null}
          <button type="button" className="danger" onClick={() => window.confirm(`Release ${n.number}?`) && release.mutate(n)}>Release {n.number}</button>
        </section>
      ) : null}
    </>
  );
}
