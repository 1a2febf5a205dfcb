// The page's Latin font is fetched before the first frame and the wasm carries no font of its own,
// so a failed fetch is tried once more, and a font that cannot be had is said plainly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

// Opens the page with the Latin font's first `failures` fetches aborted, as a flaky network would.
async function openWithFailingFont(failures) {
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  let fontFetches = 0;
  await page.route(/\/fonts\/[^/]*latin[^/]*$/, (route) => {
    fontFetches += 1;
    return fontFetches <= failures ? route.abort('connectionreset') : route.continue();
  });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url, { waitUntil: 'load' });
  return { browser, page, pageErrors, fontFetches: () => fontFetches };
}

test('a Latin font fetch that fails once is tried again and the page starts', async () => {
  const s = await openWithFailingFont(1);
  try {
    await s.page.waitForFunction(() => window.timpush.firstFrameMs() !== null, null, { timeout: 20000 });
    assert.equal(s.fontFetches(), 2, 'the font was fetched a second time');
    const labels = (await s.page.evaluate(() => window.timpush.items())).filter((it) => it.label).length;
    assert.ok(labels >= 3, `the page shows its widgets (${labels} labelled items)`);
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
