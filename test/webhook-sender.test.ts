// The outbound side of webhooks: the SSRF address policy, the save-time URL check, and the
// sender against a real local receiver. No traffic leaves the machine: every connection goes to
// 127.0.0.1 or ::1, and public names and addresses are only ever judged, through an injected
// resolver, never resolved or contacted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '../src/config.ts';
import { blockedAddressReason, blockedHostnameReason, isBlockedAddress } from '../src/webhooks/address-policy.ts';
import { checkDestination } from '../src/webhooks/url-policy.ts';
import { createWebhookAgent } from '../src/webhooks/agent.ts';
import { parseRetryAfter } from '../src/webhooks/retry-after.ts';
import { closeSharedWebhookAgents, RESPONSE_BODY_LIMIT, sendWebhook } from '../src/webhooks/sender.ts';
import type { Resolver } from '../src/webhooks/resolve.ts';

/** A resolver that knows only the given names, and records what it was asked. */
function fakeResolver(answers: Record<string, string[]>): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const found = answers[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found;
  };
  return Object.assign(resolve, { asked });
}

describe('address policy', () => {
  // [address, what the reason must say]
  const blocked: Array<[string, RegExp]> = [
    // IPv4
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['10.0.0.1', /private/],
    ['10.255.255.255', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.254', /private/],
    ['192.168.0.1', /private/],
    ['192.168.255.255', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.254', /carrier-grade NAT/],
    ['169.254.0.1', /link-local/],
    ['169.254.169.254', /metadata/],
    ['169.254.170.2', /metadata/],
    ['100.100.100.200', /metadata/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['240.0.0.1', /reserved/],
    ['254.1.2.3', /reserved/],
    ['255.255.255.255', /broadcast/],
    ['192.0.2.1', /documentation/],
    ['198.51.100.7', /documentation/],
    ['203.0.113.9', /documentation/],
    ['198.18.0.1', /benchmarking/],
    ['198.19.255.254', /benchmarking/],
    ['192.0.0.170', /protocol/],
    ['192.88.99.1', /protocol/],
    // IPv6
    ['::1', /loopback/],
    ['0:0:0:0:0:0:0:1', /loopback/],
    ['::', /unspecified/],
    ['::127.0.0.1', /IPv4-compatible/],
    ['fc00::1', /unique-local/],
    ['fd12:3456:789a::1', /unique-local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /link-local/],
    ['febf:ffff::1', /link-local/],
    ['fec0::1', /site-local/],
    ['ff02::1', /multicast/],
    ['ff05::1:3', /multicast/],
    ['fd00:ec2::254', /metadata/],
    ['100::1', /discard/],
    ['2001:db8::1', /documentation/],
    ['3fff::1', /documentation/],
    ['2001:2::1', /benchmarking/],
    ['2001::1', /Teredo/],
    ['2001:20::1', /ORCHID/],
    ['64:ff9b:1::1', /local-use NAT64/],
    ['fe00::1', /2000::\/3/],
    ['4000::1', /2000::\/3/],
    // IPv6 forms that carry an IPv4 address are judged by it
    ['::ffff:127.0.0.1', /IPv4-mapped 127\.0\.0\.1, which is loopback/],
    ['::ffff:7f00:1', /IPv4-mapped 127\.0\.0\.1, which is loopback/],
    ['0:0:0:0:0:ffff:7f00:0001', /IPv4-mapped 127\.0\.0\.1/],
    ['::FFFF:10.0.0.1', /IPv4-mapped 10\.0\.0\.1, which is private/],
    ['::ffff:a9fe:a9fe', /IPv4-mapped 169\.254\.169\.254, which is a cloud metadata service/],
    ['::ffff:0.0.0.0', /this network/],
    ['::ffff:0:7f00:1', /IPv4-translated 127\.0\.0\.1/],
    ['64:ff9b::127.0.0.1', /NAT64 for 127\.0\.0\.1, which is loopback/],
    ['64:ff9b::a00:1', /NAT64 for 10\.0\.0\.1, which is private/],
    ['64:ff9b::169.254.169.254', /metadata/],
    ['2002:7f00:1::1', /6to4 for 127\.0\.0\.1/],
    ['2002:c0a8:101::1', /6to4 for 192\.168\.1\.1, which is private/],
    // not IP addresses at all
    ['example.com', /not an IP address/],
    ['', /not an IP address/],
    ['1.2.3', /not an IP address/],
    ['::ffff:1.2.3.4.5', /not an IP address/],
  ];
  const allowed = [
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '11.0.0.1',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.255.255',
    '169.255.0.1',
    '192.0.3.1',
    '192.169.0.1',
    '223.255.255.255',
    '2606:4700::1111',
    '2001:4860:4860::8888',
    '2a00:1450:4001::1',
    '::ffff:93.184.216.34',
    '::ffff:5db8:d822',
    '64:ff9b::8.8.8.8',
    '2002:5db8:d822::1',
  ];

  test('every blocked class is refused, with a reason that names it', () => {
    for (const [ip, reason] of blocked) {
      const got = blockedAddressReason(ip);
      assert.ok(got, `${ip} should be blocked`);
      assert.match(got, reason, `${ip}: "${got}"`);
      assert.equal(isBlockedAddress(ip), true);
    }
  });

  test('public addresses are allowed, IPv4 and IPv6, plain and embedded', () => {
    for (const ip of allowed) {
      assert.equal(blockedAddressReason(ip), null, `${ip} should be allowed`);
      assert.equal(isBlockedAddress(ip, { allowPrivate: false }), false);
    }
  });

  test('allowPrivate lets local addresses through, but never a metadata service', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '192.168.1.1', '169.254.0.1', '100.64.0.1', '::1', 'fd00::1', 'fe80::1%eth0', '::ffff:127.0.0.1', '64:ff9b::a00:1']) {
      assert.equal(blockedAddressReason(ip, { allowPrivate: true }), null, `${ip} with allowPrivate`);
    }
    for (const ip of ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254', '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe']) {
      assert.match(blockedAddressReason(ip, { allowPrivate: true }) ?? '', /metadata/, `${ip} with allowPrivate`);
    }
    assert.match(blockedAddressReason('not-an-ip', { allowPrivate: true }) ?? '', /not an IP address/);
    for (const ip of allowed) assert.equal(blockedAddressReason(ip, { allowPrivate: true }), null);
  });

  test('host names: metadata always, localhost unless private addresses are allowed', () => {
    for (const name of ['metadata.google.internal', 'METADATA.Google.Internal.', 'metadata.goog', 'metadata', 'instance-data.ec2.internal']) {
      assert.match(blockedHostnameReason(name) ?? '', /metadata/, name);
      assert.match(blockedHostnameReason(name, { allowPrivate: true }) ?? '', /metadata/, name);
    }
    for (const name of ['localhost', 'LOCALHOST.', 'api.localhost']) {
      assert.match(blockedHostnameReason(name) ?? '', /loopback/, name);
      assert.equal(blockedHostnameReason(name, { allowPrivate: true }), null, name);
    }
    for (const name of ['example.com', 'localhost.example.com', 'mylocalhost', 'metadata.example.com']) assert.equal(blockedHostnameReason(name), null, name);
  });
});

