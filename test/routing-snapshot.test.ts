// The routing snapshot: lookups, incremental changes (equal to a rebuild, old snapshots
// untouched), refusal of another workspace's rows, and the build time for 100,000 numbers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RoutingSnapshot, type SnapshotChange } from '../src/core/routing/snapshot.ts';
import { resolve } from '../src/core/routing/resolve.ts';
import type { BlockRow, NumberRow } from '../src/core/routing/rows.ts';
import { agent, block, number, OTHER_WS, snapshot, toAgent, WEEKDAY_NOON, WS } from './helpers/routing.ts';

describe('changes', () => {
  const base = snapshot({
    agents: [agent('a'), agent('b')],
    numbers: [number('+14155550100', toAgent('a'))],
    blocks: [block('sf', { prefix: '+1415555' }, toAgent('b'))],
  });

  test('put and remove each kind of row; the old snapshot is untouched', () => {
    const n2 = number('+14155550101', toAgent('b'));
    const s1 = base.apply({ op: 'put', kind: 'number', row: n2 }, 7);
    assert.equal(s1.number('+14155550101'), n2);
    assert.equal(base.number('+14155550101'), undefined);
    assert.equal(s1.revision, 7);
    assert.equal(base.revision, 0);

    const s2 = s1.apply({ op: 'remove', kind: 'number', id: n2.id });
    assert.equal(s2.number('+14155550101'), undefined);
    assert.equal(s1.number('+14155550101'), n2);

    const narrow = block('desk', { start: '+14155550100', end: '+14155550199' });
    const s3 = s2.apply({ op: 'put', kind: 'block', row: narrow });
    assert.deepEqual(s3.blocksContaining('+14155550150').map((b) => b.row.name), ['desk', 'sf']);
    assert.deepEqual(s2.blocksContaining('+14155550150').map((b) => b.row.name), ['sf']);
    const s4 = s3.apply({ op: 'remove', kind: 'block', id: narrow.id });
    assert.deepEqual(s4.blocksContaining('+14155550150').map((b) => b.row.name), ['sf']);

    const a = agent('a');
    const s5 = s4.apply({ op: 'put', kind: 'agent', row: { ...a, endpoint: { type: 'sip', url: 'sip:a@pbx.example.com' } } });
    assert.equal(s5.agent(a.id)?.endpoint?.url, 'sip:a@pbx.example.com');
    assert.equal(s4.agent(a.id)?.endpoint?.url, 'wss://agents.example.com/a');
    assert.equal(s5.apply({ op: 'remove', kind: 'agent', id: a.id }).agent(a.id), undefined);

    const s6 = s5.apply({ op: 'put', kind: 'workspace', row: { workspace_id: WS, unknown_number: { type: 'reject', reason: 'busy' } } });
    assert.equal(resolve({ to: '+12125550100', at: WEEKDAY_NOON }, s6).decision.reject_reason, 'busy');
    assert.equal(resolve({ to: '+12125550100', at: WEEKDAY_NOON }, s5).decision.reject_reason, 'unknown_number');
  });

  test('a number put again under a new E.164 leaves its old one', () => {
    const row = number('+14155550100', toAgent('a'));
    const moved = base.apply({ op: 'put', kind: 'number', row: { ...row, number: '+14155550177' } });
    assert.equal(moved.number('+14155550100'), undefined);
    assert.equal(moved.number('+14155550177')?.id, row.id);
    assert.equal(moved.size.numbers, 1);
  });

  test('one row per number: a put for a number another id holds displaces that row', () => {
    const first = number('+14155550100', toAgent('a'));
    const second = { ...number('+14155550100', toAgent('b')), id: 'second' };
    const s1 = base.apply({ op: 'put', kind: 'number', row: second });
    assert.equal(s1.number('+14155550100')?.id, 'second');
    assert.equal(s1.size.numbers, 1);
    // Removing the displaced row's id no longer touches the number.
    assert.equal(s1.apply({ op: 'remove', kind: 'number', id: first.id }).number('+14155550100')?.id, 'second');
  });

  test('removing what is not there changes nothing', () => {
    assert.equal(base.apply({ op: 'remove', kind: 'number', id: 'nope' }).size.numbers, 1);
    assert.equal(base.apply({ op: 'remove', kind: 'block', id: 'nope' }).size.blocks, 1);
  });

  test('rows of another workspace are refused', () => {
    assert.throws(() => base.apply({ op: 'put', kind: 'number', row: number('+14155550199', {}, { workspace_id: OTHER_WS }) }), /cannot enter the snapshot/);
    assert.throws(() => base.apply({ op: 'put', kind: 'agent', row: agent('x', undefined, OTHER_WS) }), /cannot enter the snapshot/);
    assert.throws(() => snapshot({ blocks: [block('x', { prefix: '+1' }, {}, OTHER_WS)] }), /cannot enter the snapshot/);
    assert.throws(() => base.apply({ op: 'put', kind: 'workspace', row: { workspace_id: OTHER_WS } }), /cannot enter the snapshot/);
  });

  test('regions follow the numbers held', () => {
    const s = snapshot({ numbers: [number('+442079460000', {}, { country_code: 'GB' }), number('+442079460001', {}, { country_code: 'GB' }), number('+14155550100')] });
    assert.deepEqual(s.regions(), ['GB', 'US']);
    const fewer = s.apply({ op: 'remove', kind: 'number', id: number('+442079460000').id }).apply({ op: 'remove', kind: 'number', id: number('+442079460001').id });
    assert.deepEqual(fewer.regions(), ['US']);
  });

  test('property: any sequence of changes gives the snapshot a rebuild from the final rows gives', () => {
    const e164 = fc.integer({ min: 0, max: 40 }).map((i) => `+1415555${String(i).padStart(4, '0')}`);
    const numberIds = fc.integer({ min: 0, max: 15 }).map((i) => `n${i}`);
    const blockIds = fc.integer({ min: 0, max: 5 }).map((i) => `b${i}`);
    const change: fc.Arbitrary<SnapshotChange> = fc.oneof(
      fc.tuple(numberIds, e164, fc.boolean()).map(([id, n, active]) => ({ op: 'put' as const, kind: 'number' as const, row: { id, workspace_id: WS, number: n, country_code: 'US', active, config: {} } })),
      numberIds.map((id) => ({ op: 'remove' as const, kind: 'number' as const, id })),
      fc.tuple(blockIds, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([id, a, b]) => ({
        op: 'put' as const, kind: 'block' as const,
        row: { id, workspace_id: WS, start: `+1415555${String(Math.min(a, b)).padStart(4, '0')}`, end: `+1415555${String(Math.max(a, b)).padStart(4, '0')}`, config: {} },
      })),
      blockIds.map((id) => ({ op: 'remove' as const, kind: 'block' as const, id })),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        let incremental = snapshot();
        const numbers = new Map<string, NumberRow>();
        const blocks = new Map<string, BlockRow>();
        for (const c of changes) {
          incremental = incremental.apply(c);
          if (c.op === 'put' && c.kind === 'number') {
            // One row per E.164: the last put displaces another id's row for the same number.
            for (const [other, row] of numbers) if (row.number === c.row.number && other !== c.row.id) numbers.delete(other);
            numbers.set(c.row.id, c.row);
          }
          else if (c.op === 'put' && c.kind === 'block') blocks.set(c.row.id, c.row);
          else if (c.op === 'remove' && c.kind === 'number') numbers.delete(c.id);
          else if (c.op === 'remove' && c.kind === 'block') blocks.delete(c.id);
        }
        const rebuilt = snapshot({ numbers: numbers.values(), blocks: blocks.values() });
        assert.deepEqual(incremental.size, rebuilt.size);
        assert.deepEqual(incremental.regions(), rebuilt.regions());
        for (let i = 0; i <= 40; i++) {
          const n = `+1415555${String(i).padStart(4, '0')}`;
          assert.deepEqual(incremental.number(n), rebuilt.number(n));
          assert.deepEqual(incremental.blocksContaining(n).map((b) => b.row.id), rebuilt.blocksContaining(n).map((b) => b.row.id));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('size', () => {
  test('100,000 numbers and 1,000 blocks build well under 2 s; a change and a decision take microseconds', () => {
    const agents = Array.from({ length: 100 }, (_, i) => agent(`pool${i}`));
    const numbers: NumberRow[] = [];
    for (let i = 0; i < 100_000; i++) {
      numbers.push({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        workspace_id: WS,
        number: `+1415${String(1_000_000 + i * 7).padStart(7, '0')}`,
        country_code: 'US',
        config: { inbound_target: 'agent', inbound_agent_id: agents[i % 100]!.id, routing: i % 10 === 0 ? { max_concurrent_calls: 5 } : null },
      });
    }
    const blocks: BlockRow[] = [];
    for (let i = 0; i < 900; i++) {
      const start = 16_460_000_000 + i * 1000;
      blocks.push({ id: `b-range-${i}`, workspace_id: WS, start: `+${start}`, end: `+${start + 999}`, config: { inbound_target: 'agent', inbound_agent_id: agents[i % 100]!.id } });
    }
    for (let i = 0; i < 100; i++) blocks.push({ id: `b-prefix-${i}`, workspace_id: WS, prefix: `+1646${String(i).padStart(3, '0')}`, config: {} });

    // CPU time is what the build costs; wall time on a busy test machine says more about the machine.
    const started = performance.now();
    const cpu = process.cpuUsage();
    const snap = RoutingSnapshot.build({ workspace: { workspace_id: WS }, numbers, blocks, agents });
    const buildMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const buildCpuMs = (used.user + used.system) / 1000;
    assert.deepEqual(snap.size, { numbers: 100_000, blocks: 1_000, agents: 100, workflows: 0 });

    const changeStarted = performance.now();
    let changed = snap;
    for (let i = 0; i < 1000; i++) changed = changed.apply({ op: 'put', kind: 'number', row: { ...numbers[i]!, config: {} } });
    const changeUs = ((performance.now() - changeStarted) / 1000) * 1000;

    const resolveStarted = performance.now();
    for (let i = 0; i < 10_000; i++) {
      const to = i % 2 ? numbers[(i * 13) % numbers.length]!.number : `+1646000${String(i % 1000).padStart(4, '0')}`;
      const { decision } = resolve({ to, from: '+12125550100', at: WEEKDAY_NOON }, snap);
      assert.equal(decision.kind, 'route');
    }
    const resolveUs = ((performance.now() - resolveStarted) / 10_000) * 1000;

    console.log(`# snapshot: build 100,000 numbers + 1,000 blocks in ${buildMs.toFixed(0)} ms (${buildCpuMs.toFixed(0)} ms CPU); one change ${changeUs.toFixed(1)} µs; one resolve ${resolveUs.toFixed(1)} µs`);
    assert.ok(buildCpuMs < 2000, `built in ${buildCpuMs} ms of CPU`);
    assert.ok(changeUs < 1000, `a change took ${changeUs} µs`);
    assert.equal(changed.number(numbers[0]!.number)?.config.inbound_agent_id, undefined);
    assert.equal(snap.number(numbers[0]!.number)?.config.inbound_agent_id, agents[0]!.id);
  });
});
