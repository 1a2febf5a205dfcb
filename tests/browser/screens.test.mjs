// The page on a phone, a tablet and a wide screen, with Playwright's touch emulation: a tag push
// with a Chinese tag typed through the soft keyboard's text path, a drag that scrolls (and is not
// taken for a tap), Preview and back with the browser's Back, a send with its TaskId, tap targets
// a finger can hit, nothing past the right edge, and screenshots in the light and dark themes
// (test-artifacts/screens-<width>-<theme>.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForText(s, needle, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    text = await s.pageText();
    if (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) return text;
    await sleep(50);
  }
  throw new Error(`page never showed ${needle}; last text:\n${text.slice(0, 1500)}`);
}

// What runs past the page's right edge, where a person could not see or reach it: a window or
// child window (each clips what it holds), or an item of the page's own window (the top bar, the
// navigation, the pane switch). Inside a child, a long value scrolls or wraps in its own region;
// the screenshots show those.
async function cutOffAtRight(s, width) {
  return (await s.items()).filter((it) => it.visible && it.w > 0 && it.x + it.w > width + 1 &&
    (it.isWindow || it.child === 'timpush composer'))
    .map((it) => `${it.idLabel || it.label || it.child} x=${it.x} w=${it.w}`);
}

// A place from the navigation: its button when the places fit on one row, else from the menu.
async function goTo(s, name) {
  const items = await s.items();
  if (!items.some((it) => it.visible && it.label === name && it.child === 'timpush composer')) {
    const menu = items.find((it) => it.visible && it.idLabel.endsWith('###Places'));
    assert.ok(menu, `neither ${name} nor the places menu is shown`);
    await s.touchAt(menu.x + menu.w / 2, menu.y + menu.h / 2);
  }
  await s.tap(name);
}

const screens = [
  { name: '390', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, narrow: true },
  { name: '768', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2, isMobile: true, narrow: true },
  { name: '2560', viewport: { width: 2560, height: 1440 }, deviceScaleFactor: 1, isMobile: false, narrow: false },
];

