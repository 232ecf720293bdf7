// applyHookAnswer(): a hook's answer may replace the target (a reject too) and add SIP headers or
// stream parameters; {} keeps the decision; a failed, invalid or unreachable answer keeps the
// static decision and the trace says why.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyHookAnswer } from '../src/core/routing/hook-merge.ts';
import { resolve } from '../src/core/routing/resolve.ts';
import { agent, block, id, number, OTHER_WS, snapshot, toAgent, WEEKDAY_NOON, workflow } from './helpers/routing.ts';

const snap = snapshot({
  agents: [agent('static'), agent('vip'), agent('sip-vip', 'sip:vip@pbx.example.com'), agent('no-endpoint', '')],
  workflows: [workflow('survey')],
  numbers: [
    number('+14155550100', { ...toAgent('static'), routing: { hook: { url: 'https://hooks.example.com/route', timeout_ms: 800 }, fallback: [{ type: 'sip', uri: 'sip:backup@pbx.example.com' }] } }),
    number('+14155550101', toAgent('static')),
    number('+14155550102', { ...toAgent('sip-vip'), routing: { hook: { url: 'https://hooks.example.com/route' } } }),
    number('+14155550103', { routing: { callers: { deny: ['+44'] }, hook: { url: 'https://hooks.example.com/route' }, fallback: [{ type: 'reject', reason: 'busy' }] } }),
  ],
  blocks: [block('hooked', { prefix: '+1212' }, { ...toAgent('static'), routing: { hook: { url: 'https://hooks.example.com/block' } } })],
});
const decide = (to = '+14155550100', from = '+14155559999') => resolve({ to, from, at: WEEKDAY_NOON }, snap);
const lastStep = (r: ReturnType<typeof decide>) => r.trace.at(-1)!;
const firstAgent = (r: ReturnType<typeof decide>) => {
  const d = r.decision.destinations[0];
  return d?.type === 'agent' ? d.name : d?.type;
};

describe('the pending hook', () => {
  test('is in the decision with its owner, timeout and the trace', () => {
    const r = decide();
    assert.deepEqual(r.decision.hook, { url: 'https://hooks.example.com/route', timeout_ms: 800, owner: { kind: 'number', id: id(`number:${snap.workspaceId}:+14155550100`) }, outcome: 'pending' });
    assert.equal(lastStep(r).text, 'hook: ask https://hooks.example.com/route (timeout 800 ms) before answering');
    assert.equal(decide('+14155550101').decision.hook, null);
  });

  test('a block\'s hook belongs to the block; the timeout defaults to 1500 ms', () => {
    const r = decide('+12125550100');
    assert.deepEqual(r.decision.hook?.owner, { kind: 'block', id: id(`block:${snap.workspaceId}:hooked`) });
    assert.equal(r.decision.hook?.timeout_ms, 1500);
  });
});

describe('answers', () => {
  test('{} keeps the decision', () => {
    const r = decide();
    const after = applyHookAnswer(r, { status: 'answered', body: {} }, snap);
    assert.deepEqual(after.decision.destinations, r.decision.destinations);
    assert.equal(after.decision.hook?.outcome, 'kept');
    assert.equal(lastStep(after).text, 'hook: kept the decision ({})');
  });

  test('a target replaces the static one; the fallback list stays', () => {
    const after = applyHookAnswer(decide(), { status: 'answered', body: { target: { type: 'agent', agent_id: id('agent:vip') } } }, snap);
    assert.equal(firstAgent(after), 'vip');
    assert.deepEqual(after.decision.destinations.map((d) => `${d.type}:${d.via}`), ['agent:hook', 'sip:fallback']);
    assert.equal(after.decision.cause, 'hook');
    assert.equal(after.decision.hook?.outcome, 'changed');
    assert.ok(after.trace.some((s) => s.text === 'hook: answered: target → agent'));
    assert.match(lastStep(after).text, /^decision: route to agent vip /);
  });

  test('a reject is a target', () => {
    const after = applyHookAnswer(decide(), { status: 'answered', body: { target: { type: 'reject', reason: 'busy' } } }, snap);
    assert.deepEqual([after.decision.kind, after.decision.reject_reason, after.decision.destinations], ['reject', 'busy', []]);
  });

  test('a hook can route a call the policy refused', () => {
    const refused = decide('+14155550103', '+442079460000');
    assert.equal(refused.decision.reject_reason, 'caller_denied');
    const after = applyHookAnswer(refused, { status: 'answered', body: { target: { type: 'workflow', workflow_id: id('workflow:survey') } } }, snap);
    assert.deepEqual(after.decision.destinations.map((d) => d.type), ['workflow', 'reject']);
    assert.equal(after.decision.kind, 'route');
    // Headers alone have nothing to go to on a refusal.
    const headersOnly = applyHookAnswer(refused, { status: 'answered', body: { headers: { 'X-A': '1' } } }, snap);
    assert.equal(headersOnly.decision.reject_reason, 'caller_denied');
    assert.equal(headersOnly.decision.hook?.outcome, 'kept');
  });

  test('headers go to SIP destinations, parameters to streams', () => {
    const sip = applyHookAnswer(decide('+14155550102'), { status: 'answered', body: { headers: { 'X-Customer': '42' }, parameters: { tier: 'gold' } } }, snap);
    const d = sip.decision.destinations[0]!;
    assert.equal(d.type === 'agent' && d.transport, 'sip');
    assert.deepEqual(d.type === 'agent' && d.headers, [{ name: 'X-Customer', value: '42' }]);
    assert.deepEqual(sip.decision.headers, [{ name: 'X-Customer', value: '42' }]);
    assert.deepEqual(sip.decision.parameters, { tier: 'gold' });

    const stream = applyHookAnswer(decide(), { status: 'answered', body: { headers: { 'X-Customer': '42' }, parameters: { tier: 'gold' } } }, snap);
    const [first, fallback] = stream.decision.destinations;
    assert.deepEqual(first?.type === 'agent' && first.parameters, { tier: 'gold' });
    assert.deepEqual(fallback?.type === 'sip' && fallback.headers, [{ name: 'X-Customer', value: '42' }]);
    assert.equal(stream.decision.cause, 'inbound_target');
  });
});

