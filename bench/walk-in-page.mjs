// The walk `make bench` times, which one and how it is walked in the page; shared by
// bench/run.mjs and the tools beside it.
import { execFileSync } from 'node:child_process';

/** What `flowcheck` (run through Cargo) prints for `args`. */
export const flowcheck = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'flowcheck', '--', ...args], { encoding: 'utf8', maxBuffer: 256 << 20 });

/**
 * The built-in flow's walk to the helpdesk (the longest ordinary visit): the shortest way to
 * `out-helpdesk` with no "No" to "Did this fix it?", as `flowcheck paths --json` gives it.
 */
export function helpdeskWalk() {
  const walks = JSON.parse(flowcheck('paths', 'flows/microsoft-authenticator.json', '--json')).walks;
  return walks.filter((w) => w.outcome === 'out-helpdesk' && w.steps.every((s) => s.kind !== 'not_fixed'))
    .sort((a, b) => a.steps.length - b.steps.length)[0];
}

/**
 * In the page (run by WebDriver's executeAsyncScript, so it must stand alone): walks `steps`
 * `rounds` times from the start with our widget or SurveyJS (`name`), and calls `done` with
 * each step's milliseconds from activation to the next heading in the DOM (`times`) and that
 * plus the work of the frame that paints it (`painted`), or with `error`.
 */
export function walkInPage(name, steps, rounds, done) {
  const frame = () => new Promise((r) => setTimeout(r, 0));
  const host = document.querySelector('guided-troubleshooter');
  const root = name === 'ours' ? host.shadowRoot : document;
  const screenText = () => name === 'ours'
    ? root.querySelector('.gt-screen .gt-heading')?.textContent
    : document.querySelector('.sd-body, .sd-completedpage')?.textContent;
  const changed = (before) => new Promise((resolve) => {
    if (screenText() !== before) return resolve();
    const watch = new MutationObserver(() => { if (screenText() !== before) { watch.disconnect(); resolve(); } });
    watch.observe(root, { subtree: true, childList: true, characterData: true });
  });
  // The main thread's work for the frame that draws the new screen (its style, layout and
  // paint): from that frame's animation callbacks to the first task after it. The wait for the
  // frame is not counted.
  const frameWork = () => new Promise((resolve) => requestAnimationFrame(() => {
    const t = performance.now();
    setTimeout(() => resolve(performance.now() - t), 0);
  }));
  const painted = [];
  const act = async (prepare, press) => {
    prepare();
    await frame();
    const before = screenText();
    const t0 = performance.now();
    press();
    await changed(before);
    const dom = performance.now() - t0;
    painted.push(dom + await frameWork());
    return dom;
  };
  (async () => {
    const times = [];
    for (let round = 0; round < rounds; round++) {
      if (name === 'ours') {
        host.restart();
        await frame();
        times.push(await act(() => {}, () => root.querySelector('.gt-button-start').click()));
        for (const s of steps) {
          if (s.kind === 'question') {
            times.push(await act(() => root.querySelector(`.gt-radio-input[value="${s.option}"]`).click(), () => root.querySelector('.gt-question button[type=submit]').click()));
          } else if (s.kind === 'fields') {
            times.push(await act(() => {
              for (const [id, value] of s.values) {
                const input = root.querySelector(`input[name="${id}"]`);
                input.value = value;
                input.dispatchEvent(new Event('input', { bubbles: true }));
              }
            }, () => root.querySelector('.gt-fields button[type=submit]').click()));
          } else if (s.kind === 'info') {
            times.push(await act(() => {}, () => root.querySelector('.gt-info .gt-button').click()));
          } else if (s.kind === 'review') {
            times.push(await act(() => {}, () => root.querySelector('.gt-review > .gt-button').click()));
          }
        }
      } else {
        const model = window.benchSurvey;
        model.clear(true, true);
        await frame();
        times.push(await act(() => {}, () => document.querySelector('.sd-navigation__start-btn').click()));
        for (const s of steps) {
          const next = () => (document.querySelector('.sd-navigation__next-btn:not(.sd-action--hidden)') && model.isLastPage === false
            ? document.querySelector('.sd-navigation__next-btn') : document.querySelector('.sd-navigation__complete-btn')).click();
          if (s.kind === 'question') times.push(await act(() => model.setValue(s.node, s.option), next));
          else if (s.kind === 'fields') times.push(await act(() => s.values.forEach(([id, v]) => v && model.setValue(id, v)), next));
          else if (s.kind === 'info') times.push(await act(() => {}, next));
        }
      }
    }
    return { times, painted };
  })().then(done, (e) => done({ error: String(e) }));
}
