// Splits the page's wasm in two after linking: what the page runs up to its first frame stays in
// timpush.wasm; everything else goes to timpush.deferred.wasm, which web/bridge.js fetches once
// the first frame is on screen.
//   node split_first_frame.mjs <site dir> <orig.wasm> <wasm-split> <work dir>
// emcc, linking with -sSPLIT_MODULE, writes an instrumented timpush.wasm (it records which
// functions ran) and the real module beside it (timpush.wasm.orig). This script serves the site
// from 127.0.0.1, opens it in headless Chromium, waits for the first frame plus the frames the
// page draws right after it while it settles, reads the record (__write_profile), and hands it to
// Binaryen's wasm-split, which writes the two modules over the instrumented one.
//
// Why a profile and not a list of functions: the list would be written by hand and go stale with
// every change, silently moving code into or out of the first download.
// What counts as the start: three visits, as people make them. The first opens the page with empty
// storage against a sandbox-like origin (so the demo key's UserSig is made, as on `timpush serve`),
// lets it settle, then types a character and deletes it in a field (typing must never wait); the
// second reopens it with the draft that typing stored; the third opens it on a phone (one column,
// touch) and taps into a field. The records are merged. Code a click or a
// key runs beyond that (a view, a send, a pasted UserSig's decoding) waits in the second file; a
// call into it before that file has arrived still works: bridge.js then loads it at once,
// synchronously.
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, extname, normalize } from 'node:path';
import { createRequire } from 'node:module';

const [site, orig, wasmSplit, work] = process.argv.slice(2);
if (!site || !orig || !wasmSplit || !work) {
  console.error('usage: node split_first_frame.mjs <site dir> <orig.wasm> <wasm-split> <work dir>');
  process.exit(2);
}
// playwright-core comes from the project's node_modules (npm ci in scripts/setup.sh).
const require = createRequire(join(process.cwd(), 'package.json'));
const { chromium } = require('playwright-core');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.ttf': 'font/ttf', '.svg': 'image/svg+xml' };
// The part of the sandbox's GET /sandbox/app answer (src/server/sandbox.cpp) the page reads at
// start; the key is any text, since nothing is sent.
const sandboxApp = JSON.stringify({ sdkappid: 1400000000, identifier: 'administrator',
  key: 'profile-run-demo-key', key_is_demo: true, population: 0, tags: [], attributes: {} });
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path === '/sandbox/app') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(sandboxApp);
    return;
  }
  const file = join(site, path === '/' ? 'index.html' : path);
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  headless: true,
  executablePath: process.env.TIMPUSH_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
});
const profiles = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (err) => { console.error('split: page error:', err.message); });
  const visit = async (p = page) => {
    await p.waitForFunction(() => window.timpush && window.timpush.firstFrameMs() !== null, null, { timeout: 60000 });
    await p.waitForTimeout(1500);  // fonts merging, the sandbox's answer, a UserSig made
  };
  const sdkappidField = async (p) => (await p.evaluate(() => window.timpush.items()))
    .find((it) => it.visible && !it.isWindow && it.label === 'SDKAppID');
  const record = (p = page) => p.evaluate(() => {
    const size = 1 << 20;
    const ptr = Module._malloc(size);
    const length = Module.asm.__write_profile(ptr, size);
    const bytes = Array.from(Module.HEAPU8.subarray(ptr, ptr + length));
    Module._free(ptr);
    return bytes;
  });
  await page.goto(url);
  await visit();
  const field = await sdkappidField(page);
  if (field) {
    await page.mouse.click(field.x + field.w - 8, field.y + field.h / 2);
    await page.keyboard.type('1', { delay: 50 });
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(2500);  // the draft's autosave
  }
  profiles.push(await record());
  await page.reload();
  await visit();
  profiles.push(await record());
  // A phone: one column, a finger, a soft keyboard's text path.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3,
    hasTouch: true, isMobile: true });
  const tapped = await phone.newPage();
  tapped.on('pageerror', (err) => { console.error('split: page error:', err.message); });
  await tapped.goto(url);
  await visit(tapped);
  const box = await sdkappidField(tapped);
  if (box) {
    await tapped.touchscreen.tap(box.x + box.w - 8, box.y + box.h / 2);
    await tapped.keyboard.insertText('1');
    await tapped.waitForTimeout(500);
  }
  profiles.push(await record(tapped));
} finally {
  await browser.close();
  server.close();
}
if (profiles.some((p) => !p || p.length < 8)) throw new Error('split: the page wrote no profile');

mkdirSync(work, { recursive: true });
const visits = profiles.map((bytes, i) => {
  const file = join(work, `visit${i + 1}.prof`);
  writeFileSync(file, Buffer.from(bytes));
  return file;
});
const profileFile = join(work, 'start.prof');
const merged = spawnSync(wasmSplit, ['--merge-profiles', ...visits, '-o', profileFile], { stdio: 'inherit' });
if (merged.status !== 0) throw new Error(`split: merging the profiles failed (${merged.status})`);
const primary = join(work, 'timpush.wasm');
const secondary = join(work, 'timpush.deferred.wasm');
const run = spawnSync(wasmSplit, [orig, '--profile', profileFile, '-o1', primary, '-o2', secondary,
  '--enable-bulk-memory', '--enable-mutable-globals', '--enable-sign-ext'], { stdio: 'inherit' });
if (run.status !== 0) throw new Error(`split: wasm-split failed (${run.status})`);
renameSync(primary, join(site, 'timpush.wasm'));
renameSync(secondary, join(site, 'timpush.deferred.wasm'));
const kb = (f) => (readFileSync(join(site, f)).length / 1024).toFixed(0);
console.log(`split: timpush.wasm ${kb('timpush.wasm')} KB at the first frame, timpush.deferred.wasm ${kb('timpush.deferred.wasm')} KB after it`);
