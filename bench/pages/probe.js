// Records when the first screen is on the page and can take focus (window.__firstScreen, in ms
// from navigation start). The page names what to wait for with data-ready (and data-shadow when
// it is inside a shadow root).
(() => {
  const script = document.currentScript;
  const ready = script.dataset.ready;
  const shadow = script.dataset.shadow;
  const find = () => (shadow ? document.querySelector(shadow)?.shadowRoot : document)?.querySelector(ready);
  const look = () => {
    const target = find();
    if (target && target.getClientRects().length > 0) {
      target.focus({ preventScroll: true });
      window.__firstScreen = performance.now();
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
})();
