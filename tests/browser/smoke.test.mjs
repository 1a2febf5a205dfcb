// Smoke test of the composer page as a user meets it: served by `timpush serve`, it draws its
// first frame, lists its widgets through window.timpush, takes typed, composed and pasted text,
// follows the window's size at any pixel ratio, idles without drawing, and logs no errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { openPage, startServer } from './helpers.mjs';

// ImGuiItemStatusFlags_Inputable (imgui_internal.h of Dear ImGui 1.92.2b, with the test engine on).
const INPUTABLE = 1 << 24;

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

// Text fields in drawing order, the smoke field named by TIMPUSH_SMOKE_FIELD first if given.
async function textFieldCandidates(s) {
  const items = await s.items();
  const fields = items.filter((it) => !it.isWindow && it.visible && (it.status & INPUTABLE) && it.w > 20);
  const wanted = process.env.TIMPUSH_SMOKE_FIELD;
  if (wanted) fields.sort((a, b) => (b.label === wanted) - (a.label === wanted));
  return fields;
}

// Clicks a field, selects all it holds, types `text`; true when the field then holds exactly it.
async function replaceFieldText(s, field, text) {
  const { page } = s;
  await page.mouse.click(field.x + Math.min(field.w / 2, 40), field.y + field.h / 2);
  try {
    await page.waitForFunction((id) => window.timpush.textActive() && window.timpush.activeId() === id,
      field.id, { timeout: 3000, polling: 25 });
  } catch {
    return false;  // not a text field after all (a drag or slider reports Inputable too)
  }
  if ((await s.state()).activeText === null) return false;  // a password field shows nothing
  await page.keyboard.press('Control+A');
  await s.nextFrame();
  await s.typeText(text);
  try {
    await s.waitForActiveText(text, { timeout: 3000 });
    return true;
  } catch {
    return false;  // a field with a character filter (digits only, say)
  }
}

