// Touch on the composer's canvas: a tap is a click, a drag scrolls what is under the finger with
// momentum, a finger held still is a long press (a text field then offers Paste), and a second
// finger is a pinch the browser keeps for its own zoom. The wasm side does the hit-testing
// (timpush_web_touch_*); this file only turns touch events into those calls.
// Loaded before bridge.js, which installs it on the canvas before Emscripten's GLFW adds its own
// listeners: these run first and stop GLFW's, which would take a touch for a mouse press.
'use strict';

// env: ready() is true once the runtime runs, wasm() the Emscripten module, focusText() gives
// the hidden text area the focus (in a touch's own handler: a phone opens its keyboard only
// for a user's gesture).
function timpushInstallTouch(canvas, env) {
  const SLOP = 8;          // CSS px a finger may wander and still tap
  const LONG_PRESS = 500;  // ms held still: a long press (a field then offers Paste)
  const touch = { id: null, x0: 0, y0: 0, x: 0, y: 0, t0: 0, t: 0, vx: 0, vy: 0, drag: false, held: 0 };
  let fling = 0;
  let lastTouch = -1e9;
  const at = (t) => { const r = canvas.getBoundingClientRect(); return [t.clientX - r.left, t.clientY - r.top]; };
  const ours = (e) => [...e.changedTouches].find((t) => t.identifier === touch.id);
  function flingOn() {
    let last = performance.now();
    const step = (now) => {
      const dt = Math.min(50, now - last);
      last = now;
      const decay = Math.exp(-dt / 325);  // the content slows as a thrown page does
      touch.vx *= decay;
      touch.vy *= decay;
      const moved = env.wasm()._timpush_web_touch_scroll(touch.x0, touch.y0, touch.vx * dt, touch.vy * dt);
      fling = moved && Math.hypot(touch.vx, touch.vy) > 0.02 ? requestAnimationFrame(step) : 0;
      if (!fling) env.wasm()._timpush_web_touch_end();
    };
    fling = requestAnimationFrame(step);
  }
  canvas.addEventListener('touchstart', (e) => {
    e.stopImmediatePropagation();
    cancelAnimationFrame(fling);
    fling = 0;
    touch.id = null;
    if (e.touches.length !== 1 || !env.ready()) return;
    const t = e.changedTouches[0];
    const [x, y] = at(t);
    Object.assign(touch, { id: t.identifier, x0: x, y0: y, x, y, t0: e.timeStamp, t: e.timeStamp, vx: 0, vy: 0, drag: false });
    env.wasm()._timpush_web_touch_point(x, y);
    // Held still: a long press, given at once (a browser may cancel a long touch for its own menu).
    clearTimeout(touch.held);
    touch.held = setTimeout(() => {
      if (touch.id === null || touch.drag) return;
      touch.id = null;
      if (env.wasm()._timpush_web_touch_tap(touch.x0, touch.y0, 1)) env.focusText();
    }, LONG_PRESS);
  }, { capture: true, passive: true });
  canvas.addEventListener('touchmove', (e) => {
    e.stopImmediatePropagation();
    const t = ours(e);
    if (!t || e.touches.length !== 1) { touch.id = null; return; }
    if (e.cancelable) e.preventDefault();
    const [x, y] = at(t);
    if (!touch.drag && Math.hypot(x - touch.x0, y - touch.y0) < SLOP) return;
    touch.drag = true;
    clearTimeout(touch.held);
    const dt = Math.max(1, e.timeStamp - touch.t);
    const dx = x - touch.x, dy = y - touch.y;
    touch.vx = 0.8 * (dx / dt) + 0.2 * touch.vx;
    touch.vy = 0.8 * (dy / dt) + 0.2 * touch.vy;
    Object.assign(touch, { x, y, t: e.timeStamp });
    env.wasm()._timpush_web_touch_scroll(touch.x0, touch.y0, dx, dy);
  }, { capture: true, passive: false });
  canvas.addEventListener('touchend', (e) => {
    e.stopImmediatePropagation();
    clearTimeout(touch.held);
    lastTouch = performance.now();
    // No mouse events or click after it: the tap is given here (or was, by a long press).
    if (e.cancelable) e.preventDefault();
    if (!ours(e)) return;
    touch.id = null;
    if (touch.drag) {
      // A finger that stopped before lifting throws nothing.
      if (e.timeStamp - touch.t < 100) flingOn();
      else env.wasm()._timpush_web_touch_end();
      return;
    }
    // Focus in the touch's own handler: a phone opens its keyboard only for a user's gesture.
    if (env.wasm()._timpush_web_touch_tap(touch.x0, touch.y0, 0)) env.focusText();
  }, { capture: true, passive: false });
  canvas.addEventListener('touchcancel', (e) => { e.stopImmediatePropagation(); clearTimeout(touch.held); touch.id = null; }, true);
  // Mouse events a browser makes up after a touch are not a second click.
  for (const type of ['mousedown', 'mouseup', 'mousemove']) {
    canvas.addEventListener(type, (e) => { if (performance.now() - lastTouch < 800) e.stopImmediatePropagation(); }, true);
  }
}
