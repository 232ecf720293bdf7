// resolve(): candidates (exact beats block, narrowest block wins), inheritance, unknown numbers,
// every input form of the called number, capacity, fallback order and every target type.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from '../src/core/routing/resolve.ts';
import type { Destination } from '../src/core/routing/decision.ts';
import { numberRow } from '../src/core/routing/rows.ts';
import { writableDefaults } from '../src/core/phone-numbers/state.ts';
import { agent, at, block, id, number, snapshot, toAgent, WEEKDAY_NOON, workflow, WS } from './helpers/routing.ts';

const call = (to: string, from: string | null = '+14155559999') => ({ to, from, at: WEEKDAY_NOON });
const agentOf = (d: Destination | undefined) => (d?.type === 'agent' ? d.name : undefined);
const texts = (trace: { text: string }[]) => trace.map((s) => s.text);

describe('candidates', () => {
  const snap = snapshot({
    agents: [agent('exact'), agent('narrow'), agent('wide'), agent('country')],
    numbers: [number('+14155550150', toAgent('exact'))],
    blocks: [
      block('wide', { prefix: '+1415' }, toAgent('wide')),
      block('country', { prefix: '+1' }, toAgent('country')),
      block('narrow', { start: '+14155550100', end: '+14155550199' }, toAgent('narrow')),
    ],
  });

  test('an exact number beats every block holding it', () => {
    const { decision, trace } = resolve(call('+14155550150'), snap);
    assert.equal(agentOf(decision.destinations[0]), 'exact');
    assert.equal(decision.number?.number, '+14155550150');
    // Every candidate is in the trace: the number, then the blocks narrowest first.
    const candidates = trace.filter((s) => s.step === 'candidate').map((s) => s.data?.id);
    assert.deepEqual(candidates, [id(`number:${snap.workspaceId}:+14155550150`), id(`block:${snap.workspaceId}:narrow`), id(`block:${snap.workspaceId}:wide`), id(`block:${snap.workspaceId}:country`)]);
  });

  test('among blocks the narrowest wins', () => {
    assert.equal(agentOf(resolve(call('+14155550151'), snap).decision.destinations[0]), 'narrow');
    assert.equal(agentOf(resolve(call('+14155550200'), snap).decision.destinations[0]), 'wide');
    assert.equal(agentOf(resolve(call('+12125550100'), snap).decision.destinations[0]), 'country');
    const { decision } = resolve(call('+14155550151'), snap);
    assert.deepEqual(decision.blocks.map((b) => b.extent), ['+14155550100–+14155550199', '+1415…', '+1…']);
    assert.equal(decision.number, null);
  });

  test('a range equal to a prefix at its length is the narrower', () => {
    const tie = snapshot({
      agents: [agent('range'), agent('prefix')],
      blocks: [block('p', { prefix: '+1415555' }, toAgent('prefix')), block('r', { start: '+14155550000', end: '+14155559999' }, toAgent('range'))],
    });
    assert.equal(agentOf(resolve(call('+14155551234'), tie).decision.destinations[0]), 'range');
    // A 12-digit number is only in the prefix.
    assert.equal(agentOf(resolve(call('+141555512345'), tie).decision.destinations[0]), 'prefix');
  });

  test('every call counts toward its number and every block holding it', () => {
    const { decision } = resolve(call('+14155550150'), snap);
    assert.deepEqual(decision.counted_under.map((s) => s.kind), ['number', 'block', 'block', 'block']);
  });
});

