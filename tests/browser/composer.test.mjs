// The composer as a person uses it, in Chromium, against `timpush serve`: credentials from the
// sandbox, tags typed through the IME and pasted, preview and checks following the form, a broken
// rule named by its code, a push accepted with a TaskId, a wrong key explained as 70009, and no
// request ever carrying the SecretKey.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './helpers.mjs';

let server;
let s;
let sandboxKey;

before(async () => {
  server = await startServer();
  // The demo key as the sandbox hands it to the page; a leak check needs to know it.
  const app = await (await fetch(new URL('sandbox/app', server.url))).json();
  sandboxKey = app.key;
  s = await openPage({ server });
});
after(async () => {
  if (s) await s.close();
  if (server) await server.stop();
});


// Clicks the first visible item matching `pred` (for labels that carry a changing count).
async function clickWhere(pred, what) {
  const item = (await s.items()).find((it) => !it.isWindow && it.visible && pred(it));
  assert.ok(item, `no visible item for ${what}`);
  // Hover, press and release in separate frames, as a hand does (tabs select on press).
  await s.page.mouse.move(item.x + Math.min(item.w / 2, 40), item.y + item.h / 2);
  await s.nextFrame();
  await s.page.mouse.down();
  await s.nextFrame();
  await s.page.mouse.up();
  await s.nextFrame();
  await s.nextFrame();
  return item;
}

async function pushRequests() {
  return s.requests.filter((r) => r.url.includes('/v4/timpush/push'));
}

test('the sandbox demo app fills the credentials, ready to send', async () => {
  assert.equal(typeof sandboxKey, 'string', 'timpush serve runs with a generated demo key');
  const text = await s.waitForText('press Send');
  assert.match(text, /1400000000|SDKAppID/);
  assert.ok(!text.includes(sandboxKey), 'the masked SecretKey field does not show the key');
  await s.screenshot('composer-1-loaded');
});

test('tags typed through the IME and pasted show in the preview', async () => {
  await s.click('Tags');
  await s.typeInto('##new TagsAnd', '会员vip');
  await s.click('Add##TagsAnd');
  await s.click('##new TagsOr');
  await s.paste('北京');
  await s.click('Add##TagsOr');
  const text = await s.waitForText('"北京"');
  assert.ok(text.includes('"会员vip"'), 'the IME tag is in the preview');
  assert.ok(text.includes('"TagsAnd"') && text.includes('"TagsOr"'));
  await s.screenshot('composer-2-tags');
});

test('a broken rule shows its code, blocks Send, and leads to its field', async () => {
  const before = (await pushRequests()).length;
  await s.click('##new TagsAnd');
  await s.paste('x'.repeat(51));
  await s.click('Add##TagsAnd');
  // reference.md section 2: a tag longer than 50 bytes is 90020.
  await s.waitForText('90020');
  await clickWhere((it) => it.idLabel.endsWith('###Checks'), 'the Checks tab');
  await s.screenshot('composer-3-checks');
  await s.click('Send');
  await s.nextFrame();
  assert.equal((await pushRequests()).length, before, 'Send is disabled while an error exists');

  // Clicking the issue puts the cursor into the offending tag; typing there fixes it.
  await clickWhere((it) => it.idLabel.startsWith('90020') && it.idLabel.endsWith('##issue'), 'the 90020 issue');
  await s.page.waitForFunction(() => window.timpush.textActive(), null, { timeout: 5000, polling: 25 });
  await s.page.keyboard.press('Control+A');
  await s.nextFrame();
  await s.typeText('short');
  await s.page.keyboard.press('Enter');
  const after = await s.waitForText(/Checks \(0\//);
  assert.ok(!after.includes('90020'));
});

test('Send reaches the sandbox and shows the TaskId', async () => {
  const before = (await pushRequests()).length;
  await s.click('Send');
  const text = await s.waitForText(/TaskId[\s\S]*[0-9a-f]+_[0-9a-f]+_[0-9a-f]+/);
  assert.match(text, /Accepted/);
  const sent = await pushRequests();
  assert.equal(sent.length, before + 1, 'one push request');
  const body = JSON.parse(sent.at(-1).postData);
  assert.deepEqual(body.Condition.TagsAnd, ['会员vip', 'short']);
  // The page opens on the product document's TagsOr example (股票A, 股票B); 北京 was added to it.
  assert.deepEqual(body.Condition.TagsOr, ['股票A', '股票B', '北京']);
  await s.screenshot('composer-4-sent');
});

test('a wrong key is explained as 70009 with its fix', async () => {
  await s.click('SecretKey');
  await s.page.waitForFunction(() => window.timpush.textActive(), null, { timeout: 5000, polling: 25 });
  await s.page.keyboard.press('Control+A');
  await s.nextFrame();
  await s.typeText('wrong-key-0123456789');
  await s.page.keyboard.press('Enter');
  // The sandbox wants pushes at least 1 s apart (90024); let that pass first.
  await new Promise((r) => setTimeout(r, 1100));
  await s.click('Send');
  const text = await s.waitForText('70009');
  assert.match(text, /Fix:/);
  await s.screenshot('composer-5-70009');
});

test('no request ever carried a SecretKey', async () => {
  assert.ok(s.requests.length > 0);
  for (const r of s.requests) {
    for (const key of [sandboxKey, 'wrong-key-0123456789']) {
      assert.ok(!r.url.includes(key), `key in URL ${r.url}`);
      assert.ok(!(r.postData || '').includes(key), `key in body of ${r.url}`);
    }
  }
  assert.deepEqual(s.errors(), []);
});
