// The hosted page after one visit opens again with no network and no server: its service worker
// (web/sw.js) kept the page, the wasm and both fonts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, startServer } from './helpers.mjs';

test('after a first visit the page opens offline', async (t) => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    await page.goto(server.url);
    await page.waitForFunction(() => window.timpush && window.timpush.firstFrameMs() !== null, null, { timeout: 20000 });
    // The worker registers a few seconds after the first frame and copies the page's files.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000, polling: 100 });
    await browser.context.setOffline(true);
    await server.stop();
    await page.reload();
    await page.waitForFunction(() => window.timpush && window.timpush.firstFrameMs() !== null, null, { timeout: 20000 });
    t.diagnostic(`offline first frame ${Math.round(await page.evaluate(() => window.timpush.firstFrameMs()))} ms`);
    await page.waitForFunction(() => window.timpush.cjkFontLoaded(), null, { timeout: 20000, polling: 50 });
    const labels = (await page.evaluate(() => window.timpush.items())).filter((it) => it.label).length;
    assert.ok(labels >= 3, `the offline page shows its widgets (${labels} labelled items)`);
  } finally {
    await browser.close();
    await server.stop();
  }
});
