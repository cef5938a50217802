// Offline support for a page with the troubleshooter, such as a help kiosk: registers the
// service worker beside this file and asks it to keep this page's own files too. Opt in with
// <script type="module" src=".../offline.js"></script>; the page must be inside the worker's
// scope (the folder of offline.js and sw.js, or below it).
const worker = new URL('./sw.js', import.meta.url);

if ('serviceWorker' in navigator) {
  const registration = await navigator.serviceWorker.register(worker, { type: 'classic' });
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  const keep = [...new Set([location.href.split('#')[0], import.meta.url,
    ...[...document.querySelectorAll('link[rel~="stylesheet"][href], script[src], link[rel~="icon"][href]')]
      .map((el) => new URL(el.getAttribute('href') ?? el.getAttribute('src'), location.href).href)])]
    .filter((u) => u.startsWith(location.origin));
  // Assigning onmessage (not addEventListener) starts the delivery of the worker's replies.
  navigator.serviceWorker.onmessage = (event) => {
    if (event.data?.kept > 0) document.documentElement.dataset.offlineReady = 'true';
    if (event.data?.error) console.warn(`troubleshooter offline.js: ${event.data.error}`);
  };
  (registration.active ?? navigator.serviceWorker.controller).postMessage({ keep });
}
