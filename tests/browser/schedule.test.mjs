// Before the broadcast, in a browser whose time zone is not UTC (Asia/Shanghai, UTC+8): a test
// send to two sandbox accounts (the list typed with a Chinese comma through the IME) that shows
// as a test in History, the push scheduled two minutes ahead in local time with its UTC SchedAt
// beside it, listed with both times, modified to a new time, dispatched once the sandbox's clock
// is moved past it (POST /sandbox/clock), and followed; a task of Type User scheduled to the
// test accounts and listed as User with them; on a 390x844 phone, the schedule form filled by
// touch with both times shown, scheduled and listed. Screenshots at 1280x800, at a pixel ratio
// of 2 and on the phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './helpers.mjs';

const zone = 'Asia/Shanghai';
const offsetMs = 8 * 3600 * 1000;  // Shanghai has no daylight saving time

let server;
let s;
let scheduledUtc;

before(async () => {
  server = await startServer();
  s = await openPage({ server, timezoneId: zone });
});
after(async () => {
  if (s) await s.close();
  if (server) await server.stop();
});

// "YYYY-MM-DD HH:MM" of a moment `minutes` ahead, whole minutes, in UTC+8 and in UTC.
function ahead(minutes) {
  const at = Math.ceil((Date.now() + minutes * 60000) / 60000) * 60000;
  const text = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return { local: text(at + offsetMs), utc: `${text(at)}:00` };
}

const posted = (api) => s.requests.filter((r) => r.method === 'POST' && r.url.includes(`/v4/timpush/${api}?`));

test('the browser runs in a non-UTC zone and the page reads it', async () => {
  assert.equal(await s.page.evaluate(() => new Date().getTimezoneOffset()), -480);
  await s.waitForText('press Send');
});

test('test send to two accounts: the batch body and URL, no confirmation, a test in History', async () => {
  // The push as it stands reaches every user; its test send still goes to the two accounts only.
  await s.click('All users');
  await s.click('Test send##mode');
  await s.fill('##Accounts', 'user1，user2');  // the Chinese comma goes through the IME path
  let text = await s.waitForText('"To_Account"');
  assert.match(text, /v4\/timpush\/batch\?/, 'the preview URL is the batch API');
  assert.match(text, /2 accounts; kept on this device for app 1400000000/);
  assert.ok(!text.includes('"Condition"'), 'a test send carries no Condition');
  await s.screenshot('schedule-1280-1-test-send');
  await s.click('Test send###Send');
  text = await s.waitForText(/TaskId\s+batch_[0-9a-f_]+/);
  assert.ok(!text.includes('Type the SDKAppID'), 'no all-user confirmation');
  const sent = posted('batch');
  assert.equal(sent.length, 1);
  assert.deepEqual(JSON.parse(sent[0].postData).To_Account, ['user1', 'user2']);
  assert.equal(posted('push').length, 0, 'nothing went to the audience');
  const stored = await s.page.evaluate(() => localStorage.getItem('timpush.test_accounts'));
  assert.deepEqual(JSON.parse(stored), { 1400000000: 'user1，user2' });
  await s.click('History');
  text = await s.waitForText('[test]');
  assert.match(text, /\[test\][\s\S]*TaskId batch_/);
  await s.screenshot('schedule-1280-2-history');
});

