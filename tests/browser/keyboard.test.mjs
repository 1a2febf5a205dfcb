// The page with the keyboard only: Tab and Shift+Tab walk the fields in reading order, a tag is
// typed and added with Enter, and Ctrl+Enter sends it, through the same checks as the button.
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


// Presses Tab (or Shift+Tab) until the field with this ID takes typed text; the IDs on the way.
async function tabTo(id, { back = false, most = 120 } = {}) {
  const seen = [];
  for (let i = 0; i < most; i++) {
    await s.page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await s.nextFrame();
    await s.nextFrame();  // the hook reports the frame before the one it asks for
    let st = await s.state();
    // Tab lands on a text field by focusing it; it takes text a frame or two later.
    for (let f = 0; f < 4 && st.focusedId === id && !(st.activeId === id && st.textActive); f++) {
      await s.nextFrame();
      st = await s.state();
    }
    seen.push(st.activeId || st.focusedId);
    if (st.activeId === id && st.textActive) return seen;
  }
  throw new Error(`Tab never reached the field (${seen.length} presses)`);
}

test('Tab reaches the tag field in reading order, Enter adds the tag, Ctrl+Enter sends', async () => {
  await s.waitForText('press Send');
  const all = await s.page.evaluate(() => window.timpush.allItems());
  const field = all.find((it) => it.idLabel === '##new TagsOr');
  const title = all.find((it) => it.label === 'Title');
  assert.ok(field && title);

  // Reading order: Tab passes the fields above the tag field first, never one below it.
  const passed = await tabTo(field.id);
  const byId = new Map(all.map((it) => [it.id, it]));
  // The items passed in the form on the way to the field, since Tab last entered the form (a
  // round that missed the field wraps through the top bar and starts again).
  const fields = [];
  for (const id of passed) {
    const it = byId.get(id);
    if (!it) continue;
    if (it.child !== field.child) fields.length = 0;
    else if (fields.length === 0 || fields.at(-1).id !== it.id) fields.push(it);
  }
  assert.ok(fields.length >= 5, 'Tab went through the form\'s fields');
  for (let i = 1; i < fields.length; i++) {
    const a = fields[i - 1], b = fields[i];
    assert.ok(b.y > a.y - 2 || (Math.abs(b.y - a.y) <= 2 && b.x >= a.x), `${a.idLabel} then ${b.idLabel} keeps reading order`);
  }
  // Shift+Tab goes back one, Tab returns.
  await s.page.keyboard.press('Shift+Tab');
  await s.nextFrame();
  await s.nextFrame();
  assert.notEqual((await s.state()).activeId, field.id);
  await tabTo(field.id);

  await s.page.keyboard.type('kbd-only');
  await s.waitForActiveText('kbd-only');
  await s.page.keyboard.press('Enter');
  await s.nextFrame();
  await s.nextFrame();
  assert.equal((await s.state()).activeText, '', 'Enter added the tag; the field is ready for the next');

  const before = s.requests.filter((r) => r.url.includes('/v4/timpush/push')).length;
  assert.equal(s.requests.filter((r) => r.url.includes('/v4/timpush/push')).length, before, 'nothing sent yet');
  await s.page.keyboard.press('Control+Enter');
  // A second Ctrl+Enter at once (the send in flight, then the 1 s lock) sends nothing, as the
  // button would not. Pressed straight after the first, so a slow machine cannot let the lock
  // run out between the two.
  await s.page.keyboard.press('Control+Enter');
  await s.waitForText(/TaskId[\s\S]*[0-9a-f]+_[0-9a-f]+_[0-9a-f]+/);
  await sleep(300);
  const pushes = s.requests.filter((r) => r.url.includes('/v4/timpush/push'));
  assert.equal(pushes.length, before + 1, `one push for two Ctrl+Enter: ${pushes.map((p) => p.time).join(', ')}`);
  assert.ok(JSON.parse(pushes.at(-1).postData).Condition.TagsOr.includes('kbd-only'));
  await s.screenshot('keyboard-1-sent');
  assert.deepEqual(s.errors(), []);
});

test('the help view lists the shortcuts; Escape closes the places menu', async () => {
  await s.click('Help');
  const text = await s.waitForText('Ctrl+Enter');
  assert.match(text, /Tab \/ Shift\+Tab/);
  assert.match(text, /Escape/);
  await s.screenshot('keyboard-2-help');

  // A narrow window holds the places in a menu: Escape closes it without going anywhere.
  await s.page.setViewportSize({ width: 600, height: 800 });
  await s.nextFrame();
  await s.click('Places: Help');
  await s.itemByLabel('Templates');
  await s.page.keyboard.press('Escape');
  await s.nextFrame();
  await s.nextFrame();
  assert.ok(!(await s.items()).some((it) => it.label === 'Templates' && it.visible), 'the menu closed');
  assert.equal(await s.page.evaluate(() => location.hash), '#view=help');
  await s.page.setViewportSize({ width: 1280, height: 800 });
});

test('Enter in a new attribute\'s name goes on to its value; Enter there adds the attribute', async () => {
  await s.click('Compose');  // the help view, above, holds the right side until then
  await s.click('Attributes');
  const name = await s.click('##new name AttrsAnd');
  await s.page.waitForFunction((id) => window.timpush.textActive() && window.timpush.activeId() === id, name.id);
  await s.page.keyboard.type('city');
  await s.waitForActiveText('city');
  await s.page.keyboard.press('Enter');
  const value = await s.itemByLabel('##new value AttrsAnd');
  await s.page.waitForFunction((id) => window.timpush.textActive() && window.timpush.activeId() === id, value.id,
    { timeout: 3000 });
  await s.page.keyboard.type('shenzhen');
  await s.waitForActiveText('shenzhen');
  await s.page.keyboard.press('Enter');
  // The keyboard is in a new, empty name field, and the preview (the Response tab shows since the
  // send above) has the attribute in the body.
  await s.page.waitForFunction((id) => window.timpush.textActive() && window.timpush.activeId() === id, name.id,
    { timeout: 3000 });
  assert.equal((await s.state()).activeText, '');
  await s.click('Preview###Preview');
  await s.waitForText(/"AttrsAnd"\s*:\s*\{\s*"city"\s*:\s*"shenzhen"\s*\}/);
  assert.deepEqual(s.errors(), []);
});
