// Nothing lost, nothing sent twice, in Chromium against `timpush serve`: a reload keeps the draft;
// the key stays out of localStorage unless "remember" is ticked; an all-user push waits for the
// typed SDKAppID; a double click on Send sends once; history survives a reload; a share link
// opens the draft, sends nothing, and carries no key or UserSig.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPage, startServer } from './helpers.mjs';

let server;
let s;
let app;

before(async () => {
  server = await startServer();
  app = await (await fetch(new URL('sandbox/app', server.url))).json();
  s = await openPage({ server });
});
after(async () => {
  if (s) await s.close();
  if (server) await server.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForText(session, needle, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    text = await session.pageText();
    if (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) return text;
    await sleep(50);
  }
  throw new Error(`page never showed ${needle}; last text:\n${text.slice(0, 2000)}`);
}

async function reload(session) {
  await session.page.reload({ waitUntil: 'load' });
  await session.page.waitForFunction(() => window.timpush && window.timpush.firstFrameMs() !== null,
    null, { timeout: 20000, polling: 25 });
}

// Every key and value of the page's localStorage, as one list of strings.
async function storageStrings(session) {
  return session.page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out.push(k, localStorage.getItem(k));
    }
    return out;
  });
}

const pushes = (session) => session.requests.filter((r) => r.method === 'POST' && r.url.includes('/v4/timpush/push'));

test('a reload keeps the draft', async () => {
  await waitForText(s, 'press Send');
  await s.fill('Title', 'Kept across reloads');
  await sleep(1300);  // autosave within a second of the edit
  await reload(s);
  await s.click('Raw JSON');
  const text = await waitForText(s, 'Kept across reloads');
  assert.match(text, /TagsOr/, 'the default draft is the targeted TagsOr example');
  await s.screenshot('drafts-1-after-reload');
  await s.click('Form');
});

test('the key is absent from localStorage by default and present only after ticking remember', async () => {
  await waitForText(s, 'press Send');
  assert.ok(app.key && app.key.length >= 8);
  const stored = await storageStrings(s);
  assert.ok(stored.some((v) => v.includes('Kept across reloads')), 'the draft is in localStorage');
  for (const v of stored) assert.ok(!v.includes(app.key), 'no key in localStorage by default');

  await s.click('Drafts');
  await s.click('Remember the key on this device');
  await waitForText(s, "kept in this browser's storage");  // the warning
  await sleep(300);
  assert.ok((await storageStrings(s)).some((v) => v.includes(app.key)), 'key stored after ticking remember');
  await s.screenshot('drafts-2-remember');
  await s.click('Remember the key on this device');
  await sleep(300);
  for (const v of await storageStrings(s)) assert.ok(!v.includes(app.key), 'unticking takes the key out');
});

test('a double click on Send sends once', async () => {
  const before = pushes(s).length;
  const send = await s.itemByLabel('Send');
  await s.page.mouse.dblclick(send.x + send.w / 2, send.y + send.h / 2);
  await waitForText(s, /TaskId[\s\S]*[0-9a-f]+_[0-9a-f]+_[0-9a-f]+/);
  await s.screenshot('drafts-3-sent-countdown');
  await sleep(1500);
  assert.equal(pushes(s).length, before + 1, 'one POST for a double click');
});

test('history survives a reload', async () => {
  const text = await s.pageText();
  const taskId = text.match(/[0-9a-f]+_[0-9a-f]+_[0-9a-f]+_[0-9a-f]+_[0-9a-f]+/);
  assert.ok(taskId, 'a TaskId is shown');
  await reload(s);
  await s.click('History');
  const after = await waitForText(s, taskId[0]);
  assert.match(after, /HTTP 200/);
  await s.screenshot('drafts-4-history');
});