describe('inheritance', () => {
  const snap = snapshot({
    agents: [agent('block-agent'), agent('own')],
    workflows: [workflow('outer-flow')],
    numbers: [
      number('+14155550101', { routing: { max_concurrent_calls: 2 } }),
      number('+14155550102', { ...toAgent('own'), sip_headers: [{ name: 'X-Own', value: '1' }] }),
    ],
    blocks: [
      block('inner', { start: '+14155550100', end: '+14155550199' }, {
        ...toAgent('block-agent'),
        sip_headers: [{ name: 'X-Block', value: 'inner' }],
        routing: { time_zone: 'America/New_York', fallback: [{ type: 'workflow', workflow_id: id('workflow:outer-flow') }] },
      }),
      block('outer', { prefix: '+1415' }, {
        telephony: { provider: 'twilio', account_sid: 'AC123' },
        routing: { time_zone: 'Europe/London', hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] },
      }),
    ],
  });

  test('a number takes what it leaves unset from its blocks, narrowest first', () => {
    const { decision, trace } = resolve(call('+14155550101'), snap);
    const e = decision.effective!;
    assert.equal(e.inbound_agent_id, id('agent:block-agent'));
    assert.equal(e.routing.max_concurrent_calls, 2);
    assert.equal(e.routing.time_zone, 'America/New_York', 'the inner block wins over the outer');
    assert.deepEqual(e.routing.hours, [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }]);
    assert.deepEqual(e.telephony, { provider: 'twilio', account_sid: 'AC123' });
    assert.equal(e.sources['routing.max_concurrent_calls'], 'number');
    assert.equal(e.sources['routing.hours'], id(`block:${snap.workspaceId}:outer`));
    // 12:00 in New York (the inherited zone) is open; the trace names what came from where.
    assert.ok(texts(trace).some((t) => t.startsWith('hours: open (Wed 12:00 America/New_York')));
    assert.ok(texts(trace).some((t) => t.startsWith('inherit: from block +1415… ') && t.includes('routing.hours')));
    assert.equal(agentOf(decision.destinations[0]), 'block-agent');
    assert.equal(decision.destinations[1]?.type, 'workflow');
  });

  test('a stored phone number\'s defaults count as unset (numberRow)', () => {
    // As the store holds a number nobody configured: every field at its default.
    const stored = { ...writableDefaults(), id: id('stored'), workspace_id: WS, number: '+14155550177', country_code: 'US' };
    const snap2 = snapshot({
      numbers: [numberRow(stored)],
      blocks: [block('handled', { prefix: '+1415555' }, {
        inbound_target: 'handler',
        call_handler: { ...writableDefaults().call_handler, type: 'laml_webhooks', request_url: 'https://app.example.com/voice' },
        sip_headers: [{ name: 'X-Block', value: '1' }],
        telephony: { provider: 'twilio', account_sid: 'AC9' },
      })],
    });
    const { decision } = resolve(call('+14155550177'), snap2);
    assert.equal(decision.number?.id, id('stored'));
    assert.equal(decision.destinations[0]?.type === 'handler' && decision.destinations[0].address, 'https://app.example.com/voice');
    assert.deepEqual(decision.effective!.sip_headers, [{ name: 'X-Block', value: '1' }]);
    assert.deepEqual(decision.effective!.telephony, { provider: 'twilio', account_sid: 'AC9' });
    // Once the number sets its own, it wins.
    const own = numberRow({ ...stored, inbound_target: 'agent', inbound_agent_id: id('agent:own'), sip_outbound: { ...stored.sip_outbound, headers: [{ name: 'X-Own', value: '2' }] } });
    const mine = resolve(call('+14155550177'), snap2.apply({ op: 'put', kind: 'agent', row: agent('own') }).apply({ op: 'put', kind: 'number', row: own })).decision;
    assert.equal(agentOf(mine.destinations[0]), 'own');
    assert.deepEqual(mine.effective!.sip_headers, [{ name: 'X-Own', value: '2' }]);
  });

  test('what the number sets itself wins', () => {
    const { decision } = resolve(call('+14155550102'), snap);
    assert.equal(agentOf(decision.destinations[0]), 'own');
    assert.deepEqual(decision.effective!.sip_headers, [{ name: 'X-Own', value: '1' }]);
  });
});

