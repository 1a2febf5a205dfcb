// The page asks for its wasm itself, first thing (web/bridge.js), and compiles it while its scripts
// run. A host that serves the wasm under another Content-Type must still work, and a wasm that
// cannot be fetched must be said plainly rather than leave "Loading…" up for ever.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { labelledItemsOfFirstFrame, openWithRoute, startServer } from './helpers.mjs';

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
