// Driving the widget with the keyboard alone: Tab and Shift+Tab move focus, the arrow keys move
// within a radio group (as browsers require), Space and Enter act. Focus is read through the
// shadow root, and every new screen must put it on its heading.
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { focused } from './widget.mjs';

async function press(driver, ...keys) {
  await driver.actions({ async: true }).sendKeys(...keys).perform();
}

/** Presses Tab (or Shift+Tab) until `want(focused)` holds; fails after `limit` presses. */
export async function tabTo(driver, want, what, { back = false, limit = 60 } = {}) {
  for (let i = 0; i < limit; i++) {
    const now = await focused(driver);
    if (now && want(now)) return now;
    if (back) await driver.actions({ async: true }).keyDown(Key.SHIFT).sendKeys(Key.TAB).keyUp(Key.SHIFT).perform();
    else await press(driver, Key.TAB);
  }
  assert.fail(`the keyboard never reached ${what}`);
}

/** The heading text of the current screen, read from the page. */
export async function headingText(driver, host) {
  return driver.executeScript((h) => h.shadowRoot.querySelector('.gt-screen .gt-heading')?.textContent ?? '', host);
}

/** Waits for a new screen and asserts that focus moved to its heading. */
export async function expectNewScreen(driver, host, before) {
  await driver.wait(async () => (await headingText(driver, host)) !== before, 10_000, `no new screen after "${before}"`);
  const now = await focused(driver);
  const heading = await headingText(driver, host);
  assert.ok(now?.cls.includes('gt-heading'), `focus is on ${JSON.stringify(now)}, not the heading "${heading}"`);
  assert.equal(now.text, heading);
  return heading;
}

const isButton = (label) => (f) => (f.tag === 'button' || f.tag === 'a') && f.text.startsWith(label) && f.inWidget;

/** Start, by keyboard, from wherever focus is on the page. */
export async function keyStart(driver, host) {
  const before = await headingText(driver, host);
  await tabTo(driver, (f) => f.cls.includes('gt-button-start'), 'the Start button');
  await press(driver, Key.ENTER);
  return expectNewScreen(driver, host, before);
}

/** Continue without choosing: the error summary must appear and take focus. */
export async function keySubmitEmpty(driver, host, label = 'Continue') {
  await tabTo(driver, isButton(label), `the ${label} button`);
  await press(driver, Key.SPACE);
  await driver.wait(async () => (await focused(driver))?.cls.includes('gt-error-summary'), 5_000, 'the error summary did not take focus');
}

/** One step of an engine walk, by keyboard. Returns the new screen's heading. */
export async function keyStep(driver, host, step) {
  const before = await headingText(driver, host);
  if (step.kind === 'question') {
    await tabTo(driver, (f) => f.type === 'radio', 'the first option');
    // Arrow keys move the selection within the group; Space selects the focused option.
    await press(driver, Key.HOME);
    for (let i = 0; i < step.index; i++) await press(driver, Key.ARROW_DOWN);
    await press(driver, Key.SPACE);
    const chosen = await focused(driver);
    assert.equal(chosen.value, step.option, 'the keyboard chose the walk\'s option');
    await tabTo(driver, isButton('Continue'), 'Continue');
    await press(driver, Key.ENTER);
  } else if (step.kind === 'fields') {
    for (const [id, value] of step.values) {
      const field = await tabTo(driver, (f) => f.tag === 'input' && f.name === id, `the ${id} field`);
      // Clear what is there with End and Backspace: select-all chords differ between engines.
      if (field.length > 0) await press(driver, Key.END, ...Array(field.length).fill(Key.BACK_SPACE));
      if (value) await press(driver, value);
    }
    await press(driver, Key.ENTER);
  } else if (step.kind === 'info') {
    await tabTo(driver, isButton('Continue'), 'Continue');
    await press(driver, Key.ENTER);
  } else if (step.kind === 'review') {
    await tabTo(driver, isButton('These are right'), 'the confirm button');
    await press(driver, Key.SPACE);
  } else if (step.kind === 'not_fixed') {
    await tabTo(driver, isButton('No, it still does not work'), 'the No button of "Did this fix it?"');
    await press(driver, Key.ENTER);
  }
  return expectNewScreen(driver, host, before);
}
