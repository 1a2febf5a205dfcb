// Makes the single-file build: one HTML file holding the whole composer page (style, scripts,
// wasm, fonts, icon) that works when opened from file:// with no server and no network.
//   node inline_site.mjs <site dir> <out.html>
// The wasm goes in a non-script <script> block as base64 (web/bridge.js hands it to Emscripten as
// Module.wasmBinary); fonts become data: URLs, which fetch() reads from any origin.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: node inline_site.mjs <site dir> <out.html>');
  process.exit(2);
}
const read = (name) => readFileSync(join(site, name));
const dataUrl = (name, type) => `data:${type};base64,${read(name).toString('base64')}`;
// Inline script text must not close its own element.
const scriptText = (name) => read(name).toString('utf8').replace(/<\/(script)/gi, '<\\/$1');

let html = read('index.html').toString('utf8');
const replaceOnce = (pattern, fn, what) => {
  let hits = 0;
  html = html.replace(pattern, (...m) => { hits++; return fn(...m); });
  if (hits !== 1) throw new Error(`index.html: expected one ${what}, found ${hits}`);
};

replaceOnce(/<link rel="stylesheet" href="([^"]+)">/, (_, f) => `<style>\n${read(f)}</style>`, 'stylesheet');
replaceOnce(/<meta name="timpush-icon" content="([^"]+)">/,
  (_, f) => `<meta name="timpush-icon" content="${dataUrl(f, 'image/svg+xml')}">`, 'icon');
for (const name of ['timpush-latin-font', 'timpush-latin-more-font', 'timpush-cjk-font']) {
  html = html.replace(new RegExp(`<meta name="${name}" content="([^"]+)">`),
    (_, f) => `<meta name="${name}" content="${dataUrl(f, 'font/ttf')}">`);
}
// The page defers its scripts from the head; inline scripts cannot be deferred, so they go at
// the end of the body, where the elements they look up already exist.
replaceOnce(/<!--[^>]*-->\n<script src="bridge\.js" defer><\/script>\n/, () => '', 'bridge.js');
replaceOnce(/<script src="timpush\.js" defer><\/script>\n/, () => '', 'timpush.js');
replaceOnce(/<\/body>/, () =>
  `<script type="application/octet-stream" id="timpush-wasm">${read('timpush.wasm').toString('base64')}</script>\n` +
  `<script>\n${scriptText('bridge.js')}</script>\n` +
  `<script>\n${scriptText('timpush.js')}</script>\n</body>`, 'end of body');
writeFileSync(out, html);
console.log(`${out}: ${(html.length / 1048576).toFixed(2)} MB`);
