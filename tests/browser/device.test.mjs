// The Device pane as an operator uses it: a long Chinese title typed through the IME is cut on
// vivo's card and warned about at the Title field (vivo counts CJK as 2 against its 40: vendors.md
// §2); a body with an image for every platform that takes one shows it on iOS, Huawei, Honor and
// FCM and says it is dropped on the others (vendors.md §5); a dark phone draws dark cards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, pixelAt, startServer } from './helpers.mjs';

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


const count = (text, needle) => text.split(needle).length - 1;
const brightness = ({ r, g, b }) => (r + g + b) / 3;

test('a long Chinese title: vivo warns at the field and cuts its card', async () => {
  await s.waitForText('press Send');
  // The tab's label carries the count of device warnings: "Device (3)".
  const tab = (await s.items()).find((it) => it.visible && (it.idLabel || '').endsWith('###Device'));
  assert.ok(tab, 'a Device tab beside Preview');
  await s.click(tab.label);
  // Every character CJK: twice its length in vivo's width, over its hard 40 (20 Chinese characters).
  const title = '新品上市会员专享限时优惠活动今天开始请尽快参加';
  const n = [...title].length;
  await s.fill('Title', title);  // through the IME path (typeText)
  const text = await s.waitForText(/21: vivo/);
  assert.ok(text.includes(`21: vivo: title is ${2 * n} width units`), `the warning names vivo, its count and its code:\n${text.split('\n').filter((l) => l.includes('vivo')).join('\n')}`);
  assert.ok(text.includes('cut here'), 'a card marks where it cuts the title');
  assert.ok(text.includes(`Title ${n} characters`), 'Huawei counts characters');
  assert.ok(text.includes(`Title ${2 * n} (CJK as 2)`), 'vivo and Honor count CJK as 2, and say so');
  await s.screenshot('device-1-long-title');
});

test('an image shows on iOS, Huawei, Honor and FCM, and is dropped elsewhere', async () => {
  const body = {
    From_Account: 'administrator', MsgRandom: 1234,
    OfflinePushInfo: {
      PushFlag: 0, Title: '会员日', Desc: '今晚 8 点开抢',
      AndroidInfo: { HuaWeiCategory: 'IM', HuaWeiImage: 'https://example.com/p.png',
        HonorImage: 'https://example.com/p.png', GoogleImage: 'https://example.com/p.png',
        XiaoMiChannelID: 'news', OPPOChannelID: 'news' },
      ApnsInfo: { Image: 'https://example.com/p.png', MutableContent: 1 },
    },
  };
  await s.click('Raw JSON');
  await s.click('##Body');
  await s.page.keyboard.press('Control+A');
  await s.paste(JSON.stringify(body, null, 1));
  const text = await s.waitForText('Image dropped by this vendor');
  assert.equal(count(text, 'Image: https://example.com/p.png'), 4, 'iOS, Huawei, Honor and FCM show the image');
  assert.equal(count(text, 'Image dropped by this vendor'), 4, 'Xiaomi, OPPO, vivo and Meizu drop it');
  await s.screenshot('device-2-images');
});

test('a dark phone draws dark cards, a light one light cards', async () => {
  // The Huawei card, scrolled into view with the mouse wheel over the pane.
  const onScreen = async () => (await s.items()).find((i) => i.idLabel === '##card huawei 0' && i.visible);
  const pane = await s.itemByLabel('Dark phone');
  for (let i = 0; i < 20 && !(await onScreen()); i++) {
    await s.page.mouse.move(pane.x + 40, pane.y + 200);
    await s.page.mouse.wheel(0, 120);
    await s.nextFrame();
  }
  const sample = async () => {
    const it = await onScreen();
    assert.ok(it, 'the Huawei card is on screen');
    // Its bottom padding, right of any text.
    return brightness(await pixelAt(s, Math.round(it.x + it.w - 12), Math.round(it.y + it.h - 5)));
  };
  await s.click('Dark phone');
  await s.nextFrame();
  const dark = await sample();
  await s.screenshot('device-3-dark');
  await s.click('Light phone');
  await s.nextFrame();
  const light = await sample();
  assert.ok(dark < 80, `a dark card (${dark})`);
  assert.ok(light > 200, `a light card (${light})`);
});

test('at a pixel ratio of 2 the iOS banner is drawn over its wallpaper', async () => {
  const hi = await openPage({ server, deviceScaleFactor: 2 });
  try {
    const until = Date.now() + 15000;
    while (Date.now() < until && !(await hi.pageText()).includes('press Send')) await new Promise((r) => setTimeout(r, 100));
    const tab = (await hi.items()).find((it) => it.visible && (it.idLabel || '').endsWith('###Device'));
    await hi.click(tab.label);
    const card = await hi.itemByLabel('##card apns 0');
    // The banner over its wallpaper is on screen at the device's resolution (looked at in the
    // screenshot: edges one device pixel soft, the text sharp).
    const shot = await hi.page.screenshot({ clip: { x: card.x, y: card.y, width: card.w, height: card.h }, scale: 'device' });
    assert.equal(shot.readUInt32BE(16), Math.round(card.w * 2), 'captured at two device pixels per CSS pixel');
    const y = Math.round(card.y + card.h / 2);
    const wall = await pixelAt(hi, Math.round(card.x + 6), y);
    const pane = await pixelAt(hi, Math.round(card.x - 4), y);
    const apart = Math.abs(wall.r - pane.r) + Math.abs(wall.g - pane.g) + Math.abs(wall.b - pane.b);
    assert.ok(apart > 30, `the wallpaper at the banner's side is not the pane's colour (${JSON.stringify(wall)} vs ${JSON.stringify(pane)})`);
    await hi.screenshot('device-4-ratio-2');
    assert.deepEqual(hi.pageErrors, []);
  } finally {
    await hi.close();
  }
});
