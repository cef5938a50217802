// Driving the widget as a person does, step by step, from walks the engine found
// (`flowcheck paths --json`), so no test hand-lists a path through the flow.
import { execFileSync } from 'node:child_process';
import { By, until } from 'selenium-webdriver';

/** Every walk through a flow file, from the engine. */
export function walks(flowFile) {
  const json = execFileSync('cargo', ['run', '--quiet', '--bin', 'flowcheck', '--', 'paths', flowFile, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(json);
}

/** What `flowcheck render` prints for a walk through `flowFile`, with page settings `config`. */
export async function rendered(flowFile, walk, config) {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const answers = { config };
  for (const s of walk.steps) {
    if (s.kind === 'question') answers[s.node] = s.option;
    if (s.kind === 'fields') for (const [id, value] of s.values) answers[id] = value;
    if (s.kind === 'not_fixed') answers[s.node] = 'no';
  }
  const dir = await mkdtemp(join(tmpdir(), 'walk-'));
  await writeFile(join(dir, 'answers.json'), JSON.stringify(answers));
  return execFileSync('cargo', ['run', '--quiet', '--bin', 'flowcheck', '--', 'render', flowFile, '--answers', join(dir, 'answers.json')], { encoding: 'utf8' });
}

/** Whether a walk answers "Did this fix it?" with No somewhere on its way. */
export const saysNo = (walk) => walk.steps.some((s) => s.kind === 'not_fixed');

/**
 * The shortest walk to each outcome, in the flow's order: one that goes straight there when
 * there is one, rather than through a No to "Did this fix it?".
 */
export function onePerOutcome(found) {
  const rank = (w) => [saysNo(w) ? 1 : 0, w.steps.length];
  const better = (a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1];
  const best = new Map();
  for (const w of found.walks) {
    const seen = best.get(w.outcome);
    if (!seen || better(w, seen) < 0) best.set(w.outcome, w);
  }
  return [...best.values()];
}

/**
 * The shadow root of a widget once it has rendered `ready` (a CSS selector inside it).
 * `host` is a CSS selector or an element.
 */
export async function widgetRoot(driver, host = 'guided-troubleshooter', ready = '.gt') {
  const element = typeof host === 'string'
    ? await driver.wait(until.elementLocated(By.css(host)), 10_000, `no ${host}`)
    : host;
  let root;
  await driver.wait(async () => {
    try {
      root = await element.getShadowRoot();
      return (await root.findElements(By.css(ready))).length > 0;
    } catch {
      return false;
    }
  }, 15_000, `the widget in ${typeof host === 'string' ? host : 'the element'} did not render ${ready}`);
  return root;
}

/** The element with focus, looking through shadow roots: what it is and what it holds. */
export async function focused(driver) {
  return driver.executeScript(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      cls: typeof el.className === 'string' ? el.className : '',
      type: el.getAttribute('type') ?? '',
      name: el.getAttribute('name') ?? '',
      value: el.getAttribute('value') ?? '',
      text: (el.textContent ?? '').trim(),
      length: typeof el.value === 'string' ? el.value.length : 0,
      inWidget: !!el.closest?.('.gt') || el.getRootNode() instanceof ShadowRoot,
    };
  });
}

/** The text of the current screen's heading. */
export async function heading(driver, root = driver) {
  const h = await root.findElement(By.css('.gt-screen .gt-heading'));
  return h.getText();
}

/** Waits until the screen's heading is no longer `before`. */
export async function screenChanged(driver, before, root = driver) {
  await driver.wait(async () => {
    try {
      return (await heading(driver, root)) !== before;
    } catch {
      return false;
    }
  }, 10_000, `the screen after "${before}" did not appear`);
}

/** Clicks Start on the start screen. */
export async function start(driver, root = driver) {
  const before = await heading(driver, root);
  await (await root.findElement(By.css('.gt-button-start'))).click();
  await screenChanged(driver, before, root);
}

/** Takes one step of a walk with the mouse. */
export async function step(driver, s, root = driver) {
  const before = await heading(driver, root);
  if (s.kind === 'question') {
    const labels = await root.findElements(By.css('.gt-radio-label'));
    await labels[s.index].click();
    await (await root.findElement(By.css('.gt-question button[type=submit]'))).click();
  } else if (s.kind === 'fields') {
    for (const [id, value] of s.values) {
      const input = await root.findElement(By.css(`.gt-fields input[name="${id}"]`));
      await input.clear();
      if (value) await input.sendKeys(value);
    }
    await (await root.findElement(By.css('.gt-fields button[type=submit]'))).click();
  } else if (s.kind === 'info') {
    await (await root.findElement(By.css('.gt-info .gt-button'))).click();
  } else if (s.kind === 'review') {
    await (await root.findElement(By.css('.gt-review > .gt-button'))).click();
  } else if (s.kind === 'not_fixed') {
    await (await root.findElement(By.css('.gt-fixed-no'))).click();
  }
  await screenChanged(driver, before, root);
}

/** Starts and takes every step of an engine walk with the mouse. */
export async function walk(driver, root, steps) {
  await start(driver, root);
  for (const s of steps) await step(driver, s, root);
}

/** Saves a PNG under target/screenshots/: of the viewport, or of all of `element`. */
export async function screenshot(driver, name, element = null) {
  const { mkdir, writeFile } = await import('node:fs/promises');
  await mkdir('target/screenshots', { recursive: true });
  const png = element ? await wholeElement(driver, element) : await driver.takeScreenshot();
  await writeFile(`target/screenshots/${name}.png`, png, 'base64');
}

// WebDriver's element screenshots stop at the viewport; Chromium's DevTools can go beyond it.
async function wholeElement(driver, element) {
  const clip = await driver.executeScript((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height, scale: 1 };
  }, element);
  const shot = await driver.sendAndGetDevToolsCommand('Page.captureScreenshot', {
    format: 'png', captureBeyondViewport: true, clip,
  });
  return shot.data;
}

/**
 * The text of a QR code in the widget (`css` inside the first widget's shadow root): draws its
 * runs of dark modules (`Mx yh<width>v1h-<width>z`) into pixels and reads them with jsQR.
 */
export async function readQr(driver, css) {
  const { default: jsQR } = await import('jsqr');
  const { d, view } = await driver.executeScript((host, sel) => {
    const svg = host.shadowRoot.querySelector(sel);
    return { d: svg.querySelector('path').getAttribute('d'), view: Number(svg.getAttribute('viewBox').split(' ')[2]) };
  }, await driver.findElement(By.css('guided-troubleshooter')), css);
  const scale = 4;
  const side = view * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const run of d.split('M').filter(Boolean)) {
    const [x, y, width] = run.split(/[ hv]/).map(Number);
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < width * scale; dx++) {
        const i = ((y * scale + dy) * side + (x * scale + dx)) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
  }
  return jsQR(pixels, side, side)?.data ?? null;
}

export { By, until };