describe('checkDestination (save time)', () => {
  const strict = { allowPrivate: false };

  async function refused(url: string, message: RegExp, options: Parameters<typeof checkDestination>[1] = { ...strict, resolve: fakeResolver({}) }) {
    const check = await checkDestination(url, options);
    assert.equal(check.ok, false, `${url} should be refused`);
    if (check.ok) return;
    assert.equal(check.issues.length >= 1, true);
    assert.equal(check.issues[0]!.field, options.field ?? 'url');
    assert.match(check.issues.map((i) => i.message).join('; '), message, url);
  }

  test('only absolute http and https URLs', async () => {
    for (const url of ['not a url', '/relative/path', '', 'hooks.example.com/x']) await refused(url, /absolute http or https URL/);
    for (const url of ['ftp://hooks.example.test/', 'file:///etc/passwd', 'javascript:alert(1)', 'ws://hooks.example.test/', 'gopher://127.0.0.1:6379/_x', 'data:text/plain,hi']) {
      await refused(url, /must use http or https/);
    }
  });

  test('no credentials in the URL', async () => {
    for (const url of ['https://user:secret@hooks.example.test/', 'https://user@hooks.example.test/', 'https://:secret@hooks.example.test/']) {
      await refused(url, /user name or password/);
    }
  });

  test('IPv4 literals in any form the URL parser accepts are judged as the address they are', async () => {
    const resolve = fakeResolver({});
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://0x7f000001/', 'http://017700000001/', 'http://127.1/', 'http://127.0.0.1:8080/hook']) {
      await refused(url, /127\.0\.0\.1 is loopback/, { ...strict, resolve });
    }
    await refused('http://0/', /0\.0\.0\.0/, { ...strict, resolve });
    await refused('http://0xa9.0xfe.0xa9.0xfe/latest/meta-data/', /169\.254\.169\.254 is a cloud metadata service/, { ...strict, resolve });
    await refused('http://10.1.2.3/', /private/, { ...strict, resolve });
    await refused('http://169.254.169.254/', /metadata/, { allowPrivate: true, resolve });
    const ok = await checkDestination('https://93.184.216.34/hook', { ...strict, resolve });
    assert.equal(ok.ok, true);
    assert.deepEqual(resolve.asked, [], 'a literal is never resolved');
  });

  test('bracketed IPv6 literals, mapped forms included', async () => {
    const resolve = fakeResolver({});
    for (const [url, reason] of [
      ['http://[::1]:8080/', /loopback/],
      ['http://[::]/', /unspecified/],
      ['http://[::ffff:127.0.0.1]/', /IPv4-mapped 127\.0\.0\.1/],
      ['http://[::ffff:7f00:1]/', /IPv4-mapped 127\.0\.0\.1/],
      ['http://[fd00::1]/', /unique-local/],
      ['http://[fe80::1]/', /link-local/],
      ['http://[ff02::1]/', /multicast/],
      ['http://[64:ff9b::10.0.0.1]/', /NAT64 for 10\.0\.0\.1/],
    ] as const) {
      await refused(url, reason, { ...strict, resolve });
    }
    const ok = await checkDestination('https://[2606:4700::1111]/hook', { ...strict, resolve });
    assert.equal(ok.ok, true);
    if (ok.ok) assert.equal(ok.url.hostname, '[2606:4700::1111]');
    assert.deepEqual(resolve.asked, []);
  });

  test('localhost and metadata host names are refused without being resolved', async () => {
    const resolve = fakeResolver({});
    for (const url of ['http://localhost:3000/', 'http://LOCALHOST./hook', 'http://api.localhost/']) await refused(url, /loopback/, { ...strict, resolve });
    await refused('http://metadata.google.internal/computeMetadata/v1/', /metadata/, { ...strict, resolve });
    await refused('http://metadata.google.internal./', /metadata/, { allowPrivate: true, resolve });
    assert.deepEqual(resolve.asked, []);
  });

  test('a host name is refused when any address it resolves to is blocked', async () => {
    const resolve = fakeResolver({
      'private.example.test': ['10.1.2.3'],
      'mixed.example.test': ['93.184.216.34', '192.168.0.10'],
      'mapped.example.test': ['::ffff:169.254.169.254'],
      'v6-local.example.test': ['2606:4700::1111', 'fd00::7'],
      'public.example.test': ['93.184.216.34', '2606:4700::1111'],
    });
    await refused('https://private.example.test/hook', /private\.example\.test resolves to 10\.1\.2\.3 is private/, { ...strict, resolve });
    await refused('https://mixed.example.test/hook', /192\.168\.0\.10/, { ...strict, resolve });
    await refused('https://mapped.example.test/hook', /metadata/, { ...strict, resolve });
    await refused('https://v6-local.example.test/hook', /unique-local/, { ...strict, resolve });
    const ok = await checkDestination('https://Public.Example.Test/hook?x=1', { ...strict, resolve });
    assert.equal(ok.ok, true);
    if (ok.ok) assert.equal(ok.url.href, 'https://public.example.test/hook?x=1');
    assert.deepEqual(resolve.asked, ['private.example.test', 'mixed.example.test', 'mapped.example.test', 'v6-local.example.test', 'public.example.test']);
  });

  test('a name that does not resolve yet is left to the send-time check', async () => {
    const check = await checkDestination('https://not-yet.example.test/', { ...strict, resolve: fakeResolver({}) });
    assert.equal(check.ok, true);
  });

  test('with allowPrivate, local destinations pass and names are not resolved', async () => {
    const resolve = fakeResolver({ 'private.example.test': ['10.1.2.3'] });
    for (const url of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://[::1]/', 'https://private.example.test/', 'http://2130706433/']) {
      assert.equal((await checkDestination(url, { allowPrivate: true, resolve })).ok, true, url);
    }
    assert.deepEqual(resolve.asked, []);
    await refused('ftp://127.0.0.1/', /http or https/, { allowPrivate: true, resolve });
  });

  test('the issue names the field it is given', async () => {
    await refused('http://10.0.0.1/', /private/, { ...strict, field: 'webhooks.0.url', resolve: fakeResolver({}) });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  test('delta-seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter(['30', '60'], now), 30);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:01:30 GMT', now), 90);
    assert.equal(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now), 0, 'a date in the past');
    assert.equal(parseRetryAfter('Wednesday, 01-Jan-25 00:00:10 GMT', now), 10);
  });
  test('anything else is null', () => {
    for (const value of [undefined, '', 'soon', '-5', '1.5', '1e3', '2025-01-01T00:01:00Z', 'Xyz, 99 Foo 2025 00:00:00 GMT']) assert.equal(parseRetryAfter(value, now), null, String(value));
  });
});

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A real HTTP receiver on a loopback address; counts connections as well as requests. */
async function startReceiver(host: '127.0.0.1' | '::1') {
  const requests: Received[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      const path = req.url!.split('?')[0];
      switch (path) {
        case '/ok':
          return res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks');
        case '/accepted':
          return res.writeHead(204).end();
        case '/fail':
          return res.writeHead(500).end('internal trouble');
        case '/redirect':
          return res.writeHead(301, { location: '/ok' }).end();
        case '/gone':
          return res.writeHead(410).end('go away');
        case '/busy-seconds':
          return res.writeHead(429, { 'retry-after': '120' }).end();
        case '/busy-date':
          return res.writeHead(503, { 'retry-after': new Date(Date.now() + 90_000).toUTCString() }).end();
        case '/busy-no-header':
          return res.writeHead(429).end();
        case '/slow':
          return void setTimeout(() => res.writeHead(200).end('too late'), 3_000).unref();
        case '/slow-body':
          res.writeHead(200).write('partial ');
          return void setTimeout(() => res.end('rest'), 3_000).unref();
        case '/big':
          return res.writeHead(200).end('x'.repeat(100 * 1024));
        case '/utf8':
          return res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('é'.repeat(3000));
        default:
          return res.writeHead(404).end();
      }
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
  return {
    port,
    origin,
    requests,
    get connections() {
      return connections;
    },
    reset() {
      requests.length = 0;
      connections = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('sendWebhook against a local receiver', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const open = { allowPrivate: true };

  before(async () => {
    receiver = await startReceiver('127.0.0.1');
  });
  after(async () => {
    await receiver.close();
    await closeSharedWebhookAgents();
  });

  test('200: ok, with the status, a latency and the response body', async () => {
    const result = await sendWebhook({ url: `${receiver.origin}/ok`, body: '{}', ...open });
    assert.equal(result.ok, true);
    assert.equal(result.status, 200);
    assert.equal(result.error, null);
    assert.equal(result.responseBody, 'thanks');
    assert.equal(result.responseTruncated, false);
    assert.equal(result.gone, false);
    assert.equal(result.refused, false);
    assert.equal(result.retryAfterSeconds, null);
    assert.ok(Number.isInteger(result.latencyMs) && result.latencyMs >= 0 && result.latencyMs < 5_000, `latency ${result.latencyMs}`);
    const empty = await sendWebhook({ url: `${receiver.origin}/accepted`, ...open });
    assert.equal(empty.ok, true);
    assert.equal(empty.status, 204);
    assert.equal(empty.responseBody, '');
  });

  test('method, headers and body arrive exactly', async () => {
    const body = JSON.stringify({ type: 'phone_number.updated', data: { number: '+14155551234', note: 'naïve ☎ 😀' } });
    const headers = {
      'content-type': 'application/json',
      'webhook-id': 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      'webhook-timestamp': '1674087231',
      'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1,abc=',
      'X-Custom': 'a value  with  spaces, and "quotes"',
    };
    for (const method of ['POST', 'PUT', 'PATCH', 'GET'] as const) {
      receiver.reset();
      const result = await sendWebhook({ url: `${receiver.origin}/ok?endpoint=ep_1&x=%2B1`, method, headers, body, ...open });
      assert.equal(result.ok, true, `${method}: ${result.error}`);
      assert.equal(receiver.requests.length, 1);
      const got = receiver.requests[0]!;
      assert.equal(got.method, method);
      assert.equal(got.url, '/ok?endpoint=ep_1&x=%2B1');
      assert.equal(got.body.toString('utf8'), body);
      assert.equal(got.headers['content-length'], String(Buffer.byteLength(body)));
      for (const [name, value] of Object.entries(headers)) assert.equal(got.headers[name.toLowerCase()], value, name);
      assert.match(String(got.headers['user-agent']), /^Switchboard-Webhooks/);
    }
    receiver.reset();
    await sendWebhook({ url: `${receiver.origin}/ok`, headers: { 'User-Agent': 'mine/1' }, body: Buffer.from([0, 1, 2, 255]), ...open });
    assert.equal(receiver.requests[0]!.headers['user-agent'], 'mine/1');
    assert.deepEqual([...receiver.requests[0]!.body], [0, 1, 2, 255]);
    assert.equal(receiver.requests[0]!.method, 'POST', 'POST by default');
  });

  test('500 is a failure with the body kept', async () => {
    const result = await sendWebhook({ url: `${receiver.origin}/fail`, ...open });
    assert.equal(result.ok, false);
    assert.equal(result.status, 500);
    assert.equal(result.error, 'HTTP 500');
    assert.equal(result.responseBody, 'internal trouble');
    assert.equal(result.retryAfterSeconds, null);
    assert.equal(result.gone, false);
  });

  test('301 is a failure and is not followed', async () => {
    receiver.reset();
    const result = await sendWebhook({ url: `${receiver.origin}/redirect`, body: 'x', ...open });
    assert.equal(result.ok, false);
    assert.equal(result.status, 301);
    assert.match(result.error ?? '', /redirects are not followed.*Location: \/ok/);
    assert.deepEqual(receiver.requests.map((r) => r.url), ['/redirect'], 'the Location was not requested');
  });

  test('410 is gone', async () => {
    const result = await sendWebhook({ url: `${receiver.origin}/gone`, ...open });
    assert.equal(result.ok, false);
    assert.equal(result.status, 410);
    assert.equal(result.gone, true);
    assert.equal(result.responseBody, 'go away');
  });

  test('Retry-After on 429 (seconds) and 503 (an HTTP date)', async () => {
    const seconds = await sendWebhook({ url: `${receiver.origin}/busy-seconds`, ...open });
    assert.equal(seconds.status, 429);
    assert.equal(seconds.ok, false);
    assert.equal(seconds.retryAfterSeconds, 120);
    const date = await sendWebhook({ url: `${receiver.origin}/busy-date`, ...open });
    assert.equal(date.status, 503);
    assert.ok(date.retryAfterSeconds !== null && date.retryAfterSeconds >= 85 && date.retryAfterSeconds <= 91, `got ${date.retryAfterSeconds}`);
    const none = await sendWebhook({ url: `${receiver.origin}/busy-no-header`, ...open });
    assert.equal(none.status, 429);
    assert.equal(none.retryAfterSeconds, null);
  });

  test('a receiver slower than the timeout is a timeout error', async () => {
    const result = await sendWebhook({ url: `${receiver.origin}/slow`, timeoutMs: 300, ...open });
    assert.equal(result.ok, false);
    assert.equal(result.status, null);
    assert.equal(result.error, 'timed out after 300 ms');
    assert.ok(result.latencyMs >= 250 && result.latencyMs < 2_500, `latency ${result.latencyMs}`);
  });

  test('a body that stalls after the status keeps the status and what arrived', async () => {
    const result = await sendWebhook({ url: `${receiver.origin}/slow-body`, timeoutMs: 300, ...open });
    assert.equal(result.ok, true);
    assert.equal(result.status, 200);
    assert.equal(result.responseBody, 'partial ');
    assert.equal(result.responseTruncated, true);
    assert.ok(result.latencyMs < 2_500);
  });

  test('a 100 KiB response is truncated to 4 KiB', async () => {
    const result = await sendWebhook({ url: `${receiver.origin}/big`, ...open });
    assert.equal(result.ok, true);
    assert.equal(RESPONSE_BODY_LIMIT, 4096);
    assert.equal(result.responseBody, 'x'.repeat(4096));
    assert.equal(result.responseTruncated, true);
  });

  test('truncation never splits a UTF-8 character', async () => {
    const result = await sendWebhook({ url: `${receiver.origin}/utf8`, ...open });
    assert.equal(result.responseBody, 'é'.repeat(2048));
    assert.ok(Buffer.byteLength(result.responseBody) <= 4096);
    assert.ok(!result.responseBody.includes('\uFFFD'));
  });

  test('a closed port is a connection error, not a throw', async () => {
    const spare = await startReceiver('127.0.0.1');
    const url = `${spare.origin}/ok`;
    await spare.close();
    const result = await sendWebhook({ url, ...open });
    assert.equal(result.ok, false);
    assert.equal(result.status, null);
    assert.match(result.error ?? '', /ECONNREFUSED/);
    assert.equal(result.refused, false);
  });

  test('headers with CR or LF, bad names or transport headers are a programming error', async () => {
    receiver.reset();
    const url = `${receiver.origin}/ok`;
    const bad: Record<string, string>[] = [{ 'x-a': 'b\r\nx-injected: 1' }, { 'x-a': 'b\nc' }, { 'x-a': 'b\rc' }, { 'x-a\r\nx-b': 'c' }, { 'bad name': 'x' }, { '': 'x' }, { host: 'internal' }, { 'Transfer-Encoding': 'chunked' }, { 'content-length': '1' }];
    for (const headers of bad) {
      await assert.rejects(sendWebhook({ url, headers, ...open }), TypeError, JSON.stringify(headers));
    }
    await assert.rejects(sendWebhook({ url, method: 'DELETE' as 'POST', ...open }), TypeError);
    assert.equal(receiver.connections, 0);
  });

  test('a URL that is not http(s) or has credentials comes back refused', async () => {
    for (const url of ['ftp://127.0.0.1/', 'not a url', `http://u:p@127.0.0.1:${receiver.port}/ok`]) {
      const result = await sendWebhook({ url, ...open });
      assert.equal(result.ok, false);
      assert.equal(result.refused, true, url);
      assert.match(result.error ?? '', /^destination refused/);
    }
  });

  test('localhost is resolved and reached when private addresses are allowed', async () => {
    receiver.reset();
    const result = await sendWebhook({ url: `http://localhost:${receiver.port}/ok`, ...open });
    assert.equal(result.ok, true, String(result.error));
    assert.equal(receiver.requests.length, 1);
  });
});

describe('sendWebhook refuses blocked destinations at connection time', () => {
  let v4: Awaited<ReturnType<typeof startReceiver>>;
  let v6: Awaited<ReturnType<typeof startReceiver>>;
  before(async () => {
    v4 = await startReceiver('127.0.0.1');
    v6 = await startReceiver('::1');
  });
  after(async () => {
    await v4.close();
    await v6.close();
    await closeSharedWebhookAgents();
  });

  function assertRefused(result: Awaited<ReturnType<typeof sendWebhook>>, reason: RegExp) {
    assert.equal(result.ok, false);
    assert.equal(result.status, null);
    assert.equal(result.refused, true);
    assert.match(result.error ?? '', /^destination refused: /);
    assert.match(result.error ?? '', reason);
  }

  test('loopback literals, in every spelling: the receiver gets no connection at all', async () => {
    const urls = [
      [`${v4.origin}/ok`, /127\.0\.0\.1 is loopback/],
      [`http://2130706433:${v4.port}/ok`, /127\.0\.0\.1 is loopback/],
      [`http://0x7f.1:${v4.port}/ok`, /127\.0\.0\.1 is loopback/],
      [`http://[::ffff:127.0.0.1]:${v4.port}/ok`, /IPv4-mapped 127\.0\.0\.1/],
      [`${v6.origin}/ok`, /::1 is loopback/],
    ] as const;
    for (const [url, reason] of urls) assertRefused(await sendWebhook({ url, body: 'x', allowPrivate: false }), reason);
    for (const [url, reason] of urls) assertRefused(await sendWebhook({ url, body: 'x' }), reason); // off by default
    // The attempt's error says which setting lifts the refusal.
    assert.match((await sendWebhook({ url: `${v4.origin}/ok`, body: 'x' })).error ?? '', /loopback \(SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE=true allows private and local destinations\)$/);
    assert.equal(v4.connections, 0);
    assert.equal(v6.connections, 0);
    assert.equal(v4.requests.length + v6.requests.length, 0);
  });

  test('localhost by name is refused, unresolved', async () => {
    assertRefused(await sendWebhook({ url: `http://localhost:${v4.port}/ok`, allowPrivate: false }), /localhost is loopback/);
    assert.equal(v4.connections, 0);
  });

  test('a name is judged on the address it resolves to when connecting (no DNS rebinding)', async () => {
    // At save time the name pointed to a public address; by send time it points to loopback.
    let answer = ['93.184.216.34'];
    const resolve: Resolver = async () => answer;
    const saved = await checkDestination(`http://rebind.example.test:${v4.port}/ok`, { allowPrivate: false, resolve });
    assert.equal(saved.ok, true);
    answer = ['127.0.0.1'];
    const agent = createWebhookAgent({ allowPrivate: false, resolve });
    try {
      assertRefused(await sendWebhook({ url: `http://rebind.example.test:${v4.port}/ok`, agent }), /rebind\.example\.test resolves to 127\.0\.0\.1 is loopback/);
      // (A public answer mixed with a private one is refused too, but is only tested at save
      // time: a faulty guard must not be able to send traffic off the machine.)
      answer = ['::ffff:7f00:1'];
      assertRefused(await sendWebhook({ url: `http://rebind.example.test:${v4.port}/ok`, agent }), /IPv4-mapped 127\.0\.0\.1/);
      answer = ['::1'];
      assertRefused(await sendWebhook({ url: `http://rebind.example.test:${v6.port}/ok`, agent }), /::1 is loopback/);
    } finally {
      await agent.close();
    }
    assert.equal(v4.connections + v6.connections, 0);
  });

  test('metadata names are refused even with private addresses allowed', async () => {
    const resolve = fakeResolver({ 'metadata.google.internal': ['127.0.0.1'] });
    const agent = createWebhookAgent({ allowPrivate: true, resolve });
    try {
      const refused = await sendWebhook({ url: `http://metadata.google.internal:${v4.port}/ok`, agent });
      assertRefused(refused, /metadata/);
      assert.doesNotMatch(refused.error ?? '', /SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE/, 'no setting lifts a metadata refusal');
    } finally {
      await agent.close();
    }
    assert.deepEqual(resolve.asked, []);
    assert.equal(v4.connections, 0);
  });

  test('the same agent policy with private allowed connects to the resolved address', async () => {
    const resolve = fakeResolver({ 'hooks.example.test': ['127.0.0.1'], 'hooks6.example.test': ['::1'] });
    const agent = createWebhookAgent({ allowPrivate: true, resolve });
    try {
      const result = await sendWebhook({ url: `http://hooks.example.test:${v4.port}/ok`, agent, body: 'hello' });
      assert.equal(result.ok, true, String(result.error));
      assert.equal(v4.requests.length, 1);
      assert.equal(v4.requests[0]!.headers.host, `hooks.example.test:${v4.port}`);
      const six = await sendWebhook({ url: `http://hooks6.example.test:${v6.port}/ok`, agent });
      assert.equal(six.ok, true, String(six.error));
      assert.equal(v6.requests.length, 1);
      const bracketed = await sendWebhook({ url: `${v6.origin}/ok`, agent });
      assert.equal(bracketed.ok, true, String(bracketed.error));
      const unknown = await sendWebhook({ url: `http://nowhere.example.test:${v4.port}/ok`, agent });
      assert.equal(unknown.ok, false);
      assert.equal(unknown.refused, false);
      assert.match(unknown.error ?? '', /ENOTFOUND/);
    } finally {
      await agent.close();
    }
  });
});

describe('SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE', () => {
  test('false by default; true and false read in any case', () => {
    assert.equal(loadConfig({}).webhookAllowPrivate, false);
    assert.equal(loadConfig({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: '' }).webhookAllowPrivate, false);
    assert.equal(loadConfig({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhookAllowPrivate, true);
    assert.equal(loadConfig({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: ' TRUE ' }).webhookAllowPrivate, true);
    assert.equal(loadConfig({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'false' }).webhookAllowPrivate, false);
    assert.equal(loadConfig({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'False' }).webhookAllowPrivate, false);
  });

  test('any other value is refused, naming the variable', () => {
    for (const value of ['yes', '1', '0', 'on', 'no', 'truthy', 't']) {
      assert.throws(
        () => loadConfig({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: value }),
        (err: unknown) => err instanceof ConfigError && err.message.includes('SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE'),
        value,
      );
    }
  });
});
