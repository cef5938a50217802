// Starting headless Chromium through WebDriver, with the driver from Debian's chromium-driver:
// nothing here may download a browser or a driver.
import { Builder, By, until, logging } from 'selenium-webdriver';
import chrome from 'selenium-webdriver/chrome.js';

export { By, until };

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMEDRIVER = process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver';

/** A new headless Chromium session with a window of `width` x `height`. */
export async function chromium({ width = 1280, height = 800 } = {}) {
  const options = new chrome.Options()
    .setChromeBinaryPath(CHROMIUM)
    .addArguments(
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', `--window-size=${width},${height}`,
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