test('schedule two minutes ahead in local time; listed with both times and its Type', async () => {
  await s.click('Compose');
  await s.click('Schedule##mode');
  const when = ahead(2);
  scheduledUtc = when.utc;
  await s.fill('##Schedule time', when.local);
  await s.click('Preview###Preview');  // the Response tab was showing since the test send
  let text = await s.waitForText(`SchedAt (UTC): ${when.utc}`);
  assert.match(text, /Time \(UTC\+08:00\)/);
  assert.match(text, /Type: All \(from the Condition\)/);
  assert.match(text, /v4\/timpush\/add_sched_task\?/);
  await s.screenshot('schedule-1280-3-schedule-form');
  // A time in the past is refused at the field, and Send with it.
  await s.fill('##Schedule time', ahead(-5).local);
  await s.waitForText('That time has passed.');
  // Typed again as an IME commits it (a Chinese IME in half-width mode sends the digits so).
  await s.click('##Schedule time');
  await s.page.keyboard.press('Control+A');
  await s.nextFrame();
  await s.imeCommit(when.local);
  await s.nextFrame();
  await s.waitForActiveText(when.local);
  await s.waitForText(`SchedAt (UTC): ${when.utc}`);
  // A task of Type All will reach every user: the SDKAppID is typed first, as for such a push.
  await s.click('Schedule###Send');
  await s.waitForText('Push to every user?');
  assert.equal(posted('add_sched_task').length, 0);
  await s.fill('##confirm sdkappid', '1400000000');
  await s.click('Send to everyone');
  text = await s.waitForText(/Task 1000000001\s+pending/, { timeout: 10000 });
  assert.equal(await s.page.evaluate(() => location.hash), '#view=schedules');
  assert.ok(text.includes(`local ${when.local}:00`), 'the local time');
  assert.ok(text.includes(`UTC ${when.utc}`), 'the UTC time');
  assert.ok(text.includes('Type All'));
  const body = JSON.parse(posted('add_sched_task')[0].postData);
  assert.equal(body.SchedAt, when.utc);
  assert.equal(body.Type, 'All');
  assert.ok(!('Condition' in body.Content), 'Type All carries no Condition');
  await s.screenshot('schedule-1280-4-listed');
});