describe('the static decision stands', () => {
  const cases: [string, unknown, RegExp][] = [
    ['not an object', [1, 2], /invalid answer \(\(body\): must be a JSON object\)/],
    ['a string', 'agent', /must be a JSON object/],
    ['an unknown field', { route: 'x' }, /invalid answer \(route: is not a known field\)/],
    ['an unknown target type', { target: { type: 'voicemail' } }, /invalid answer \(target\.type: must be one of/],
    ['an invalid target', { target: { type: 'sip', uri: 'http://nope.example.com' } }, /target\.uri: must be a SIP URI/],
    ['an agent of no workspace', { target: { type: 'agent', agent_id: '99999999-9999-4999-8999-999999999999' } }, /target\.agent_id: is not an agent of this workspace/],
    ['a workflow of no workspace', { target: { type: 'say', text: 'hi', then: { type: 'workflow', workflow_id: '99999999-9999-4999-8999-999999999999' } } }, /target\.then\.workflow_id: is not a workflow/],
    ['a bad header name', { headers: { 'X Bad': '1' } }, /headers\.X Bad: must be an RFC 7230 token/],
    ['a header with CRLF', { headers: { 'X-A': 'a\r\nVia: x' } }, /headers\.X-A: must not contain CR, LF/],
    ['too many headers', { headers: Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`X-${i}`, 'v'])) }, /headers: must NOT have more than 32 properties/],
    ['a long parameter', { parameters: { a: 'x'.repeat(1025) } }, /parameters\.a: must NOT have more than 1024 characters/],
    ['a parameter with controls', { parameters: { a: 'x\u0000' } }, /parameters\.a: must not contain control characters/],
    ['a non-string parameter', { parameters: { a: 1 } }, /parameters\.a: must be string/],
  ];
  for (const [name, body, message] of cases) {
    test(`an invalid answer: ${name}`, () => {
      const r = decide();
      const after = applyHookAnswer(r, { status: 'answered', body }, snap);
      assert.deepEqual(after.decision.destinations, r.decision.destinations);
      assert.equal(after.decision.hook?.outcome, 'invalid');
      assert.match(lastStep(after).text, message);
      assert.match(lastStep(after).text, /the static decision stands$/);
    });
  }

  test('a timeout or an error', () => {
    const r = decide();
    for (const reason of ['timeout after 800 ms', 'HTTP 502', 'invalid JSON', 'address refused']) {
      const after = applyHookAnswer(r, { status: 'failed', reason }, snap);
      assert.deepEqual(after.decision.destinations, r.decision.destinations);
      assert.equal(after.decision.hook?.outcome, 'failed');
      assert.equal(lastStep(after).text, `hook: failed (${reason}); the static decision stands`);
    }
  });

  test('a target that reaches nothing', () => {
    const after = applyHookAnswer(decide(), { status: 'answered', body: { target: { type: 'agent', agent_id: id('agent:no-endpoint') } } }, snap);
    assert.equal(firstAgent(after), 'static');
    assert.equal(after.decision.hook?.outcome, 'invalid');
    assert.match(lastStep(after).text, /has no endpoint\); the static decision stands$/);
    const down = applyHookAnswer(decide(), { status: 'answered', body: { target: { type: 'agent', agent_id: id('agent:vip') } } }, snap, { isDown: (a) => a.endsWith('/vip') });
    assert.equal(firstAgent(down), 'static');
  });

  test('a second answer, or one to a decision without a hook, changes nothing', () => {
    const once = applyHookAnswer(decide(), { status: 'answered', body: { target: { type: 'reject' } } }, snap);
    const twice = applyHookAnswer(once, { status: 'answered', body: { target: { type: 'agent', agent_id: id('agent:vip') } } }, snap);
    assert.equal(twice.decision.kind, 'reject');
    assert.equal(applyHookAnswer(decide('+14155550101'), { status: 'answered', body: { target: { type: 'reject' } } }, snap).decision.kind, 'route');
  });

  test('the snapshot must be the decision\'s workspace\'s', () => {
    const other = snapshot({ workspace: { workspace_id: OTHER_WS } });
    assert.throws(() => applyHookAnswer(decide(), { status: 'answered', body: {} }, other), /own workspace/);
  });

  test('property: no answer ever throws, and one that is not taken never changes the destinations', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (body) => {
        const r = decide();
        const after = applyHookAnswer(r, { status: 'answered', body }, snap);
        if (after.decision.hook?.outcome !== 'changed') assert.deepEqual(after.decision.destinations, r.decision.destinations);
        assert.ok(['kept', 'changed', 'invalid'].includes(after.decision.hook!.outcome));
      }),
      { numRuns: 500 },
    );
  });
});