test('the page loads from the server, draws a first frame and lists its items', async (t) => {
  const s = await openPage({ server });
  try {
    t.diagnostic(`server: ${server.kind} at ${server.url}`);
    t.diagnostic(`first frame ${Math.round(s.firstFrameMs)} ms after navigation start (goto to first frame ${s.openedInMs} ms)`);
    assert.equal(server.kind, 'timpush', 'the page must be served by `timpush serve` (build the native program)');
    assert.ok(s.firstFrameMs > 0 && s.firstFrameMs < 15000, `first frame at ${s.firstFrameMs} ms`);

    const items = await s.items();
    const widgets = items.filter((it) => !it.isWindow && it.label && it.w > 0 && it.h > 0);
    t.diagnostic(`${items.length} items, ${widgets.length} labelled widgets; first labels: ` +
      widgets.slice(0, 12).map((w) => JSON.stringify(w.label)).join(', '));
    assert.ok(widgets.length >= 3, 'the page shows labelled widgets');
    const vp = s.page.viewportSize();
    for (const w of widgets.filter((it) => it.visible)) {
      assert.ok(w.x < vp.width && w.y < vp.height && w.x + w.w > 0 && w.y + w.h > 0,
        `visible item ${w.label} lies on the page: ${JSON.stringify(w)}`);
    }
    assert.ok(items.some((it) => it.isWindow), 'windows are listed too');

    // The drawn text holds every widget label the hook listed as visible.
    const text = await s.pageText();
    for (const w of widgets.filter((it) => it.visible).slice(0, 10)) {
      assert.ok(text.includes(w.label), `page text has "${w.label}"`);
    }

    // Loading the page talks to its own server only.
    const origin = new URL(server.url).origin;
    t.diagnostic(`requests: ${s.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`).join(', ')}`);
    for (const r of s.requests) assert.equal(new URL(r.url).origin, origin, `request to ${r.url}`);

    // The Chinese font arrives after the first frame; the page must take it in.
    await s.page.waitForFunction(() => window.timpush.cjkFontLoaded(), null, { timeout: 15000, polling: 50 });
    await s.nextFrame();

    const shot = await s.screenshot('smoke-first-frame');
    assert.ok(statSync(shot).size > 10000, 'the screenshot shows a drawn page');
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});

test('an idle page draws no frames', async (t) => {
  const s = await openPage({ server });
  try {
    // Let the late CJK font, hover timers and settle frames run out (the mouse rests where the
    // browser left it).
    await s.page.waitForFunction(() => window.timpush.cjkFontLoaded(), null, { timeout: 15000, polling: 50 });
    await new Promise((r) => setTimeout(r, 2500));
    const before = await s.page.evaluate(() => window.timpush.frame());
    const ms = 3000;
    await new Promise((r) => setTimeout(r, ms));
    const after = await s.page.evaluate(() => window.timpush.frame());
    const fps = ((after - before) * 1000) / ms;
    t.diagnostic(`idle: ${after - before} frames in ${ms} ms (${fps.toFixed(2)} frames/s)`);
    assert.ok(after - before <= 1, `an idle page drew ${after - before} frames in ${ms} ms`);

    // For comparison: how fast frames come when the page is kept busy.
    const busy = await s.page.evaluate(async () => {
      const start = performance.now();
      const first = window.timpush.frame();
      while (performance.now() - start < 2000) await window.timpush.nextFrame();
      return ((window.timpush.frame() - first) * 1000) / (performance.now() - start);
    });
    const cpuMs = await s.page.evaluate(() => window.timpush.lastFrameMs());
    t.diagnostic(`busy: ${busy.toFixed(1)} frames/s; CPU time of the last frame ${cpuMs.toFixed(1)} ms`);
    assert.ok(busy > 5, `frames come when asked for (${busy.toFixed(1)}/s)`);

    // A burst of input draws frames, then the page goes quiet again.
    await s.page.mouse.move(300, 200);
    await s.page.mouse.move(320, 220);
    await s.nextFrame();
    const woke = await s.page.evaluate(() => window.timpush.frame());
    assert.ok(woke > after, 'input wakes the page');
    await new Promise((r) => setTimeout(r, 2500));
    const quiet = await s.page.evaluate(() => window.timpush.frame());
    await new Promise((r) => setTimeout(r, 2000));
    assert.ok((await s.page.evaluate(() => window.timpush.frame())) - quiet <= 1, 'quiet again after input');
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});

test('a text field takes typed ASCII, composed Chinese and pasted text', async (t) => {
  const s = await openPage({ server });
  try {
    await s.page.waitForFunction(() => window.timpush.cjkFontLoaded(), null, { timeout: 15000, polling: 50 });
    const typed = 'user42 推送测试';
    let field = null;
    for (const candidate of await textFieldCandidates(s)) {
      if (await replaceFieldText(s, candidate, typed)) { field = candidate; break; }
    }
    assert.ok(field, 'some text field takes typed ASCII and Chinese');
    t.diagnostic(`typed into "${field.idLabel}" in window "${field.window}"`);
    // The text-input bridge has the focus and sits at the caret, so an IME window opens there.
    const bridge = await s.page.evaluate(() => {
      const ta = document.getElementById('timpush-text-input');
      const r = ta.getBoundingClientRect();
      return { focused: document.activeElement === ta, x: r.left, y: r.top };
    });
    assert.ok(bridge.focused, 'the textarea bridge has the focus');
    assert.ok(bridge.x >= field.x && bridge.x <= field.x + field.w && bridge.y >= field.y - 2 &&
      bridge.y <= field.y + field.h, `textarea at the caret: ${JSON.stringify(bridge)} in ${JSON.stringify(field)}`);

    // The mouse rests on the field: the pointer is the text beam.
    await s.nextFrame();
    assert.equal(await s.page.evaluate(() => document.getElementById('canvas').style.cursor), 'text');
    // Each character once: the textarea bridge and GLFW must not both deliver it.
    assert.equal((await s.state()).activeText, typed);

    // Backspace still comes through GLFW as a key.
    await s.page.keyboard.press('Backspace');
    await s.waitForActiveText('user42 推送测');

    await s.paste('·粘贴ok');
    await s.waitForActiveText('user42 推送测·粘贴ok');

    await s.insertText('!');
    await s.waitForActiveText('user42 推送测·粘贴ok!');

    // Ctrl+A, Ctrl+C in the field puts its text on the system clipboard.
    await s.page.keyboard.press('Control+A');
    await s.nextFrame();
    await s.page.keyboard.press('Control+C');
    const copied = 'user42 推送测·粘贴ok!';
    await s.page.waitForFunction((want) => navigator.clipboard.readText().then((t) => t === want),
      copied, { timeout: 5000, polling: 50 });

    // A real Ctrl+V pastes the clipboard once, through the browser's paste event.
    await s.page.keyboard.press('End');
    await s.page.keyboard.press('Control+V');
    await s.nextFrame();
    await s.page.keyboard.press('Control+V');
    await s.waitForActiveText(copied.repeat(3));

    // With the field still active the page ticks for the caret only: a few frames a second.
    await new Promise((r) => setTimeout(r, 1000));
    const f0 = await s.page.evaluate(() => window.timpush.frame());
    await new Promise((r) => setTimeout(r, 2000));
    const ticks = (await s.page.evaluate(() => window.timpush.frame())) - f0;
    t.diagnostic(`text field active, idle: ${ticks} frames in 2000 ms`);
    assert.ok(await s.textActive());
    assert.ok(ticks >= 2 && ticks <= 8, `caret ticks: ${ticks} frames in 2 s`);

    await s.screenshot('smoke-typed');
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});

test('the canvas follows the window size, crisp at a device pixel ratio of 2', async (t) => {
  const s = await openPage({ server, viewport: { width: 1000, height: 700 }, deviceScaleFactor: 2 });
  try {
    const size = () => s.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
    });
    let got = await size();
    t.diagnostic(`at 1000x700 css, dpr ${got.dpr}: backing store ${got.w}x${got.h}`);
    assert.deepEqual(got, { w: 2000, h: 1400, cssW: 1000, cssH: 700, dpr: 2 });
    // The top bar's subtitle shows where it fits and gives way on a narrow page rather than run
    // under the buttons.
    const subtitle = 'Tencent Cloud IM: v4/timpush/push';
    assert.ok((await s.pageText()).includes(subtitle), 'the subtitle shows at 1000 css px');

    await s.page.setViewportSize({ width: 760, height: 540 });
    await s.page.waitForFunction(() => document.getElementById('canvas').width === 1520, null, { timeout: 5000, polling: 25 });
    got = await size();
    assert.deepEqual(got, { w: 1520, h: 1080, cssW: 760, cssH: 540, dpr: 2 });

    // Items are reported in CSS pixels: the largest window fits the new page.
    await s.nextFrame();
    await s.nextFrame();
    const windows = (await s.items()).filter((it) => it.isWindow);
    assert.ok(windows.length > 0);
    for (const w of windows) {
      assert.ok(w.x >= -1 && w.x + w.w <= 760 + 1 && w.y >= -1, `window ${w.label} within 760 css px: ${JSON.stringify(w)}`);
    }
    assert.ok(!(await s.pageText()).includes(subtitle), 'no subtitle under the buttons at 760 css px');
    await s.screenshot('smoke-dpr2-760x540');
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});