test('history exports as a JSON file and imports back without duplicates', async () => {
  const downloading = s.page.waitForEvent('download', { timeout: 10000 });
  await s.click('Export');
  const download = await downloading;
  assert.equal(download.suggestedFilename(), 'timpush-history.json');
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  const exported = JSON.parse(text);
  assert.equal(exported.format, 'timpush-history');
  assert.equal(exported.entries.length, 1);
  assert.match(exported.entries[0].task_id, /_/);
  assert.ok(!text.includes(app.key), 'no key in the exported file');
  assert.ok(!/usersig=[^*&"]/i.test(text), 'no UserSig in the exported file');

  const choosing = s.page.waitForEvent('filechooser', { timeout: 10000 });
  await s.click('Import');
  const chooser = await choosing;
  await chooser.setFiles(file);
  const after = await waitForText(s, /Imported 0 entries \(1 already here/);
  assert.ok(after);
});

test('an all-user push is blocked until the SDKAppID is typed', async () => {
  await s.click('Form');
  await s.click('All users');
  await sleep(1100);
  const before = pushes(s).length;
  await s.click('Send');
  await waitForText(s, 'reaches every user');
  await s.click('Send to everyone');  // disabled: nothing typed
  await sleep(300);
  assert.equal(pushes(s).length, before, 'no push before the SDKAppID is typed');
  await s.typeInto('##confirm sdkappid', '12345');
  await s.click('Send to everyone');
  await sleep(300);
  assert.equal(pushes(s).length, before, 'no push with a wrong SDKAppID');
  await s.screenshot('drafts-5-confirm');
  await s.fill('##confirm sdkappid', String(app.sdkappid));
  await s.click('Send to everyone');
  const until = Date.now() + 10000;
  while (pushes(s).length === before && Date.now() < until) await sleep(50);
  await waitForText(s, 'Accepted');
  assert.equal(pushes(s).length, before + 1, 'one push once confirmed');
  const body = JSON.parse(pushes(s).at(-1).postData);
  assert.equal(body.Condition, undefined, 'the confirmed push went to every user');
});

test('a shared link opens the draft, sends nothing, and holds no key or UserSig', async () => {
  // The draft holds the title typed in the first test; the other browser has no storage of ours,
  // so only the link can bring it there.
  await s.click('Copy share link');
  await sleep(200);
  const link = await s.readClipboard();
  assert.match(link, /#draft=/);
  assert.ok(!link.includes(app.key), 'no key in the link');
  const sent = pushes(s).at(-1);
  const usersig = decodeURIComponent(new URL(sent.url).searchParams.get('usersig'));
  assert.ok(usersig.length > 20 && !link.includes(usersig), 'no UserSig in the link');
  assert.ok(!/usersig/i.test(link));

  const other = await openPage({ server, path: new URL(link).hash });
  try {
    await other.click('Raw JSON');
    await waitForText(other, 'Kept across reloads');
    await sleep(500);
    assert.equal(pushes(other).length, 0, 'opening a link sends nothing');
    await other.screenshot('drafts-6-shared-link');
    assert.deepEqual(other.errors(), []);
  } finally {
    await other.close();
  }
  assert.deepEqual(s.errors(), []);
});

test('one click loads a document example; the current body saves as a template', async () => {
  await s.click('Templates');
  await s.click('Load##attrs_and');
  await s.click('Raw JSON');
  await waitForText(s, '超白金会员');
  await s.screenshot('drafts-7-templates');
  await s.fill('Template name', 'VIP Shenzhen');
  await s.click('Save current as template');
  await waitForText(s, 'VIP Shenzhen');
  const stored = await storageStrings(s);
  assert.ok(stored.some((v) => v.includes('VIP Shenzhen') && v.includes('超白金会员')), 'the template is stored');
  await s.click('Form');
});

test('full storage is explained and the draft on the page is kept', async () => {
  const other = await openPage({ server });
  try {
    // A browser whose storage is full: every write throws QuotaExceededError.
    await other.page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await reload(other);
    await waitForText(other, 'press Send');
    await other.fill('Title', 'Still here');
    await sleep(1300);
    await other.click('Drafts');
    await waitForText(other, 'QuotaExceededError');
    await other.click('Raw JSON');
    await waitForText(other, 'Still here');
    await other.screenshot('drafts-8-storage-full');
    assert.deepEqual(other.errors(), []);
  } finally {
    await other.close();
  }
});
