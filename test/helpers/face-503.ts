// One read per face, and the 503 each face answers (database away, load shed): Retry-After, the
// face's own error format, a message saying why, no internals.
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from './app.ts';

const basic = (user: string, key: string) => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

export function faceReads(t: TestApp): Record<string, () => Promise<LightMyRequestResponse>> {
  return {
    v1: () => t.request('GET', '/v1/phone-numbers'),
    freya: () => t.request('GET', '/api/v2/phone-numbers'),
    voiceos: () => t.request('GET', '/phone_numbers'),
    vocode: () => t.request('GET', '/v1/numbers/list'),
    signalwire: () => t.request('GET', '/api/relay/rest/phone_numbers', undefined, { key: null, headers: { authorization: basic(t.first.workspace.id, t.key) } }),
  };
}

/** `face` is a key of faceReads, or 'unknownPath' (answered in the v1 format). */
export function assertFace503(face: string, res: LightMyRequestResponse, message: RegExp): void {
  assert.equal(res.statusCode, 503, `${face}: ${res.body}`);
  const retryAfter = Number(res.headers['retry-after']);
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `${face}: Retry-After ${res.headers['retry-after']}`);
  const body = res.json();
  switch (face) {
    case 'v1':
    case 'unknownPath':
      assert.equal(body.error.code, 'unavailable');
      assert.match(body.error.message, message);
      assert.match(body.error.request_id, /^req_/);
      break;
    case 'freya':
      assert.equal(body.success, false);
      assert.equal(body.error.code, 'unavailable');
      assert.match(body.error.message, message);
      break;
    case 'voiceos':
    case 'vocode':
      assert.deepEqual(Object.keys(body), ['detail']);
      assert.match(body.detail, message);
      break;
    case 'signalwire':
      assert.deepEqual(body, { error: 'Service Unavailable' });
      break;
    default:
      assert.fail(face);
  }
  assert.ok(!/ECONN|terminated|SQLITE|locked/i.test(res.body), `${face}: no internals in ${res.body}`);
}
