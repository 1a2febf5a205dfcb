// Page benchmark: the composer page against a baseline (Dear ImGui's demo window on the same
// backends and emcc options, bench/baseline), side by side in one run because the machine is
// noisy. Not a test: it prints figures, and says which targets they meet.
//   node bench/page_bench.mjs --app <site> --baseline <site> [--runs 5] [--json file]
// Both sites are served by `timpush serve` (TIMPUSH_BIN) and loaded in headless Chromium with the
// browser tests' flags (tests/browser/helpers.mjs).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, startServer } from '../tests/browser/helpers.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const runs = Number(args.runs || 5);
const sites = { app: args.app, baseline: args.baseline };
if (!sites.app || !sites.baseline) {
  console.error('usage: node bench/page_bench.mjs --app <site> --baseline <site> [--runs N] [--json file]');
  process.exit(2);
}

// ImGuiItemStatusFlags_Inputable (imgui_internal.h of Dear ImGui 1.92.2b, test engine on).
const INPUTABLE = 1 << 24;
const TYPED = 'push to all android users 0123456789 abcdefghij';
const IDLE_MS = 3000;
// A user's network, through Chromium's own throttling (DevTools' Network.emulateNetworkConditions):
// 20 Mbit/s down, 5 up, 40 ms round trip. Over loopback the machine's CPU decides the first frame;
// here the order in which the page asks for its bytes counts too.
const NETWORK = { offline: false, latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 };
const NETWORK_LABEL = '20 Mbit/s, 40 ms';
// A browser launched a moment ago is still starting its own processes (GPU, network service),
// which takes the same CPU the page needs: single loads then varied by +-20%. Each load is made
// in a fresh browser (empty cache and storage) that first shows a blank page for this long, as a
// browser the user already has open would be; the loads right after launch are reported too.
const SETTLE_MS = 1000;
// After a browser closes, its processes take a moment to go; the next load waits for a quiet machine.
const QUIET_MS = 500;
// How long a load is left alone before its first frame is asked for (both pages draw theirs
// within 0.5 s here, over the throttled network too).
const START_MS = 1500;

// ---- Transfer sizes -------------------------------------------------------------------------
function filesOf(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesOf(p));
    else out.push(p);
  }
  return out;
}

function kindOf(rel) {
  if (rel.startsWith('fonts/')) return 'font';
  if (rel.endsWith('.html')) return 'html';
  if (rel.endsWith('.css')) return 'css';
  if (rel.endsWith('.js')) return 'js';
  if (rel.endsWith('.wasm')) return 'wasm';
  return null;  // favicon, service worker copies etc. are not part of the first load
}

// Bytes a first visit transfers, raw and gzip -9 (what a compressing server or CDN sends).
function sizes(site) {
  const by = {};
  // Fonts count when the page names them (a build folder may hold stale ones).
  const html = readFileSync(join(site, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<meta name="timpush-[a-z-]+-font" content="([^"]+)">/g)].map((m) => m[1]);
  // The program's second part (src/platform/web/split_first_frame.mjs) comes after the first frame.
  const later = (html.match(/<meta name="timpush-deferred-wasm" content="([^"]+)">/) || [])[1];
  for (const f of filesOf(site)) {
    const rel = relative(site, f);
    const kind = rel === later ? 'later' : kindOf(rel);
    if (!kind || rel === 'sw.js') continue;
    if (kind === 'font' && !named.includes(rel)) continue;
    const data = readFileSync(f);
    const s = (by[kind] ||= { raw: 0, gzip: 0, files: [] });
    s.raw += data.length;
    s.gzip += gzipSync(data, { level: 9 }).length;
    s.files.push(rel);
  }
  const total = { raw: 0, gzip: 0 };
  for (const k of ['html', 'css', 'js', 'wasm']) {
    if (by[k]) { total.raw += by[k].raw; total.gzip += by[k].gzip; }
  }
  by.beforeFont = total;
  return by;
}

// ---- One load in a fresh browser ---------------------------------------------------------------
const hookOf = { app: 'timpush', baseline: 'bench' };

