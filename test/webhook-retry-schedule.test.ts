// The retry schedule as times after the first attempt: gaps with ±10 % jitter, Retry-After in
// their place (capped at a day), and the end of the schedule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_RETRY_SCHEDULE_MS, nextDelayMs, parseDuration, scheduleProblem } from '../src/core/webhooks/delivery/retry-schedule.ts';

test('the default schedule: ten attempts, the last 24 h after the first', () => {
  assert.equal(DEFAULT_RETRY_SCHEDULE_MS.length, 10);
  assert.equal(DEFAULT_RETRY_SCHEDULE_MS.at(-1), 86_400e3);
  assert.equal(scheduleProblem(DEFAULT_RETRY_SCHEDULE_MS), null);
  // Without jitter the waits add up to the schedule.
  let at = 0;
  for (let made = 1; made < 10; made++) at += nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, made, null, () => 0.5)!;
  assert.equal(at, 86_400e3);
  assert.equal(nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, 10, null), null, 'after the tenth attempt: none');
});

test('jitter stays within ±10 % of the gap', () => {
  const gap = DEFAULT_RETRY_SCHEDULE_MS[3]! - DEFAULT_RETRY_SCHEDULE_MS[2]!;
  assert.equal(nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, 3, null, () => 0), Math.round(gap * 0.9));
  assert.ok(nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, 3, null, () => 0.999999)! <= Math.round(gap * 1.1));
  const seen = new Set(Array.from({ length: 50 }, () => nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, 3, null)));
  assert.ok(seen.size > 10, 'random');
});

test('Retry-After replaces the gap, up to a day; it does not extend the schedule', () => {
  assert.equal(nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, 1, 120), 120_000);
  assert.equal(nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, 1, 0), 0);
  assert.equal(nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, 1, 10 * 86_400), 86_400e3);
  assert.equal(nextDelayMs(DEFAULT_RETRY_SCHEDULE_MS, 10, 5), null);
});

test('durations and schedule checks', () => {
  assert.deepEqual(['0', '250ms', '5s', '1.5m', '2h', '1d'].map(parseDuration), [0, 250, 5000, 90_000, 7_200_000, 86_400_000]);
  for (const bad of ['5', '-1s', 's', '1w', '', '1 s']) assert.equal(parseDuration(bad), null, bad);
  assert.match(scheduleProblem([])!, /1 to 50/);
  assert.match(scheduleProblem([5])!, /start with 0/);
  assert.match(scheduleProblem([0, 10, 5])!, /back in time/);
});