describe('unknown numbers', () => {
  test('are rejected by default', () => {
    const { decision, trace } = resolve(call('+14155550100'), snapshot());
    assert.equal(decision.kind, 'reject');
    assert.equal(decision.reject_reason, 'unknown_number');
    assert.equal(decision.to, '+14155550100');
    assert.ok(texts(trace).includes('candidate: no number or block holds +14155550100'));
  });

  test('go to the workspace default target when one is set', () => {
    const snap = snapshot({ agents: [agent('reception')], workspace: { unknown_number: { type: 'agent', agent_id: id('agent:reception') } } });
    const { decision } = resolve(call('+14155550100'), snap);
    assert.equal(decision.kind, 'route');
    assert.equal(decision.cause, 'unknown_number');
    assert.equal(agentOf(decision.destinations[0]), 'reception');
  });

  test('a default reject target refuses with its reason', () => {
    const snap = snapshot({ workspace: { unknown_number: { type: 'reject', reason: 'busy' } } });
    assert.equal(resolve(call('+14155550100'), snap).decision.reject_reason, 'busy');
  });

  test('a called address that holds no number is unknown', () => {
    const { decision } = resolve(call('sip:alice@pbx.example.com'), snapshot({ numbers: [number('+14155550100')] }));
    assert.equal(decision.reject_reason, 'unknown_number');
    assert.equal(decision.to, null);
  });
});

describe('the called number in every form', () => {
  const snap = snapshot({
    agents: [agent('us'), agent('gb')],
    numbers: [number('+14155550100', toAgent('us')), number('+442079460000', toAgent('gb'), { country_code: 'GB' })],
  });
  const forms: [string, string][] = [
    ['+14155550100', 'us'],
    ['14155550100', 'us'],
    ['4155550100', 'us'],
    ['(415) 555-0100', 'us'],
    ['+1 415.555.0100', 'us'],
    ['001 415 555 0100', 'us'],
    ['tel:+1-415-555-0100', 'us'],
    ['tel:555-0100;phone-context=+1-415', 'us'],
    ['sip:+14155550100@carrier.example.com;user=phone', 'us'],
    ['sips:14155550100@10.0.0.1:5061;transport=tls', 'us'],
    ['"Front desk" <sip:4155550100@pbx.example.com>', 'us'],
    ['sip:%2B14155550100@pbx.example.com', 'us'],
    ['+44 20 7946 0000', 'gb'],
    ['020 7946 0000', 'gb'],
    ['442079460000', 'gb'],
    ['sip:02079460000@trunk.example.co.uk', 'gb'],
  ];
  for (const [form, expected] of forms) {
    test(`${form} → ${expected}`, () => {
      const { decision } = resolve(call(form), snap);
      assert.equal(agentOf(decision.destinations[0]), expected, JSON.stringify(decision.to));
    });
  }

  test('national formats: the default country first, then the regions of most held numbers', () => {
    // 4155550100 is possible both in the US (+14155550100) and in GB (+444155550100).
    const rows = {
      agents: [agent('us'), agent('gb')],
      numbers: [number('+14155550100', toAgent('us')), number('+14155550101'), number('+444155550100', toAgent('gb'), { country_code: 'GB' })],
    };
    const snap = snapshot(rows);
    assert.deepEqual(snap.regions(), ['US', 'GB']);
    assert.equal(agentOf(resolve(call('4155550100'), snap).decision.destinations[0]), 'us');
    assert.equal(agentOf(resolve(call('4155550100'), snap, { defaultCountry: 'GB' }).decision.destinations[0]), 'gb');
    assert.equal(agentOf(resolve(call('4155550100'), snapshot({ ...rows, workspace: { default_country: 'GB' } })).decision.destinations[0]), 'gb');
    // A reading nobody holds is passed over for one somebody does: 07946000000 is not possible in the US.
    const gbOnly = snapshot({ agents: [agent('gb')], numbers: [number('+12125550100'), number('+12125550101'), number('+447946000000', toAgent('gb'), { country_code: 'GB' })] });
    assert.equal(agentOf(resolve(call('07946000000'), gbOnly).decision.destinations[0]), 'gb');
  });

  test('the caller is read the same way, in the called number\'s country', () => {
    const { decision } = resolve({ to: '+14155550100', from: 'sip:4155559999@trunk', at: WEEKDAY_NOON }, snap);
    assert.equal(decision.from, '+14155559999');
    assert.equal(resolve({ to: '+14155550100', from: 'anonymous', at: WEEKDAY_NOON }, snap).decision.from, null);
    assert.equal(resolve({ to: '+14155550100', from: 'sip:anonymous@anonymous.invalid', at: WEEKDAY_NOON }, snap).decision.from, null);
  });
});

