// The single-file build as a user without network meets it: one HTML file opened from file://
// draws its first frame, fetches nothing from any server, and offers the custom base URL that
// sends then need (there is no origin for the sandbox or the relay).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, repoRoot } from './helpers.mjs';

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
