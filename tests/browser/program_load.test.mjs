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

// The wasm comes in two parts (src/platform/web/split_first_frame.mjs): what the first frame runs,
// then the rest, asked for only once the first frame is on screen.
const openWithDeferredRoute = (handle) => openWithRoute(server, /\/timpush\.deferred\.wasm$/, handle);

async function clickLabel(page, label) {
  const item = (await page.evaluate(() => window.timpush.items()))
    .find((it) => it.visible && !it.isWindow && it.label === label);
  assert.ok(item, `a visible "${label}"`);
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
}

test('the second part of the program is asked for after the first frame, and joins the page', async () => {
  let askedAt = null;
  const s = await openWithDeferredRoute((route) => { askedAt ??= Date.now(); return route.continue(); });
  try {
    await labelledItemsOfFirstFrame(s.page);
    const firstFrameAt = await s.page.evaluate(() => performance.timeOrigin + window.timpush.firstFrameMs());
    await s.page.waitForFunction(() => window.timpush.frame() > 0, null, { timeout: 5000 });
    for (let i = 0; i < 50 && askedAt === null; i++) await s.page.waitForTimeout(100);
    assert.ok(askedAt !== null, 'the page asked for timpush.deferred.wasm');
    assert.ok(askedAt >= firstFrameAt - 5, `asked ${Math.round(askedAt - firstFrameAt)} ms after the first frame`);
    // The places beyond the composer run code of the second part.
    await clickLabel(s.page, 'Error codes');
    await s.page.waitForFunction(() => window.timpush.items().some((it) => it.visible && /^Search/.test(it.label || '')),
      null, { timeout: 10000 }).catch(() => {});
    assert.equal(s.routed(), 1, 'asked for once: joined, not fetched again');
    assert.deepEqual(s.pageErrors, []);
  } finally {
    await s.browser.close();
  }
});

test('a click that needs the second part before it has arrived waits for it instead of failing', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  // The first request (the background fetch after the first frame) is held back; the page's
  // synchronous request for the same file, made when a click runs code of the second part, is not.
  const s = await openWithDeferredRoute(async (route, n) => {
    if (n === 1) { await held; return route.abort('connectionreset'); }
    return route.continue();
  });
  try {
    await labelledItemsOfFirstFrame(s.page);
    for (const label of ['Error codes', 'Help', 'History']) {
      await clickLabel(s.page, label);
      await s.page.evaluate(() => window.timpush.nextFrame());
      if (s.routed() > 1) break;
    }
    assert.equal(s.routed(), 2, 'a click ran code of the second part and loaded it at once');
    const labels = (await s.page.evaluate(() => window.timpush.items())).filter((it) => it.label).length;
    assert.ok(labels >= 3, `the page still draws its widgets (${labels} labelled items)`);
    release();
    await s.page.waitForTimeout(200);
    assert.deepEqual(s.pageErrors, [], 'no uncaught exception');
  } finally {
    release();
    await s.browser.close();
  }
});
