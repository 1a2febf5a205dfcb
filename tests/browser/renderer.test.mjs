// The page's WebGL2 renderer (src/platform/web/webgl2_renderer.cpp, shaders/) draws each widget
// where Dear ImGui placed it, at any device pixel ratio: the Send button's green fill is on screen
// inside the rectangle the automation hook reports, and not beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, pixelAt, startServer } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });


// The theme's Send button is a saturated green (src/platform/web/theme.cpp); the page around it
// is near-white or grey.
const isGreen = (p) => p.g > p.r + 40 && p.g > p.b + 40;

for (const deviceScaleFactor of [1, 2]) {
  test(`the Send button is drawn where the hook says, at a device pixel ratio of ${deviceScaleFactor}`, async () => {
    const s = await openPage({ server, viewport: { width: 1280, height: 800 }, deviceScaleFactor });
    try {
      // The layout settles once the late fonts are in (the language buttons' width depends on them).
      await s.page.waitForFunction(() => window.timpush.cjkFontLoaded(), null, { timeout: 15000, polling: 50 });
      await s.nextFrame();
      await s.nextFrame();
      const send = await s.itemByLabel('Send');
      const midY = Math.round(send.y + send.h / 2);
      // Inside, left of the label: the button's fill.
      const inside = await pixelAt(s, Math.round(send.x + 6), midY);
      assert.ok(isGreen(inside), `inside the Send button at ${JSON.stringify(send)}: ${JSON.stringify(inside)}`);
      // A few pixels outside its left and right edges: not the button.
      const left = await pixelAt(s, Math.round(send.x - 4), midY);
      const right = await pixelAt(s, Math.round(send.x + send.w + 3), midY);
      assert.ok(!isGreen(left), `left of the Send button: ${JSON.stringify(left)}`);
      assert.ok(!isGreen(right), `right of the Send button: ${JSON.stringify(right)}`);
      assert.deepEqual(s.errors(), []);
    } finally {
      await s.close();
    }
  });
}
