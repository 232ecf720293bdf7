// Secrets (SIP passwords, provider auth tokens, API keys) are write-only: whatever route they
// go in by, no response, header, log line or database row ever shows them in plain text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestApp, TEST_SECRET_KEY, type TestApp } from './helpers/app.ts';
import { createSecretBox } from '../src/security/secret-box.ts';

const marker = (kind: string) => `SECRET${kind}${randomBytes(12).toString('hex')}`;

/** Every response the test saw, for the final scan. */
function recorder(t: TestApp) {
  const seen: { what: string; res: LightMyRequestResponse }[] = [];
  const call = async (method: InjectOptions['method'], url: string, body?: unknown, options?: { key?: string | null; headers?: Record<string, string> }) => {
    const res = await t.request(method, url, body, options);
    seen.push({ what: `${method} ${url}`, res });
    return res;
  };
  return { seen, call };
}

function assertAbsent(haystack: string, needles: string[], where: string): void {
  for (const needle of needles) assert.ok(!haystack.includes(needle), `${where} contains the secret ${needle}`);
}

test('secrets never appear in responses, headers, logs or database rows', async () => {
  const t = await createTestApp();
  try {
    const { seen, call } = recorder(t);
    const secrets = {
      pwCreate: marker('pwcreate'),
      tokCreate: marker('tokcreate'),
      pwPatch: marker('pwpatch'),
      tokPatch: marker('tokpatch'),
      pwBulk: marker('pwbulk'),
      tokBulk: marker('tokbulk'),
      pwBulkByNumber: marker('pwbulknum'),
      pwDryRun: marker('pwdry'),
      pwAtomic: marker('pwatomic'),
      pwInvalid: marker('pwinvalid'),
      tokInvalid: marker('tokinvalid'),
      pwTooLong: marker('pwlong'),
      pwIdem: marker('pwidem'),
      tokIdem: marker('tokidem'),
    };
    const all = Object.values(secrets);

    // Create with both secrets.
    const created = await call('POST', '/v1/phone-numbers', {
      number: '+14155550101',
      sip_outbound: { enabled: true, endpoint: 'trunk.example.com', username: 'alice', password: secrets.pwCreate },
      telephony: { provider: 'twilio', account_sid: 'AC1', auth_token: secrets.tokCreate },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    assert.equal(created.json().sip_outbound.password_set, true);
    assert.equal(created.json().telephony.auth_token_set, true);

    // A second number, created idempotently (the answer is stored for replays) and replayed.
    const idemBody = { number: '+14155550102', sip_outbound: { password: secrets.pwIdem }, telephony: { auth_token: secrets.tokIdem } };
    for (let i = 0; i < 2; i++) {
      const res = await call('POST', '/v1/phone-numbers', idemBody, { headers: { 'idempotency-key': 'secret-test-1' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().sip_outbound.password_set, true);
    }
    const second = (await call('GET', '/v1/phone-numbers/%2B14155550102')).json();

    // PATCH both secrets.
    const patched = await call('PATCH', `/v1/phone-numbers/${id}`, { sip_outbound: { password: secrets.pwPatch }, telephony: { auth_token: secrets.tokPatch } });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().sip_outbound.password_set, true);

    // A PATCH without secrets keeps them.
    const kept = await call('PATCH', `/v1/phone-numbers/${id}`, { friendly_name: 'kept' });
    assert.equal(kept.json().sip_outbound.password_set, true);
    assert.equal(kept.json().telephony.auth_token_set, true);

    // Bulk PATCH by id and by number.
    const bulk = await call('PATCH', '/v1/phone-numbers', {
      items: [
        { id, sip_outbound: { password: secrets.pwBulk }, telephony: { auth_token: secrets.tokBulk } },
        { number: '+14155550102', sip_outbound: { password: secrets.pwBulkByNumber } },
      ],
    });
    assert.equal(bulk.statusCode, 200, bulk.body);
    assert.equal(bulk.json().updated.length, 2, bulk.body);

    // A dry run and a failing atomic batch carrying secrets: nothing written, nothing echoed.
    const dry = await call('PATCH', '/v1/phone-numbers', { dry_run: true, items: [{ id, sip_outbound: { password: secrets.pwDryRun } }] });
    assert.equal(dry.statusCode, 200, dry.body);
    assert.equal(dry.json().written, false);
    const atomic = await call('PATCH', '/v1/phone-numbers', {
      atomic: true,
      items: [{ id, sip_outbound: { password: secrets.pwAtomic } }, { id, sip_outbound: { port: 'not a port' } }],
    });
    assert.equal(atomic.statusCode, 422, atomic.body);

    // Error paths (none of them a 500) that carry secrets in the request.
    const invalidType = await call('PATCH', `/v1/phone-numbers/${id}`, { sip_outbound: { password: secrets.pwInvalid, port: 'x' }, telephony: { auth_token: secrets.tokInvalid } });
    assert.equal(invalidType.statusCode, 400, invalidType.body);
    const invalidRule = await call('PATCH', `/v1/phone-numbers/${id}`, { sip_outbound: { password: secrets.pwInvalid, endpoint: 'not a host!' } });
    assert.equal(invalidRule.statusCode, 422, invalidRule.body);
    const tooLong = await call('PATCH', `/v1/phone-numbers/${id}`, { sip_outbound: { password: secrets.pwTooLong.repeat(10) } });
    assert.equal(tooLong.statusCode, 400, tooLong.body);
    const badSecretType = await call('PATCH', `/v1/phone-numbers/${id}`, { sip_outbound: { password: [secrets.pwInvalid] } });
    assert.equal(badSecretType.statusCode, 400, badSecretType.body);
    const conflict = await call('POST', '/v1/phone-numbers', { number: '+14155550101', sip_outbound: { password: secrets.pwInvalid } });
    assert.equal(conflict.statusCode, 409, conflict.body);
    const stale = await call('PATCH', `/v1/phone-numbers/${id}`, { sip_outbound: { password: secrets.pwInvalid } }, { headers: { 'if-match': '"1"' } });
    assert.equal(stale.statusCode, 412, stale.body);
    const reused = await call('POST', '/v1/phone-numbers', { ...idemBody, telephony: { auth_token: secrets.tokInvalid } }, { headers: { 'idempotency-key': 'secret-test-1' } });
    assert.equal(reused.statusCode, 422, reused.body);
    const noKey = await call('PATCH', `/v1/phone-numbers/${id}`, { sip_outbound: { password: secrets.pwInvalid } }, { key: null });
    assert.equal(noKey.statusCode, 401, noKey.body);
    const badJson = await t.app.inject({
      method: 'PATCH',
      url: `/v1/phone-numbers/${id}`,
      headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
      payload: `{"sip_outbound":{"password":"${secrets.pwInvalid}"`,
    });
    seen.push({ what: 'malformed JSON', res: badJson });
    assert.equal(badJson.statusCode, 400, badJson.body);

    // Read back through every read route.
    for (const ref of [id, '%2B14155550101', second.id]) {
      const got = await call('GET', `/v1/phone-numbers/${ref}`);
      assert.equal(got.statusCode, 200, got.body);
      assert.equal(got.json().sip_outbound.password_set, true);
      assert.equal('password' in got.json().sip_outbound, false);
      assert.equal('password_sealed' in got.json().sip_outbound, false);
    }
    const listed = await call('GET', '/v1/phone-numbers?limit=200');
    assert.equal(listed.statusCode, 200, listed.body);
    assert.equal(listed.json().data.length, 2);
    for (const n of listed.json().data) {
      assert.equal(n.sip_outbound.password_set, true);
      assert.equal(n.telephony.auth_token_set, true);
    }
    const events = await call('GET', '/v1/events?limit=200');
    assert.equal(events.statusCode, 200, events.body);
    const eventList = events.json().data as { id: string; type: string; after: Record<string, any> | null }[];
    assert.ok(eventList.filter((e) => e.type.startsWith('phone_number.')).length >= 5, events.body);
    for (const event of eventList) {
      const one = await call('GET', `/v1/events/${event.id}`);
      assert.equal(one.statusCode, 200, one.body);
    }
    const byObject = await call('GET', `/v1/events?object_id=${id}`);
    assert.equal(byObject.statusCode, 200, byObject.body);

    // The last values written are the ones stored, sealed.
    const box = createSecretBox(Buffer.from(TEST_SECRET_KEY, 'hex'));
    const rows = await t.runtime.store.db.selectFrom('phone_numbers').selectAll().orderBy('number').execute();
    assert.equal(rows.length, 2);
    const first = JSON.parse(rows[0]!.doc);
    assert.match(first.sip_outbound.password_sealed, /^v1\./);
    assert.equal(box.decrypt(first.sip_outbound.password_sealed), secrets.pwBulk);
    assert.equal(box.decrypt(first.telephony.auth_token_sealed), secrets.tokBulk);
    const secondRow = JSON.parse(rows[1]!.doc);
    assert.equal(box.decrypt(secondRow.sip_outbound.password_sealed), secrets.pwBulkByNumber);
    assert.equal(box.decrypt(secondRow.telephony.auth_token_sealed), secrets.tokIdem);

    // Scan: every response body and header, every log line, every row.
    for (const { what, res } of seen) {
      assertAbsent(res.body, all, `the body of ${what}`);
      assertAbsent(JSON.stringify(res.headers), all, `the headers of ${what}`);
    }
    assert.ok(t.logs.length >= seen.length, 'the app logged its requests (a line each)');
    assertAbsent(t.logs.join(''), all, 'the log');
    for (const table of ['phone_numbers', 'audit_events', 'idempotency_keys'] as const) {
      const dump = JSON.stringify(await t.runtime.store.db.selectFrom(table).selectAll().execute());
      assertAbsent(dump, all, `table ${table}`);
    }
  } finally {
    await t.close();
  }
});

test('API keys: never logged, stored only as a hash', async () => {
  const t = await createTestApp();
  try {
    // Use the bootstrap key as Bearer and as Basic, create another key and use that one too.
    const basic = Buffer.from(`${t.first.workspace.id}:${t.key}`).toString('base64');
    const viaBasic = await t.request('GET', '/v1/me', undefined, { headers: { authorization: `Basic ${basic}` } });
    assert.equal(viaBasic.statusCode, 200, viaBasic.body);
    const made = await t.request('POST', '/v1/api-keys', { name: 'reader', scopes: ['numbers:read'] });
    assert.equal(made.statusCode, 201, made.body);
    const other = made.json().secret as string;
    const viaOther = await t.request('GET', '/v1/phone-numbers', undefined, { key: other });
    assert.equal(viaOther.statusCode, 200, viaOther.body);
    // Wrong and malformed keys, and a key lacking a scope, are logged too: still no secret.
    const forbidden = await t.request('POST', '/v1/phone-numbers', { number: '+14155550103' }, { key: other });
    assert.equal(forbidden.statusCode, 403, forbidden.body);
    const wrong = `${other.slice(0, -4)}AAAA`;
    assert.equal((await t.request('GET', '/v1/me', undefined, { key: wrong })).statusCode, 401);
    assert.equal((await t.request('GET', '/v1/me', undefined, { headers: { authorization: `Token ${t.key}` } })).statusCode, 401);

    // Should anything log headers or a body, the logger's redaction removes the secrets.
    const password = marker('pwlogged');
    const token = marker('toklogged');
    t.app.log.info({ headers: { authorization: `Bearer ${t.key}` } }, 'headers');
    t.app.log.info({ req: { headers: { authorization: `Bearer ${t.key}` } } }, 'request');
    t.app.log.info({ body: { sip_outbound: { password }, telephony: { auth_token: token } } }, 'body');
    t.app.log.info({ sip_outbound: { password }, auth_token: token, secret: other }, 'fields');
    t.app.log.child({ reqId: 'x' }).info({ patch: { sip_outbound: { password } } }, 'child');
    assert.ok(t.logs.filter((l) => l.includes('[redacted]')).length >= 4, 'the logger redacts');
    assertAbsent(t.logs.join(''), [password, token], 'the log');

    const keys = [t.key, other, wrong];
    const logs = t.logs.join('');
    assert.ok(t.logs.length >= 10, 'the app logged its requests');
    assertAbsent(logs, [...keys, basic, Buffer.from(t.key).toString('base64')], 'the log');
    // Nothing that reads back a key shows its secret.
    const listed = await t.request('GET', '/v1/api-keys');
    assertAbsent(listed.body, keys, 'GET /v1/api-keys');
    const me = await t.request('GET', '/v1/me');
    assertAbsent(me.body, keys, 'GET /v1/me');
    const events = await t.request('GET', '/v1/events?limit=200');
    assertAbsent(events.body, keys, 'GET /v1/events');

    const rows = await t.runtime.store.db.selectFrom('api_keys').selectAll().execute();
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.match(row.hash, /^[0-9a-f]{64}$/);
      assertAbsent(JSON.stringify(row), keys, `api_keys row ${row.id}`);
    }
    const hashes = new Set(rows.map((r) => r.hash));
    for (const secret of [t.key, other]) assert.ok(hashes.has(createHash('sha256').update(secret).digest('hex')), 'the key is stored as its SHA-256');
    for (const table of ['audit_events', 'idempotency_keys', 'workspaces', 'users', 'deployment_state'] as const) {
      const dump = JSON.stringify(await t.runtime.store.db.selectFrom(table).selectAll().execute());
      assertAbsent(dump, keys, `table ${table}`);
    }
  } finally {
    await t.close();
  }
});

test('a request that fails inside (database gone) logs the error without the secrets it carried', async () => {
  const t = await createTestApp();
  try {
    const created = await t.request('POST', '/v1/phone-numbers', { number: '+14155550104' });
    assert.equal(created.statusCode, 201, created.body);
    const password = marker('pwdown');
    const token = marker('tokdown');
    await t.runtime.store.close();
    const res = await t.request('PATCH', `/v1/phone-numbers/${created.json().id}`, { sip_outbound: { password }, telephony: { auth_token: token } });
    assert.ok(res.statusCode >= 500, `expected a 5xx with the database closed, got ${res.statusCode}`);
    assert.equal(typeof res.json().error.request_id, 'string');
    assertAbsent(res.body + JSON.stringify(res.headers), [password, token, t.key], 'the answer');
    assert.ok(t.logs.some((l) => l.includes(res.json().error.request_id)), 'the failure is logged with its request id');
    assertAbsent(t.logs.join(''), [password, token, t.key], 'the log');
  } finally {
    await t.close().catch(() => {});
  }
});

test('an API key created with an Idempotency-Key is replayed with its secret, which is stored only encrypted', async () => {
  const t = await createTestApp();
  try {
    const headers = { 'idempotency-key': 'create-ci-key-1' };
    const first = await t.request('POST', '/v1/api-keys', { name: 'ci', scopes: ['numbers:read'] }, { headers });
    assert.equal(first.statusCode, 201, first.body);
    const secret: string = first.json().secret;
    const replay = await t.request('POST', '/v1/api-keys', { name: 'ci', scopes: ['numbers:read'] }, { headers });
    assert.equal(replay.statusCode, 201);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    assert.equal(replay.json().secret, secret, 'a retrying client gets the key it would otherwise have lost');
    const rows = await t.runtime.store.db.selectFrom('idempotency_keys').selectAll().execute();
    assert.equal(rows.length, 1);
    assert.ok(rows[0]!.body && !rows[0]!.body.includes(secret) && !rows[0]!.body.includes(secret.slice(3)), 'the stored answer is sealed');
    assert.equal(t.runtime.core.secrets.decrypt(rows[0]!.body!), first.body);
  } finally {
    await t.close();
  }
});
