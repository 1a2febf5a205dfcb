// Service worker of the hosted composer page: keeps a copy of the page's files so that it opens
// with no network after the first visit. Network first (the server asks browsers to revalidate,
// and a new build must show at once); the cached copy only when the network fails. Sends
// (/sandbox, /relay, other hosts) are never cached or answered from a cache.
'use strict';

const CACHE = 'timpush-page-v3';
const SHELL = ['./', 'index.html', 'style.css', 'touch.js', 'bridge.js', 'timpush.js', 'timpush.wasm', 'favicon.svg'];

// The font files and the program's second part are named in index.html (they depend on the
// build): read them from there.
async function pageFiles() {
  const files = [...SHELL];
  try {
    const html = await (await fetch('index.html', { cache: 'no-store' })).text();
    for (const m of html.matchAll(/<meta name="timpush-(?:[a-z-]+-font|deferred-wasm)" content="([^"]+)">/g)) {
      if (m[1]) files.push(m[1]);
    }
  } catch (err) { /* the shell alone still opens the page */ }
  return files;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(await pageFiles());
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

function isPageFile(request) {
  if (request.method !== 'GET') return false;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return false;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return false;
  const rest = url.pathname.slice(scope.pathname.length);
  return !/^(sandbox|relay)(\/|$)/.test(rest);
}

self.addEventListener('fetch', (event) => {
  if (!isPageFile(event.request)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(event.request);
      if (response.ok) await cache.put(event.request, response.clone());
      return response;
    } catch (err) {
      const cached = await cache.match(event.request, { ignoreSearch: true });
      if (cached) return cached;
      throw err;
    }
  })());
});