for (const screen of screens) {
  test(`${screen.viewport.width}x${screen.viewport.height} by touch: tag push, drag, Preview and back, send`, async () => {
    const s = await openPage({ server, viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor,
      hasTouch: true, isMobile: screen.isMobile });
    try {
      await waitForText(s, 'press Send');
      const width = screen.viewport.width;
      assert.equal(await s.page.evaluate(() => matchMedia('(pointer: coarse)').matches), true, 'a touch screen');

      // Send is on the first row and a finger's size; nothing runs past the right edge.
      const send = await s.itemByLabel('Send');
      assert.ok(send.h >= 38, `Send is ${send.h} px high`);
      assert.ok(send.x + send.w <= width, 'Send is not cut off');
      await s.screenshot(`screens-${screen.name}-light`);
      // The title ("timpush composer", about 125 px from the left) is not covered by the share link:
      // on one column it wraps under the title's row, on two it stands right of the title.
      const share = await s.itemByLabel('Copy share link');
      assert.ok(share.y >= send.y + send.h || (share.x > 200 && share.x + share.w <= send.x),
        'the share link is under the title row, or right of the title');
      assert.deepEqual(await cutOffAtRight(s, width), [], 'nothing is cut off at the right');

      // A tag typed as a soft keyboard types: the tap opens it (the textarea has focus), the
      // keyboard's text arrives as insertText.
      await s.tap('##new TagsOr');
      await s.page.waitForFunction(() => window.timpush.textActive(), null, { timeout: 5000 });
      assert.equal(await s.page.evaluate(() => document.activeElement.id), 'timpush-text-input',
        'the hidden textarea has the focus a soft keyboard opens for');
      await s.insertText('北京会员');
      await s.waitForActiveText('北京会员');
      await s.tap('Add##TagsOr');
      if (screen.narrow) await s.tap('Preview');
      await waitForText(s, '"北京会员"');

      // Back returns to the form on one column (the pane had a history entry of its own).
      if (screen.narrow) {
        assert.equal(await s.page.evaluate(() => location.hash), '#view=preview');
        await s.page.goBack();
        await s.nextFrame();
        assert.equal(await s.page.evaluate(() => location.hash), '');
        await s.itemByLabel('##new TagsOr');
      } else {
        await s.tap('Preview');
      }
      // A place and back: History, then the browser's Back.
      await goTo(s, 'History');
      assert.equal(await s.page.evaluate(() => location.hash), '#view=history');
      await s.page.goBack();
      await s.nextFrame();
      assert.notEqual(await s.page.evaluate(() => location.hash), '#view=history');

      // A drag scrolls the form and is no tap: nothing becomes active, and an item moves up.
      if (!screen.narrow) await s.tap('Form');
      const before = (await s.items()).find((it) => it.visible && it.label === 'Title');
      const holder = before || (await s.itemByLabel('Title'));
      await s.drag(width / 2, Math.min(holder.y + 40, screen.viewport.height - 200), 0, -250);
      await sleep(600);  // the fling slows to a stop
      const all = await s.page.evaluate(() => window.timpush.allItems());
      const after = all.find((it) => it.label === 'Title');
      const pane = all.find((it) => it.isWindow && it.child === holder.child);
      const bottom = Math.max(...all.filter((it) => it.child === holder.child && !it.isWindow).map((it) => it.y + it.h));
      // A form shorter than its pane (the widest screen, maybe) has nothing to scroll.
      if (pane && bottom > pane.y + pane.h + 250) {
        assert.ok(after.y < holder.y - 100, `the form scrolled with the finger (${holder.y} -> ${after.y})`);
      }
      assert.equal(await s.textActive(), false, 'a drag is not a tap');

      // Send, and the answer's TaskId.
      await s.tap('Send');
      await waitForText(s, /TaskId[\s\S]*[0-9a-f]+_[0-9a-f]+_[0-9a-f]+/);
      await s.screenshot(`screens-${screen.name}-sent`);

      // The dark theme follows the system.
      await s.page.emulateMedia({ colorScheme: 'dark' });
      await sleep(200);
      await s.nextFrame();
      assert.equal(await s.page.evaluate(() => document.documentElement.classList.contains('dark')), true);
      assert.deepEqual(await cutOffAtRight(s, width), [], 'nothing is cut off at the right (dark)');
      await s.screenshot(`screens-${screen.name}-dark`);
      if (screen.narrow) {
        await s.tap('Preview');
        await s.screenshot(`screens-${screen.name}-dark-preview`);
      }
      assert.deepEqual(s.errors(), []);
    } finally {
      await s.close();
    }
  });
}

