// The page asks for its wasm itself, first thing (web/bridge.js), and compiles it while its scripts
// run. A host that serves the wasm under another Content-Type must still work, and a wasm that
// cannot be fetched must be said plainly rather than leave "Loading…" up for ever. So must a
// browser that knows WebGL2 but cannot give the page a context (a GPU it blocks, say).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { labelledItemsOfFirstFrame, launchBrowser, openWithRoute, startServer } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

// Opens the page with every request for timpush.wasm handled by `handle(route)`.
const openWithWasmRoute = (handle) => openWithRoute(server, /\/timpush\.wasm$/, handle);

test('a wasm served as application/octet-stream is compiled from its bytes and the page starts', async () => {
  const s = await openWithWasmRoute(async (route) => {
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  try {
    const labels = await labelledItemsOfFirstFrame(s.page);
    assert.equal(s.routed(), 2, 'streaming compilation refused the type; the bytes were fetched again');
    assert.ok(labels >= 3, `the page shows its widgets (${labels} labelled items)`);
    assert.deepEqual(s.pageErrors, []);
  } finally {
    await s.browser.close();
  }
});

test('a wasm that cannot be fetched is explained over the page', async () => {
  const s = await openWithWasmRoute((route) => route.abort('connectionreset'));
  try {
    await s.page.waitForFunction(() => document.querySelector('#timpush-status.failed') !== null, null,
      { timeout: 20000 });
    const status = await s.page.textContent('#timpush-status');
    assert.match(status, /could not load its program/);
    assert.match(status, /reload/i);
    assert.equal(await s.page.evaluate(() => window.timpush.firstFrameMs()), null, 'no frame was drawn');
    assert.deepEqual(s.pageErrors, [], 'no uncaught exception');
  } finally {
    await s.browser.close();
  }
});

test('a browser that gives no WebGL2 context is told so over the page', async () => {
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // WebGL2RenderingContext exists, but every canvas refuses a 'webgl2' context.
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : getContext.call(this, type, ...rest);
      };
    });
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#timpush-status.failed') !== null, null,
      { timeout: 20000 });
    assert.match(await page.textContent('#timpush-status'), /needs WebGL2/);
    assert.equal(await page.evaluate(() => window.timpush.firstFrameMs()), null, 'no frame was drawn');
    assert.deepEqual(pageErrors, [], 'no uncaught exception');
  } finally {
    await browser.close();
  }
});
