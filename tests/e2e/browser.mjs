// Starting headless Chromium through WebDriver, with the driver from Debian's chromium-driver:
// nothing here may download a browser or a driver.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { Builder, By, Capabilities, until, logging } from 'selenium-webdriver';
import chrome from 'selenium-webdriver/chrome.js';
import firefox from 'selenium-webdriver/firefox.js';

export { By, until };

/** Debian's Chromium, which every Chromium test and the benchmark's Lighthouse runs use. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMEDRIVER = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? `${process.env.HOME}/.cargo/bin/geckodriver`;
const WEBKITDRIVER = process.env.WEBKITDRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A new headless Chromium session with a window of `width` x `height`. */
export async function chromium({ width = 1280, height = 800, args = [] } = {}) {
  const options = new chrome.Options()
    .setChromeBinaryPath(CHROMIUM)
    .addArguments(
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', `--window-size=${width},${height}`, ...args,
    );
  const prefs = new logging.Preferences();
  prefs.setLevel(logging.Type.BROWSER, logging.Level.ALL);
  options.setLoggingPrefs(prefs);
  const service = new chrome.ServiceBuilder(CHROMEDRIVER);
  const driver = await new Builder()
    .forBrowser('chrome')
    .setChromeOptions(options)
    .setChromeService(service)
    .build();
  await driver.manage().setTimeouts({ script: 10_000, pageLoad: 20_000 });
  return driver;
}

/** Browser console entries at SEVERE level (errors), as text. */
/** Runs `body` while Chromium refuses every request matching `urls` (DevTools patterns). */
export async function withBlocked(driver, urls, body) {
  await driver.sendDevToolsCommand('Network.enable', {});
  await driver.sendDevToolsCommand('Network.setBlockedURLs', { urls });
  try {
    await body();
  } finally {
    await driver.sendDevToolsCommand('Network.setBlockedURLs', { urls: [] });
  }
}

export async function consoleErrors(driver) {
  const entries = await driver.manage().logs().get(logging.Type.BROWSER);
  return entries.filter((e) => e.level.value >= logging.Level.SEVERE.value).map((e) => e.message);
}

/** Waits until the element matching `css` exists and is displayed. */
export async function visible(driver, css, timeout = 10_000) {
  const element = await driver.wait(until.elementLocated(By.css(css)), timeout, `no ${css}`);
  await driver.wait(until.elementIsVisible(element), timeout, `${css} is not visible`);
  return element;
}

/** The engines the end-to-end tests run in (E2E_ENGINES, comma-separated, to choose). */
export const ENGINES = (process.env.E2E_ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);

/** A new session in the named engine. */
export async function open(engine, size) {
  if (engine === 'chromium') return chromium(size);
  if (engine === 'firefox') return firefoxEsr(size);
  if (engine === 'webkit') return webkit(size);
  throw new Error(`unknown engine ${engine}`);
}

/** Headless Firefox ESR through geckodriver, with its calls home switched off. */
export async function firefoxEsr({ width = 1280, height = 800 } = {}) {
  for (const path of [FIREFOX, GECKODRIVER]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/setup.sh browsers`);
  }
  const options = new firefox.Options().setBinary(FIREFOX).addArguments('-headless').windowSize({ width, height });
  for (const [key, value] of Object.entries({
    'app.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'toolkit.telemetry.enabled': false,
  })) options.setPreference(key, value);
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER)).build();
  await driver.manage().setTimeouts({ script: 10_000, pageLoad: 20_000 });
  return driver;
}

/**
 * WebKitGTK's MiniBrowser through WebKitWebDriver. It has no headless mode, so this starts an Xvfb
 * display for it; without a display, or without --automation, creating the session hangs, hence
 * the timeout. quit() stops the driver and the display too.
 */
export async function webkit({ width = 1280, height = 800 } = {}) {
  for (const path of [WEBKITDRIVER, MINIBROWSER, '/usr/bin/Xvfb']) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/setup.sh browsers`);
  }
  const display = await startXvfb();
  const port = await freePort();
  const server = spawn(WEBKITDRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: `:${display.number}` },
    stdio: 'ignore',
  });
  const stop = () => {
    server.kill();
    display.process.kill();
  };
  try {
    await waitForPort(port, 10_000);
    const caps = new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    });
    const session = new Builder().usingServer(Promise.resolve(`http://127.0.0.1:${port}`)).withCapabilities(caps).build();
    const driver = await withTimeout(Promise.resolve(session), 30_000, 'creating a WebKit session');
    await driver.manage().window().setRect({ width, height });
    await driver.manage().setTimeouts({ script: 10_000, pageLoad: 20_000 });
    const quit = driver.quit.bind(driver);
    driver.quit = async () => {
      try {
        await withTimeout(quit(), 10_000, 'closing the WebKit session');
      } finally {
        stop();
      }
    };
    return driver;
  } catch (e) {
    stop();
    throw e;
  }
}

async function startXvfb() {
  for (let number = 90; number < 120; number++) {
    if (existsSync(`/tmp/.X11-unix/X${number}`) || existsSync(`/tmp/.X${number}-lock`)) continue;
    const process = spawn('/usr/bin/Xvfb', [`:${number}`, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const started = Date.now();
    while (!existsSync(`/tmp/.X11-unix/X${number}`)) {
      if (Date.now() - started > 10_000 || process.exitCode !== null) throw new Error(`Xvfb :${number} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { number, process };
  }
  throw new Error('no free X display for Xvfb');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function waitForPort(port, ms) {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const open = await new Promise((r) => {
      const socket = connect(port, '127.0.0.1', () => { socket.end(); r(true); }).on('error', () => r(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on port ${port} after ${ms} ms`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms); }),
  ]);
}

/** The strict Content-Security-Policy the README promises the widget works under. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; "
  + "img-src 'self' data:; object-src 'none'; base-uri 'none'";

/** From the next page on, the page collects every CSP violation in `window.__violations`. */
export async function watchCspViolations(driver) {
  await driver.sendDevToolsCommand('Page.addScriptToEvaluateOnNewDocument', {
    source: "window.__violations = []; document.addEventListener('securitypolicyviolation', "
      + "(e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));",
  });
}
