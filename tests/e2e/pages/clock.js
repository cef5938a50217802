// The kiosk's idle clock, driven by the soak test instead of the wall clock. The widget counts
// idle time with one-second intervals (src/ui/idle.rs); here those intervals are held, and each
// __clock.tick() runs them once, as a second passing would. Every other timer is the browser's.
(() => {
  const realSet = window.setInterval.bind(window);
  const realClear = window.clearInterval.bind(window);
  const held = new Map();
  let next = 2 ** 30;
  window.setInterval = (fn, ms, ...args) => {
    if (ms !== 1000 || typeof fn !== 'function') return realSet(fn, ms, ...args);
    const id = next++;
    held.set(id, fn);
    return id;
  };
  window.clearInterval = (id) => {
    if (!held.delete(id)) realClear(id);
  };
  window.__clock = {
    tick() {
      for (const fn of [...held.values()]) fn();
    },
    get held() {
      return held.size;
    },
  };
})();
