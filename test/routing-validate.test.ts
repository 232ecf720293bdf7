// Write-time validation of routing policies, targets and block extents: every error names its field.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkRoutingPolicy, policyReferences } from '../src/core/routing/validate-policy.ts';
import { checkTarget } from '../src/core/routing/validate-target.ts';
import { checkBlockExtent } from '../src/core/routing/block-geometry.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const fields = (issues: { field: string }[]) => issues.map((i) => i.field);
const issueAt = (policy: unknown, field: string) => checkRoutingPolicy(policy).find((i) => i.field === field);

describe('a valid policy', () => {
  test('passes whole', () => {
    const policy = {
      time_zone: 'America/New_York',
      hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }, { days: ['sat'], start: '22:00', end: '02:00' }, { days: ['sun'], start: '00:00', end: '24:00' }],
      holidays: ['2026-12-25', { start: '2026-12-31', end: '2027-01-01', name: 'New year' }, '2028-02-29'],
      after_hours: { type: 'say', text: 'We are closed.', then: { type: 'reject', reason: 'busy' } },
      callers: { allow: ['+1', 'GB', '+4420'], deny: ['+1900', 'anonymous'], denied: { type: 'reject' } },
      agents: [{ agent_id: A, weight: 3 }, { agent_id: B, weight: 0 }],
      max_concurrent_calls: 5,
      overflow: { type: 'phone_number', number: '+14155552671' },
      fallback: [{ type: 'sip', uri: 'sip:desk@pbx.example.com;transport=tls', headers: [{ name: 'X-Why', value: 'fallback' }] }, { type: 'handler' }, { type: 'workflow', workflow_id: A }, { type: 'sip', uri: 'sips:[2001:db8::1]:5061' }],
      hook: { url: 'https://hooks.example.com/route', timeout_ms: 5000 },
    };
    assert.deepEqual(checkRoutingPolicy(policy), []);
    assert.deepEqual(checkRoutingPolicy({}), []);
  });

  test('is not changed by the check', () => {
    const policy = { hook: { url: 'https://hooks.example.com/route' } };
    checkRoutingPolicy(policy);
    assert.deepEqual(policy, { hook: { url: 'https://hooks.example.com/route' } });
  });
});