describe('a number that does not take calls', () => {
  test('inactive: refused as unavailable', () => {
    const snap = snapshot({ agents: [agent('a')], numbers: [number('+14155550100', toAgent('a'), { active: false })] });
    const { decision } = resolve(call('+14155550100'), snap);
    assert.deepEqual([decision.kind, decision.reject_reason, decision.cause], ['reject', 'unavailable', 'inactive']);
  });

  test('no inbound target: refused as unavailable', () => {
    const { decision, trace } = resolve(call('+14155550100'), snapshot({ numbers: [number('+14155550100')] }));
    assert.deepEqual([decision.kind, decision.reject_reason, decision.cause], ['reject', 'unavailable', 'no_target']);
    assert.ok(texts(trace).includes('target: no inbound target is set: reject (unavailable)'));
  });
});

describe('capacity', () => {
  const snap = snapshot({
    agents: [agent('main'), agent('overflow')],
    numbers: [number('+14155550100', { ...toAgent('main'), routing: { max_concurrent_calls: 3, overflow: { type: 'agent', agent_id: id('agent:overflow') } } }), number('+14155550111', toAgent('main'))],
    blocks: [block('b', { prefix: '+1415555' }, { routing: { max_concurrent_calls: 10 } })],
  });

  test('below the limit the target stands; at it the overflow takes the call', () => {
    const below = resolve(call('+14155550100'), snap, { liveCalls: () => 2 });
    assert.equal(agentOf(below.decision.destinations[0]), 'main');
    assert.ok(texts(below.trace).includes('capacity: 2/3'));
    const full = resolve(call('+14155550100'), snap, { liveCalls: () => 3 });
    assert.equal(agentOf(full.decision.destinations[0]), 'overflow');
    assert.equal(full.decision.cause, 'overflow');
    assert.ok(texts(full.trace).includes('capacity: 3/3, overflow'));
  });

  test('the count is asked of whoever set the limit', () => {
    const scopes: string[] = [];
    resolve(call('+14155550100'), snap, { liveCalls: (s) => (scopes.push(s.kind), 0) });
    resolve(call('+14155550111'), snap, { liveCalls: (s) => (scopes.push(s.kind === 'block' ? `block ${s.id}` : s.kind), 0) });
    assert.deepEqual(scopes, ['number', `block ${id(`block:${snap.workspaceId}:b`)}`]);
  });

  test('no overflow target: rejected at capacity', () => {
    const { decision } = resolve(call('+14155550111'), snap, { liveCalls: () => 10 });
    assert.deepEqual([decision.kind, decision.reject_reason], ['reject', 'at_capacity']);
  });
});