test('a long press on a field offers Paste, which pastes the clipboard into it', async () => {
  const s = await openPage({ server, viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  try {
    await waitForText(s, 'press Send');
    await s.page.evaluate(() => navigator.clipboard.writeText('上海'));
    await s.tap('##new TagsOr', { holdMs: 650 });
    const paste = await s.itemByLabel('Paste');
    await s.touchAt(paste.x + paste.w / 2, paste.y + paste.h / 2);
    await s.waitForActiveText('上海');
    await s.screenshot('screens-390-paste');
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});

test('a field typed into stays above the soft keyboard; a pinch zoom draws the canvas sharper', async () => {
  const s = await openPage({ server, viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  try {
    await waitForText(s, 'press Send');
    await s.tap('Title');
    await s.page.waitForFunction(() => window.timpush.textActive(), null, { timeout: 5000 });
    // A soft keyboard resizes the page's content (the viewport's interactive-widget): 340 px less.
    await s.page.setViewportSize({ width: 390, height: 504 });
    await sleep(300);
    await s.nextFrame();
    const field = await s.itemByLabel('Title', { visible: false });
    assert.ok(field.y + field.h <= 504, `the field (bottom ${field.y + field.h}) is above the keyboard`);
    assert.equal(await s.textActive(), true, 'still typing into it');
    await s.insertText('上');
    await s.page.waitForFunction(() => (window.timpush.state().activeText || '').includes('上'), null, { timeout: 5000 });
    await s.page.setViewportSize({ width: 390, height: 844 });
    await s.screenshot('screens-390-keyboard-closed');

    // A pinch zooms the page (the canvas lets the browser pinch; headless Chromium's synthesized
    // pinch does not zoom, so the zoom is set as a pinch leaves it): the canvas is redrawn at the
    // zoom, within 4096 px a side, and the page keeps drawing.
    const before = await s.page.evaluate(() => document.getElementById('canvas').width);
    const frames = await s.page.evaluate(() => window.timpush.frame());
    await s.cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    await sleep(300);
    await s.nextFrame();
    const zoom = await s.page.evaluate(() => ({ scale: visualViewport.scale, width: document.getElementById('canvas').width,
      height: document.getElementById('canvas').height, frame: window.timpush.frame() }));
    assert.equal(zoom.scale, 2);
    assert.ok(zoom.width > before * 1.5, `canvas ${before} -> ${zoom.width} px at zoom ${zoom.scale}`);
    assert.ok(zoom.width <= 4096 && zoom.height <= 4096);
    assert.ok(zoom.frame > frames, 'frames are drawn at the zoom');
    await s.screenshot('screens-390-pinched');
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});

test('two fingers on the phone are the browser\'s pinch: it zooms, and the page neither presses nor scrolls', async () => {
  const s = await openPage({ server, viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  try {
    await waitForText(s, 'press Send');
    const tab = await s.itemByLabel('Preview');
    const field = await s.itemByLabel('SDKAppID');
    const before = await s.page.evaluate(() => document.getElementById('canvas').width);
    // A pinch out that starts with a finger on the Preview switch and spreads over the form.
    await s.pinch(tab.x + tab.w / 2, tab.y + tab.h / 2);
    await sleep(700);  // past the long-press time: a held first finger is no long press either
    await s.nextFrame();
    const zoom = await s.page.evaluate(() => ({ scale: visualViewport.scale, left: visualViewport.offsetLeft,
      top: visualViewport.offsetTop, width: document.getElementById('canvas').width }));
    assert.ok(zoom.scale > 1.05, `the browser zoomed the page (scale ${zoom.scale})`);
    assert.ok(zoom.width > before, `the canvas is drawn at the zoom: ${before} -> ${zoom.width} px`);
    assert.equal(await s.page.evaluate(() => location.hash), '', 'the pinch opened no pane');
    assert.equal((await s.itemByLabel('SDKAppID')).y, field.y, 'the form did not scroll');
    assert.equal(await s.textActive(), false, 'no field took the focus');
    await s.screenshot('screens-390-pinch-zoomed');
    // Zoomed back out, one finger on the same switch is a tap: it was live under the pinch.
    await s.cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
    await sleep(300);
    await s.nextFrame();
    await s.touchAt(tab.x + tab.w / 2, tab.y + tab.h / 2);
    await s.page.waitForFunction(() => location.hash === '#view=preview', null, { timeout: 5000 });
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});

test('a link opens the place it names; share links still open the composer', async () => {
  const s = await openPage({ server, path: '#view=error-codes' });
  try {
    await waitForText(s, '70009');
    await s.click('Help');
    await waitForText(s, 'Ctrl+Enter');
    assert.equal(await s.page.evaluate(() => location.hash), '#view=help');
    await s.page.goBack();
    await s.nextFrame();
    assert.equal(await s.page.evaluate(() => location.hash), '#view=error-codes');
    await s.screenshot('screens-1280-help-back');
    // Every place is on one row at 1280 px: no menu.
    const items = await s.items();
    assert.ok(!items.some((it) => it.idLabel.endsWith('###Places')), 'the places fit on one row');
    for (const name of ['Compose', 'Follow', 'Schedules', 'App data', 'Learn', 'History', 'Drafts', 'Templates', 'Error codes', 'Help'])
      assert.ok(items.some((it) => it.label === name && it.visible), `${name} is in the navigation`);
    await s.click('Schedules');
    await s.page.waitForFunction(() => location.hash === '#view=schedules', null, { timeout: 5000 });
    await waitForText(s, 'Refresh');
  } finally {
    await s.close();
  }
  // At 360 px the places are one menu that fits.
  const phone = await openPage({ server, viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  try {
    await waitForText(phone, 'press Send');
    const menu = await phone.itemByLabel('Places: Compose');
    assert.ok(menu.x + menu.w <= 360, 'the menu fits');
    assert.deepEqual(await cutOffAtRight(phone, 360), [], 'nothing is cut off at 360 px');
    await phone.screenshot('screens-360-light');
    await phone.tap('Places: Compose');
    await phone.tap('Templates');
    await waitForText(phone, 'Examples of the product document');
    assert.equal(await phone.page.evaluate(() => location.hash), '#view=templates');
    await phone.screenshot('screens-360-templates');
  } finally {
    await phone.close();
  }
});