describe('errors name the field', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['unknown field', { color: 'red' }, 'routing.color', /not a known field/],
    ['time zone', { time_zone: 'Mars/Olympus_Mons' }, 'routing.time_zone', /IANA/],
    ['time zone offset', { time_zone: '+05:30' }, 'routing.time_zone', /IANA/],
    ['clock', { hours: [{ days: ['mon'], start: '9:00', end: '17:00' }] }, 'routing.hours[0].start', /pattern/],
    ['clock 24:30', { hours: [{ days: ['mon'], start: '09:00', end: '24:30' }] }, 'routing.hours[0].end', /00:00 to 24:00/],
    ['clock 25:00 start', { hours: [{ days: ['mon'], start: '09:00', end: '17:00' }, { days: ['tue'], start: '25:00', end: '17:00' }] }, 'routing.hours[1].start', /23:59/],
    ['empty range', { hours: [{ days: ['mon'], start: '09:00', end: '09:00' }] }, 'routing.hours[0].end', /differ/],
    ['day name', { hours: [{ days: ['monday'], start: '09:00', end: '17:00' }] }, 'routing.hours[0].days[0]', /must be one of mon/],
    ['days twice', { hours: [{ days: ['mon', 'mon'], start: '09:00', end: '17:00' }] }, 'routing.hours[0].days', /duplicate/],
    ['no days', { hours: [{ days: [], start: '09:00', end: '17:00' }] }, 'routing.hours[0].days', /fewer than 1/],
    ['not a date', { holidays: ['2026-02-30'] }, 'routing.holidays[0]', /calendar date/],
    ['not a leap year', { holidays: ['2027-02-29'] }, 'routing.holidays[0]', /calendar date/],
    ['range end', { holidays: [{ start: '2026-12-26', end: '2026-12-24' }] }, 'routing.holidays[0].end', /before start/],
    ['range too long', { holidays: [{ start: '2026-01-01', end: '2027-06-01' }] }, 'routing.holidays[0].end', /366 days/],
    ['range date', { holidays: [{ start: '2026-13-01', end: '2026-12-24' }] }, 'routing.holidays[0].start', /calendar date/],
    ['caller prefix', { callers: { deny: ['+44', '+0'] } }, 'routing.callers.deny[1]', /E\.164 prefix/],
    ['caller calling code', { callers: { allow: ['+42'] } }, 'routing.callers.allow[0]', /country calling code/],
    ['caller country', { callers: { allow: ['XX'] } }, 'routing.callers.allow[0]', /ISO country code/],
    ['caller country case', { callers: { allow: ['gb'] } }, 'routing.callers.allow[0]', /ISO country code/],
    ['denied target', { callers: { denied: { type: 'reject', reason: 'nope' } } }, 'routing.callers.denied.reason', /must be one of busy, rejected, unavailable/],
    ['weight', { agents: [{ agent_id: A, weight: 1.5 }] }, 'routing.agents[0].weight', /integer/],
    ['negative weight', { agents: [{ agent_id: A, weight: -1 }] }, 'routing.agents[0].weight', />= 0/],
    ['weights total', { agents: [{ agent_id: A, weight: 0 }] }, 'routing.agents', /more than 0/],
    ['agent twice', { agents: [{ agent_id: A, weight: 1 }, { agent_id: A, weight: 2 }] }, 'routing.agents[1].agent_id', /twice/],
    ['agent id', { agents: [{ agent_id: 'bob', weight: 1 }] }, 'routing.agents[0].agent_id', /uuid/],
    ['max concurrent', { max_concurrent_calls: 0 }, 'routing.max_concurrent_calls', />= 1/],
    ['max concurrent integer', { max_concurrent_calls: 2.5 }, 'routing.max_concurrent_calls', /integer/],
    ['hook timeout high', { hook: { url: 'https://h.example.com', timeout_ms: 5001 } }, 'routing.hook.timeout_ms', /<= 5000/],
    ['hook timeout low', { hook: { url: 'https://h.example.com', timeout_ms: 10 } }, 'routing.hook.timeout_ms', />= 100/],
    ['hook url', { hook: { url: 'ftp://h.example.com' } }, 'routing.hook.url', /http or https/],
    ['hook credentials', { hook: { url: 'https://u:p@h.example.com' } }, 'routing.hook.url', /user name/],
    ['hook secret is not written here', { hook: { url: 'https://h.example.com', secret: 'whsec_x' } }, 'routing.hook.secret', /not a known field/],
    ['fallback target type', { fallback: [{ type: 'handler' }, { type: 'voicemail' }] }, 'routing.fallback[1].type', /must be one of agent/],
    ['fallback sip uri', { fallback: [{ type: 'sip', uri: 'http://pbx.example.com' }] }, 'routing.fallback[0].uri', /SIP URI/],
    ['sip uri without host', { fallback: [{ type: 'sip', uri: 'sip:alice@' }] }, 'routing.fallback[0].uri', /SIP URI/],
    ['sip uri spaces', { fallback: [{ type: 'sip', uri: 'sip:alice@pbx example.com' }] }, 'routing.fallback[0].uri', /SIP URI/],
    ['sip header name', { fallback: [{ type: 'sip', uri: 'sip:a@b.example.com', headers: [{ name: 'X Bad', value: '1' }] }] }, 'routing.fallback[0].headers[0].name', /token/],
    ['sip header CRLF', { fallback: [{ type: 'sip', uri: 'sip:a@b.example.com', headers: [{ name: 'X-A', value: 'a\r\nVia: evil' }] }] }, 'routing.fallback[0].headers[0].value', /CR, LF/],
    ['sip header twice', { fallback: [{ type: 'sip', uri: 'sip:a@b.example.com', headers: [{ name: 'X-A', value: '1' }, { name: 'x-a', value: '2' }] }] }, 'routing.fallback[0].headers[1].name', /twice/],
    ['pstn number', { overflow: { type: 'phone_number', number: '415 555 2671' } }, 'routing.overflow.number', /E\.164/],
    ['pstn invalid', { overflow: { type: 'phone_number', number: '+1555' } }, 'routing.overflow.number', /E\.164/],
    ['agent target id', { overflow: { type: 'agent' } }, 'routing.overflow.agent_id', /required/],
    ['target extra field', { overflow: { type: 'handler', url: 'https://x' } }, 'routing.overflow.url', /not a known field/],
    ['target not an object', { after_hours: 'voicemail' }, 'routing.after_hours', /target object/],
    ['say text', { after_hours: { type: 'say', text: '' } }, 'routing.after_hours.text', /fewer than 1/],
    ['say then say', { after_hours: { type: 'say', text: 'a', then: { type: 'say', text: 'b' } } }, 'routing.after_hours.then.type', /must be one of agent, workflow, sip, phone_number, handler, reject$/],
    ['say then invalid', { after_hours: { type: 'say', text: 'a', then: { type: 'sip', uri: 'nope@pbx.example.com' } } }, 'routing.after_hours.then.uri', /SIP URI/],
  ];
  for (const [name, policy, field, message] of cases) {
    test(`${name}: ${field}`, () => {
      const issue = issueAt(policy, field);
      assert.ok(issue, `expected an issue at ${field}, got ${JSON.stringify(checkRoutingPolicy(policy))}`);
      assert.match(issue.message, message);
    });
  }

  test('not an object', () => {
    assert.deepEqual(fields(checkRoutingPolicy([])), ['routing']);
    assert.deepEqual(fields(checkRoutingPolicy('x', 'blocks[2].routing')), ['blocks[2].routing']);
  });

  test('the prefix is the caller\'s', () => {
    assert.deepEqual(fields(checkRoutingPolicy({ max_concurrent_calls: 0 }, 'number.routing')), ['number.routing.max_concurrent_calls']);
  });
});

