// Shared harness of the browser tests: starts `timpush serve` on the built page, drives the
// system Chromium through playwright-core, and works the page like a person through the
// automation hook (window.timpush): find an item by label, click it, type, paste, look.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const artifactsDir = join(repoRoot, 'test-artifacts');
export const siteDir = process.env.TIMPUSH_SITE || join(repoRoot, 'build', 'web', 'site');
const chromiumPath = process.env.TIMPUSH_CHROMIUM || '/usr/bin/chromium';

// The screen is deliberately larger than the viewport: when they are equal, Emscripten's GLFW
// asks for fullscreen and logs a permission error.
export const defaultViewport = { width: 1280, height: 800 };
const screenSize = { width: 1920, height: 1200 };

function findTimpushBinary() {
  const candidates = [
    process.env.TIMPUSH_BIN,
    join(repoRoot, 'build', 'test', 'src', 'cli', 'timpush'),
    join(repoRoot, 'build', 'release', 'src', 'cli', 'timpush'),
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) || null;
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

function waitForLine(child, pattern, what, timeoutMs = 15000) {
  return new Promise((resolveLine, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      reject(new Error(`${what} printed no ${pattern} within ${timeoutMs} ms; output so far:\n${seen}`));
    }, timeoutMs);
    const onData = (chunk) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolveLine(m);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (code ${code}) before printing its URL:\n${seen}`));
    });
  });
}

// Starts the page server and resolves with { url, kind, log, stop() }. The real server is
// `timpush serve`; only when no timpush binary is built at all does a plain static server stand
// in (for work on the page alone), and the result says so.
export async function startServer({ site = siteDir } = {}) {
  if (!existsSync(join(site, 'index.html'))) {
    throw new Error(`no built page at ${site}: run scripts/build-web.sh first`);
  }
  const bin = findTimpushBinary();
  let child;
  let url;
  let kind;
  const log = [];
  if (bin) {
    child = spawn(bin, ['serve', '--port', '0', '--root', site], { stdio: ['ignore', 'pipe', 'pipe'] });
    kind = 'timpush';
    const m = await waitForLine(child, /serving .* at (http:\/\/\S+)/, 'timpush serve');
    url = m[1].endsWith('/') ? m[1] : m[1] + '/';
  } else {
    const port = await freePort();
    child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', site],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    kind = 'python-static';
    await waitForLine(child, /Serving HTTP/, 'python3 -m http.server');
    url = `http://127.0.0.1:${port}/`;
  }
  child.stdout.on('data', (c) => log.push(c.toString()));
  child.stderr.on('data', (c) => log.push(c.toString()));
  return {
    url,
    kind,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// Launches Chromium with a fresh profile. Never downloads a browser: the system one is used.
// hasTouch and isMobile emulate a phone or a tablet (a finger, a soft keyboard's text path).
// timezoneId (e.g. "Asia/Shanghai") sets the browser's time zone; the machine's otherwise.
export async function launchBrowser({ viewport = defaultViewport, deviceScaleFactor = 1, hasTouch = false,
  isMobile = false, colorScheme = 'light', timezoneId } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'timpush-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport,
    // Larger than the viewport (see screenSize), also for the widest viewports tested.
    screen: { width: Math.max(screenSize.width, viewport.width + 200), height: Math.max(screenSize.height, viewport.height + 200) },
    deviceScaleFactor,
    hasTouch,
    isMobile,
    colorScheme,
    ...(timezoneId ? { timezoneId } : {}),
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    ],
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Opens the server's page in a fresh browser with every request whose URL matches `pattern` left
// to `handle(route, n)` (n counts them from 1), for pages that meet a failing or odd network.
// Returns { browser, page, pageErrors, routed() }; the caller closes the browser.
export async function openWithRoute(server, pattern, handle) {
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  let routed = 0;
  await page.route(pattern, (route) => { routed += 1; return handle(route, routed); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url, { waitUntil: 'load' });
  return { browser, page, pageErrors, routed: () => routed };
}

// Waits for the page's first frame and returns how many items of it carry a label: a page that
// started shows its form, not an empty canvas.
export async function labelledItemsOfFirstFrame(page, timeout = 20000) {
  await page.waitForFunction(() => window.timpush && window.timpush.firstFrameMs() !== null, null, { timeout });
  return (await page.evaluate(() => window.timpush.items())).filter((it) => it.label).length;
}

// Polls `fn` in the page (a function of one argument) until it returns a truthy value.
async function pollPage(page, fn, arg, { timeout = 10000, what = 'condition' } = {}) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: 25 });
    return await handle.jsonValue();
  } catch (err) {
    throw new Error(`timed out after ${timeout} ms waiting for ${what}: ${err.message.split('\n')[0]}`);
  }
}

