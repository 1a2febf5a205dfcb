// The operator's secrets in Chromium against `timpush serve`: a typed SecretKey (masked or shown)
// and a pasted UserSig never reach the automation hook (state, items, allItems, pageText); a share
// link's target is marked in the Credentials panel; the first send to a host this device has not
// sent to asks first, naming it, and Escape backs out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './helpers.mjs';

let server;

before(async () => {
  server = await startServer();
});
after(async () => {
  if (server) await server.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForText(session, needle, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    text = await session.pageText();
    if (text.includes(needle)) return text;
    await sleep(50);
  }
  throw new Error(`page never showed ${needle}; last text:\n${text.slice(0, 2000)}`);
}

// Everything the hook can tell a script, as one string.
async function hookText(s) {
  const state = await s.state();
  const items = await s.items();
  const all = await s.page.evaluate(() => window.timpush.allItems());
  const text = await s.pageText();
  return { state: JSON.stringify(state), items: JSON.stringify(items), all: JSON.stringify(all), text };
}

async function assertHidden(s, secret, when) {
  const seen = await hookText(s);
  for (const [where, value] of Object.entries(seen)) {
    assert.ok(!value.includes(secret), `${when}: the secret shows in ${where}`);
  }
}

const pushes = (s) => s.requests.filter((r) => r.method === 'POST' && r.url.includes('/v4/timpush/push'));

test('no secret field is visible to window.timpush, masked or shown', async () => {
  const s = await openPage({ server });
  try {
    await waitForText(s, 'press Send');
    const key = 'Typed-SECRET-key-9fQ2';
    // Replaces the sandbox's key (fill() cannot be used: it reads the field back through the hook).
    await s.click('SecretKey');
    await s.page.waitForFunction(() => window.timpush.textActive(), null, { timeout: 5000, polling: 25 });
    await s.page.keyboard.press('Control+A');
    await s.nextFrame();
    await s.typeText(key);
    assert.equal((await s.state()).activeText, null, 'the masked field being edited');
    await assertHidden(s, key, 'masked, being edited');
    await s.page.keyboard.press('Enter');
    await s.nextFrame();
    await assertHidden(s, key, 'masked');

    await s.click('Show##key');
    await s.click('SecretKey');
    await s.page.keyboard.press('End');
    await s.typeText('-more');
    assert.equal((await s.state()).activeText, null, 'the shown field being edited');
    await assertHidden(s, key, 'shown, being edited');
    await s.page.keyboard.press('Enter');
    await s.nextFrame();
    await assertHidden(s, key, 'shown');

    const usersig = 'eJyPASTED-usersig-Wq81-not-real';
    await s.click('Paste a UserSig');
    await s.click('UserSig to use');
    await s.paste(usersig);
    await s.nextFrame();
    assert.equal((await s.state()).activeText, null, 'the pasted UserSig being edited');
    await assertHidden(s, usersig, 'pasted, being edited');
    await s.page.mouse.click(5, 790);  // click away
    await s.nextFrame();
    await assertHidden(s, usersig, 'pasted');
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});

test('a share link target is marked, and the first send to a new host asks first', async () => {
  const s = await openPage({ server });
  let other;
  try {
    await waitForText(s, 'press Send');
    // The page's own server under another name: another host for the browser and for the page.
    const port = new URL(server.url).port;
    const host = `localhost:${port}`;
    await s.click('Custom URL');
    await s.fill('Base URL', `http://${host}/sandbox`);
    await s.click('Copy share link');
    await sleep(200);
    const link = await s.readClipboard();
    assert.match(link, /#draft=/);

    other = await openPage({ server, path: new URL(link).hash });
    await waitForText(other, 'From a share link');
    const text = await other.pageText();
    assert.ok(text.includes(host), 'the mark names the host');
    await other.screenshot('secrets-1-credentials-share-mark');

    // The sandbox hands its key to a page that targets it; this one targets the link's host.
    const app = await (await fetch(new URL('sandbox/app', server.url))).json();
    await other.click('SecretKey');
    await other.page.waitForFunction(() => window.timpush.textActive(), null, { timeout: 5000, polling: 25 });
    await other.page.keyboard.type(app.key);
    await other.page.keyboard.press('Enter');
    await other.nextFrame();
    const before = pushes(other).length;
    await other.click('Send');
    await waitForText(other, 'First send to this host');
    assert.ok((await other.pageText()).includes(host), 'the confirmation names the host');
    await other.screenshot('secrets-2-first-send-confirmation');
    await other.page.keyboard.press('Escape');
    await other.nextFrame();
    await other.nextFrame();
    assert.ok(!(await other.pageText()).includes('First send to this host'), 'Escape closes it');
    assert.equal(pushes(other).length, before, 'nothing sent');

    await other.click('Send');
    await waitForText(other, 'First send to this host');
    await other.click('Send to this host');
    await sleep(300);
    const hosts = await other.page.evaluate(() => localStorage.getItem('timpush.sent_hosts'));
    assert.ok(hosts && JSON.parse(hosts).includes(host), `the host is remembered: ${hosts}`);

    // Sent there once: the next send does not ask.
    await sleep(1200);
    await other.click('Send');
    await other.nextFrame();
    await other.nextFrame();
    assert.ok(!(await other.pageText()).includes('First send to this host'), 'no second confirmation');

    // The sandbox on the page's own origin never asks.
    await s.click('Sandbox');
    await s.click('Send');
    await s.nextFrame();
    await s.nextFrame();
    assert.ok(!(await s.pageText()).includes('First send to this host'), 'the sandbox does not ask');
  } finally {
    if (other) await other.close();
    await s.close();
  }
});
