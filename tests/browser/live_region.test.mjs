// What a screen reader hears: the canvas is invisible to it, so the status line, the checks'
// messages and a send's answer go to an aria-live element in the page's HTML, in the UI's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './helpers.mjs';

let server;
let s;
before(async () => {
  server = await startServer();
  s = await openPage({ server });
});
after(async () => {
  if (s) await s.close();
  if (server) await server.stop();
});

async function live() {
  return s.page.evaluate(() => {
    const el = document.getElementById('timpush-live');
    return { text: el.textContent, lang: el.lang, polite: el.getAttribute('aria-live') };
  });
}

async function waitForLive(pattern, timeout = 8000) {
  const until = Date.now() + timeout;
  let last;
  while (Date.now() < until) {
    last = await live();
    if (pattern.test(last.text)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the live region never said ${pattern}; last: ${JSON.stringify(last)}`);
}

test('a check\'s message is announced when it appears, in the UI language', async () => {
  const start = await waitForLive(/Ready to send\./);
  assert.equal(start.polite, 'polite');
  assert.equal(start.lang, 'en');
  await s.click('##new TagsAnd');
  await s.paste('x'.repeat(51));
  await s.click('Add##TagsAnd');
  const said = await waitForLive(/90020/);
  assert.match(said.text, /Checks: errors 1/);
  assert.match(said.text, /51 bytes/);

  await s.click('中文');
  const zh = await waitForLive(/检查/);
  assert.equal(zh.lang, 'zh');
  assert.equal(await s.page.evaluate(() => document.documentElement.lang), 'zh');
  assert.deepEqual(s.errors(), []);
});

test('the answer to a send is announced with its TaskId', async () => {
  await s.click('English');
  // Take the broken tag out again: TagsAnd's only tag, whose Remove comes first.
  await s.click('Remove');
  await waitForLive(/Checks: errors 0|Ready to send/);
  await s.click('Send');
  await waitForLive(/Answer:[\s\S]*TaskId [0-9a-f]+_/);
});
