// The single-file build as a user without network meets it: one HTML file opened from file://
// draws its first frame, fetches nothing from any server, and offers the custom base URL that
// sends then need (there is no origin for the sandbox or the relay).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, repoRoot, startServer } from './helpers.mjs';

const singleFile = process.env.TIMPUSH_SINGLE_FILE ||
  join(repoRoot, 'build', 'web', 'single', 'timpush-composer.html');

test('the single-file page works from file:// with no server', async (t) => {
  assert.ok(existsSync(singleFile), `no single-file build at ${singleFile}: run scripts/build-single-file.sh`);
  const s = await openPage({ url: pathToFileURL(singleFile).href });
  try {
    t.diagnostic(`first frame ${Math.round(s.firstFrameMs)} ms after navigation start`);
    assert.ok(s.firstFrameMs > 0, 'a first frame was drawn');

    // Nothing is loaded from a network: only the file itself and data: URLs it carries.
    for (const r of s.requests) {
      assert.ok(r.url.startsWith('file:') || r.url.startsWith('data:'), `request to ${r.url.slice(0, 80)}`);
    }
    // The Chinese font is inside the file too.
    await s.page.waitForFunction(() => window.timpush.cjkFontLoaded(), null, { timeout: 15000, polling: 50 });

    // With no origin, sends need a base URL the user types in: the page opens on that choice.
    const field = await s.itemByLabel('Base URL');
    assert.ok(field.w > 0 && field.h > 0, 'the base URL field is shown');
    await s.fill('Base URL', 'https://console.tim.qq.com');
    assert.deepEqual(s.errors(), [], 'no errors on the page');
  } finally {
    await s.close();
  }
});

// The file carries its own policy (no server sends one): scripts by hash, no 'unsafe-inline', and
// sends allowed to https: hosts and to this machine over http.
test('the single-file page carries a Content-Security-Policy that still lets it send to a local sandbox', async () => {
  assert.ok(existsSync(singleFile), `no single-file build at ${singleFile}: run scripts/build-single-file.sh`);
  const html = readFileSync(singleFile, 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'a CSP meta tag');
  const policy = meta[1];
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<style>'), 'the policy comes before what it governs');
  // Every inline script (touch.js, bridge.js, timpush.js; not the wasm's data blocks) is let in by
  // its own hash, and nothing else is.
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 3, 'three inline scripts');
  const allowed = policy.match(/script-src ((?:'sha256-[A-Za-z0-9+/=]+' )+)'wasm-unsafe-eval'/);
  assert.ok(allowed, policy);
  const hashes = allowed[1].trim().split(' ');
  assert.deepEqual(hashes, scripts.map((t) => `'sha256-${createHash('sha256').update(t, 'utf8').digest('base64')}'`));
  assert.ok(!policy.includes('unsafe-inline'), policy);
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /connect-src data: https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*/);

  const server = await startServer();
  const s = await openPage({ url: pathToFileURL(singleFile).href });
  try {
    await s.page.evaluate(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const base = `${server.url}sandbox`;
    await s.fill('Base URL', base);
    await s.fill('SDKAppID', '1400000000');
    await s.click('SecretKey');
    await s.page.keyboard.type('any-key-for-the-sandbox');
    await s.page.keyboard.press('Enter');
    await s.nextFrame();
    await s.click('Send');
    // A file has no origin of its own: the first send to the local server asks first.
    await s.click('Send to this host');
    const until = Date.now() + 10000;
    while (Date.now() < until && !s.requests.some((r) => r.method === 'POST' && r.url.startsWith(base))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(s.requests.some((r) => r.method === 'POST' && r.url.startsWith(base)), 'the push went to the local sandbox');
    assert.deepEqual(await s.page.evaluate(() => window.cspViolations), [], 'nothing the page does is refused');
  } finally {
    await s.close();
    await server.stop();
  }
});

test('the single-file page carries its lessons: Learn lists them with no server', async () => {
  const s = await openPage({ url: `${pathToFileURL(singleFile).href}#view=learn` });
  try {
    let text = '';
    for (let i = 0; i < 100 && !/Passed 0 of \d+/.test(text); i++) {
      text = await s.pageText();
      await new Promise((r) => setTimeout(r, 100));
    }
    const m = text.match(/Passed 0 of (\d+)/);
    assert.ok(m && Number(m[1]) >= 12, 'every lesson read from the file itself');
    assert.ok(!text.includes('cannot be used'), 'no lesson file is broken');
    assert.ok(s.requests.every((r) => !r.url.startsWith('http')), 'nothing fetched from a server');
    assert.deepEqual(s.errors(), []);
  } finally {
    await s.close();
  }
});