// Opens the page in a fresh browser and returns a session with the person-like helpers.
// With `url` (a file:// page, say) no server is started and the page is opened as it is.
export async function openPage({ server, viewport, deviceScaleFactor, hasTouch, isMobile, colorScheme, timezoneId, path = '', url } = {}) {
  const ownServer = !server && !url;
  if (url) server = { url, kind: 'none', log: [], async stop() {} };
  server = server || (await startServer());
  const browser = await launchBrowser({ viewport, deviceScaleFactor, hasTouch, isMobile, colorScheme, timezoneId });
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  const consoleMessages = [];
  const pageErrors = [];
  const requests = [];
  page.on('console', (msg) => consoleMessages.push({ type: msg.type(), text: msg.text() }));
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('request', (req) => requests.push({ url: req.url(), method: req.method(), postData: req.postData(), time: Date.now() }));
  const cdp = await browser.context.newCDPSession(page);
  // A person's browser lets a page write the clipboard after a key press; headless needs leave.
  const origin = new URL(server.url).origin;
  if (origin !== 'null') {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  }

  const session = {
    page,
    server,
    cdp,
    consoleMessages,
    pageErrors,
    requests,
    firstFrameMs: null,

    // Console errors, page exceptions: what a user would see as a broken page.
    errors() {
      return [
        ...consoleMessages.filter((m) => m.type === 'error').map((m) => `console: ${m.text}`),
        ...pageErrors.map((e) => `exception: ${e}`),
      ];
    },

    async state() {
      return page.evaluate(() => window.timpush.state());
    },
    async items() {
      return page.evaluate(() => window.timpush.items());
    },
    async textActive() {
      return page.evaluate(() => window.timpush.textActive());
    },
    // All text the page draws (see window.timpush.pageText).
    async pageText() {
      return page.evaluate(() => window.timpush.pageText());
    },
    async nextFrame() {
      return page.evaluate(() => window.timpush.nextFrame());
    },
    // Waits until the page's text holds `needle` (a string or a RegExp) and returns the text.
    async waitForText(needle, { timeout = 10000 } = {}) {
      const until = Date.now() + timeout;
      let text = '';
      while (Date.now() < until) {
        text = await session.pageText();
        if (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) return text;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`page never showed ${needle}; last text (its end):\n${text.slice(-3000)}`);
    },

    // The item whose visible label (or whole ImGui label) is `label`, optionally inside the
    // top-level window `window`. Waits for it to appear, since panels may draw a frame late.
    async itemByLabel(label, { window, timeout = 5000, visible = true } = {}) {
      if (visible) await session.scrollIntoView(label, { window });
      const found = await pollPage(page, ({ label, win, visible }) => {
        const hit = globalThis.timpush.items().find((it) => (it.label === label || it.idLabel === label) &&
          !it.isWindow && (!win || it.window === win) && (!visible || it.visible));
        return hit || null;
      }, { label, win: window || null, visible }, { timeout, what: `item "${label}"${window ? ` in window "${window}"` : ''}` });
      return found;
    },

    // Like a person, turns the mouse wheel over the window holding the item until it shows whole
    // (a row cut by the window's edge takes a click on that edge instead).
    async scrollIntoView(label, { window, tries = 40 } = {}) {
      const match = (it) => (it.label === label || it.idLabel === label) && !it.isWindow &&
        (!window || it.window === window);
      const whole = (it, items) => {
        const holder = items.find((w) => w.isWindow && w.child === it.child);
        return !holder || (it.y >= holder.y - 1 && it.y + it.h <= holder.y + holder.h + 1);
      };
      for (let i = 0; i < tries; i++) {
        const shown = await session.items();
        const hit = shown.find((it) => match(it) && it.visible);
        if (hit && whole(hit, shown)) return;
        // Items out of view carry no label in a normal frame: look in a frame drawn unclipped.
        const all = await page.evaluate(() => window.timpush.allItems());
        const item = all.find(match);
        if (!item || (item.visible && whole(item, all))) return;
        const holder = all.find((it) => it.isWindow && it.child === item.child);
        if (!holder) return;
        const cy = holder.y + holder.h / 2;
        await page.mouse.move(holder.x + holder.w / 2, cy);
        await page.mouse.wheel(0, item.y > cy ? 120 : -120);
        await session.nextFrame();
        await session.nextFrame();
      }
    },

    // Clicks the first visible item matching `pred` (labels made at run time: a count, a lesson's
    // title), the mouse held a frame as a person's click is.
    async clickWhere(pred, what) {
      const item = (await session.items()).find((it) => !it.isWindow && it.visible && pred(it));
      if (!item) throw new Error(`no visible item for ${what}`);
      await page.mouse.move(item.x + Math.min(item.w / 2, 40), item.y + item.h / 2);
      await session.nextFrame();
      await page.mouse.down();
      await session.nextFrame();
      await page.mouse.up();
      await session.nextFrame();
      await session.nextFrame();
      return item;
    },

    // A place from the navigation by touch: its button when the places fit on one row, else from
    // the places menu (a phone).
    async tapPlace(name) {
      const items = await session.items();
      if (!items.some((it) => it.visible && it.label === name && it.child === 'timpush composer')) {
        const menu = items.find((it) => it.visible && it.idLabel.endsWith('###Places'));
        if (!menu) throw new Error(`neither ${name} nor the places menu is shown`);
        await session.touchAt(menu.x + menu.w / 2, menu.y + menu.h / 2);
      }
      await session.tap(name);
    },

    // Moves the sandbox's clock `seconds` ahead (POST /sandbox/clock, loopback only): a minute of
    // a push's delivery, or a schedule's wait, without waiting. Returns the HTTP status.
    async advanceSandbox(seconds) {
      return page.evaluate(async (n) => {
        const r = await fetch('/sandbox/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ AdvanceSeconds: n }) });
        return r.status;
      }, seconds);
    },

    async click(label, opts = {}) {
      const item = await session.itemByLabel(label, opts);
      const x = item.x + Math.min(item.w / 2, Math.max(4, item.w - 4));
      const y = item.y + item.h / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.up();
      await session.nextFrame();
      return item;
    },

    // A finger: a tap on the item (touch events, as a phone sends them), a long press, a drag.
    // A finger scrolls a partly hidden item wholly into view first (by dragging its region).
    async tap(label, opts = {}) {
      await session.dragIntoView(label, opts);
      let item = await session.itemByLabel(label, opts);
      for (let i = 0; i < 4; i++) {
        const holder = (await session.items()).find((it) => it.isWindow && it.child === item.child);
        if (!holder) break;
        const below = item.y + item.h - (holder.y + holder.h - 8);
        const above = holder.y + 8 - item.y;
        if (below <= 0 && above <= 0) break;
        const dy = below > 0 ? -Math.min(below + 40, holder.h / 2) : Math.min(above + 40, holder.h / 2);
        const startY = holder.y + holder.h / 2 - dy / 2;
        await session.drag(holder.x + holder.w / 2, startY, 0, dy, 8, 150);
        await session.nextFrame();
        item = await session.itemByLabel(label, opts);
      }
      await session.touchAt(item.x + Math.min(item.w / 2, 40), item.y + item.h / 2, opts.holdMs || 0);
      return item;
    },
    // A finger's scrollIntoView: drags the region holding the item (found in a frame drawn
    // unclipped) until the item shows whole, since a phone has no mouse wheel to turn.
    async dragIntoView(label, { window, tries = 12 } = {}) {
      const match = (it) => (it.label === label || it.idLabel === label) && !it.isWindow &&
        (!window || it.window === window);
      for (let i = 0; i < tries; i++) {
        const all = await page.evaluate(() => window.timpush.allItems());
        const item = all.find(match);
        const holder = item && all.find((it) => it.isWindow && it.child === item.child);
        if (!holder) return;
        const below = item.y + item.h - (holder.y + holder.h - 8);
        const above = holder.y + 8 - item.y;
        if (below <= 0 && above <= 0) return;
        const dy = below > 0 ? -Math.min(below + 40, holder.h / 2) : Math.min(above + 40, holder.h / 2);
        await session.drag(holder.x + holder.w / 2, holder.y + holder.h / 2 - dy / 2, 0, dy, 8, 150);
        await session.nextFrame();
      }
    },
    async touchAt(x, y, holdMs = 0) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      if (holdMs) await new Promise((r) => setTimeout(r, holdMs));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await session.nextFrame();
      await session.nextFrame();
    },
    // Drags a finger from (x, y) by (dx, dy) in `steps` moves 16 ms apart, then lifts it (after
    // holding it still for `still` ms: then the page flings nothing).
    async drag(x, y, dx, dy, steps = 12, still = 0) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let i = 1; i <= steps; i++) {
        await new Promise((r) => setTimeout(r, 16));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove',
          touchPoints: [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps }] });
      }
      if (still) await new Promise((r) => setTimeout(r, still));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await session.nextFrame();
    },

    // Two fingers: the first lands at (x, y), the second `gap` px to its right, then both move
    // apart by `spread` px each in `steps` moves 16 ms apart, and lift together (a pinch out).
    async pinch(x, y, { gap = 30, spread = 60, steps = 8 } = {}) {
      const points = (d) => [{ x: x - d, y, id: 0 }, { x: x + gap + d, y, id: 1 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 0 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(0) });
      for (let i = 1; i <= steps; i++) {
        await new Promise((r) => setTimeout(r, 16));
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points((spread * i) / steps) });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await session.nextFrame();
      await session.nextFrame();
    },
    // Clicks a text field and waits until the page reports it taking text, then types. ASCII goes
    // as real key presses; anything else as committed IME text, as a Chinese IME would send it.
    async typeInto(label, text, opts = {}) {
      const item = await session.click(label, opts);
      await pollPage(page, (id) => window.timpush.textActive() && window.timpush.activeId() === id,
        item.id, { what: `text field "${label}" to become active` });
      await session.typeText(text);
      return item;
    },

    // Replaces a text field's whole content with `text` and checks that the field took it all
    // (a field with a character filter would not).
    async fill(label, text, opts = {}) {
      const item = await session.click(label, opts);
      await pollPage(page, (id) => window.timpush.textActive() && window.timpush.activeId() === id,
        item.id, { what: `text field "${label}" to become active` });
      await page.keyboard.press('Control+A');
      await session.nextFrame();
      if (text === '') await page.keyboard.press('Delete');
      else await session.typeText(text);
      await session.waitForActiveText(text);
      return item;
    },

    async typeText(text) {
      // Runs of ASCII are typed key by key; other runs go through the IME path.
      const runs = text.match(/[\x20-\x7e]+|[^\x20-\x7e]+/g) || [];
      for (const run of runs) {
        if (/^[\x20-\x7e]+$/.test(run)) await page.keyboard.type(run);
        else await session.imeCommit(run);
      }
      await session.nextFrame();
    },

    // A composition as an IME makes it: provisional text first, then the committed result.
    async imeCommit(text) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await cdp.send('Input.insertText', { text });
    },

    // Plain text insertion (what a soft keyboard or dictation sends).
    async insertText(text) {
      await cdp.send('Input.insertText', { text });
      await session.nextFrame();
    },

    // A paste, as the browser delivers it after Ctrl+V.
    async paste(text) {
      await page.evaluate((t) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', t);
        const target = document.activeElement || document.body;
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, text);
      await session.nextFrame();
    },

    // Waits until the text being edited equals `expected` (or the timeout).
    async waitForActiveText(expected, { timeout = 5000 } = {}) {
      return pollPage(page, (want) => window.timpush.state().activeText === want, expected,
        { timeout, what: `the active field to hold ${JSON.stringify(expected)}` });
    },

    async readClipboard() {
      return page.evaluate(() => navigator.clipboard.readText());
    },

    async screenshot(name) {
      mkdirSync(artifactsDir, { recursive: true });
      const file = join(artifactsDir, `${name}.png`);
      await session.nextFrame();
      await page.screenshot({ path: file });
      return file;
    },

    async close() {
      await browser.close();
      if (ownServer) await server.stop();
    },
  };

  const started = Date.now();
  await page.goto(server.url + path, { waitUntil: 'load' });
  await pollPage(page, () => window.timpush && window.timpush.firstFrameMs() !== null, null,
    { timeout: 20000, what: 'the first frame' });
  session.firstFrameMs = await page.evaluate(() => window.timpush.firstFrameMs());
  session.openedInMs = Date.now() - started;
  return session;
}

// The colour of one CSS pixel of the page as the browser shows it (a screenshot, decoded by the
// page's own image decoder).
export async function pixelAt(s, x, y) {
  const png = await s.page.screenshot({ clip: { x, y, width: 1, height: 1 }, scale: 'css' });
  return s.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = new OffscreenCanvas(1, 1);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0, 1, 1);
    const [r, gr, b] = g.getImageData(0, 0, 1, 1).data;
    return { r, g: gr, b };
  }, png.toString('base64'));
}