// One load. With `network`, over the throttled network; with `justStarted`, right after the
// browser's launch. Both go only as far as the first frame.
async function load(name, url, { network = false, justStarted = false } = {}) {
  const hook = hookOf[name];
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    if (network) {
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
    }
    if (!justStarted) {
      await page.goto('about:blank');
      await page.waitForTimeout(SETTLE_MS);
    }
    await page.goto(url, { waitUntil: 'load' });
    // The page records its own first frame. Nothing is asked of it until then: Playwright's
    // waitForFunction runs a script of its own in the page, 7-10 ms of the same main thread
    // that is starting the page, so the first look comes once the frame should be long drawn.
    await page.waitForTimeout(START_MS);
    await page.waitForFunction((h) => window[h] && window[h].firstFrameMs() !== null, hook,
      { timeout: 30000, polling: 10 });
    const firstFrameMs = await page.evaluate((h) => window[h].firstFrameMs(), hook);
    if (network || justStarted) return { firstFrameMs, errors };

    // Idle: let start-up settle (the app's late CJK font, the settle frames), then count.
    await page.waitForTimeout(2500);
    const idle = await page.evaluate(async ({ h, ms }) => {
      const f0 = window[h].frame();
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, ms));
      return { frames: window[h].frame() - f0, ms: performance.now() - t0 };
    }, { h: hook, ms: IDLE_MS });

    // Typing: a text field takes keys while every frame's CPU time is sampled.
    if (name === 'app') await focusAppTextField(page);
    const samples = await sampleWhileTyping(page, hook);
    // The app again, typing into Title with the Device pane open: each key re-derives the body,
    // its checks and every platform's card (target: at most 1.5 ms).
    const deviceSamples = name === 'app' ? await typeWithDevicePane(page) : [];
    return { firstFrameMs, idleFps: (idle.frames * 1000) / idle.ms, samples, deviceSamples, errors };
  } finally {
    await browser.close();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

// Types TYPED at 40 ms a key and returns every frame's CPU time meanwhile (the page's own figure).
async function sampleWhileTyping(page, hook) {
  await page.evaluate((h) => {
    const samples = [];
    let last = window[h].frame();
    window.__benchSamples = samples;
    window.__benchOn = true;
    const tick = () => {
      const f = window[h].frame();
      if (f !== last) { last = f; samples.push(window[h].lastFrameMs()); }
      if (window.__benchOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, hook);
  await page.keyboard.type(TYPED, { delay: 40 });
  await page.waitForTimeout(300);
  return page.evaluate(() => { window.__benchOn = false; return window.__benchSamples; });
}

async function typeWithDevicePane(page) {
  const items = () => page.evaluate(() => window.timpush.items());
  const tab = (await items()).find((it) => it.visible && (it.idLabel || '').endsWith('###Device'));
  if (!tab) throw new Error('the app shows no Device tab');
  await page.mouse.click(tab.x + tab.w / 2, tab.y + tab.h / 2);
  // The Title field is below the fold of the form: the wheel over the form brings it up.
  let title = null;
  for (let i = 0; i < 40 && !title; i++) {
    title = (await items()).find((it) => it.visible && !it.isWindow && it.label === 'Title' && (it.status & INPUTABLE));
    if (title) break;
    await page.mouse.move(200, 500);
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  if (!title) throw new Error('the form shows no Title field');
  await page.mouse.click(title.x + Math.min(title.w / 2, 40), title.y + title.h / 2);
  await page.waitForFunction((id) => window.timpush.activeId() === id, title.id, { timeout: 2000, polling: 25 });
  return sampleWhileTyping(page, 'timpush');
}

// Clicks the first visible field that takes text (not a password field), as a user would.
async function focusAppTextField(page) {
  const items = await page.evaluate(() => window.timpush.items());
  const fields = items.filter((it) => !it.isWindow && it.visible && (it.status & INPUTABLE) && it.w > 20);
  for (const f of fields) {
    await page.mouse.click(f.x + Math.min(f.w / 2, 40), f.y + f.h / 2);
    try {
      await page.waitForFunction((id) => window.timpush.textActive() && window.timpush.activeId() === id,
        f.id, { timeout: 2000, polling: 25 });
    } catch { continue; }
    if ((await page.evaluate(() => window.timpush.state().activeText)) !== null) {
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      return;
    }
  }
  throw new Error('the app shows no text field to type into');
}

// ---- Figures --------------------------------------------------------------------------------
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

async function main() {
  const size = { app: sizes(sites.app), baseline: sizes(sites.baseline) };
  const servers = { app: await startServer({ site: sites.app }), baseline: await startServer({ site: sites.baseline }) };
  const results = { app: [], baseline: [] };
  const networked = { app: [], baseline: [] };
  const justStarted = { app: [], baseline: [] };
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first so drift in the machine's load falls on both alike.
      const order = i % 2 ? ['baseline', 'app'] : ['app', 'baseline'];
      for (const name of order) {
        const r = await load(name, servers[name].url);
        results[name].push(r);
        process.stderr.write(`run ${i + 1}/${runs} ${name}: first frame ${r.firstFrameMs.toFixed(0)} ms, ` +
          `idle ${r.idleFps.toFixed(2)} fps, ${r.samples.length} typing frames, p95 ${p95(r.samples).toFixed(2)} ms` +
          `${r.errors.length ? `, errors: ${r.errors.join('; ')}` : ''}\n`);
      }
      for (const name of order) {
        const r = await load(name, servers[name].url, { network: true });
        networked[name].push(r);
        process.stderr.write(`run ${i + 1}/${runs} ${name} over ${NETWORK_LABEL}: first frame ` +
          `${r.firstFrameMs.toFixed(0)} ms${r.errors.length ? `, errors: ${r.errors.join('; ')}` : ''}\n`);
      }
      for (const name of order) {
        const r = await load(name, servers[name].url, { justStarted: true });
        justStarted[name].push(r);
        process.stderr.write(`run ${i + 1}/${runs} ${name} right after launch: first frame ` +
          `${r.firstFrameMs.toFixed(0)} ms${r.errors.length ? `, errors: ${r.errors.join('; ')}` : ''}\n`);
      }
    }
  } finally {
    await servers.app.stop();
    await servers.baseline.stop();
  }

  const rows = [];
  const row = (label, a, b, fmt, goal) => {
    const ratio = a != null && b ? (a / b).toFixed(2) : '-';
    rows.push({ label, app: a, baseline: b, ratio, text: [label, a == null ? '-' : fmt(a), b == null ? '-' : fmt(b), ratio, goal || ''] });
  };
  for (const k of ['html', 'css', 'js', 'wasm']) {
    const a = size.app[k] || { raw: 0, gzip: 0 };
    const b = size.baseline[k] || { raw: 0, gzip: 0 };
    row(`${k} raw`, a.raw, b.raw, kb);
    row(`${k} gzip`, a.gzip, b.gzip, kb);
  }
  const aT = size.app.beforeFont, bT = size.baseline.beforeFont;
  row('before font raw', aT.raw, bT.raw, kb);
  row('before font gzip', aT.gzip, bT.gzip, kb, aT.gzip < bT.gzip ? 'target < 1.00: met' : 'target < 1.00: MISSED');
  const al = size.app.later || { raw: 0, gzip: 0 };
  row('after first frame: wasm gzip', al.gzip, null, kb);
  const af = size.app.font || { raw: 0, gzip: 0 };
  const bf = size.baseline.font || { raw: 0, gzip: 0 };
  row('fonts raw', af.raw, bf.raw || null, kb);
  row('fonts gzip', af.gzip, bf.gzip || null, kb, af.gzip <= 1.5 * 1024 * 1024 ? 'target <= 1.5 MB: met' : 'target <= 1.5 MB: MISSED');
  const ff = { app: median(results.app.map((r) => r.firstFrameMs)), baseline: median(results.baseline.map((r) => r.firstFrameMs)) };
  row('first frame, median', ff.app, ff.baseline, (v) => `${v.toFixed(0)} ms`,
    ff.app <= 1.1 * ff.baseline ? 'target <= 1.10: met' : 'target <= 1.10: MISSED');
  const ffNet = { app: median(networked.app.map((r) => r.firstFrameMs)), baseline: median(networked.baseline.map((r) => r.firstFrameMs)) };
  row(`  over ${NETWORK_LABEL}`, ffNet.app, ffNet.baseline, (v) => `${v.toFixed(0)} ms`,
    ffNet.app <= 1.1 * ffNet.baseline ? 'target <= 1.10: met' : 'target <= 1.10: MISSED');
  const ffCold = { app: median(justStarted.app.map((r) => r.firstFrameMs)), baseline: median(justStarted.baseline.map((r) => r.firstFrameMs)) };
  row('  browser just launched', ffCold.app, ffCold.baseline, (v) => `${v.toFixed(0)} ms`,
    ffCold.app <= 1.1 * ffCold.baseline ? '<= 1.10' : '> 1.10');
  const idle = { app: median(results.app.map((r) => r.idleFps)), baseline: median(results.baseline.map((r) => r.idleFps)) };
  row('idle frames/s, median', idle.app, idle.baseline, (v) => v.toFixed(2),
    idle.app <= 1 ? 'target <= 1 fps: met' : 'target <= 1 fps: MISSED');
  const typing = { app: p95(results.app.flatMap((r) => r.samples)), baseline: p95(results.baseline.flatMap((r) => r.samples)) };
  row('typing frame CPU p95', typing.app, typing.baseline, (v) => `${v.toFixed(2)} ms`,
    typing.app <= 1 ? 'target <= 1.0 ms: met' : 'target <= 1.0 ms: MISSED');
  const withDevice = p95(results.app.flatMap((r) => r.deviceSamples));
  row('typing in Title, Device pane open, CPU p95', withDevice, typing.baseline, (v) => `${v.toFixed(2)} ms`,
    withDevice <= 1.5 ? 'target <= 1.5 ms: met' : 'target <= 1.5 ms: MISSED');

  const header = ['', 'app', 'baseline', 'app/base', ''];
  const table = [header, ...rows.map((r) => r.text)];
  const widths = header.map((_, i) => Math.max(...table.map((t) => String(t[i]).length)));
  console.log(`${runs} loads each, interleaved, each in a fresh browser; Chromium headless on SwiftShader`);
  for (const t of table) console.log(t.map((c, i) => String(c)[i === 0 ? 'padEnd' : 'padStart'](widths[i])).join('  '));
  if (args.json) writeFileSync(args.json, JSON.stringify({ size, results, networked, justStarted, rows }, null, 2));
}

main().catch((err) => { console.error(err); process.exit(1); });
