// The App data place against the sandbox's world, as an operator prepares a campaign: read the
// app's attribute names, add one (typed in Chinese through the IME), tag two test accounts, look
// them up and see the tags, remove one after its confirmation; then in the composer an attribute
// condition naming an attribute the app lacks shows 90033 at the field and one it has does not,
// and a tag push's "Reaches N of M" follows the tags just added. Screenshots at 1280x800, at a
// pixel ratio of 2 and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './helpers.mjs';

let server;
let s;

before(async () => {
  server = await startServer();
  s = await openPage({ server });
});
after(async () => {
  if (s) await s.close();
  if (server) await server.stop();
});

const calls = (api) => s.requests.filter((r) => r.url.includes(`/v4/timpush/${api}?`));
const reachOf = (text) => {
  const m = text.match(/Reaches (\d+) of (\d+) users/);
  return m ? Number(m[1]) : null;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// An account's tags as the look-up's table shows them ("| user1 | 基金, 内测组 | city=... |").
const tagsOf = (text, user) => {
  const m = text.match(new RegExp(`\\| ${user} \\| ([^|]*) \\|`));
  return m ? m[1].trim().split(', ') : null;
};

// A new tag no user of the world holds (its vocabulary is 股票A, 基金, 黄金会员, ...).
const tag = '内测组';

test('a tag push on a tag nobody holds yet reaches no one', async () => {
  await s.waitForText('press Send');
  // The example's TagsOr (股票A, 股票B) out, the new tag in.
  await s.click('Remove');
  await s.click('Remove');
  await s.typeInto('##new TagsOr', tag);
  await s.click('Add##TagsOr');
  // The count of the Condition as it stands (the one before it may still be shown for a moment).
  const text = await s.waitForText(/Reaches 0 of \d+ users/, { timeout: 10000 });
  assert.equal(reachOf(text), 0);
});

test('the app\'s attribute names are read, and a new one is saved', async () => {
  await s.click('App data');
  assert.equal(await s.page.evaluate(() => location.hash), '#view=app-data');
  await s.waitForText('Not read yet');
  await s.click('Read names');
  // The sandbox starts with the world's names (sandbox.h): 会员等级, city, sex.
  const text = await s.waitForText('now know these names');
  assert.match(text, /会员等级/);
  assert.match(text, /city/);
  assert.equal(calls('get_attr_name').length, 1);
  await s.click('Add name');
  await s.typeInto('##name 3', '渠道');
  await s.waitForActiveText('渠道');
  // A repeat is refused at the field before anything is sent.
  await s.click('Add name');
  await s.typeInto('##name 4', 'city');
  await s.waitForText('90033: attribute name 5 repeats name 2');
  assert.equal(calls('set_attr_name').length, 0);
  await s.screenshot('app-data-1280-repeat');
  await s.click('Remove##name 4');
  await s.click('Save names');
  await s.waitForText('Saved');
  const saved = calls('set_attr_name');
  assert.equal(saved.length, 1);
  assert.deepEqual(JSON.parse(saved[0].postData), { AttrNames: { 0: '会员等级', 1: 'city', 2: 'sex', 3: '渠道' } });
  // Read back from the app, not assumed.
  await s.waitForText(/The app's names: 会员等级, city, sex, 渠道/);
  assert.equal(calls('get_attr_name').length, 2);
});

test('two test accounts are tagged, looked up, and one tag removed after a confirmation', async () => {
  await s.typeInto('##Accounts', 'user1, user2');
  await s.typeInto('##Tags to add or remove', tag);
  await s.click('Add tags');
  await s.waitForText('add_tag: done.');
  const added = calls('add_tag');
  assert.equal(added.length, 1);
  assert.deepEqual(JSON.parse(added[0].postData),
    { Replace: 0, UserTags: [{ To_Account: 'user1', Tags: [tag] }, { To_Account: 'user2', Tags: [tag] }] });
  await s.click('Look up');
  let text = await s.waitForText(/\| user2 \|/);
  for (const user of ['user1', 'user2']) assert.ok(tagsOf(text, user).includes(tag), `${user}'s tags hold ${tag}`);
  assert.equal(calls('get_tag').length >= 1, true);
  await s.screenshot('app-data-1280-tagged');

  // Remove it from user2 only: asked first, sent only once confirmed.
  await s.fill('##Accounts', 'user2');
  await s.click('Remove tags...');
  await s.waitForText(`Remove the tags ${tag} from user2?`);
  assert.equal(calls('remove_tag').length, 0, 'nothing is removed before the confirmation');
  await s.screenshot('app-data-1280-confirm');
  await s.click('Cancel');
  await sleep(200);
  assert.equal(calls('remove_tag').length, 0, 'Cancel removes nothing');
  await s.click('Remove tags...');
  await s.waitForText(`Remove the tags ${tag} from user2?`);
  await s.click('Remove##confirm');
  await s.waitForText('remove_tag: done.');
  assert.equal(calls('remove_tag').length, 1);
  await s.fill('##Accounts', 'user1 user2');
  await s.click('Look up');
  text = await s.waitForText(/\| user1 \|[\s\S]*\| user2 \|/);
  assert.ok(tagsOf(text, 'user1').includes(tag), 'user1 keeps the tag');
  assert.ok(!tagsOf(text, 'user2').includes(tag), 'user2 no longer holds it');
  assert.deepEqual(JSON.parse(calls('remove_tag')[0].postData), { UserTags: [{ To_Account: 'user2', Tags: [tag] }] });
});

test('the composer\'s tag push now reaches the one account still tagged', async () => {
  await s.click('Compose');
  const until = Date.now() + 10000;
  let reach = null;
  while (Date.now() < until && reach !== 1) {
    reach = reachOf(await s.pageText());
    await sleep(100);
  }
  assert.equal(reach, 1, 'Reaches 1 of N: user1 alone holds the tag now');
});

test('an attribute condition naming an attribute the app lacks is 90033 at the field; one it has is not', async () => {
  await s.click('Attributes');
  await s.typeInto('##new name AttrsAnd', '国家');
  await s.typeInto('##new value AttrsAnd', 'CN');
  await s.click('Add##AttrsAnd');
  let text = await s.waitForText('the app has no attribute named "国家"');
  assert.match(text, /90033/);
  await s.screenshot('app-data-1280-90033');
  await s.click('Remove');
  await s.typeInto('##new name AttrsAnd', '渠道');
  await s.typeInto('##new value AttrsAnd', 'store');
  await s.click('Add##AttrsAnd');
  await s.waitForText(/"渠道"\s*:\s*"store"/);  // in the preview: the body holds it
  await sleep(300);
  text = await s.pageText();
  assert.ok(!text.includes('the app has no attribute named'), 'a name the app has is no 90033');
  assert.ok(!/90033/.test(text), 'no 90033 anywhere');
  assert.deepEqual(s.errors(), []);
});

test('the place in Chinese at a pixel ratio of 2, typed through the IME', async () => {
  const hi = await openPage({ server, deviceScaleFactor: 2, path: '#view=app-data' });
  try {
    await hi.waitForText('Read names');
    await hi.click('Read names');
    await hi.waitForText('now know these names');
    await hi.click('中文');
    await hi.waitForText('编写页的检查已知道这些属性名');
    await hi.typeInto('##Accounts', 'user1，user1');  // a Chinese comma, and a repeat
    await hi.waitForText('账号 user1 重复');
    await hi.fill('##Accounts', 'user1');
    await hi.typeInto('##Attribute name', '国家');
    await hi.typeInto('##Value', '中国');
    await hi.waitForText('90033：应用没有名为 国家 的属性');
    await hi.screenshot('app-data-1280-dpr2-zh');
    assert.deepEqual(hi.errors(), []);
  } finally {
    await hi.close();
  }
});

test('on a phone the place fits the width', async () => {
  const phone = await openPage({ server, viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true,
    isMobile: true, path: '#view=app-data' });
  try {
    await phone.waitForText('Read names');
    await phone.tap('Read names');
    await phone.waitForText('now know these names');
    await phone.tap('##Accounts');
    await phone.insertText('user1 user2');
    await phone.tap('Look up');
    await phone.waitForText(/\| user2 \|/);
    await phone.drag(200, 650, 0, -350, 12, 150);  // up to the table
    const cut = (await phone.items()).filter((it) => it.visible && !it.isWindow && it.x + it.w > 390 + 1);
    assert.deepEqual(cut.map((it) => it.idLabel), [], 'nothing is cut off at the right');
    await phone.screenshot('app-data-390-phone');
  } finally {
    await phone.close();
  }
});
