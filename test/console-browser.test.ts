// The console in a real browser (Chromium through playwright-core) against a real server on
// SQLite or Postgres: the main journeys of an operator, each checked through the API as well.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { createKey, createTestApp, type TestApp } from './helpers/app.ts';
import { browserMissing, launchBrowser, screenshot, type Browser } from './helpers/browser.ts';
import { WebhookReceiver } from './helpers/webhook-receiver.ts';
import { closeSharedWebhookAgents } from '../src/webhooks/sender.ts';
import { DeliveryWorker } from '../src/webhooks/worker.ts';

const missing = browserMissing();
if (missing && process.env.CI) {
  test('the console in a real browser', () => assert.fail(`CI must run the browser tests: ${missing}`));
} else if (missing) {
  test('the console in a real browser', (t) => t.skip(missing));
} else {
  describe('the console in a real browser', () => {
    let t: TestApp;
    let base: string;
    let browser: Browser;
    let page: Page;
    let receiver: WebhookReceiver;
    let worker: DeliveryWorker;
    const ids: Record<string, string> = {};
    const pageErrors: string[] = [];
    const api = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) => {
      const res = await t.request(method, url, body);
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };

    async function signIn(key: string) {
      await page.goto(`${base}/`);
      await page.getByLabel('API key').fill(key);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Numbers', level: 1 }).waitFor();
    }

    before(async () => {
      // One attempt per delivery, so a failure is final until someone retries it.
      t = await createTestApp({ SWITCHBOARD_WEBHOOK_ALLOW_PRIVATE: 'true', SWITCHBOARD_WEBHOOK_RETRY_SCHEDULE: '0', SWITCHBOARD_WEBHOOK_POLL_INTERVAL: '100ms' });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      receiver = await new WebhookReceiver().start();
      worker = new DeliveryWorker(t.runtime.core.delivery, { concurrency: 4, pollMs: 50 }).start();
      ids.frontDesk = (await api('POST', '/v1/agents', { name: 'Front desk' })).id;
      ids.nightShift = (await api('POST', '/v1/agents', { name: 'Night shift' })).id;
      await api('POST', '/v1/workflows', { name: 'Overflow queue', description: 'When every agent is busy' });
      const items = Array.from({ length: 60 }, (_, i) => ({ number: `+1415555${String(1000 + i)}`, friendly_name: i === 17 ? 'Reception desk' : `Support line ${i}`, inbound_agent_id: ids.frontDesk }));
      for (const item of items) await api('POST', '/v1/phone-numbers', item);
      ids.reception = (await api('GET', '/v1/phone-numbers/%2B14155551017')).id;
      browser = await launchBrowser();
      page = browser.page;
      page.on('pageerror', (e) => pageErrors.push(e.message));
      // The browser logs a refused 4xx as a console error: those are the journeys' own; anything else is not.
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) pageErrors.push(m.text());
      });
      await browser.context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.blockedURI} (${e.violatedDirective})`));
      });
    });
    after(async () => {
      await browser?.close();
      await worker?.stop(1000);
      await receiver?.close();
      await t?.close();
      await closeSharedWebhookAgents();
    });

    test('sign in with an API key: kept in session storage, never in the address or a log', async () => {
      await page.goto(`${base}/numbers`);
      await page.getByLabel('API key').waitFor();
      await screenshot(page, 'sign-in');
      await page.getByLabel('API key').fill('sb_wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: '401' }).waitFor();
      await signIn(t.key);
      assert.ok(!page.url().includes(t.key), page.url());
      const stored = await page.evaluate(() => sessionStorage.getItem('switchboard.session') ?? '');
      assert.ok(stored.includes(t.key), 'the key is in session storage');
      assert.equal(await page.evaluate(() => localStorage.length + document.cookie.length), 0, 'nothing in local storage or cookies');
      assert.ok(!t.logs.some((line) => line.includes(t.key)), 'the key is in no log line');
      await page.getByRole('table', { name: 'Phone numbers' }).getByRole('row').nth(50).waitFor();
      assert.equal(await page.getByRole('table', { name: 'Phone numbers' }).getByRole('row').count(), 51, 'a page of 50 and the header');
      await screenshot(page, 'numbers');
    });

    test('find a number: search by name or by the start of the number, then page with the cursor', async () => {
      const table = page.getByRole('table', { name: 'Phone numbers' });
      await page.getByLabel('Search').fill('reception');
      await page.getByLabel('Search').press('Enter');
      await table.getByRole('link', { name: '+14155551017' }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Phone numbers"] tbody tr').length === 1);
      await page.getByLabel('Search').fill('+1 415 555 104');
      await page.getByLabel('Search').press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Phone numbers"] tbody tr').length === 10);
      assert.match(page.url(), /q=%2B1\+415\+555\+104|q=\+1/, 'filters live in the address, so a link keeps them');
      await page.getByLabel('Search').fill('');
      await page.getByLabel('Search').press('Enter');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Page 2').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Phone numbers"] tbody tr').length === 10);
      await page.getByRole('button', { name: 'Previous' }).click();
      await page.getByText('Page 1').waitFor();
    });

    test('change a number\'s agent on its page and see the change through the API', async () => {
      await page.goto(`${base}/numbers?q=reception`);
      await page.getByRole('link', { name: '+14155551017' }).click();
      await page.getByRole('heading', { name: '+14155551017' }).waitFor();
      await page.getByRole('tab', { name: 'Routing' }).waitFor();
      await page.getByLabel('Inbound agent').selectOption({ label: 'Night shift' });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await page.getByTestId('target-in-force').filter({ hasText: 'Agent: Night shift' }).waitFor();
      const number = await api('GET', `/v1/phone-numbers/${ids.reception}`);
      assert.equal(number.inbound_agent_id, ids.nightShift);
      assert.equal(number.version, 2);
      await screenshot(page, 'number');
    });

    test('the API\'s validation errors show on the fields they name; a stale version is refused plainly', async () => {
      await page.getByRole('tab', { name: 'Call handler' }).click();
      await page.getByLabel('Handler', { exact: true }).selectOption('laml_webhooks');
      await page.getByRole('button', { name: 'Save' }).click();
      const url = page.getByLabel('Request URL');
      await page.locator('.field-error').getByText('is required when call_handler.type is "laml_webhooks"').waitFor();
      assert.equal(await url.getAttribute('aria-invalid'), 'true');
      const describedBy = (await url.getAttribute('aria-describedby')) ?? '';
      assert.match(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText(), /is required/, 'the message is tied to the field');
      await screenshot(page, 'number-errors');
      // Someone else changes the number: this page still holds version 2.
      await api('PATCH', `/v1/phone-numbers/${ids.reception}`, { friendly_name: 'Reception (renamed elsewhere)' });
      await url.fill('https://example.com/voice');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('alert').filter({ hasText: 'Changed by someone else (412)' }).waitFor();
      assert.equal((await api('GET', `/v1/phone-numbers/${ids.reception}`)).call_handler.type, null, 'nothing written');
    });

    test('bulk edit: route the selected numbers to another agent in one request', async () => {
      await page.goto(`${base}/numbers?q=%2B141555510`);
      await page.getByLabel('Select +14155551001').check();
      await page.getByLabel('Select +14155551002').check();
      await page.getByRole('heading', { name: 'Change 2 selected numbers' }).waitFor();
      await page.getByLabel('To', { exact: true }).selectOption({ label: 'Night shift' });
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText('Preview: 2 would change').waitFor();
      assert.equal((await api('GET', '/v1/phone-numbers/%2B14155551001')).inbound_agent_id, ids.frontDesk, 'a preview writes nothing');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('2 changed').waitFor();
      for (const n of ['%2B14155551001', '%2B14155551002']) assert.equal((await api('GET', `/v1/phone-numbers/${n}`)).inbound_agent_id, ids.nightShift);
      assert.equal((await api('GET', '/v1/phone-numbers/%2B14155551003')).inbound_agent_id, ids.frontDesk);
      await screenshot(page, 'numbers-bulk');
    });

    test('a webhook delivery fails (the receiver answers 500), is retried from the console, and succeeds', async () => {
      let failing = true;
      receiver.respond = () => (failing ? { status: 500, body: 'receiver down for maintenance' } : { status: 204 });
      const endpoint = await api('POST', '/v1/webhook-endpoints', { url: receiver.url('/hooks'), event_types: ['phone_number.updated'], description: 'CRM sync' });
      receiver.trust('/hooks', endpoint.secret);
      await api('PATCH', `/v1/phone-numbers/${ids.reception}`, { friendly_name: 'Reception' });
      await receiver.waitFor(() => receiver.received.length === 1, 20_000, 'the first attempt');

      await page.goto(`${base}/webhooks`);
      await page.getByRole('link', { name: receiver.url('/hooks') }).click();
      const failed = page.locator('tr[data-status="failed"]');
      await failed.waitFor();
      assert.match(await failed.innerText(), /phone_number\.updated[\s\S]*500/);
      await failed.getByRole('button', { name: 'Attempts' }).click();
      await page.getByRole('table', { name: 'Attempts' }).getByText('receiver down for maintenance').waitFor();
      await screenshot(page, 'webhook-deliveries');

      failing = false;
      await failed.getByRole('button', { name: 'Retry' }).click();
      await page.locator('tr[data-status="succeeded"]').waitFor({ timeout: 20_000 });
      assert.equal(receiver.received.length, 2);
      assert.equal(receiver.received[1]!.webhookId, receiver.received[0]!.webhookId, 'a retry keeps the webhook-id');
      assert.ok(receiver.received.every((r) => r.verified), 'signed with the endpoint\'s secret');
      const deliveries = await api('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`);
      assert.deepEqual(deliveries.data.map((d: { status: string }) => d.status), ['succeeded']);

      await page.getByRole('button', { name: 'Send a test event' }).click();
      await page.getByRole('status').filter({ hasText: 'Test event delivered: 204' }).waitFor();
      await page.getByRole('button', { name: 'Rotate secret' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Rotate' }).click();
      const secret = await page.getByLabel('New signing secret').inputValue();
      assert.match(secret, /^whsec_/);
      assert.notEqual(secret, endpoint.secret);
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
    });

    test('API keys: a new key\'s secret is shown once; the audit log shows the newest first, by object', async () => {
      await page.goto(`${base}/keys`);
      await page.getByRole('button', { name: 'New key' }).click();
      await page.getByLabel('Name').fill('read-only agents');
      await page.getByRole('checkbox', { name: 'numbers:read' }).check();
      await page.getByRole('checkbox', { name: 'agents:read' }).check();
      await page.getByRole('button', { name: 'Create key' }).click();
      ids.limitedKey = await page.getByLabel('API key “read-only agents”').inputValue();
      assert.match(ids.limitedKey, /^sb_/);
      const listed = (await api('GET', '/v1/api-keys?limit=200')).data.find((k: { name: string }) => k.name === 'read-only agents');
      assert.deepEqual(listed.scopes, ['numbers:read', 'agents:read']);
      await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
      await screenshot(page, 'keys');

      await page.goto(`${base}/audit?object_id=${ids.reception}`);
      const rows = page.getByRole('table', { name: 'Events, newest first' }).locator('tbody tr');
      await rows.first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Events, newest first"] tbody tr').length === 4);
      const times = await rows.locator('td:nth-child(1)').allInnerTexts();
      const types = await rows.locator('td:nth-child(2)').allInnerTexts();
      const oldestFirst = (await api('GET', `/v1/events?order=asc&object_id=${ids.reception}`)).data.map((e: { type: string }) => e.type);
      assert.deepEqual(types, [...oldestFirst].reverse());
      assert.equal(types.at(-1), 'phone_number.created');
      assert.ok(times.length === 4);
      await rows.first().getByRole('button', { name: 'Changes' }).click();
      await page.getByRole('table', { name: 'Changed fields' }).getByRole('cell', { name: 'friendly_name' }).waitFor();
      assert.match(await page.getByRole('table', { name: 'Changed fields' }).innerText(), /Reception \(renamed elsewhere\)[\s\S]*"Reception"/);
      await screenshot(page, 'audit');
    });

    test('a key without agents:write sees editing disabled; a page it may not read shows the 403 plainly', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(ids.limitedKey!);
      const nav = page.getByRole('navigation', { name: 'Main' });
      assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['Numbers', 'Agents', 'API docs'], 'only what the key may read');
      assert.equal(await page.getByLabel('Select +14155551000').count(), 0, 'no bulk selection without numbers:write');
      await nav.getByRole('link', { name: 'Agents' }).click();
      await page.getByText('This key cannot create or change agents: it needs the agents:write scope.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'New agent' }).count(), 0);
      await page.getByRole('link', { name: 'Night shift' }).click();
      await page.getByLabel('Name (required)').waitFor();
      assert.equal(await page.getByLabel('Name (required)').isDisabled(), true);
      assert.equal(await page.getByRole('button', { name: 'Save' }).isDisabled(), true);
      await screenshot(page, 'agent-read-only');
      await page.goto(`${base}/keys`);
      const refusal = page.getByRole('alert').filter({ hasText: 'Not allowed with this key (403)' });
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /keys:read/);
      await screenshot(page, 'forbidden');
      assert.equal(await page.evaluate(() => document.cookie), '');
    });

    test('the console fits a phone: the nav folds behind a menu button', async () => {
      const phone = await launchBrowser({ width: 390, height: 844 });
      try {
        await phone.page.goto(`${base}/`);
        await phone.page.getByLabel('API key').fill(t.key);
        await phone.page.getByLabel('API key').press('Enter');
        await phone.page.getByRole('heading', { name: 'Numbers', level: 1 }).waitFor();
        const nav = phone.page.getByRole('navigation', { name: 'Main' });
        assert.equal(await nav.isVisible(), false);
        await phone.page.getByRole('button', { name: 'Menu' }).click();
        await nav.getByRole('link', { name: 'Webhooks' }).click();
        await phone.page.getByRole('heading', { name: 'Webhook endpoints' }).waitFor();
        const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
        await screenshot(phone.page, 'phone');
      } finally {
        await phone.close();
      }
    });

    test('no page threw, and the CSP refused nothing', () => {
      assert.deepEqual(pageErrors, []);
    });
  });
}
