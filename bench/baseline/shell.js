// The baseline's page half: the Emscripten Module and window.bench, the same readings the
// composer page's window.timpush gives (first frame after navigation, frames drawn, frame CPU
// time), for scripts/bench-page.sh.
'use strict';
(function () {
  let firstFrameMs = null;
  let runtimeReady = false;
  window.Module = {
    canvas: document.getElementById('canvas'),
    onRuntimeInitialized: () => { runtimeReady = true; },
    benchFrameDrawn: () => { if (firstFrameMs === null) firstFrameMs = performance.now(); },
  };
  window.bench = {
    firstFrameMs: () => firstFrameMs,
    frame: () => (runtimeReady ? Module._bench_frame_count() : 0),
    lastFrameMs: () => (runtimeReady ? Module._bench_last_frame_ms() : 0),
  };
})();