test('a pending task opens into the composer and is modified to a new time', async () => {
  await s.click('Modify');
  let text = await s.waitForText('Modifying scheduled task 1000000001');
  assert.match(text, /A modify keeps the task's Type; it cannot change/);
  const later = ahead(5);
  await s.fill('##Schedule time', later.local);
  await s.waitForText(`SchedAt (UTC): ${later.utc}`);
  await s.screenshot('schedule-1280-5-modify');
  await s.click('Modify schedule###Send');
  await s.waitForText('Push to every user?');
  await s.fill('##confirm sdkappid', '1400000000');
  await s.click('Send to everyone');
  text = await s.waitForText(new RegExp(`UTC ${later.utc}`));
  assert.ok(!text.includes(`UTC ${scheduledUtc}`), 'the old time is gone');
  const body = JSON.parse(posted('modify_sched_task')[0].postData);
  assert.equal(body.TaskID, 1000000001);
  assert.equal(body.SchedAt, later.utc);
  scheduledUtc = later.utc;
});

test('the sandbox clock moves past the time; Refresh shows the task dispatched; Follow opens its push', async () => {
  const moved = await s.page.evaluate(async () => {
    const r = await fetch('/sandbox/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ AdvanceSeconds: 400 }) });
    return { status: r.status, body: await r.json() };
  });
  assert.equal(moved.status, 200);
  assert.equal(moved.body.AheadSeconds, 400);
  const lists = posted('list_sched_task').length;
  await s.click('Refresh##schedules');
  const text = await s.waitForText(/Task 1000000001\s+dispatched[\s\S]*push TaskId [0-9a-f]+(_[0-9a-f]+){4}/);
  assert.equal(posted('list_sched_task').length, lists + 1, 'one list per Refresh');
  const pushId = text.match(/push TaskId ([0-9a-f]+(?:_[0-9a-f]+){4})/)[1];
  await s.screenshot('schedule-1280-6-dispatched');
  await s.click('Follow##schedule');
  assert.equal(await s.page.evaluate(() => location.hash), '#view=follow');
  await s.waitForText(pushId);
  await s.screenshot('schedule-1280-7-follow');
  // Closed, the place asks for nothing.
  const before = posted('list_sched_task').length;
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(posted('list_sched_task').length, before);
  assert.deepEqual(s.errors(), []);
});

test('a task of Type User: scheduled to the test accounts from the page, listed as User', async () => {
  // The sandbox's clock is 400 s ahead now: ten minutes ahead here is still ahead there.
  const when = ahead(10);
  await s.click('Compose');
  await s.click('Schedule##mode');
  await s.click('The test accounts##audience');
  let text = await s.waitForText('Type: User (To_Account: the accounts above, never the Condition)');
  assert.match(text, /2 accounts; kept on this device for app 1400000000/, 'the accounts Test send kept');
  await s.fill('##Schedule time', when.local);
  await s.click('Preview###Preview');
  text = await s.waitForText(`SchedAt (UTC): ${when.utc}`);
  assert.match(text, /"Type"\s*:\s*"User"/);
  assert.match(text, /"To_Account"\s*:\s*\[/);
  await s.screenshot('schedule-1280-8-user-form');
  // The push as it stands reaches every user; as a User task it goes to the two accounts only,
  // so nothing asks for the SDKAppID.
  await s.click('Schedule###Send');
  text = await s.waitForText(/Task 1000000002\s+pending\s+Type User/, { timeout: 10000 });
  assert.ok(!text.includes('Push to every user?'), 'no all-user confirmation');
  assert.ok(text.includes('To_Account (2): user1, user2'), 'its accounts are listed');
  assert.ok(text.includes(`UTC ${when.utc}`));
  const body = JSON.parse(posted('add_sched_task').at(-1).postData);
  assert.equal(body.Type, 'User');
  assert.deepEqual(body.Content.To_Account, ['user1', 'user2']);
  assert.ok(!('Condition' in body.Content), 'the accounts are the audience');
  await s.screenshot('schedule-1280-9-user-listed');
  // Opened again, it comes back as a User task with its accounts.
  await s.click('Modify');
  text = await s.waitForText('Modifying scheduled task 1000000002');
  assert.match(text, /Type: User\. A modify keeps the task's Type/);
  assert.match(text, /"To_Account"\s*:\s*\[/);
  await s.click('Stop modifying');
  assert.deepEqual(s.errors(), []);
});

test('the Schedules place and the schedule form at ratio2', async () => {
  const p = await openPage({ server, timezoneId: zone, path: '#view=schedules', deviceScaleFactor: 2 });
  try {
    await p.waitForText(/Task 1000000001\s+dispatched/, { timeout: 15000 });
    await p.screenshot('schedule-ratio2-list');
    await p.click('Compose');
    await p.waitForText('Send as');
    await p.click('Schedule##mode');
    await p.waitForText('SchedAt (UTC):');
    await p.screenshot('schedule-ratio2-form');
    assert.deepEqual(p.errors(), []);
  } finally {
    await p.close();
  }
});

test('on a 390 px phone: the schedule form filled by touch, both times shown, scheduled and listed', async () => {
  const p = await openPage({ server, timezoneId: zone, viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
    hasTouch: true, isMobile: true });
  try {
    // A fresh device opens on the form with the demo tag push: a task of Type Tag.
    await p.waitForText('Send as');
    await p.tap('Schedule##mode');
    await p.waitForText('SchedAt (UTC):');
    await p.waitForText('Type: Tag (from the Condition)');
    // Fifteen minutes ahead here is still ahead of the sandbox's moved clock (400 s).
    const when = ahead(15);
    await p.tap('##Schedule time');
    await p.page.keyboard.press('Control+A');
    await p.nextFrame();
    await p.insertText(when.local);
    await p.waitForActiveText(when.local);
    let text = await p.waitForText(`SchedAt (UTC): ${when.utc}`);
    assert.match(text, /Time \(UTC\+08:00\)/, 'the local zone is named');
    // Up a little, so the screenshot holds the field, the UTC time under it and the Type.
    await p.drag(200, 600, 0, -300, 8, 150);
    await p.screenshot('schedule-phone-form');
    const cut = (await p.items()).filter((it) => it.visible && !it.isWindow && it.x + it.w > 390 + 1);
    assert.deepEqual(cut.map((it) => it.idLabel), [], 'nothing is cut off at the right');
    await p.tap('Schedule###Send');
    text = await p.waitForText(new RegExp(`Task 10000000\\d\\d\\s+pending\\s+Type Tag[\\s\\S]*local ${when.local}:00`),
      { timeout: 15000 });
    assert.ok(text.includes(`UTC ${when.utc}`), 'the UTC time beside the local one');
    assert.equal(await p.page.evaluate(() => location.hash), '#view=schedules');
    await p.screenshot('schedule-phone-listed');
    assert.deepEqual(p.errors(), []);
  } finally {
    await p.close();
  }
});
