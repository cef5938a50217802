// axe-core (pinned in package-lock.json) on the widget's shadow tree, with the WCAG 2.0, 2.1
// and 2.2 A and AA rules.
import { readFile } from 'node:fs/promises';

const source = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Runs axe on the element matched by `host` (and its shadow root); returns violations. */
export async function axe(driver, host = 'guided-troubleshooter') {
  const loaded = await driver.executeScript(() => typeof window.axe !== 'undefined');
  if (!loaded) await driver.executeScript(source);
  const result = await driver.executeAsyncScript((selector, tags, done) => {
    window.axe
      .run({ include: [[selector]] }, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      .then((r) => done(r.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary.split('\n').join(' ')}`),
      }))))
      .catch((e) => done([{ rule: 'axe-error', help: String(e), nodes: [] }]));
  }, host, TAGS);
  return result;
}
