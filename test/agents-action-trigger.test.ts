// Core/native: an agent action may carry a trigger (when the agent takes it), kept as sent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers/app.ts';

describe('agent action triggers', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t?.close();
  });

  const phrase = { type: 'action_trigger_phrase_based', config: { phrase_triggers: [{ phrase: 'goodbye', conditions: ['phrase_condition_type_contains'] }] } };

  test('written with the action, read back as sent; absent when not given; replaced with the actions', async () => {
    const res = await t.request('POST', '/v1/agents', { name: 'Triggers', actions: [{ type: 'action_end_conversation', trigger: phrase }, { type: 'action_dtmf' }] });
    assert.equal(res.statusCode, 201, res.body);
    const agent = res.json();
    assert.deepEqual(agent.actions[0].trigger, phrase);
    assert.equal('trigger' in agent.actions[1], false);
    const read = await t.request('GET', `/v1/agents/${agent.id}`);
    assert.deepEqual(read.json().actions[0].trigger, phrase);
    const patched = await t.request('PATCH', `/v1/agents/${agent.id}`, { actions: [{ type: 'action_dtmf', trigger: null }] });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal('trigger' in patched.json().actions[0], false);
  });

  test('a trigger must be an object', async () => {
    const res = await t.request('POST', '/v1/agents', { name: 'Bad', actions: [{ type: 'action_dtmf', trigger: 'phrase' }] });
    assert.equal(res.statusCode, 400, res.body);
    assert.ok(res.json().error.details.some((d: { field: string }) => d.field.startsWith('actions[0].trigger')), res.body);
  });
});
