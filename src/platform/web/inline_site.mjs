// Makes the single-file build: one HTML file holding the whole composer page (style, scripts,
// wasm, fonts, icon) that works when opened from file:// with no server and no network.
//   node inline_site.mjs <site dir> <out.html>
// The wasm goes in a non-script <script> block as base64 (web/bridge.js hands it to Emscripten as
// Module.wasmBinary); fonts become data: URLs, which fetch() reads from any origin.
//
// It carries its own Content-Security-Policy in a <meta> tag, since no server sends one. Scripts
// and the stylesheet are allowed by the SHA-256 of their exact text, computed here, not by
// 'unsafe-inline': a script injected into the page some other way does not run. connect-src is
// where a user of the file may send: the file opens on Custom URL, so it allows data: (its own
// fonts), any https: host (the region hosts, or the user's own relay), and plain http only to the
// local machine (http://127.0.0.1:* and http://localhost:*, a `timpush serve` sandbox or relay),
// so a UserSig never crosses a network in clear text. frame-ancestors cannot be set from a <meta>.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

// 'sha256-...' of an inline element's text, as CSP Level 3 hashes it.
const hashes = [];
const inline = (tag, text) => {
  hashes.push({ tag, hash: `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'` });
  return `<${tag}>${text}</${tag}>`;
};

replaceOnce(/<link rel="stylesheet" href="([^"]+)">/, (_, f) => inline('style', `\n${read(f)}`), 'stylesheet');
replaceOnce(/<meta name="timpush-icon" content="([^"]+)">/,
  (_, f) => `<meta name="timpush-icon" content="${dataUrl(f, 'image/svg+xml')}">`, 'icon');
for (const name of ['timpush-latin-font', 'timpush-latin-more-font', 'timpush-cjk-font']) {
  html = html.replace(new RegExp(`<meta name="${name}" content="([^"]+)">`),
    (_, f) => `<meta name="${name}" content="${dataUrl(f, 'font/ttf')}">`);
}
// The page defers its scripts from the head; inline scripts cannot be deferred, so they go at
// the end of the body, where the elements they look up already exist.
replaceOnce(/<!--[^>]*-->\n<script src="touch\.js" defer><\/script>\n/, () => '', 'touch.js');
replaceOnce(/<script src="bridge\.js" defer><\/script>\n/, () => '', 'bridge.js');
replaceOnce(/<script src="timpush\.js" defer><\/script>\n/, () => '', 'timpush.js');
// The program's second part (split_first_frame.mjs), when the build made one, rides along the same
// way; bridge.js joins it after the first frame.
let deferred = '';
replaceOnce(/<meta name="timpush-deferred-wasm" content="([^"]*)">\n/, (_, f) => {
  if (f) deferred = `<script type="application/octet-stream" id="timpush-deferred-wasm">${read(f).toString('base64')}</script>\n`;
  return `<meta name="timpush-deferred-wasm" content="${f ? 'inline' : ''}">\n`;
}, 'deferred wasm meta');
replaceOnce(/<\/body>/, () =>
  // A data block, not a script: it never runs, and CSP leaves it alone.
  `<script type="application/octet-stream" id="timpush-wasm">${read('timpush.wasm').toString('base64')}</script>\n` + deferred +
  inline('script', `\n${scriptText('touch.js')}`) + '\n' +
  inline('script', `\n${scriptText('bridge.js')}`) + '\n' +
  inline('script', `\n${scriptText('timpush.js')}`) + '\n</body>', 'end of body');
// The training lessons: the page reads their index from a meta tag (browser.cpp), in which each
// file is a data: URL, fetched when the Learn place opens (its text stays out of the wasm).
if (existsSync(join(site, 'lessons', 'index.json'))) {
  const index = JSON.parse(read(join('lessons', 'index.json')).toString('utf8'));
  index.urls = {};
  for (const name of index.files || []) {
    index.urls[name] = `data:application/json;base64,${read(join('lessons', name)).toString('base64')}`;
  }
  const url = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(index))}`;
  replaceOnce(/<\/head>/, () => `<meta name="timpush-lessons" content="${url}">\n</head>`, 'end of head');
}
const sources = (tag) => hashes.filter((h) => h.tag === tag).map((h) => h.hash).join(' ');
const policy = [
  "default-src 'none'",
  `script-src ${sources('script')} 'wasm-unsafe-eval'`,
  `style-src ${sources('style')}`,
  'img-src data: blob:',
  'connect-src data: https: http://127.0.0.1:* http://localhost:*',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// First in the head, before any element the policy governs.
replaceOnce(/<meta charset="utf-8">\n/, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${policy}">\n`,
  'charset meta');
writeFileSync(out, html);
console.log(`${out}: ${(html.length / 1048576).toFixed(2)} MB`);
