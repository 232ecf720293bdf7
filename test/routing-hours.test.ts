// Hours and holidays, in the policy's time zone: ranges crossing midnight, holiday dates and
// ranges, and DST edges (a local time that does not exist, one that happens twice), including
// zones with 30-minute offsets.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resolve } from '../src/core/routing/resolve.ts';
import { openRange } from '../src/core/routing/hours.ts';
import { localTime } from '../src/core/routing/local-time.ts';
import type { RoutingPolicy } from '../src/core/routing/schema.ts';
import { agent, at, number, snapshot, toAgent } from './helpers/routing.ts';

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[];
const ALL = [...WEEK, 'sat', 'sun'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];

function routeAt(routing: RoutingPolicy, instant: string) {
  const snap = snapshot({ agents: [agent('open'), agent('closed')], numbers: [number('+14155550100', { ...toAgent('open'), routing: { ...routing, after_hours: { type: 'say', text: 'We are closed.' } } })] });
  return resolve({ to: '+14155550100', from: '+14155559999', at: at(instant) }, snap);
}
const isOpen = (routing: RoutingPolicy, instant: string) => routeAt(routing, instant).decision.destinations[0]?.type === 'agent';
const stepText = (routing: RoutingPolicy, instant: string, step: string) => routeAt(routing, instant).trace.find((s) => s.step === step)?.text;

/** How many minutes of the UTC day starting at `dayStart` the policy is open. */
function openMinutes(routing: RoutingPolicy, fromIso: string, hours = 24): number {
  const start = Date.parse(fromIso);
  let open = 0;
  for (let m = 0; m < hours * 60; m++) if (isOpen(routing, new Date(start + m * 60_000).toISOString())) open++;
  return open;
}

