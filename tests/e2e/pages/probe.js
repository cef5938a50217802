// Loaded first, as a classic script, by the pages of the hostile-flow and soak tests: what the
// tests read back to tell whether anything in a flow ran as script, touched the page outside
// the widget, or kept the main thread busy.
(() => {
  const probe = {
    pwned: [],
    dialogs: [],
    errors: [],
    outside: [],
    frames: [],
    readyAt: null,
    shadow: null,
  };
  window.__probe = probe;
  // Every payload calls __pwned() or alert() (or sets __canary); a dialog would also stop WebDriver.
  window.__canary = 'untouched';
  window.__pwned = (...args) => { window.__canary = 'pwned'; probe.pwned.push(args.map(String).join(' ')); };
  for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = (...args) => { window.__canary = 'pwned'; probe.dialogs.push(`${name}(${args.map(String).join(', ')})`); };
  }
  addEventListener('error', (e) => probe.errors.push(String(e.message ?? e)));
  addEventListener('unhandledrejection', (e) => probe.errors.push(`unhandled rejection: ${e.reason?.stack ?? e.reason}`));

  // A frame timestamp per animation frame: the longest gap between two of them is the longest
  // time the page could not paint or answer input.
  const frame = () => { probe.frames.push(performance.now()); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  probe.mark = () => performance.now();
  probe.longestGap = (since = 0, until = performance.now()) => {
    let last = since;
    let longest = 0;
    for (const t of probe.frames) {
      if (t <= since) continue;
      if (t > until) break;
      longest = Math.max(longest, t - last);
      last = t;
    }
    return Math.max(longest, until - last);
  };
  probe.firstFrameAfter = (t) => probe.frames.find((f) => f > t) ?? null;

  // The widget's shadow root, watched from the moment it is attached, so the tests know when it
  // first shows a screen or a setup error (`readyAt`).
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === 'guided-troubleshooter' && !probe.shadow) {
      probe.shadow = root;
      const ready = () => {
        if (probe.readyAt === null && root.querySelector('.gt-start, .gt-setup-error')) probe.readyAt = performance.now();
      };
      new MutationObserver(ready).observe(root, { childList: true, subtree: true });
    }
    return root;
  };

  // Anything added to or changed in the page outside the widget's shadow root, once the page
  // itself has loaded.
  addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) {
        const what = r.type === 'attributes' ? `attribute ${r.attributeName} of <${r.target.localName}>`
          : `${[...r.addedNodes].map((n) => n.nodeName).join(',')} added to <${r.target.localName ?? r.target.nodeName}>`;
        probe.outside.push(what);
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  });
})();
