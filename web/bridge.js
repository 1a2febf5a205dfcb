// The JavaScript half of the composer page: the Emscripten Module settings, the text-input,
// clipboard and font bridges the wasm side calls (TimpushBridge), and the automation hook
// (window.timpush) that browser tests and users' scripts drive the page through. Touch gestures
// are web/touch.js's, installed from here.
// Loaded before timpush.js, so its listeners run before the ones Emscripten's GLFW installs.
'use strict';

(function () {
  // The wasm is asked for before anything else here runs: it then downloads and compiles while
  // the rest of this file and timpush.js are parsed and run (Emscripten itself would ask for it
  // only at the end of timpush.js). The single-file page carries it inline instead.
  const wasmUrl = 'timpush.wasm';
  const wasmInline = document.getElementById('timpush-wasm');
  const wasmCompiled = wasmInline ? null : compileWasm();

  // A file's bytes. XMLHttpRequest, not fetch(): while the wasm starts, the main thread is busy,
  // and Chromium then hands over a fetch() body late: the 24 KB UI font's body came 160-180 ms after
  // its headers, so the first animation frame found no font and the page drew a frame later.
  // XMLHttpRequest delivered the same bytes within 5 ms of them.
  function fetchBytes(url) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', url);
      xhr.responseType = 'arraybuffer';
      // data: URLs (the single-file page) answer with status 200 as well.
      xhr.onload = () => (xhr.status === 200 ? resolve(xhr.response) : reject(new Error('HTTP ' + xhr.status)));
      xhr.onerror = () => reject(new Error('network error'));
      xhr.send();
    });
  }

  function compileWasm() {
    if (typeof WebAssembly !== 'object') return Promise.reject(new Error('this browser has no WebAssembly'));
    const fromBytes = () => fetchBytes(wasmUrl).then((bytes) => WebAssembly.compile(bytes));
    if (typeof WebAssembly.compileStreaming !== 'function') return fromBytes();
    // Streaming needs Content-Type application/wasm; from a host that sends another type (and
    // after a dropped connection) the file is fetched once more and compiled from its bytes.
    const compiled = WebAssembly.compileStreaming(fetch(wasmUrl)).catch(fromBytes);
    compiled.catch(() => {});  // reported when Emscripten asks for the instance (instantiateWasm)
    return compiled;
  }

  const canvas = document.getElementById('canvas');
  const textInput = document.getElementById('timpush-text-input');
  const statusBox = document.getElementById('timpush-status');
  const liveRegion = document.getElementById('timpush-live');
  const meta = (name) => {
    const el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.content : '';
  };

  // The program's second part (src/platform/web/split_first_frame.mjs): the code the first frame
  // does not run. Fetched and compiled once the first frame is on screen and joined to the
  // running program at once. A call into it before then (Emscripten's placeholder calls
  // loadSplitModule) loads it synchronously: a pause instead of a failure.
  const deferredUrl = meta('timpush-deferred-wasm');
  const deferredInline = document.getElementById('timpush-deferred-wasm');
  let deferred = null;  // [instance, module] once joined
  let deferredBytes = null;  // the single-file page's copy, decoded once
  const inlineDeferred = () => deferredBytes || (deferredBytes = inlineBytes(deferredInline));
  const joinDeferred = (module) => {
    if (!deferred) deferred = [new WebAssembly.Instance(module, { primary: Module['asm'] }), module];
    deferredBytes = null;
    return deferred;
  };
  function deferredNow() {
    if (deferred) return deferred;
    let bytes = deferredInline && inlineDeferred();
    if (!bytes) {
      const xhr = new XMLHttpRequest();
      xhr.open('GET', deferredUrl, false);  // a synchronous request may not ask for an arraybuffer
      xhr.overrideMimeType('text/plain; charset=x-user-defined');
      xhr.send();
      if (xhr.status !== 200) throw new Error(deferredUrl + ': HTTP ' + xhr.status);
      bytes = Uint8Array.from(xhr.responseText, (c) => c.charCodeAt(0) & 0xff);
    }
    return joinDeferred(new WebAssembly.Module(bytes));
  }
  function fetchDeferred() {
    if (!deferredUrl || deferred) return;
    const bytes = deferredInline ? Promise.resolve(inlineDeferred()) : fetchBytes(deferredUrl);
    bytes.then((b) => WebAssembly.compile(b)).then((module) => { joinDeferred(module); requestFrames(1); })
      .catch((err) => console.warn('timpush: ' + deferredUrl + ' could not be loaded yet:', err.message));
  }

  let runtimeReady = false;
  let firstFrameMs = null;
  let cjkFontLoaded = false;
  let frameWaiters = [];
  let resolveReady;
  const ready = new Promise((resolve) => { resolveReady = resolve; });

  // Font bytes, or null when the font could not be fetched (the reason goes to the console).
  const fetchFont = (url) => fetchBytes(url)
    .then((b) => new Uint8Array(b))
    .catch((err) => { console.warn('timpush: font ' + url + ' could not be loaded:', err.message); return null; });

  // The Latin UI font is fetched while the wasm downloads, and the wasm is started once both are
  // here (instantiateEarlyWasm). Started before the font, the wasm's start-up task kept this
  // thread from taking the font's bytes in time for the first animation frame, which was then
  // spent without drawing. The wasm carries no font of its own, so a failed fetch is tried once
  // more before the page says it cannot start.
  const latinUrl = meta('timpush-latin-font');
  const latinMoreUrl = meta('timpush-latin-more-font');
  const cjkUrl = meta('timpush-cjk-font');
  let latinBytes = null;
  const latinFetched = !latinUrl ? Promise.resolve() :
    fetchFont(latinUrl).then((b) => b || fetchFont(latinUrl)).then((bytes) => {
      if (!bytes) {
        setStatus('TIMPush Composer could not load its font. Check the connection and reload the page.', true);
        return;
      }
      latinBytes = bytes;
      requestFrames(3);
    });

  // The first use of localStorage loads the page's stored items from the browser process, a few
  // milliseconds the wasm would spend at start-up reading the drafts (storage_bridge.cpp). This
  // thread is idle while the wasm downloads, so the storage is touched now.
  try { window.localStorage.key(0); } catch (err) { /* unavailable: the wasm says so */ }

  function setStatus(text, failed) {
    statusBox.textContent = text;
    statusBox.classList.toggle('hidden', !text);
    statusBox.classList.toggle('failed', !!failed);
  }

  // Copies a JS string into wasm memory as NUL-terminated UTF-8 and calls fn(ptr).
  function withUtf8(text, fn) {
    const bytes = new TextEncoder().encode(text);
    const ptr = Module._malloc(bytes.length + 1);
    Module.HEAPU8.set(bytes, ptr);
    Module.HEAPU8[ptr + bytes.length] = 0;
    try { fn(ptr); } finally { Module._free(ptr); }
  }

  function requestFrames(n) {
    if (runtimeReady) Module._timpush_web_request_frames(n || 1);
  }

  // --- Text input: typed characters and IME results arrive here, not through GLFW ------------
  textInput.addEventListener('input', (e) => {
    // Composition text is provisional; only its final result (compositionend) is entered.
    if (e.isComposing || e.inputType === 'insertCompositionText') return;
    if ((e.inputType === 'insertText' || e.inputType === 'insertReplacementText') && e.data && runtimeReady) {
      withUtf8(e.data, (p) => Module._timpush_web_text_input(p));
    }
    textInput.value = '';
  });
  textInput.addEventListener('compositionend', (e) => {
    if (e.data && runtimeReady) withUtf8(e.data, (p) => Module._timpush_web_text_input(p));
    textInput.value = '';
  });

  // --- Clipboard ------------------------------------------------------------------------------
  // Ctrl/Cmd+V goes no further than here: the paste event that follows carries the clipboard's
  // text and plays the shortcut to ImGui itself. Were the key to reach GLFW as well, ImGui would
  // paste its cached text even when the clipboard holds none (an image, say).
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'v' || e.key === 'V')) {
      e.stopImmediatePropagation();
    }
  }, true);
  window.addEventListener('paste', (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    e.preventDefault();
    if (text && runtimeReady) withUtf8(text, (p) => Module._timpush_web_paste(p));
  });

  function fallbackCopy(text) {
    const had = document.activeElement === textInput;
    textInput.value = text;
    textInput.select();
    try { document.execCommand('copy'); } catch (err) { /* nothing more to try */ }
    textInput.value = '';
    if (!had) textInput.blur();
  }

  // Any input wakes the frame loop (GLFW's own callbacks do too; this covers what GLFW misses).
  for (const type of ['focus', 'blur', 'visibilitychange', 'pointerdown', 'pointerup']) {
    window.addEventListener(type, () => requestFrames(3), true);
  }
  // A new device pixel ratio (zoom, another monitor) may come without a resize event; a pinch
  // or a soft keyboard changes only the visual viewport.
  (function watchPixelRatio() {
    const mq = matchMedia('(resolution: ' + devicePixelRatio + 'dppx)');
    mq.addEventListener('change', () => { requestFrames(3); watchPixelRatio(); }, { once: true });
  })();
  // Read once per change, not per frame: reading the visual viewport after the textarea moved
  // would lay the page out again in the middle of a frame.
  let zoom = 1;
  let visibleBottom = innerHeight;
  const onViewport = () => {
    const v = window.visualViewport;
    zoom = v ? Math.max(1, v.scale) : 1;
    visibleBottom = v ? v.offsetTop + v.height : innerHeight;
    requestFrames(3);
  };
  window.addEventListener('resize', onViewport);
  if (window.visualViewport) {
    visualViewport.addEventListener('resize', onViewport);
    visualViewport.addEventListener('scroll', onViewport);
  }
  // The system's colour scheme and pointer, as bits (browser.h's screen_media).
  const darkQuery = matchMedia('(prefers-color-scheme: dark)');
  const coarseQuery = matchMedia('(pointer: coarse)');
  const media = () => (darkQuery.matches ? 1 : 0) | (coarseQuery.matches ? 2 : 0);
  for (const q of [darkQuery, coarseQuery]) {
    q.addEventListener('change', () => { if (runtimeReady) Module._timpush_web_media(media()); });
  }
  // Back, Forward, or a fragment typed: the UI's navigation follows the URL.
  const onLocation = () => { if (runtimeReady) withUtf8(location.hash, (p) => Module._timpush_web_location(p)); };
  window.addEventListener('popstate', onLocation);
  window.addEventListener('hashchange', onLocation);

  // --- Touch (web/touch.js): taps, drags and flings, given to the wasm side -------------------
  timpushInstallTouch(canvas, {
    ready: () => runtimeReady,
    wasm: () => Module,
    focusText: () => textInput.focus({ preventScroll: true }),
  });
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
  // A click on the canvas would leave focus on <body>; give it back to the bridge when typing.
  canvas.addEventListener('pointerup', () => {
    if (runtimeReady && Module._timpush_web_text_active()) textInput.focus({ preventScroll: true });
  });

  // --- What the wasm side calls ------------------------------------------------------------------
  window.TimpushBridge = {
    copyText(text) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).catch(() => fallbackCopy(text));
      } else {
        fallbackCopy(text);
      }
    },
    setTextInput(active) {
      if (active) {
        if (document.activeElement !== textInput) textInput.focus({ preventScroll: true });
      } else if (document.activeElement === textInput) {
        textInput.value = '';
        textInput.blur();
      }
    },
    placeTextInput(x, y, h) {
      textInput.style.left = Math.round(x) + 'px';
      textInput.style.top = Math.round(y) + 'px';
      textInput.style.height = Math.max(8, Math.round(h)) + 'px';
    },
    takeLatinFont() {
      const b = latinBytes;
      latinBytes = null;
      return b;
    },
    // After the first frame: the rest of the Latin font, then the CJK font (numbered as
    // fonts.h's LaterFont). Both download at once; they are handed over in that order, so a
    // character both have is drawn in the Latin font's style.
    fetchLaterFonts() {
      const give = (bytes, which) => {
        if (!bytes) return false;
        const ptr = Module._malloc(bytes.length);
        Module.HEAPU8.set(bytes, ptr);
        Module._timpush_web_font_arrived(ptr, bytes.length, which);  // takes ownership
        return true;
      };
      const latinMore = latinMoreUrl ? fetchFont(latinMoreUrl) : Promise.resolve(null);
      const cjk = cjkUrl ? fetchFont(cjkUrl) : Promise.resolve(null);
      latinMore.then((bytes) => give(bytes, 0))
        .then(() => cjk)
        .then((bytes) => { cjkFontLoaded = give(bytes, 1); });
    },
    media,
    pushFragment(fragment) {
      try { history.pushState(null, '', location.pathname + location.search + fragment); } catch (err) { /* sandboxed */ }
    },
    // Said by a screen reader in the UI's language; a repeat of the same text is said again.
    announce(text, lang) {
      liveRegion.lang = lang;
      document.documentElement.lang = lang;
      liveRegion.textContent = liveRegion.textContent === text ? text + '\u00a0' : text;
    },
    pasteFromClipboard() {
      if (!navigator.clipboard || !navigator.clipboard.readText) return;
      navigator.clipboard.readText().then((text) => {
        if (text && runtimeReady) withUtf8(text, (p) => Module._timpush_web_paste(p));
      }, (err) => console.warn('timpush: no clipboard:', err.message));
    },
    // The canvas's pixels per CSS px: the device's times a pinch's zoom, at most 4096 px a side.
    pixelRatio(w, h) {
      return Math.min(devicePixelRatio * zoom, 4096 / Math.max(w, h, 1));
    },
    visibleBottom: () => visibleBottom,
    fail(message) {
      setStatus(message, true);
      console.error('timpush: ' + message);
    },
    frameDrawn(frame) {
      if (firstFrameMs === null) {
        firstFrameMs = performance.now();
        setStatus('');
        resolveReady(frame);
      }
      const waiters = frameWaiters;
      frameWaiters = [];
      for (const w of waiters) w(frame);
    },
  };

  function snapshot() {
    if (!runtimeReady) return { frame: 0, items: [], textActive: false, activeId: 0, focusedId: 0, hoveredId: 0 };
    const s = JSON.parse(Module.UTF8ToString(Module._timpush_web_items_json()));
    // The page draws only when something changes; a reader may be looking for a change, so let
    // one more frame run.
    requestFrames(1);
    return s;
  }

  // Draws one frame with Dear ImGui's log capture on (which also unclips every item) and returns
  // the hook's snapshot of exactly that frame.
  async function captureFrame() {
    if (!runtimeReady) return { items: [], capturedText: '' };
    for (let i = 0; i < 20; i++) {
      Module._timpush_web_capture_text();
      await new Promise((resolve) => { frameWaiters.push(resolve); });
      const s = JSON.parse(Module.UTF8ToString(Module._timpush_web_items_json()));
      if (s.capturedFrame === s.frame) return s;
    }
    throw new Error('timpush: no capture frame came');
  }

  // --- The automation hook ---------------------------------------------------------------------
  // Coordinates are CSS pixels relative to the canvas, which fills the page from (0, 0).
  window.timpush = Object.freeze({
    ready,                                   // resolves with the frame number of the first frame
    firstFrameMs: () => firstFrameMs,        // ms since navigation start, null before
    frame: () => (runtimeReady ? Module._timpush_web_frame_count() : 0),
    items: () => snapshot().items,
    state: () => snapshot(),
    textActive: () => (runtimeReady ? !!Module._timpush_web_text_active() : false),
    focusedId: () => snapshot().focusedId,
    activeId: () => snapshot().activeId,
    cjkFontLoaded: () => cjkFontLoaded,
    // The characters of `text` no font of the page can draw yet, as an array.
    missingGlyphs: (text) => {
      let missing = '';
      if (runtimeReady) withUtf8(text, (p) => { missing = Module.UTF8ToString(Module._timpush_web_missing_glyphs(p)); });
      return [...missing];
    },
    lastFrameMs: () => (runtimeReady ? Module._timpush_web_last_frame_ms() : 0),  // CPU time
    // All text drawn in the next frame (labels, messages, field contents; scrolled-out parts
    // too), one line per row as Dear ImGui logs it. Password fields show as asterisks.
    pageText: async () => (await captureFrame()).capturedText,
    // Every item, scrolled out of view or not, with its label (a normal frame labels only the
    // items it draws); from one frame drawn with clipping off.
    allItems: async () => (await captureFrame()).items,
    requestFrames,
    // Resolves after the next frame drawn; asks for one.
    nextFrame: () => new Promise((resolve) => { frameWaiters.push(resolve); requestFrames(1); }),
  });

  // The single-file build (src/platform/web/inline_site.mjs) carries the wasm as base64 in the
  // page itself, since a page opened from file:// may fetch nothing.
  function inlineBytes(element) {
    if (!element.isConnected) return null;
    const text = atob(element.textContent.trim());
    element.remove();
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  }
  const inlineWasm = () => (wasmInline ? inlineBytes(wasmInline) : undefined);

  // Emscripten's hook for making the instance itself: from the module compiled above.
  function instantiateEarlyWasm(imports, receiveInstance) {
    Promise.all([wasmCompiled, latinFetched])
      .then(([module]) => WebAssembly.instantiate(module, imports).then((instance) => [instance, module]))
      .then(([instance, module]) => receiveInstance(instance, module), (err) => {
        setStatus('TIMPush Composer could not load its program (' + wasmUrl + ': ' + err.message +
          '). Check the connection and reload the page.', true);
        console.error('timpush: ' + wasmUrl + ' could not be loaded:', err);
      });
    return {};  // the exports arrive through receiveInstance
  }

  // --- Emscripten settings -------------------------------------------------------------------------
  window.Module = {
    canvas,
    wasmBinary: inlineWasm(),
    instantiateWasm: wasmCompiled ? instantiateEarlyWasm : undefined,
    onRuntimeInitialized: () => { runtimeReady = true; },
    loadSplitModule: deferredNow,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => {
      setStatus('TIMPush Composer stopped: ' + what, true);
    },
  };

  ready.then(fetchDeferred);

  // The tab's icon is named only once the page has drawn: the browser renders an SVG icon on this
  // thread, work that would otherwise compete with the start-up.
  ready.then(() => {
    const href = meta('timpush-icon');
    if (!href) return;
    const icon = document.createElement('link');
    icon.rel = 'icon';
    icon.type = 'image/svg+xml';
    icon.href = href;
    document.querySelector('link[rel="icon"]').replaceWith(icon);
  });

  // Offline after the first visit (web/sw.js). Registered once the page has loaded and drawn, so
  // the worker's copying never competes with the first frame; a page from file:// has no worker.
  if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
    ready.then(() => setTimeout(() => {
      navigator.serviceWorker.register('sw.js').catch((err) => console.warn('timpush: no offline copy:', err.message));
    }, 3000));
  }

  // WebGL2 is required; say so plainly rather than fail inside the runtime.
  if (typeof WebGL2RenderingContext === 'undefined') {
    setStatus('This browser has no WebGL2, which TIMPush Composer needs.', true);
  }
})();
