// The explained request as a trainee uses it: with Explain on, hovering a key of the preview's
// JSON shows what the field means, the codes that guard it and where the form has it (in English
// and in Chinese, from the core's one table, core/explain.h); a click focuses that field; a query
// parameter of the URL is explained the same way; the keyboard reaches the preview's lines too.
// Screenshots at 1280x800, at a pixel ratio of 2 and at 390x844.
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

// The preview's line holding `needle` (each line is one item, named by its text).
async function lineWith(session, needle) {
  const until = Date.now() + 5000;
  while (Date.now() < until) {
    const hit = (await session.items()).find((it) => it.visible && !it.isWindow && (it.label || '').includes(needle));
    if (hit) return hit;
    await session.nextFrame();
  }
  throw new Error(`no visible preview line holds ${needle}`);
}

// Moves the mouse along a line, as a person looks for a word, until the page shows `expect`;
// returns where it stopped.
async function hoverUntil(session, item, expect) {
  const y = item.y + item.h / 2;
  for (let dx = 4; dx < Math.min(item.w, 400); dx += 5) {
    await session.page.mouse.move(item.x + dx, y);
    await session.nextFrame();
    const text = await session.pageText();
    if (text.includes(expect)) return { x: item.x + dx, y, text };
  }
  throw new Error(`hovering the line "${item.label}" never showed ${expect}`);
}

test('Explain: a key of the preview explains its field, in English and Chinese, and a click focuses it', async () => {
  await s.waitForText('press Send');
  await s.click('Explain');
  const line = await lineWith(s, '"MsgRandom"');
  const at = await hoverUntil(s, line, 'A 32-bit unsigned random number');
  assert.ok(at.text.includes('90005: MsgRandom is missing or not an integer.'), 'the code that guards it, with its meaning');
  assert.ok(at.text.includes('In the form: Form > Message > MsgRandom'), 'where the form has it');
  await s.screenshot('explain-1-msgrandom');

  // The same tooltip in Chinese: the language switch keeps Explain on.
  await s.click('中文');
  await s.page.mouse.move(at.x, at.y + 1);
  const zh = await s.waitForText('32 位无符号随机数');
  assert.ok(zh.includes('90005：请求包缺少 MsgRandom,或 MsgRandom 不是整数。'), `the rule in Chinese:\n${zh.slice(-1500)}`);
  assert.ok(zh.includes('表单位置：表单 > 消息 > MsgRandom'));
  await s.screenshot('explain-2-msgrandom-zh');
  await s.click('English');

  // A click on it goes to the form's MsgRandom field, which takes the keyboard with its number.
  const number = line.label.match(/\d+/)[0];
  await s.page.mouse.move(at.x, at.y);
  await s.page.mouse.down();
  await s.page.mouse.up();
  await s.waitForActiveText(number);
  // A field focused from elsewhere takes text a frame or two later (as Tab's, keyboard.test.mjs).
  await s.page.waitForFunction(() => window.timpush.textActive(), null, { timeout: 3000 });
  assert.ok(await s.textActive(), 'the MsgRandom field has the keyboard after the click');
  await s.screenshot('explain-3-focused');
});

test('Explain: a vendor field names the platforms that read it', async () => {
  await s.click('Raw JSON');
  await s.click('##Body');
  await s.page.keyboard.press('Control+A');
  await s.paste(JSON.stringify({ MsgRandom: 77, Condition: { TagsOr: ['股票A'] },
    OfflinePushInfo: { Title: 't', Desc: 'd', AndroidInfo: { XiaoMiChannelID: 'news' } } }, null, 1));
  await s.click('Form');
  const line = await lineWith(s, '"XiaoMiChannelID"');
  const at = await hoverUntil(s, line, "Xiaomi's channel ID");
  assert.ok(at.text.includes('Read by: Xiaomi'), 'the platforms that read it (vendors.md section 4)');
  assert.ok(at.text.includes('26: No channel ID'), 'the device check that guards it');
  const tag = await lineWith(s, '"股票A"');
  const tagAt = await hoverUntil(s, tag, 'One tag of TagsOr');
  assert.ok(tagAt.text.includes('90020: A tag is longer than 50 bytes.'));
  await s.screenshot('explain-4-vendor-field');
});

test('Explain: a query parameter of the URL is explained, and a click goes to its field', async () => {
  const param = await lineWith(s, '&sdkappid=');
  await s.page.mouse.move(param.x + 20, param.y + param.h / 2);
  const text = await s.waitForText("The app's SDKAppID from the IM console");
  assert.ok(text.includes('70016: No key was found for this app here.'), 'the wrong-region code guards it');
  assert.ok(text.includes('In the form: Credentials > SDKAppID'));
  await s.screenshot('explain-5-query');
  await s.page.mouse.down();
  await s.page.mouse.up();
  const field = await s.itemByLabel('SDKAppID', { visible: false });
  let active = false;
  for (let i = 0; i < 20 && !active; i++) {
    await s.nextFrame();
    active = (await s.state()).activeId === field.id;
  }
  assert.ok(active, 'the SDKAppID field takes the keyboard');
  await s.page.keyboard.press('Escape');
});

test('Explain: the keyboard reaches the preview lines and explains them', async () => {
  const line = await lineWith(s, '"MsgRandom"');
  // A click on a blank part of the line selects it without leaving the preview, as a person
  // would put the cursor there; then the arrow keys move from line to line.
  await s.page.mouse.move(line.x + line.w - 4, line.y + line.h / 2);
  await s.page.mouse.down();
  await s.page.mouse.up();
  await s.page.mouse.move(5, 5);
  await s.page.keyboard.press('ArrowDown');
  let text = '';
  for (let i = 0; i < 20; i++) {
    await s.nextFrame();
    text = await s.pageText();
    if (text.includes('Rules and their codes')) break;
  }
  assert.ok(text.includes('Rules and their codes'), `a line reached by the keyboard shows its explanation:\n${text.slice(-1200)}`);
  await s.screenshot('explain-6-keyboard');
});

test('Explain at a pixel ratio of 2 and on a phone', async () => {
  for (const opts of [{ deviceScaleFactor: 2 }, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true }]) {
    const p = await openPage({ server, ...opts });
    try {
      await p.waitForText('press Send');
      if (opts.isMobile) await p.click('Preview');
      await p.click('Explain');
      const line = await lineWith(p, '"MsgRandom"');
      await hoverUntil(p, line, 'A 32-bit unsigned random number');
      await p.screenshot(opts.isMobile ? 'explain-7-phone' : 'explain-7-ratio-2');
    } finally {
      await p.close();
    }
  }
});
