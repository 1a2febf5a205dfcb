// The whole loop before a broadcast, as one operator does it in one page (time zone Asia/Shanghai,
// UTC+8): read the app's attribute names and add one; tag two test accounts; a tag push on that
// tag reaches exactly those two; test-send it to them; schedule the real push two minutes ahead in
// local time, see it listed with both times, move it to a new time, let the sandbox's clock pass
// it, and follow the push it became, whose numbers count the two tagged accounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './helpers.mjs';

const zone = 'Asia/Shanghai';
const offsetMs = 8 * 3600 * 1000;  // Shanghai keeps no daylight saving time
const tag = '灰度组';  // a tag no user of the sandbox's world holds (sandbox_world.cpp's vocabulary)

let server;
let s;

before(async () => {
  server = await startServer();
  s = await openPage({ server, timezoneId: zone });
});
after(async () => {
  if (s) await s.close();
  if (server) await server.stop();
});

const posted = (api) => s.requests.filter((r) => r.method === 'POST' && r.url.includes(`/v4/timpush/${api}?`));
// "YYYY-MM-DD HH:MM" of a moment `minutes` ahead, in whole minutes, in UTC+8 and in UTC.
function ahead(minutes) {
  const at = Math.ceil((Date.now() + minutes * 60000) / 60000) * 60000;
  const text = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return { local: text(at + offsetMs), utc: `${text(at)}:00` };
}

test('attribute names and two tagged test accounts, from the App data place', async () => {
  await s.waitForText('press Send');
  await s.click('App data');
  await s.click('Read names');
  await s.waitForText('now know these names');
  await s.click('Add name');
  await s.typeInto('##name 3', '渠道');
  await s.click('Save names');
  await s.waitForText(/The app's names: .*渠道/);
  await s.typeInto('##Accounts', 'user1, user2');
  await s.typeInto('##Tags to add or remove', tag);
  await s.click('Add tags');
  await s.waitForText('add_tag: done.');
  assert.equal(posted('add_tag').length, 1);
});

test('a tag push on the new tag reaches the two accounts; its test send goes to them alone', async () => {
  await s.click('Compose');
  await s.click('Remove');  // the example's TagsOr (股票A, 股票B) out
  await s.click('Remove');
  await s.typeInto('##new TagsOr', tag);
  await s.click('Add##TagsOr');
  await s.waitForText(/Reaches 2 of \d+ users/, { timeout: 10000 });
  await s.click('Test send##mode');
  await s.fill('##Accounts', 'user1，user2');
  await s.waitForText('"To_Account"');
  await s.click('Test send###Send');
  await s.waitForText(/TaskId\s+batch_[0-9a-f_]+/);
  assert.deepEqual(JSON.parse(posted('batch')[0].postData).To_Account, ['user1', 'user2']);
  assert.equal(posted('push').length, 0, 'a test send reaches no audience');
});

test('scheduled two minutes ahead, moved, dispatched by the sandbox, and followed', async () => {
  await s.click('Schedule##mode');
  const when = ahead(2);
  await s.fill('##Schedule time', when.local);
  await s.click('Preview###Preview');
  await s.waitForText(`SchedAt (UTC): ${when.utc}`);
  await s.waitForText(/Type: Tag/);
  await s.click('Schedule###Send');
  let text = await s.waitForText(/Task \d+\s+pending/, { timeout: 10000 });
  assert.ok(text.includes(`local ${when.local}:00`) && text.includes(`UTC ${when.utc}`), 'both times');
  const added = JSON.parse(posted('add_sched_task')[0].postData);
  assert.equal(added.Type, 'Tag');
  assert.deepEqual(added.Content.Condition, { TagsOr: [tag] });
  await s.screenshot('broadcast-1280-scheduled');

  await s.click('Modify');
  const later = ahead(4);
  await s.fill('##Schedule time', later.local);
  await s.waitForText(`SchedAt (UTC): ${later.utc}`);
  await s.click('Modify schedule###Send');
  await s.waitForText(new RegExp(`UTC ${later.utc}`));
  assert.equal(JSON.parse(posted('modify_sched_task')[0].postData).SchedAt, later.utc);

  const moved = await s.page.evaluate(async () => {
    const r = await fetch('/sandbox/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ AdvanceSeconds: 360 }) });
    return r.status;
  });
  assert.equal(moved, 200);
  await s.click('Refresh##schedules');
  text = await s.waitForText(/dispatched[\s\S]*push TaskId [0-9a-f]+(_[0-9a-f]+){4}/);
  const pushId = text.match(/push TaskId ([0-9a-f]+(?:_[0-9a-f]+){4})/)[1];
  await s.click('Follow##schedule');
  await s.page.waitForFunction(() => location.hash === '#view=follow', null, { timeout: 5000 });
  await s.waitForText(pushId);
  // The push's numbers: its audience is the two tagged accounts (one device each in the world).
  await s.waitForText(/All devices: 2 2 \(100%\)/, { timeout: 20000 });
  await s.screenshot('broadcast-1280-followed');
  assert.deepEqual(s.errors(), []);
});