describe('fallback', () => {
  const fallback = [
    { type: 'agent' as const, agent_id: id('agent:down') },
    { type: 'agent' as const, agent_id: id('agent:missing') },
    { type: 'agent' as const, agent_id: id('agent:no-endpoint') },
    { type: 'sip' as const, uri: 'sip:backup@pbx.example.com' },
    { type: 'phone_number' as const, number: '+14155559000' },
    { type: 'reject' as const, reason: 'busy' as const },
    { type: 'sip' as const, uri: 'sip:never@pbx.example.com' },
  ];
  const snap = snapshot({
    agents: [agent('main'), agent('down', 'wss://down.example.com/x'), agent('no-endpoint', '')],
    numbers: [number('+14155550100', { ...toAgent('main'), routing: { fallback } })],
  });

  test('in order, skipping what cannot be reached, up to the first reject', () => {
    const { decision, trace } = resolve(call('+14155550100'), snap, { isDown: (a) => a === 'wss://down.example.com/x' });
    assert.deepEqual(
      decision.destinations.map((d) => `${d.type}:${d.via}`),
      ['agent:target', 'sip:fallback', 'phone_number:fallback', 'reject:fallback'],
    );
    const skipped = trace.filter((s) => s.result === 'skipped').map((s) => s.text);
    assert.equal(skipped.length, 3);
    assert.match(skipped[0]!, /down at wss:\/\/down\.example\.com\/x is down/);
    assert.match(skipped[1]!, /is not in this workspace/);
    assert.match(skipped[2]!, /has no endpoint/);
    assert.ok(texts(trace).includes('destination: 1 later target(s) unused: the list ends at reject'));
  });

  test('when the target itself is down the first fallback leads', () => {
    const { decision } = resolve(call('+14155550100'), snap, { isDown: (a) => a.startsWith('wss://') });
    assert.equal(decision.kind, 'route');
    assert.equal(decision.destinations[0]?.type, 'sip');
  });

  test('nothing reachable: refused as unavailable', () => {
    const lonely = snapshot({ agents: [agent('main')], numbers: [number('+14155550100', toAgent('main'))] });
    const { decision, trace } = resolve(call('+14155550100'), lonely, { isDown: () => true });
    assert.deepEqual([decision.kind, decision.reject_reason], ['reject', 'unavailable']);
    assert.equal(trace.at(-1)?.text, 'decision: reject (unavailable): no destination is reachable');
  });
});