describe('hours', () => {
  const office: RoutingPolicy = { time_zone: 'America/New_York', hours: [{ days: WEEK, start: '09:00', end: '17:00' }] };

  test('open inside the range, closed outside; the end is exclusive', () => {
    assert.equal(isOpen(office, '2026-01-14T14:00:00Z'), true); // Wed 09:00 EST
    assert.equal(isOpen(office, '2026-01-14T13:59:00Z'), false); // 08:59
    assert.equal(isOpen(office, '2026-01-14T21:59:00Z'), true); // 16:59
    assert.equal(isOpen(office, '2026-01-14T22:00:00Z'), false); // 17:00
  });

  test('the trace says when, where and why', () => {
    assert.equal(stepText(office, '2026-01-17T15:12:00Z', 'hours'), 'hours: closed (Sat 10:12 America/New_York)');
    assert.equal(stepText(office, '2026-01-14T17:00:00Z', 'hours'), 'hours: open (Wed 12:00 America/New_York; mon,tue,wed,thu,fri 09:00-17:00)');
    const { decision } = routeAt(office, '2026-01-17T15:12:00Z');
    assert.equal(decision.cause, 'after_hours');
  });

  test('closed without an after_hours target: rejected as after_hours', () => {
    const snap = snapshot({ agents: [agent('a')], numbers: [number('+14155550100', { ...toAgent('a'), routing: office })] });
    const { decision } = resolve({ to: '+14155550100', from: null, at: at('2026-01-17T15:12:00Z') }, snap);
    assert.deepEqual([decision.kind, decision.reject_reason], ['reject', 'after_hours']);
  });

  test('a range crossing midnight belongs to the day it starts on', () => {
    const nights: RoutingPolicy = { time_zone: 'America/New_York', hours: [{ days: ['fri'], start: '22:00', end: '06:00' }] };
    assert.equal(isOpen(nights, '2026-01-16T03:00:00Z'), false); // Thu 22:00
    assert.equal(isOpen(nights, '2026-01-17T03:00:00Z'), true); // Fri 22:00
    assert.equal(isOpen(nights, '2026-01-17T10:59:00Z'), true); // Sat 05:59
    assert.equal(isOpen(nights, '2026-01-17T11:00:00Z'), false); // Sat 06:00
    assert.equal(isOpen(nights, '2026-01-16T08:00:00Z'), false); // Fri 03:00 (Thursday's night is not open)
  });

  test('24:00 closes at midnight', () => {
    const evening: RoutingPolicy = { time_zone: 'UTC', hours: [{ days: ['sat'], start: '20:00', end: '24:00' }] };
    assert.equal(isOpen(evening, '2026-01-17T23:59:00Z'), true);
    assert.equal(isOpen(evening, '2026-01-18T00:00:00Z'), false);
  });

  test('no time_zone: UTC, and the trace says so', () => {
    const utc: RoutingPolicy = { hours: [{ days: ALL, start: '09:00', end: '17:00' }] };
    assert.equal(isOpen(utc, '2026-01-14T09:00:00Z'), true);
    assert.equal(stepText(utc, '2026-01-14T08:00:00Z', 'hours'), 'hours: closed (Wed 08:00 UTC, no time_zone set)');
  });

  test('property: a range crossing midnight is the evening of its day plus the morning of the next', () => {
    const clock = fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.subarray(ALL, { minLength: 1 }),
        clock,
        clock,
        fc.constantFrom('America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'),
        (instant, days, a, b, zone) => {
          fc.pre(a > b);
          const local = localTime(instant, zone);
          const next = (d: string) => ALL[(ALL.indexOf(d as never) + 1) % 7]!;
          const crossing = openRange([{ days, start: a, end: b }], local) !== undefined;
          const split = openRange([{ days, start: a, end: '24:00' }, { days: days.map(next), start: '00:00', end: b }], local) !== undefined;
          assert.equal(crossing, split);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('holidays', () => {
  const always = [{ days: ALL, start: '00:00', end: '24:00' }];

  test('a holiday date closes the whole local day', () => {
    const xmas: RoutingPolicy = { time_zone: 'America/New_York', hours: always, holidays: ['2026-12-25'] };
    assert.equal(isOpen(xmas, '2026-12-25T04:59:00Z'), true); // Dec 24 23:59 in New York
    assert.equal(isOpen(xmas, '2026-12-25T05:00:00Z'), false); // Dec 25 00:00
    assert.equal(isOpen(xmas, '2026-12-26T04:59:00Z'), false); // Dec 25 23:59
    assert.equal(isOpen(xmas, '2026-12-26T05:00:00Z'), true);
    assert.equal(stepText(xmas, '2026-12-25T17:00:00Z', 'holidays'), 'holidays: closed (2026-12-25; 2026-12-25 Fri 12:00 America/New_York)');
    assert.equal(routeAt(xmas, '2026-12-25T17:00:00Z').decision.cause, 'holiday');
  });

  test('a date range closes every date in it, both ends included', () => {
    const range: RoutingPolicy = { time_zone: 'Europe/London', holidays: [{ start: '2026-12-24', end: '2026-12-26', name: 'Christmas' }] };
    assert.equal(isOpen(range, '2026-12-23T23:59:00Z'), true);
    assert.equal(isOpen(range, '2026-12-24T00:00:00Z'), false);
    assert.equal(isOpen(range, '2026-12-26T23:59:00Z'), false);
    assert.equal(isOpen(range, '2026-12-27T00:00:00Z'), true);
    assert.match(stepText(range, '2026-12-25T12:00:00Z', 'holidays')!, /^holidays: closed \(Christmas 2026-12-24\.\.2026-12-26; /);
  });

  test('an overnight range that starts on a holiday does not open the next morning', () => {
    const nights: RoutingPolicy = { time_zone: 'UTC', hours: [{ days: ALL, start: '22:00', end: '06:00' }], holidays: ['2026-12-25'] };
    assert.equal(isOpen(nights, '2026-12-25T23:00:00Z'), false);
    assert.equal(isOpen(nights, '2026-12-26T03:00:00Z'), false);
    assert.equal(isOpen(nights, '2026-12-27T03:00:00Z'), true);
  });
});

describe('DST', () => {
  test('America/New_York 2026-03-08: 02:00–03:00 does not exist, so that range never opens', () => {
    const gap: RoutingPolicy = { time_zone: 'America/New_York', hours: [{ days: ['sun'], start: '02:00', end: '03:00' }] };
    assert.equal(openMinutes(gap, '2026-03-08T04:00:00Z', 6), 0);
    // 01:00–04:00 local that night is two real hours.
    assert.equal(openMinutes({ ...gap, hours: [{ days: ['sun'], start: '01:00', end: '04:00' }] }, '2026-03-08T04:00:00Z', 6), 120);
    // The clock jumps from 01:59 EST to 03:00 EDT.
    assert.equal(stepText({ ...gap, hours: [{ days: ['sun'], start: '03:00', end: '04:00' }] }, '2026-03-08T07:00:00Z', 'hours'), 'hours: open (Sun 03:00 America/New_York; sun 03:00-04:00)');
  });

  test('America/New_York 2026-11-01: 01:30 happens twice, and is open both times', () => {
    const repeat: RoutingPolicy = { time_zone: 'America/New_York', hours: [{ days: ['sun'], start: '01:00', end: '02:00' }] };
    assert.equal(isOpen(repeat, '2026-11-01T05:30:00Z'), true); // 01:30 EDT
    assert.equal(isOpen(repeat, '2026-11-01T06:30:00Z'), true); // 01:30 EST
    assert.equal(isOpen(repeat, '2026-11-01T07:00:00Z'), false); // 02:00 EST
    assert.equal(openMinutes(repeat, '2026-11-01T03:00:00Z', 6), 120);
  });

  test('office hours follow the clock change', () => {
    const office: RoutingPolicy = { time_zone: 'America/New_York', hours: [{ days: WEEK, start: '09:00', end: '17:00' }] };
    assert.equal(isOpen(office, '2026-03-06T13:30:00Z'), false); // Fri 08:30 EST
    assert.equal(isOpen(office, '2026-03-09T13:30:00Z'), true); // Mon 09:30 EDT
  });

  test('Europe/London 2026-03-29 and 2026-10-25', () => {
    const night: RoutingPolicy = { time_zone: 'Europe/London', hours: [{ days: ['sun'], start: '01:00', end: '02:00' }] };
    assert.equal(openMinutes(night, '2026-03-29T00:00:00Z', 4), 0); // 01:00 GMT → 02:00 BST
    assert.equal(openMinutes(night, '2026-10-24T23:00:00Z', 4), 120); // 01:00–02:00 twice
    const office: RoutingPolicy = { time_zone: 'Europe/London', hours: [{ days: WEEK, start: '09:00', end: '17:00' }] };
    assert.equal(isOpen(office, '2026-01-14T09:00:00Z'), true);
    assert.equal(isOpen(office, '2026-07-15T08:00:00Z'), true); // 09:00 BST
    assert.equal(isOpen(office, '2026-07-15T16:00:00Z'), false); // 17:00 BST
  });

  test('zones with 30-minute offsets: Asia/Kolkata, Australia/Adelaide, and Lord Howe\'s half-hour DST', () => {
    const kolkata: RoutingPolicy = { time_zone: 'Asia/Kolkata', hours: [{ days: WEEK, start: '09:00', end: '17:00' }] };
    assert.equal(isOpen(kolkata, '2026-01-14T03:29:00Z'), false);
    assert.equal(isOpen(kolkata, '2026-01-14T03:30:00Z'), true); // 09:00 IST (+05:30)
    assert.equal(isOpen(kolkata, '2026-01-14T11:30:00Z'), false);
    const adelaide: RoutingPolicy = { time_zone: 'Australia/Adelaide', hours: [{ days: WEEK, start: '09:00', end: '17:00' }] };
    assert.equal(isOpen(adelaide, '2026-01-13T22:30:00Z'), true); // Wed 09:00 ACDT (+10:30)
    assert.equal(isOpen(adelaide, '2026-07-14T22:30:00Z'), false); // Wed 08:00 ACST (+09:30)
    assert.equal(isOpen(adelaide, '2026-07-14T23:30:00Z'), true);
    // Lord Howe moves its clocks by 30 minutes: on 2026-04-05 01:30–02:00 happens twice.
    const lordHowe: RoutingPolicy = { time_zone: 'Australia/Lord_Howe', hours: [{ days: ['sun'], start: '01:30', end: '02:00' }] };
    assert.equal(openMinutes(lordHowe, '2026-04-04T13:00:00Z', 3), 60);
  });
});