describe('limits on lists and strings', () => {
  const over = (n: number, item: (i: number) => unknown) => Array.from({ length: n }, (_, i) => item(i));
  const cases: [string, unknown, string][] = [
    ['hours', { hours: over(33, () => ({ days: ['mon'], start: '09:00', end: '10:00' })) }, 'routing.hours'],
    ['holidays', { holidays: over(367, () => '2026-01-01') }, 'routing.holidays'],
    ['callers', { callers: { deny: over(257, () => '+44') } }, 'routing.callers.deny'],
    ['agents', { agents: over(65, (i) => ({ agent_id: `11111111-1111-4111-8111-${String(i).padStart(12, '0')}`, weight: 1 })) }, 'routing.agents'],
    ['fallback', { fallback: over(9, () => ({ type: 'handler' })) }, 'routing.fallback'],
    ['say text', { after_hours: { type: 'say', text: 'x'.repeat(1025) } }, 'routing.after_hours.text'],
    ['sip uri', { overflow: { type: 'sip', uri: `sip:${'a'.repeat(2048)}@x.example.com` } }, 'routing.overflow.uri'],
    ['time zone', { time_zone: 'A'.repeat(65) }, 'routing.time_zone'],
    ['hook url', { hook: { url: `https://x.example.com/${'a'.repeat(2048)}` } }, 'routing.hook.url'],
    ['holiday name', { holidays: [{ start: '2026-01-01', end: '2026-01-01', name: 'n'.repeat(129) }] }, 'routing.holidays[0].name'],
  ];
  for (const [name, policy, field] of cases) {
    test(name, () => assert.ok(issueAt(policy, field), JSON.stringify(checkRoutingPolicy(policy)).slice(0, 300)));
  }
});

describe('targets on their own', () => {
  test('every type valid', () => {
    for (const target of [
      { type: 'agent', agent_id: A },
      { type: 'workflow', workflow_id: A },
      { type: 'sip', uri: 'sip:a@pbx.example.com' },
      { type: 'phone_number', number: '+442079460000' },
      { type: 'handler' },
      { type: 'reject' },
      { type: 'reject', reason: 'unavailable' },
      { type: 'say', text: 'Hello' },
    ]) assert.deepEqual(checkTarget(target, 'unknown_number'), [], JSON.stringify(target));
  });
  test('named by the given field', () => {
    assert.deepEqual(fields(checkTarget({ type: 'sip', uri: 'x' }, 'unknown_number')), ['unknown_number.uri']);
  });
});

describe('block extents', () => {
  const cases: [unknown, string, RegExp][] = [
    [{}, 'prefix', /required/],
    [{ prefix: '+1415', start: '+14155550100', end: '+14155550199' }, 'prefix', /not both/],
    [{ prefix: '1415' }, 'prefix', /"\+" and 1 to 15 digits/],
    [{ prefix: '+42' }, 'prefix', /country calling code/],
    [{ prefix: '+1234567890123456' }, 'prefix', /15 digits/],
    [{ start: '+14155550100' }, 'end', /required with start/],
    [{ end: '+14155550100' }, 'start', /required with end/],
    [{ start: '+14155550100', end: '+1415555019' }, 'end', /as many digits/],
    [{ start: '+14155550199', end: '+14155550100' }, 'end', /before start/],
    [{ start: '+14155550199', end: 'x' }, 'end', /digits/],
  ];
  for (const [extent, field, message] of cases) {
    test(`${JSON.stringify(extent)} → ${field}`, () => {
      const issues = checkBlockExtent(extent as never, 'block');
      const issue = issues.find((i) => i.field === `block.${field}`);
      assert.ok(issue, JSON.stringify(issues));
      assert.match(issue.message, message);
    });
  }
  test('valid ones', () => {
    assert.deepEqual(checkBlockExtent({ prefix: '+1415555' }), []);
    assert.deepEqual(checkBlockExtent({ prefix: '+1' }), []);
    assert.deepEqual(checkBlockExtent({ prefix: '+800' }), []);
    assert.deepEqual(checkBlockExtent({ start: '+14155550100', end: '+14155550199' }), []);
    assert.deepEqual(checkBlockExtent({ start: '+14155550100', end: '+14155550100' }), []);
    assert.deepEqual(checkBlockExtent({ prefix: null, start: '+442079460000', end: '+442079460999' }), []);
  });
});

describe('references', () => {
  test('every agent and workflow a policy names, with its field', () => {
    const policy = {
      agents: [{ agent_id: A, weight: 1 }],
      after_hours: { type: 'say' as const, text: 'Closed', then: { type: 'workflow' as const, workflow_id: B } },
      callers: { denied: { type: 'agent' as const, agent_id: B } },
      overflow: { type: 'handler' as const },
      fallback: [{ type: 'reject' as const }, { type: 'agent' as const, agent_id: A }],
    };
    assert.deepEqual(policyReferences(policy, 'number.routing'), [
      { kind: 'agent', id: A, field: 'number.routing.agents[0].agent_id' },
      { kind: 'workflow', id: B, field: 'number.routing.after_hours.then.workflow_id' },
      { kind: 'agent', id: B, field: 'number.routing.callers.denied.agent_id' },
      { kind: 'agent', id: A, field: 'number.routing.fallback[1].agent_id' },
    ]);
  });
});