describe('every target type', () => {
  const handler = {
    type: 'laml_webhooks' as const, receive_mode: 'voice' as const, request_url: 'https://app.example.com/voice', request_method: 'POST' as const,
    fallback_url: 'https://app.example.com/fallback', fallback_method: 'POST' as const, status_callback_url: null, status_callback_method: null,
    laml_application_id: null, dialogflow_agent_id: null, relay_topic: null, relay_topic_status_callback_url: null, relay_script_url: null, relay_context: null,
    relay_context_status_callback_url: null, relay_application: null, relay_connector_id: null, sip_endpoint_id: null, verto_resource: null, video_room_id: null,
  };
  const snap = snapshot({
    agents: [agent('stream'), agent('sip-agent', 'sip:agent@pbx.example.com')],
    workflows: [workflow('flow')],
    numbers: [
      number('+14155550101', toAgent('stream')),
      number('+14155550102', { ...toAgent('sip-agent'), sip_headers: [{ name: 'X-Number', value: '102' }] }),
      number('+14155550103', { inbound_target: 'workflow', inbound_workflow_id: id('workflow:flow') }),
      number('+14155550104', { inbound_target: 'handler', call_handler: handler }),
      number('+14155550105', { sip_headers: [{ name: 'X-Number', value: '105' }, { name: 'X-Keep', value: 'k' }], routing: { agents: [{ agent_id: id('agent:missing'), weight: 1 }], fallback: [{ type: 'sip', uri: 'sip:desk@pbx.example.com', headers: [{ name: 'x-number', value: 'target' }] }] } }),
      number('+14155550106', { telephony: { provider: 'twilio', account_sid: 'AC1' }, routing: { agents: [{ agent_id: id('agent:missing'), weight: 1 }], fallback: [{ type: 'phone_number', number: '+14155559000' }] } }),
      number('+14155550107', { routing: { agents: [{ agent_id: id('agent:missing'), weight: 1 }], fallback: [{ type: 'say', text: 'Please hold.', then: { type: 'agent', agent_id: id('agent:stream') } }] } }),
      number('+14155550108', { routing: { agents: [{ agent_id: id('agent:missing'), weight: 1 }], fallback: [{ type: 'reject', reason: 'unavailable' }] } }),
    ],
  });
  const first = (to: string) => resolve(call(to), snap).decision.destinations[0];

  test('agent with a wss:// stream', () => {
    assert.deepEqual(first('+14155550101'), { type: 'agent', via: 'target', agent_id: id('agent:stream'), name: 'stream', transport: 'websocket', address: 'wss://agents.example.com/stream', parameters: {} });
  });
  test('agent with a sip: URI carries the number\'s headers', () => {
    assert.deepEqual(first('+14155550102'), { type: 'agent', via: 'target', agent_id: id('agent:sip-agent'), name: 'sip-agent', transport: 'sip', address: 'sip:agent@pbx.example.com', headers: [{ name: 'X-Number', value: '102' }] });
  });
  test('workflow', () => {
    const d = first('+14155550103');
    assert.equal(d?.type, 'workflow');
    assert.equal(d?.type === 'workflow' && d.address, 'wss://flows.example.com/flow');
  });
  test('handler: its URLs', () => {
    const d = first('+14155550104');
    assert.equal(d?.type, 'handler');
    assert.equal(d?.type === 'handler' && d.address, 'https://app.example.com/voice');
    assert.equal(d?.type === 'handler' && d.handler.fallback_url, 'https://app.example.com/fallback');
  });
  test('sip: the target\'s headers over the number\'s', () => {
    assert.deepEqual(first('+14155550105'), { type: 'sip', via: 'fallback', transport: 'sip', address: 'sip:desk@pbx.example.com', headers: [{ name: 'x-number', value: 'target' }, { name: 'X-Keep', value: 'k' }] });
  });
  test('phone_number: forwarded through the number\'s telephony account', () => {
    assert.deepEqual(first('+14155550106'), { type: 'phone_number', via: 'fallback', address: '+14155559000', telephony: { provider: 'twilio', account_sid: 'AC1' } });
  });
  test('say, then another target', () => {
    const d = first('+14155550107');
    assert.equal(d?.type, 'say');
    assert.equal(d?.type === 'say' && d.then?.type, 'agent');
  });
  test('reject as the first destination refuses the call with its reason', () => {
    const { decision } = resolve(call('+14155550108'), snap);
    assert.deepEqual([decision.kind, decision.reject_reason, decision.destinations], ['reject', 'unavailable', []]);
  });
  test('handler without a call handler is not reachable', () => {
    const bare = snapshot({ numbers: [number('+14155550100', { inbound_target: 'handler' })] });
    const { decision, trace } = resolve(call('+14155550100'), bare);
    assert.equal(decision.reject_reason, 'unavailable');
    assert.ok(texts(trace).some((t) => t.includes('no call handler is set')));
  });
});

describe('the trace', () => {
  test('an invalid instant is a programming error, told at once', () => {
    assert.throws(() => resolve({ to: '+14155550100', at: new Date('nope') }, snapshot()), /call\.at must be a valid instant/);
  });

  test('is plain JSON and starts with the call', () => {
    const snap = snapshot({ agents: [agent('a')], numbers: [number('+14155550100', toAgent('a'))] });
    const { trace } = resolve({ to: '+14155550100', from: '+14155559999', at: at('2026-01-14T17:00:00Z'), carrier: 'twilio' }, snap);
    assert.deepEqual(JSON.parse(JSON.stringify(trace)), trace);
    assert.equal(trace[0]!.text, 'call: to +14155550100 from +14155559999 at 2026-01-14T17:00:00.000Z via twilio');
    assert.equal(trace.at(-1)!.text, 'decision: route to agent a wss://agents.example.com/a');
  });
});
