// Converts a walk through one of our flows into a SurveyJS survey with the same screens in the
// same order: a start page, one page per node, and the outcome. SurveyJS has no decision-tree
// routing, so the comparison is screen for screen along one path, which is what a person sees.
function escape(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function plain(text) {
  return escape(String(text ?? '').replace(/\*\*/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\{[a-z0-9_-]+\}/g, ''));
}

/** A SurveyJS survey JSON for `walk` (steps from `flowcheck paths --json`) through `flow`. */
export function toSurvey(flow, steps) {
  const nodes = Object.fromEntries(flow.nodes.map((n) => [n.id, n]));
  const pages = [{
    name: 'start',
    elements: [{ type: 'html', name: 'intro', html: `<h2>${plain(flow.title)}</h2><p>${plain(flow.summary)}</p>` }],
  }];
  for (const step of steps) {
    const node = nodes[step.node];
    if (!node) continue;
    if (node.type === 'question') {
      pages.push({ name: node.id, elements: [{
        type: 'radiogroup', name: node.id, title: node.text, description: plain(node.hint ?? ''), isRequired: true,
        choices: node.options.map((o) => ({ value: o.id, text: o.label })),
      }] });
    } else if (node.type === 'fields') {
      pages.push({ name: node.id, title: node.text, elements: node.fields.map((f) => ({
        type: 'text', name: f.id, title: f.label, description: plain(f.hint ?? ''), isRequired: !!f.required,
        inputType: f.format === 'email' ? 'email' : f.format === 'phone' ? 'tel' : 'text',
      })) });
    } else if (node.type === 'info') {
      pages.push({ name: node.id, elements: [{ type: 'html', name: node.id, html: `<h2>${plain(node.title)}</h2><p>${plain(node.body)}</p>` }] });
    }
  }
  return { title: flow.title, firstPageIsStarted: true, showQuestionNumbers: 'off', pages };
}
