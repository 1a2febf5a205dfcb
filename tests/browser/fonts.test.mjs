// The page's Latin font is fetched before the first frame and the wasm carries no font of its own,
// so a failed fetch is tried once more, and a font that cannot be had is said plainly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { labelledItemsOfFirstFrame, openWithRoute, startServer } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

// Characters an operator writes: Latin-1, Latin Extended, Greek, Cyrillic, symbols, Chinese.
const FIRST_FONT_TEXT = 'Send café naïve ±×÷ “quoted”';
const LATER_FONT_TEXT = 'ŁźőșĐ€→ΩλЖд≤■╬';  // none of them ASCII or Latin-1
const CJK_TEXT = '股票 离线推送标题 。，';

// Opens the page with the first `failures` fetches of the Latin font (the part the first frame
// waits for; `font` names another) aborted, as a flaky network would.
function openWithFailingFont(failures, font = /\/fonts\/[^/]*-latin\.ttf$/) {
  return openWithRoute(server, font, (route, n) => (n <= failures ? route.abort('connectionreset') : route.continue()));
}

test('a Latin font fetch that fails once is tried again and the page starts', async () => {
  const s = await openWithFailingFont(1);
  try {
    const labels = await labelledItemsOfFirstFrame(s.page);
    assert.equal(s.routed(), 2, 'the font was fetched a second time');
    assert.ok(labels >= 3, `the page shows its widgets (${labels} labelled items)`);
    assert.deepEqual(s.pageErrors, []);
  } finally {
    await s.browser.close();
  }
});

test('the first frame waits for a small Latin font only; the rest of it and the CJK font follow', async () => {
  const s = await openWithFailingFont(0);
  try {
    await s.page.waitForFunction(() => window.timpush.cjkFontLoaded(), null, { timeout: 20000, polling: 50 });
    const fonts = await s.page.evaluate(() => ({
      firstFrameMs: window.timpush.firstFrameMs(),
      loads: performance.getEntriesByType('resource').filter((e) => e.name.includes('/fonts/'))
        .map((e) => ({ file: e.name.split('/').pop(), startTime: e.startTime, bytes: e.encodedBodySize })),
    }));
    const first = fonts.loads.filter((f) => /-latin\.ttf$/.test(f.file));
    const later = fonts.loads.filter((f) => !/-latin\.ttf$/.test(f.file));
    assert.equal(first.length, 1);
    assert.ok(first[0].bytes < 40 * 1024, `the font the first frame waits for is small (${first[0].bytes} bytes)`);
    assert.deepEqual(later.map((f) => f.file.replace(/^[^-]*-/, '')).sort(), ['gb2312.ttf', 'latin-more.ttf']);
    for (const f of later) {
      assert.ok(f.startTime >= fonts.firstFrameMs, `${f.file} was asked for after the first frame`);
    }
    await s.page.evaluate(() => window.timpush.nextFrame());  // fonts are merged between frames
    const missing = await s.page.evaluate((t) => window.timpush.missingGlyphs(t),
      FIRST_FONT_TEXT + LATER_FONT_TEXT + CJK_TEXT);
    assert.deepEqual(missing, [], 'every character is drawn once the later fonts are in');
    assert.deepEqual(s.pageErrors, []);
  } finally {
    await s.browser.close();
  }
});

test('without the rest of the Latin font the page still draws Latin-1 and Chinese', async () => {
  const s = await openWithFailingFont(Infinity, /\/fonts\/[^/]*-latin-more\.ttf$/);
  try {
    await s.page.waitForFunction(() => window.timpush.cjkFontLoaded(), null, { timeout: 20000, polling: 50 });
    await s.page.evaluate(() => window.timpush.nextFrame());
    assert.deepEqual(await s.page.evaluate((t) => window.timpush.missingGlyphs(t), FIRST_FONT_TEXT + CJK_TEXT), []);
    const missing = await s.page.evaluate((t) => window.timpush.missingGlyphs(t), LATER_FONT_TEXT);
    assert.deepEqual(missing, [...LATER_FONT_TEXT], 'the later part is what supplies these');
    assert.deepEqual(s.pageErrors, []);
  } finally {
    await s.browser.close();
  }
});

test('a Latin font that cannot be fetched is explained over the page, which does not crash', async () => {
  const s = await openWithFailingFont(Infinity);
  try {
    await s.page.waitForFunction(() => document.querySelector('#timpush-status.failed') !== null, null,
      { timeout: 20000 });
    const status = await s.page.textContent('#timpush-status');
    assert.match(status, /could not load its font/);
    assert.match(status, /reload/i);
    assert.equal(await s.page.evaluate(() => window.timpush.firstFrameMs()), null, 'no blank frame was drawn');
    assert.deepEqual(s.pageErrors, [], 'no uncaught exception');
  } finally {
    await s.browser.close();
  }
});
